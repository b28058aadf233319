#include "ignore_rules.h"

#include <doctest/doctest.h>

using namespace tonelint;
using Verdict = IgnoreRules::Verdict;

TEST_CASE("GlobMatch: * and ? stay within one name") {
  CHECK(GlobMatch("*.txt", "a.txt"));
  CHECK(GlobMatch("*.txt", ".txt"));
  CHECK_FALSE(GlobMatch("*.txt", "a/b.txt"));
  CHECK(GlobMatch("draft?.md", "draft1.md"));
  CHECK_FALSE(GlobMatch("draft?.md", "draft.md"));
  CHECK_FALSE(GlobMatch("a?b", "a/b"));
  CHECK(GlobMatch("a*b*c", "aXXbYYc"));
  CHECK_FALSE(GlobMatch("a*b*c", "aXXbYY"));
}

TEST_CASE("GlobMatch: ** spans directories") {
  CHECK(GlobMatch("**/drafts", "drafts"));
  CHECK(GlobMatch("**/drafts", "a/b/drafts"));
  CHECK(GlobMatch("a/**/b", "a/b"));
  CHECK(GlobMatch("a/**/b", "a/x/y/b"));
  CHECK_FALSE(GlobMatch("a/**/b", "a/x/y/c"));
  CHECK(GlobMatch("logs/**", "logs/x"));
  CHECK(GlobMatch("logs/**", "logs/x/y.txt"));
  CHECK_FALSE(GlobMatch("logs/**", "logs"));
  CHECK(GlobMatch("**", "anything/at/all"));
}

TEST_CASE("GlobMatch: classes and escapes") {
  CHECK(GlobMatch("[abc].txt", "b.txt"));
  CHECK_FALSE(GlobMatch("[abc].txt", "d.txt"));
  CHECK(GlobMatch("[a-c]x", "cx"));
  CHECK(GlobMatch("[!a-c]x", "dx"));
  CHECK_FALSE(GlobMatch("[!a-c]x", "ax"));
  CHECK(GlobMatch("\\*.txt", "*.txt"));
  CHECK_FALSE(GlobMatch("\\*.txt", "a.txt"));
  CHECK(GlobMatch("[unclosed", "[unclosed"));
}

TEST_CASE("IgnoreRules: comments, blank lines, trailing spaces, CRLF") {
  const IgnoreRules rules = IgnoreRules::Parse("# a comment\n\n*.bak   \r\n\\#hash\n");
  CHECK(rules.Match("x.bak", false) == Verdict::kIgnore);
  CHECK(rules.Match("#hash", false) == Verdict::kIgnore);
  CHECK(rules.Match("# a comment", false) == Verdict::kNone);
  CHECK(rules.Match("x.txt", false) == Verdict::kNone);
}

TEST_CASE("IgnoreRules: a name without '/' matches at any depth; a '/' anchors") {
  const IgnoreRules rules = IgnoreRules::Parse("drafts\n/build\ndocs/old/*.md\n");
  CHECK(rules.Match("drafts", true) == Verdict::kIgnore);
  CHECK(rules.Match("es/drafts", true) == Verdict::kIgnore);
  CHECK(rules.Match("es/drafts.txt", false) == Verdict::kNone);
  CHECK(rules.Match("build", true) == Verdict::kIgnore);
  CHECK(rules.Match("es/build", true) == Verdict::kNone);
  CHECK(rules.Match("docs/old/a.md", false) == Verdict::kIgnore);
  CHECK(rules.Match("x/docs/old/a.md", false) == Verdict::kNone);
}

TEST_CASE("IgnoreRules: trailing '/' only matches directories") {
  const IgnoreRules rules = IgnoreRules::Parse("tmp/\n");
  CHECK(rules.Match("tmp", true) == Verdict::kIgnore);
  CHECK(rules.Match("tmp", false) == Verdict::kNone);
  CHECK(rules.Match("a/tmp", true) == Verdict::kIgnore);
}

TEST_CASE("IgnoreRules: '!' re-includes, the last matching pattern wins") {
  const IgnoreRules rules = IgnoreRules::Parse("*.txt\n!keep*.txt\nkeep-not.txt\n\\!bang\n");
  CHECK(rules.Match("a.txt", false) == Verdict::kIgnore);
  CHECK(rules.Match("keep1.txt", false) == Verdict::kInclude);
  CHECK(rules.Match("keep-not.txt", false) == Verdict::kIgnore);
  CHECK(rules.Match("!bang", false) == Verdict::kIgnore);
}
