// "did you mean ...?" for unknown keys, categories, rule names and options.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tonelint {

// Returns "; did you mean 'x'?" naming the candidate closest to `word` by edit distance, or ""
// when none is close enough (distance above a third of the word's length, at least 1).
std::string DidYouMean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace tonelint
