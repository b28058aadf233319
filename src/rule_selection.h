// --enable / --disable: choosing rules by id (TL1001), name (insult-direct) or category (mockery).
#pragma once

#include <string>
#include <vector>

#include "rule.h"

namespace tonelint {

struct RuleSelection {
  std::vector<std::string> enable;
  std::vector<std::string> disable;
};

// Removes from `files` every rule that `selection.disable` names unless `selection.enable` also
// names it (so "--disable mockery --enable TL1502" keeps one mockery rule). Every rule is on by
// default. A selector that names no rule, category or signal is reported in `errors` with a
// "did you mean"; returns false then.
bool ApplyRuleSelection(const RuleSelection& selection, std::vector<RuleFile>* files,
                        std::vector<Diagnostic>* errors);

}  // namespace tonelint
