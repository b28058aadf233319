#include "rule_tester.h"

#include <algorithm>

#include "linter.h"

namespace tonelint {
namespace {

bool Fires(Linter& linter, const Rule& rule, const std::string& text) {
  LintOptions options;
  options.lang = rule.lang;
  options.context_triggers = ContextTriggers::kAssumeHold;
  const std::vector<Finding> findings = linter.Lint(SourceText(text), options);
  return std::any_of(findings.begin(), findings.end(), [&](const Finding& finding) {
    return finding.rule->id == rule.id && finding.rule->lang == rule.lang;
  });
}

}  // namespace

RuleTestReport TestRules(const RuleSet& rules, const std::string& file_prefix,
                         bool bundled_bar) {
  RuleTestReport report;
  Linter linter(rules);
  for (const Rule& rule : rules.rules()) {
    if (!rule.location.file.starts_with(file_prefix)) continue;
    ++report.rules_tested;
    const std::string subject = rule.id + " " + rule.name + " (" + std::string(LangCode(rule.lang)) + ")";
    if (bundled_bar && (rule.bad.size() < 2 || rule.good.size() < 2)) {
      report.failures.push_back({rule.location, subject + " needs at least two 'bad' and two 'good' examples"});
    }
    const Lang other = rule.lang == Lang::kEs ? Lang::kEn : Lang::kEs;
    if (bundled_bar && !rule.language_specific &&
        rules.FindRule(rule.id, other) == rules.rules().size()) {
      report.failures.push_back(
          {rule.location, subject + " has no " + std::string(LangCode(other)) +
                              " counterpart; write one or mark it 'language-specific yes'"});
    }
    for (const Example& example : rule.bad) {
      ++report.examples_tested;
      if (!Fires(linter, rule, example.text)) {
        report.failures.push_back({example.location, "bad example does not fire " + subject});
      }
    }
    for (const Example& example : rule.good) {
      ++report.examples_tested;
      if (Fires(linter, rule, example.text)) {
        report.failures.push_back({example.location, "good example fires " + subject});
      }
    }
  }
  return report;
}

}  // namespace tonelint
