// Collecting rule files: the bundled ones and those given with --rules.
#pragma once

#include <string>
#include <vector>

#include "rule.h"

namespace tonelint {

struct RuleSources {
  bool bundled = true;               // false with --no-default-rules
  std::vector<std::string> paths;    // --rules: files, or directories searched for *.rules
};

// Parses every rule file of `sources`, bundled first, then each path in order (directories in
// sorted path order). Appends problems to `errors` (unreadable path, parse errors) and returns
// what could be parsed; the caller must not build a RuleSet when `errors` grew.
std::vector<RuleFile> LoadRuleFiles(const RuleSources& sources, std::vector<Diagnostic>* errors);

}  // namespace tonelint
