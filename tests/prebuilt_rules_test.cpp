#include "prebuilt_rules.h"

#include <doctest/doctest.h>

#include "bundled_rules.h"
#include "pattern_lines.h"
#include "rule_loader.h"
#include "rule_parser.h"

using namespace tonelint;

namespace {

// A rule file's pieces, referred to by TextRange initializers.
constexpr std::string_view kText = "a.rulesTL1001insult-directinsultmidiotaeres tontodisculpa"
                                   "apologyperdon";
constexpr TextRange R(std::string_view piece) {
  return {static_cast<std::uint32_t>(kText.find(piece)), static_cast<std::uint32_t>(piece.size())};
}
constexpr PrebuiltLine kLines[] = {
    {R("idiota"), 7, 7, false},       // match
    {R("eres tonto"), 9, 5, false},   // bad
    {R("disculpa"), 0, 0, false},     // suggestion
    {R("perdon"), 14, 7, true},       // the signal's regex
};
constexpr PrebuiltTrigger kTriggers[] = {{Trigger::Kind::kReply, {R("apology"), 8, 6, false}}};
constexpr PrebuiltRule kRules[] = {
    {R("TL1001"), R("insult-direct"), Lang::kEs, R("insult"), Severity::kError, R("m"), true,
     false, true, 3, {0, 1}, {0, 0}, {2, 1}, {0, 0}, {1, 1}, {0, 0}, {0, 1}, 1, 1},
};
constexpr PrebuiltSignal kSignals[] = {{R("apology"), Lang::kEs, {3, 1}, 13, 1}};
constexpr PrebuiltRuleFile kFiles[] = {{R("a.rules"), {0, 1}, {0, 1}}};

}  // namespace

TEST_CASE("a prebuilt rule file loads as the values it was written from") {
  const PrebuiltRuleFiles prebuilt{kText, kFiles, kRules, kSignals, kLines, kTriggers};
  const std::vector<RuleFile> files = prebuilt.Load();
  REQUIRE(files.size() == 1);
  REQUIRE(files[0].rules.size() == 1);
  const Rule& rule = files[0].rules[0];
  CHECK(rule.id == "TL1001");
  CHECK(rule.name == "insult-direct");
  CHECK(rule.lang == Lang::kEs);
  CHECK(rule.category == "insult");
  CHECK(rule.severity == Severity::kError);
  CHECK(rule.message == "m");
  CHECK(rule.obfuscated);
  CHECK_FALSE(rule.fix_safe);
  CHECK(rule.language_specific);
  CHECK(rule.caps_words == 3);
  CHECK(rule.matches == std::vector<PatternLine>{{"idiota", false, {"a.rules", 7, 7}}});
  CHECK(rule.unless.empty());
  CHECK(rule.suggestions == std::vector<std::string>{"disculpa"});
  CHECK(rule.bad == std::vector<Example>{{"eres tonto", {"a.rules", 9, 5}}});
  CHECK(rule.good.empty());
  CHECK(rule.triggers ==
        std::vector<Trigger>{{Trigger::Kind::kReply, "apology", {"a.rules", 8, 6}}});
  CHECK(rule.location == SourceLocation{"a.rules", 1, 1});
  REQUIRE(files[0].signals.size() == 1);
  CHECK(files[0].signals[0] ==
        Signal{"apology", Lang::kEs, {{"perdon", true, {"a.rules", 14, 7}}}, {"a.rules", 13, 1}});
}

TEST_CASE("the bundled rules load from their prebuilt form as the parser reads them") {
  CHECK(BundledPrebuiltRules().files.size() == BundledRuleFiles().size());
  std::vector<Diagnostic> errors;
  const std::vector<RuleFile> parsed = LoadRuleFiles(RuleSources{}, &errors);
  const std::vector<RuleFile> prebuilt =
      LoadRuleFiles(RuleSources{}, &errors, &BundledPrebuiltRules());
  CHECK(errors.empty());
  CHECK(prebuilt == parsed);
  // Without examples, the same rules without their bad and good examples.
  RuleSources without_examples;
  without_examples.examples = false;
  std::vector<RuleFile> expected = parsed;
  for (RuleFile& file : expected) {
    for (Rule& rule : file.rules) rule.bad = rule.good = {};
  }
  CHECK(LoadRuleFiles(without_examples, &errors, &BundledPrebuiltRules()) == expected);
  // Without the bundled rules, the prebuilt ones are not loaded either.
  CHECK(LoadRuleFiles(RuleSources{false, {}}, &errors, &BundledPrebuiltRules()).empty());
}

TEST_CASE("the bundled rules' prebuilt pattern lines know their precompiled entries") {
  std::vector<Diagnostic> errors;
  const PrecompiledPatterns& table = BundledPrecompiledPatterns();
  std::size_t lines = 0;
  auto check = [&](const PatternLine& line, PatternMode mode) {
    ++lines;
    CHECK(line.precompiled_entry == table.Find(line.text, mode, line.is_regex) -
                                        table.patterns().data());
  };
  for (const RuleFile& file : LoadRuleFiles(RuleSources{}, &errors, &BundledPrebuiltRules())) {
    ForEachPatternLine(file, check);
  }
  CHECK(errors.empty());
  CHECK(lines > 500);
}

TEST_CASE("prebuilt rule files without files leave the bundled ones to the parser") {
  std::vector<Diagnostic> errors;
  const PrebuiltRuleFiles none;
  CHECK(LoadRuleFiles(RuleSources{}, &errors, &none) == LoadRuleFiles(RuleSources{}, &errors));
  CHECK(errors.empty());
}
