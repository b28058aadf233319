#include "rule_set.h"

#include <doctest/doctest.h>

#include <thread>

#include "rule_parser.h"

using namespace tonelint;

namespace {

// Builds a RuleSet from files named a.rules, b.rules, ...; returns the errors.
std::vector<std::string> BuildErrors(const std::vector<std::string>& contents) {
  std::vector<Diagnostic> errors;
  std::vector<RuleFile> files;
  char name = 'a';
  for (const std::string& text : contents) {
    RuleFile file;
    ParseRuleFile(std::string(1, name++) + ".rules", text, &file, &errors);
    files.push_back(std::move(file));
  }
  REQUIRE(errors.empty());
  const auto rules = RuleSet::Build(std::move(files), &errors);
  CHECK((rules == nullptr) == !errors.empty());
  std::vector<std::string> out;
  for (const Diagnostic& error : errors) out.push_back(error.ToString());
  return out;
}

std::string RuleText(std::string_view id, std::string_view name, std::string_view lang,
                 std::string_view body) {
  return "rule " + std::string(id) + " " + std::string(name) + "\nlang " + std::string(lang) +
         "\ncategory insult\nseverity error\nmessage m\n" + std::string(body) + "\n";
}

}  // namespace

TEST_CASE("the same id in two languages is one concept, not a duplicate") {
  CHECK(BuildErrors({RuleText("TL1001", "insult-direct", "es", "match idiota"),
                     RuleText("TL1001", "insult-direct", "en", "match idiot")})
            .empty());
}

TEST_CASE("duplicate ids and inconsistent names are reported with both places") {
  CHECK(BuildErrors({RuleText("TL1001", "insult-direct", "es", "match idiota"),
                     RuleText("TL1001", "insult-direct", "es", "match tonto")}) ==
        std::vector<std::string>{"b.rules:1:1: duplicate rule id TL1001 for language es (first at a.rules:1)"});
  CHECK(BuildErrors({RuleText("TL1001", "insult-direct", "es", "match idiota"),
                     RuleText("TL1001", "insult-other", "en", "match idiot")}) ==
        std::vector<std::string>{"b.rules:1:1: rule TL1001 is named 'insult-other' here but 'insult-direct' at a.rules:1"});
  CHECK(BuildErrors({RuleText("TL1001", "insult-direct", "es", "match idiota"),
                     RuleText("TL1002", "insult-direct", "es", "match tonto")}) ==
        std::vector<std::string>{"b.rules:1:1: rule name 'insult-direct' is used by TL1002 here and by TL1001 at a.rules:1"});
}

TEST_CASE("an id given twice for a language is a duplicate with the other language's rule between") {
  CHECK(BuildErrors({RuleText("TL1001", "insult-direct", "es", "match idiota"),
                     RuleText("TL1001", "insult-direct", "en", "match idiot"),
                     RuleText("TL1001", "insult-other", "es", "match tonto"),
                     RuleText("TL1002", "insult-other", "en", "match fool"),
                     RuleText("TL1003", "insult-direct", "en", "match dolt")}) ==
        std::vector<std::string>{
            "c.rules:1:1: duplicate rule id TL1001 for language es (first at a.rules:1)",
            // The duplicate is left out, so its name is not taken.
            "e.rules:1:1: rule name 'insult-direct' is used by TL1003 here and by TL1001 at "
            "a.rules:1"});
}

TEST_CASE("bad patterns are reported at the pattern's column") {
  CHECK(BuildErrors({RuleText("TL1001", "insult-direct", "es", "match   no es (mi|tu")}) ==
        std::vector<std::string>{"a.rules:6:15: bad pattern: unclosed '('"});
  const auto regex_errors = BuildErrors({RuleText("TL1001", "insult-direct", "es", "regex a(b")});
  REQUIRE(regex_errors.size() == 1);
  CHECK(regex_errors[0].starts_with("a.rules:6:7: pattern does not compile: missing )"));
}

