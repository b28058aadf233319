#include "rule_parser.h"

#include <doctest/doctest.h>

using tonelint::Diagnostic;
using tonelint::RuleFile;

namespace {

std::vector<std::string> Errors(std::string_view contents, RuleFile* file = nullptr) {
  RuleFile scratch;
  std::vector<Diagnostic> errors;
  tonelint::ParseRuleFile("t.rules", contents, file ? file : &scratch, &errors);
  std::vector<std::string> out;
  for (const Diagnostic& error : errors) out.push_back(error.ToString());
  return out;
}

constexpr std::string_view kValidRule = R"(# a comment
rule TL1201 dismissive-not-our-problem
lang      es
category  dismissive
severity  warning
message   No es nuestro problema.
match     no es (nuestro|mi) problema
regex     eso no nos (corresponde|toca)
unless    no es (nuestro|mi) problema que
suggest   Vamos a revisarlo contigo.
fix       safe
bad       Eso no es nuestro problema.
good      Lo revisamos.

signal complaint
lang en
match still waiting
)";

}  // namespace

TEST_CASE("a valid file gives its rules and signals with their locations") {
  RuleFile file;
  CHECK(Errors(kValidRule, &file).empty());
  REQUIRE(file.rules.size() == 1);
  const tonelint::Rule& rule = file.rules[0];
  CHECK(rule.id == "TL1201");
  CHECK(rule.name == "dismissive-not-our-problem");
  CHECK(rule.lang == tonelint::Lang::kEs);
  CHECK(rule.severity == tonelint::Severity::kWarning);
  REQUIRE(rule.matches.size() == 2);
  CHECK_FALSE(rule.matches[0].is_regex);
  CHECK(rule.matches[1].is_regex);
  CHECK(rule.matches[0].location.line == 7);
  CHECK(rule.matches[0].location.column == 11);
  CHECK(rule.unless.size() == 1);
  CHECK(rule.fix_safe);
  CHECK(rule.location.line == 2);
  REQUIRE(file.signals.size() == 1);
  CHECK(file.signals[0].name == "complaint");
}

TEST_CASE("document rules: require and when") {
  RuleFile file;
  CHECK(Errors("rule TL3001 missing-apology\nlang es\ncategory missing-apology\nseverity warning\n"
               "message m\nwhen context:complaint\nwhen reply:bad-news\nrequire lo sentimos\n",
               &file)
            .empty());
  REQUIRE(file.rules.size() == 1);
  CHECK(file.rules[0].IsDocumentRule());
  REQUIRE(file.rules[0].triggers.size() == 2);
  CHECK(file.rules[0].triggers[0].kind == tonelint::Trigger::Kind::kContext);
  CHECK(file.rules[0].triggers[1].signal == "bad-news");
}

