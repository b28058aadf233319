// Reading rule files (docs/rule-format.md) into Rule and Signal values. Checks what one file
// can check on its own: keys, values, required keys, the syntax of ids and names. Patterns,
// duplicate ids and signal references are checked when the rules are compiled (rule_set.h).
#pragma once

#include <string_view>
#include <vector>

#include "rule.h"

namespace tonelint {

// Parses `contents`, naming it `path` in locations. Appends every rule and signal it could
// read to `out` and every problem to `errors` (all of them, not just the first, like a
// compiler); a block with an error is left out. Returns true when there were no errors.
bool ParseRuleFile(std::string_view path, std::string_view contents, RuleFile* out,
                   std::vector<Diagnostic>* errors);

}  // namespace tonelint
