#include "document_checks.h"

#include <doctest/doctest.h>

#include <set>
#include <string>

#include "rule_parser.h"

using namespace tonelint;

namespace {

constexpr std::string_view kRules = R"(
signal complaint
lang es
match no funciona

signal bad-news
lang es
match lamentablemente

signal bad-news
lang en
match unfortunately

rule TL3001 missing-apology
lang es
category missing-apology
severity warning
message m
when context:complaint
require lo sentimos

rule TL3002 missing-apology-bad-news
lang es
category missing-apology
severity info
message m
when reply:bad-news
require disculp*

rule TL3002 missing-apology-bad-news
lang en
category missing-apology
severity info
message m
when reply:bad-news
require sorry
)";

std::unique_ptr<RuleSet> BuildRules() {
  RuleFile file;
  std::vector<Diagnostic> errors;
  ParseRuleFile("test.rules", kRules, &file, &errors);
  std::vector<RuleFile> files;
  files.push_back(std::move(file));
  auto rules = RuleSet::Build(std::move(files), &errors);
  REQUIRE(rules);
  return rules;
}

// What each decisive entry stands for: a signal's name, or a rule's id and language.
std::set<std::string> Decisive(const RuleSet& rules, Lang lang, const CustomerMessage* context,
                               ContextTriggers triggers = ContextTriggers::kFromMessage) {
  const std::vector<bool> decisive = DecisiveDocumentPatterns(rules, lang, context, triggers);
  REQUIRE(decisive.size() == rules.document_patterns().entries.size());
  std::set<std::string> names;
  for (std::size_t i = 0; i < decisive.size(); ++i) {
    if (!decisive[i]) continue;
    const auto [is_signal, index] = DocumentEvidence::Slot(rules, static_cast<int>(i));
    names.insert(is_signal ? rules.signal_names()[index]
                           : rules.rules()[index].id + (rules.rules()[index].lang == Lang::kEs ? "/es" : "/en"));
  }
  return names;
}

}  // namespace

TEST_CASE("decisive document patterns: those of the rules that may fire in the reply's language") {
  const auto rules = BuildRules();
  using Names = std::set<std::string>;
  // Without a customer's message, TL3001 cannot fire: what it requires decides nothing.
  CHECK(Decisive(*rules, Lang::kEs, nullptr) == Names{"TL3002/es", "bad-news"});
  CHECK(Decisive(*rules, Lang::kEn, nullptr) == Names{"TL3002/en", "bad-news"});
  CHECK(Decisive(*rules, Lang::kEs, nullptr, ContextTriggers::kAssumeHold) ==
        Names{"TL3001/es", "TL3002/es", "bad-news"});
  CustomerMessage complaint;
  complaint.evidence.Reset(*rules);
  CHECK(Decisive(*rules, Lang::kEs, &complaint) == Names{"TL3002/es", "bad-news"});
  std::vector<int> complaint_signal;
  for (std::size_t i = 0; i < rules->document_patterns().entries.size(); ++i) {
    const auto [is_signal, index] = DocumentEvidence::Slot(*rules, static_cast<int>(i));
    if (is_signal && rules->signal_names()[index] == "complaint") complaint_signal.push_back(static_cast<int>(i));
  }
  complaint.evidence.Record(*rules, complaint_signal);
  CHECK(Decisive(*rules, Lang::kEs, &complaint) == Names{"TL3001/es", "TL3002/es", "bad-news"});
}
