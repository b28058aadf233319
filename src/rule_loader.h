// Collecting rule files: the bundled ones and those given with --rules.
#pragma once

#include <string>
#include <vector>

#include "rule.h"

namespace tonelint {

struct PrebuiltRuleFiles;  // prebuilt_rules.h

struct RuleSources {
  bool bundled = true;               // false with --no-default-rules
  std::vector<std::string> paths;    // --rules: files, or directories searched for *.rules
  // False: the bundled rules' bad/good examples may be left out, for a run that does not read
  // them (only --explain, --test-rules and SARIF output do). Made from the prebuilt rules, they
  // were 0.55M instructions and 9% of the page faults of a run on one reply.
  bool examples = true;
};

// Parses every rule file of `sources`, bundled first, then each path in order (directories in
// sorted path order). Appends problems to `errors` (unreadable path, parse errors) and returns
// what could be parsed; the caller must not build a RuleSet when `errors` grew.
// `bundled`, if given and not empty, is the bundled files already parsed
// (BundledPrebuiltRules()): they are made from it instead of parsed again.
std::vector<RuleFile> LoadRuleFiles(const RuleSources& sources, std::vector<Diagnostic>* errors,
                                    const PrebuiltRuleFiles* bundled = nullptr);

}  // namespace tonelint
