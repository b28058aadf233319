// Suppression comments: the four comment kinds, next-line and ranges, selectors, and the
// TL0001/TL0002 findings about the suppressions themselves.
#include "suppression.h"

#include <doctest/doctest.h>

#include <string>

using namespace tonelint;

namespace {

const Rule& Insult() {
  static const Rule rule = [] {
    Rule r;
    r.id = "TL1001";
    r.name = "insult-direct";
    r.category = "insult";
    r.severity = Severity::kError;
    return r;
  }();
  return rule;
}

const Rule& Mockery() {
  static const Rule rule = [] {
    Rule r;
    r.id = "TL1501";
    r.name = "mockery-laughing";
    r.category = "mockery";
    return r;
  }();
  return rule;
}

// A finding of `rule` on every occurrence of `word` in the source.
std::vector<Finding> FindingsOf(const SourceText& source, const Rule& rule, const std::string& word) {
  std::vector<Finding> findings;
  for (std::size_t at = source.text().find(word); at != std::string::npos;
       at = source.text().find(word, at + 1)) {
    Finding finding;
    finding.rule = &rule;
    finding.severity = rule.severity;
    finding.span = {at, at + word.size()};
    finding.begin = source.PositionOf(at);
    finding.end = source.PositionOf(at + word.size());
    findings.push_back(finding);
  }
  return findings;
}

// "line:rule" of each finding, in order.
std::string Summary(const std::vector<Finding>& findings) {
  std::string out;
  for (const Finding& f : findings) {
    out += (out.empty() ? "" : " ") + std::to_string(f.begin.line) + ":" + f.rule->id;
  }
  return out;
}

std::string Run(const std::string& text, const Rule& rule = Insult(), const std::string& word = "idiota") {
  const SourceText source(text);
  std::vector<Finding> findings = FindingsOf(source, rule, word);
  ApplySuppressions(source, &findings);
  return Summary(findings);
}

}  // namespace

TEST_CASE("suppression: parsing the four comment kinds") {
  const SourceText source(
      "<!-- tonelint-disable-next-line TL1001, mockery -- quoted -->\n"
      "{# tonelint-disable insult #}\n"
      "{{! tonelint-enable insult }}\n"
      "{{!-- tonelint-disable-next-line -- all rules --}}\n"
      "  # tonelint-enable\n"
      "text # tonelint-disable is not a comment here\n"
      "#tonelint-disable needs a blank after '#'\n");
  const std::vector<Suppression> s = FindSuppressions(source);
  REQUIRE(s.size() == 5);
  CHECK(s[0].kind == Suppression::Kind::kNextLine);
  CHECK(s[0].selectors == std::vector<std::string>{"TL1001", "mockery"});
  CHECK(s[0].reason == "quoted");
  CHECK(s[1].kind == Suppression::Kind::kDisable);
  CHECK(s[1].selectors == std::vector<std::string>{"insult"});
  CHECK(s[1].reason.empty());
  CHECK(s[2].kind == Suppression::Kind::kEnable);
  CHECK(s[3].selectors.empty());
  CHECK(s[3].reason == "all rules");
  CHECK(s[4].kind == Suppression::Kind::kEnable);
}

TEST_CASE("suppression: no directive leaves findings alone") {
  CHECK(Run("Usted es un idiota.\nOtro idiota.\n") == "1:TL1001 2:TL1001");
}

TEST_CASE("suppression: next line only") {
  CHECK(Run("<!-- tonelint-disable-next-line TL1001 -- cita -->\nUsted es un idiota.\nOtro idiota.\n") ==
        "3:TL1001");
}

TEST_CASE("suppression: by name, category, or all; other rules stay") {
  CHECK(Run("# tonelint-disable-next-line insult-direct -- r\nidiota\n").empty());
  CHECK(Run("# tonelint-disable-next-line insult -- r\nidiota\n").empty());
  CHECK(Run("# tonelint-disable-next-line -- r\nidiota\n").empty());
  // Names another rule: the finding stays, and the suppression is unused.
  CHECK(Run("# tonelint-disable-next-line mockery -- r\nidiota\n") == "1:TL0002 2:TL1001");
}

TEST_CASE("suppression: a multi-line HTML comment covers the line after its end") {
  CHECK(Run("<!--\n tonelint-disable-next-line insult -- r\n-->\nidiota\n").empty());
}

TEST_CASE("suppression: disable ... enable") {
  CHECK(Run("idiota\n{# tonelint-disable insult -- r #}\nidiota\nidiota\n{# tonelint-enable insult #}\nidiota\n") ==
        "1:TL1001 6:TL1001");
  // Without enable: to the end of the file.
  CHECK(Run("{# tonelint-disable -- r #}\nidiota\n\n\nidiota\n").empty());
  // `tonelint-enable mockery` does not end a disable of insult.
  CHECK(Run("{# tonelint-disable insult -- r #}\n{# tonelint-enable mockery #}\nidiota\n").empty());
  // One enable of one of two selectors.
  CHECK(Run("{# tonelint-disable insult, mockery -- r #}\n{# tonelint-enable insult #}\nidiota\n") ==
        "1:TL0002 3:TL1001");
}

TEST_CASE("suppression: without a reason, or unused, is reported as info") {
  CHECK(Run("# tonelint-disable-next-line insult\nidiota\n") == "1:TL0001");
  CHECK(Run("# tonelint-disable-next-line insult --\nidiota\n") == "1:TL0001");
  CHECK(Run("# tonelint-disable-next-line insult\nhola\n") == "1:TL0001 1:TL0002");
  const SourceText source("hola\n  <!-- tonelint-disable-next-line insult -- r -->\nhola\n");
  std::vector<Finding> findings;
  ApplySuppressions(source, &findings);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].rule == &UnusedSuppressionRule());
  CHECK(findings[0].severity == Severity::kInfo);
  CHECK(findings[0].begin.line == 2);
  CHECK(findings[0].begin.column == 8);
  CHECK(source.text().substr(findings[0].span.begin, findings[0].span.end - findings[0].span.begin) ==
        "tonelint-disable-next-line insult -- r");
}

TEST_CASE("suppression: words inside a '#' suppression comment are never reported") {
  CHECK(Run("# tonelint-disable-next-line mockery -- el cliente dijo idiota\nhola\n") == "1:TL0002");
}

TEST_CASE("suppression: a document-level finding is covered by a disable on its first line") {
  const SourceText source("{# tonelint-disable missing-apology -- plantilla #}\nLe escribimos.\n");
  Rule rule;
  rule.id = "TL1901";
  rule.name = "missing-apology";
  rule.category = "missing-apology";
  Finding finding;
  finding.rule = &rule;
  finding.document_level = true;
  std::vector<Finding> findings{finding};
  ApplySuppressions(source, &findings);
  CHECK(findings.empty());
}

TEST_CASE("suppression: unclosed comments and look-alikes are text") {
  CHECK(Run("<!-- tonelint-disable-next-line insult -- r\nidiota\n") == "2:TL1001");
  CHECK(Run("# tonelint-disabled-next-line -- r\nidiota\n") == "2:TL1001");
}

TEST_CASE("suppression: mockery rule unaffected by an insult range") {
  CHECK(Run("{# tonelint-disable insult -- r #}\njajaja\n", Mockery(), "jajaja") == "1:TL0002 2:TL1501");
}
