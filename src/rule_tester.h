// --test-rules: every rule's `bad` examples must fire it and no `good` example may.
#pragma once

#include <string>
#include <vector>

#include "rule.h"
#include "rule_set.h"

namespace tonelint {

struct RuleTestReport {
  std::size_t rules_tested = 0;
  std::size_t examples_tested = 0;
  std::vector<Diagnostic> failures;  // one per failing example or missing example
};

// Tests the rules of `rules` whose file starts with `file_prefix` (all when empty). Each
// example is linted alone, in the rule's language, with the rule's `context:` triggers taken
// as holding. When `bundled_bar` is set, the bar for bundled rules applies too: a rule with
// fewer than two `bad` or two `good` examples fails, and so does a rule with no counterpart
// under its id in the other language unless it is marked `language-specific yes`.
RuleTestReport TestRules(const RuleSet& rules, const std::string& file_prefix,
                         bool bundled_bar);

}  // namespace tonelint
