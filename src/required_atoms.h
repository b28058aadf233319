// Literal strings that every match of a `regex` line contains, found at build time for the
// bundled rules (tools/precompile_rules.cpp) and when a rule file's other lines are compiled
// (RuleSet::Build), so that a run tries such a pattern only in a text where one of them occurs
// instead of adding it to the RE2::Set of patterns without keywords.
// A `regex` line has no keywords: it sat in that set, and one with a repeated character class
// ("[^.!?]{0,40}") made the set cost ten times as much to build and run on every sentence.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tonelint {

// Strings such that a text in which `regex` (RE2 syntax, UTF-8) matches contains at least one
// of them, given that the text's ASCII letters are lowercase (a matching form is case-folded).
// Found with RE2's prefilter (re2/filtered_re2.h), then reduced to a set that has no needless
// member, keeping those likely rarer in prose: punctuation and emoji before words, words before
// blanks, long before short.
// Empty when there is no such set: the pattern can match a text without any literal (".",
// "[a-z]+"), contains a non-ASCII letter that has case (case folding and RE2's lowercasing
// disagree on some), or does not compile; and when it is longer than 512 bytes, too long to
// look for them at the start of a run (required_atoms.cpp).
std::vector<std::string> RequiredAtoms(std::string_view regex);

}  // namespace tonelint