TEST_CASE("every error names file, line and column") {
  const std::string head = "rule TL1001 insult-direct\nlang es\ncategory insult\nseverity error\nmessage m\n";
  CHECK(Errors(head + "mathc idiota\n") ==
        std::vector<std::string>{"t.rules:6:1: unknown key 'mathc'; did you mean 'match'?",
                                 "t.rules:1:1: rule TL1001 needs 'match' or 'regex' lines, 'caps-words', or 'require'/'when'"});
  CHECK(Errors(head + "match x\nlang en\n") ==
        std::vector<std::string>{"t.rules:7:1: 'lang' given twice (first on line 2)"});
  CHECK(Errors("rule TL1001 insult-direct\nlang fr\ncategory insults\nseverity fatal\nmessage m\nmatch x\n") ==
        std::vector<std::string>{"t.rules:2:6: unknown language 'fr' (expected es or en)",
                                 "t.rules:3:10: unknown category 'insults'; did you mean 'insult'?",
                                 "t.rules:4:10: unknown severity 'fatal' (expected error, warning or info)"});
  CHECK(Errors("rule TL1 Insult\nlang es\ncategory insult\nseverity error\nmessage m\nmatch x\n") ==
        std::vector<std::string>{"t.rules:1:6: bad rule id 'TL1' (expected TL and four digits, e.g. TL1001)",
                                 "t.rules:1:6: bad rule name 'Insult' (lowercase words joined by '-')"});
  CHECK(Errors("rule TL1001 insult-direct\nmatch x\n") ==
        std::vector<std::string>{"t.rules:1:1: rule TL1001 has no 'lang'",
                                 "t.rules:1:1: rule TL1001 has no 'category'",
                                 "t.rules:1:1: rule TL1001 has no 'severity'",
                                 "t.rules:1:1: rule TL1001 has no 'message'"});
  CHECK(Errors(head + "when sometimes\n")[0] ==
        "t.rules:6:6: bad trigger 'sometimes' (expected always, context:SIGNAL or reply:SIGNAL)");
  CHECK(Errors(head + "match x\nrequire y\nwhen always\n")[0] ==
        "t.rules:1:1: rule TL1001 mixes match/regex/caps-words with require/when: a rule is one or the other");
  CHECK(Errors("lang es\nmatch x\n")[0] ==
        "t.rules:1:1: a block must start with 'rule ID name' or 'signal NAME', not 'lang'");
  CHECK(Errors("signal complaint\nmatch x\n")[0] == "t.rules:1:1: signal complaint has no 'lang'");
}

TEST_CASE("caps-words: a phrase rule without patterns, from 2 words") {
  const std::string head = "rule TL1804 shouting-caps\nlang en\ncategory shouting\nseverity info\nmessage m\n";
  RuleFile file;
  CHECK(Errors(head + "caps-words 3\n", &file).empty());
  REQUIRE(file.rules.size() == 1);
  CHECK(file.rules[0].caps_words == 3);
  CHECK_FALSE(file.rules[0].IsDocumentRule());
  for (const std::string bad : {"1", "0", "three", "-3", "100"}) {
    CAPTURE(bad);
    const auto errors = Errors(head + "caps-words " + bad + "\n");
    REQUIRE_FALSE(errors.empty());
    CHECK(errors[0].find("'caps-words' is a number of words from 2 to 99") != std::string::npos);
  }
  CHECK(Errors(head + "caps-words 3\nwhen always\n")[0] ==
        "t.rules:1:1: rule TL1804 mixes match/regex/caps-words with require/when: a rule is one or the other");
}

TEST_CASE("a bad block is skipped and the others are still read") {
  RuleFile file;
  const auto errors = Errors(std::string("rule TL1001 x\nlang es\n\n") + std::string(kValidRule), &file);
  CHECK(errors.size() == 4);
  CHECK(file.rules.size() == 1);
}

TEST_CASE("CRLF files and a BOM parse like LF files") {
  RuleFile file;
  CHECK(Errors("\xEF\xBB\xBFsignal complaint\r\nlang es\r\nmatch no funciona\r\n", &file).empty());
  REQUIRE(file.signals.size() == 1);
  CHECK(file.signals[0].matches[0].text == "no funciona");
}

TEST_CASE("columns count code points past blanks, tabs and a key that is not ASCII") {
  const std::string head = "rule TL1001 insult-direct\nlang es\ncategory insult\nseverity error\nmessage m\n";
  CHECK(Errors(head + "\t match x\n \tmatchñ x\n") ==
        std::vector<std::string>{"t.rules:7:3: unknown key 'matchñ'; did you mean 'match'?"});
  RuleFile file;
  CHECK(Errors(head + "\t match \t idiota\n  regex\t\tx\n", &file).empty());
  REQUIRE(file.rules.size() == 1);
  REQUIRE(file.rules[0].matches.size() == 2);
  CHECK(file.rules[0].matches[0].location.column == 11);
  CHECK(file.rules[0].matches[1].location.column == 10);
  CHECK(Errors("rule TL1001 insult-direct\n  lang\t fr\ncategory insult\nseverity error\nmessage m\nmatch x\n") ==
        std::vector<std::string>{"t.rules:2:9: unknown language 'fr' (expected es or en)"});
}