TEST_CASE("a when naming an unknown signal is reported with a suggestion") {
  const std::string rule =
      "rule TL3001 missing-apology\nlang es\ncategory missing-apology\nseverity warning\n"
      "message m\nwhen context:complaints\nrequire lo sentimos\n";
  CHECK(BuildErrors({"signal complaint\nlang es\nmatch no funciona\n", rule}) ==
        std::vector<std::string>{"b.rules:6:6: unknown signal 'complaints'; did you mean 'complaint'?"});
}

TEST_CASE("phrase rules are indexed by language and form") {
  std::vector<Diagnostic> errors;
  RuleFile file;
  ParseRuleFile("a.rules",
                RuleText("TL1001", "insult-direct", "es", "match idiota\nobfuscated yes") +
                    "\n" + RuleText("TL1002", "insult-other", "en", "match moron"),
                &file, &errors);
  std::vector<RuleFile> files;
  files.push_back(std::move(file));
  const auto rules = RuleSet::Build(std::move(files), &errors);
  REQUIRE(rules);
  CHECK(rules->HasObfuscatedRules(Lang::kEs));
  CHECK_FALSE(rules->HasObfuscatedRules(Lang::kEn));
  CHECK(rules->phrases(Lang::kEn, PatternMode::kPlain).entries.size() == 1);
  CHECK(rules->phrases(Lang::kEs, PatternMode::kPlain).empty());
  CHECK(rules->FindRule("insult-other", Lang::kUnknown) == 1);
}

TEST_CASE("patterns without keywords are candidates exactly where they match") {
  std::vector<Diagnostic> errors;
  RuleFile file;
  ParseRuleFile("a.rules",
                RuleText("TL1801", "shouting-a", "en", "regex !{3,}") + "\n" +
                    RuleText("TL1802", "shouting-b", "en", "regex \\?{3,}") + "\n" +
                    RuleText("TL1803", "insult-c", "en", "match moron"),
                &file, &errors);
  std::vector<RuleFile> files;
  files.push_back(std::move(file));
  const auto rules = RuleSet::Build(std::move(files), &errors);
  REQUIRE(rules);
  const PatternIndex& index = rules->phrases(Lang::kEn, PatternMode::kPlain);
  REQUIRE(index.entries.size() == 3);
  auto candidate_rules = [&](std::string_view text) {
    KeywordIndex::Cache cache;
    std::vector<KeywordIndex::Word> words;
    KeywordIndex::SplitWords(text, &words);
    std::vector<int> candidates;
    index.FindCandidates(text, words, &cache, &candidates);
    std::vector<std::string> ids;
    for (int candidate : candidates) ids.push_back(rules->rules()[index.entries[candidate].owner].id);
    return ids;
  };
  CHECK(candidate_rules("hello there").empty());
  CHECK(candidate_rules("what??? no") == std::vector<std::string>{"TL1802"});
  CHECK(candidate_rules("moron!!! ???") == std::vector<std::string>{"TL1801", "TL1802", "TL1803"});
}

TEST_CASE("keywords added to a pattern index are indexed on the first lookup, once for all threads") {
  PatternIndex index;
  const std::vector<Keyword> idiot = {{"idiot", false}};
  const std::vector<Keyword> stupid = {{"stupid", true}};
  index.AddKeywords(0, &idiot, {});
  index.AddKeywords(1, &stupid, AlsoRequired{.sets = {{{"you", false}}}});
  auto candidates = [&](std::string_view text) {
    KeywordIndex::Cache cache;
    std::vector<KeywordIndex::Word> words;
    KeywordIndex::SplitWords(text, &words);
    std::vector<int> found;
    index.keywords().FindCandidates(text, words, &cache, &found);
    return found;
  };
  std::vector<int> from_other_thread;
  std::thread other([&] { from_other_thread = candidates("you stupidest idiot"); });
  CHECK(candidates("you stupidest idiot") == std::vector<int>{0, 1});
  other.join();
  CHECK(from_other_thread == std::vector<int>{0, 1});
  CHECK(candidates("stupidest idiot") == std::vector<int>{0});
  CHECK(candidates("hello") == std::vector<int>{});
}
