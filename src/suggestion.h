// Turning a rule's `suggest` template into the rewrite shown for one match.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tonelint {

// Replaces `$1`..`$9` in `pattern` with `groups[0]`..`groups[8]` (a missing or unmatched group
// becomes empty; `$$` is a literal `$`), then makes the first letter upper case if the first
// letter of `matched` is upper case, lower case otherwise ("No es nuestro problema" → "Vamos…",
// "…y no es nuestro problema" → "vamos…").
std::string ExpandSuggestion(std::string_view pattern, const std::vector<std::string_view>& groups,
                             std::string_view matched);

}  // namespace tonelint
