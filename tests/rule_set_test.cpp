#include "rule_set.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <random>
#include <thread>

#include "bundled_rules.h"
#include "normalizer.h"
#include "rule_parser.h"
#include "run_words.h"

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

namespace {

// The ids of the candidates that the English plain-phrase index of `rules` finds in `text`.
std::vector<std::string> CandidateRules(const RuleSet& rules, std::string_view text) {
  const PatternIndex& index = rules.phrases(Lang::kEn, PatternMode::kPlain);
  KeywordIndex::Cache cache;
  std::vector<KeywordIndex::Word> words;
  KeywordIndex::SplitWords(text, &words);
  std::vector<int> candidates;
  index.FindCandidates(text, words, &cache, &candidates);
  std::vector<std::string> ids;
  for (int candidate : candidates) ids.push_back(rules.rules()[index.entries[candidate].owner].id);
  return ids;
}

std::unique_ptr<RuleSet> BuildEnglish(std::string_view regex_a, std::string_view regex_b) {
  std::vector<Diagnostic> errors;
  RuleFile file;
  ParseRuleFile("a.rules",
                RuleText("TL1801", "shouting-a", "en", "regex " + std::string(regex_a)) + "\n" +
                    RuleText("TL1802", "shouting-b", "en", "regex " + std::string(regex_b)) +
                    "\n" + RuleText("TL1803", "insult-c", "en", "match moron"),
                &file, &errors);
  std::vector<RuleFile> files;
  files.push_back(std::move(file));
  auto rules = RuleSet::Build(std::move(files), &errors);
  REQUIRE(rules);
  REQUIRE(rules->phrases(Lang::kEn, PatternMode::kPlain).entries.size() == 3);
  return rules;
}

}  // namespace

TEST_CASE("patterns without keywords nor required atoms are candidates exactly where they match") {
  // RE2's prefilter finds no literal that every match contains.
  const auto rules = BuildEnglish("[a-z]{20,}", "[[:punct:]]{3,}");
  const PatternIndex& index = rules->phrases(Lang::kEn, PatternMode::kPlain);
  CHECK(index.atom_guarded.empty());
  CHECK(index.unkeyed_set_patterns == std::vector<int>{0, 1});
  CHECK(CandidateRules(*rules, "hello there!!").empty());
  CHECK(CandidateRules(*rules, "what?!. no") == std::vector<std::string>{"TL1802"});
  CHECK(CandidateRules(*rules, "moron supercalifragilistic ???") ==
        std::vector<std::string>{"TL1801", "TL1802", "TL1803"});
}

TEST_CASE("a rule file's regex line with required atoms is a candidate where one occurs") {
  // As the precompiled table has them for the bundled rules' lines.
  const auto rules = BuildEnglish("!{3,}", "\\?{3,}");
  const PatternIndex& index = rules->phrases(Lang::kEn, PatternMode::kPlain);
  CHECK(index.unkeyed_set_patterns.empty());
  REQUIRE(index.atom_guarded.size() == 2);
  CHECK(index.atom_guarded[0].atoms == std::vector<std::string_view>{"!!"});
  CHECK(index.atom_guarded[1].atoms == std::vector<std::string_view>{"??"});
  CHECK(CandidateRules(*rules, "hello there").empty());
  // A candidate, though it does not match: its RE2 decides.
  CHECK(CandidateRules(*rules, "what?? no") == std::vector<std::string>{"TL1802"});
  CHECK(CandidateRules(*rules, "moron!! ????") ==
        std::vector<std::string>{"TL1801", "TL1802", "TL1803"});
}

TEST_CASE("keywords added to a pattern index are indexed on the first lookup, once for all threads") {
  PatternIndex index;
  const CompiledRegex idiot("idiot", {{"idiot", false}}, 0, 1, PatternMode::kPlain);
  const CompiledRegex stupid("stupid", {{"stupid", true}}, 0, 1, PatternMode::kPlain);
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

namespace {

// Where each of `groups` starts in `text` (-1 if it did not match), and its size.
std::vector<std::pair<std::ptrdiff_t, std::size_t>> GroupSpans(
    const std::vector<re2::StringPiece>& groups, std::string_view text) {
  std::vector<std::pair<std::ptrdiff_t, std::size_t>> spans;
  for (const re2::StringPiece& group : groups) {
    spans.emplace_back(group.data() == nullptr ? -1 : group.data() - text.data(), group.size());
  }
  return spans;
}

// The spans of every group of every match that ForEachMatch finds of `pattern` with `runs`.
std::vector<std::vector<std::pair<std::ptrdiff_t, std::size_t>>> AllMatches(
    const CompiledRegex& pattern, std::span<const CompiledRegex* const> runs,
    std::string_view text) {
  std::vector<std::vector<std::pair<std::ptrdiff_t, std::size_t>>> matches;
  MatchGroups match;
  ForEachMatch(pattern, runs, text, &match,
               [&](const std::vector<re2::StringPiece>& groups, ByteRange) {
                 matches.push_back(GroupSpans(groups, text));
               });
  return matches;
}

// Where the cut group (2) of each match that `whole` split into runs of `run_regexes` finds
// in `text` starts, and how long it is.
std::vector<std::pair<std::ptrdiff_t, std::size_t>> CutGroups(
    const std::string& whole, const std::vector<std::string>& run_regexes,
    std::string_view text) {
  CompiledRegex pattern(whole, {}, 1, 2, PatternMode::kPlain);
  std::vector<std::unique_ptr<CompiledRegex>> runs;
  std::vector<const CompiledRegex*> run_pointers;
  for (const std::string& regex : run_regexes) {
    runs.push_back(std::make_unique<CompiledRegex>(regex, std::vector<Keyword>{}, 1, 2,
                                                   PatternMode::kPlain));
    run_pointers.push_back(runs.back().get());
  }
  pattern.SetAlternativeRuns(std::move(runs), 2);
  std::vector<std::pair<std::ptrdiff_t, std::size_t>> cut;
  for (const auto& match : AllMatches(pattern, run_pointers, text)) cut.push_back(match[2]);
  CHECK(AllMatches(pattern, run_pointers, text) == AllMatches(pattern, {}, text));
  return cut;
}

}  // namespace

TEST_CASE("merged runs' matches: the leftmost, then the earliest span, then the first run's") {
  using Spans = std::vector<std::pair<std::ptrdiff_t, std::size_t>>;
  // Starting at the same byte, "^" puts the span at 0 and the separator branch at 1: RE2
  // prefers "^", the first branch, as the whole alternation "(b|ab)" does.
  CHECK(CutGroups("(?:^|a)((b|ab))(?:-|$)", {"(?:^|a)((b))(?:-|$)", "(?:^|a)((ab))(?:-|$)"},
                  "ab") == Spans{{0, 2}});
  // The same start and span: the earlier run's alternative, as in "(a|ab)".
  CHECK(CutGroups("(?:^|-)((a|ab))", {"(?:^|-)((a))", "(?:^|-)((ab))"}, "ab") == Spans{{0, 1}});
  // Otherwise the leftmost, and the search goes on after it in every run.
  CHECK(CutGroups("(?:^|-)((ab|a))", {"(?:^|-)((ab))", "(?:^|-)((a))"}, "x-a-ab") ==
        Spans{{2, 1}, {4, 2}});
  // The runs' matches starting alike but with the cut group apart: RE2 takes the optional "-b"
  // first, then "c", where the first run skips it for "b-c". The whole pattern decides.
  CHECK(CutGroups("(?:^|-)(a(?:-b)?-(b-c|c))", {"(?:^|-)(a(?:-b)?-(b-c))", "(?:^|-)(a(?:-b)?-(c))"},
                  "a-b-c") == Spans{{4, 1}});
}

TEST_CASE("a phrase with a large group of alternatives is indexed by its runs' keywords") {
  const std::vector<std::string> words = RunWords();
  const std::string alternatives = Alternatives(words);
  std::vector<Diagnostic> errors;
  RuleFile file;
  ParseRuleFile("a.rules",
                RuleText("TL1001", "insult-direct", "en",
                         "match (" + alternatives + ")\nmatch moron (" + alternatives +
                             ")\nmatch (ayer (uno|dos)|" + alternatives + ")"),
                &file, &errors);
  std::vector<RuleFile> files;
  files.push_back(std::move(file));
  const auto rules = RuleSet::Build(std::move(files), &errors);
  REQUIRE(rules);
  const CompiledRule& compiled = rules->compiled(0);
  const std::size_t runs = compiled.matches[0]->alternative_runs().size();
  REQUIRE(runs == 3);
  REQUIRE(compiled.matches[1]->alternative_runs().size() == runs);
  CHECK(compiled.matches[1]->alternative_runs()[0]->keywords() ==
        std::vector<Keyword>{{"moron", false}});
  // An alternative with a group of its own: the runs would number the groups differently.
  CHECK(compiled.matches[2]->alternative_runs().empty());
  const PatternIndex& index = rules->phrases(Lang::kEn, PatternMode::kPlain);
  REQUIRE(index.entries.size() == 7);
  CHECK(index.entries[2].run == 2);
  CHECK(index.entries[5].run == 2);
  CHECK(index.entries[6].run == PatternIndex::Entry::kWholePattern);
  auto candidates = [&](const std::string& text) {
    KeywordIndex::Cache cache;
    std::vector<KeywordIndex::Word> words;
    KeywordIndex::SplitWords(text, &words);
    std::vector<int> found;
    index.FindCandidates(text, words, &cache, &found);
    return found;
  };
  CHECK(candidates("una " + words.front()) == std::vector<int>{0, 6});
  CHECK(candidates("una " + words.back()) == std::vector<int>{2, 6});
  CHECK(candidates("moron " + words.front()) == std::vector<int>{0, 3, 6});
  CHECK(candidates(words.back() + " " + words.front() + " moron") ==
        std::vector<int>{0, 2, 3, 5, 6});
}

namespace {

// Whether an index of obfuscated patterns takes one with `keywords` as a candidate in `form`.
bool StarsMayMatch(const std::vector<Keyword>& keywords, std::string_view form) {
  KeywordIndex index(/*collapse_repeats=*/true);
  index.Add(0, keywords);
  std::vector<KeywordIndex::Word> words;
  KeywordIndex::SplitWords(form, &words);
  KeywordIndex::Cache cache;
  std::vector<int> candidates;
  index.FindCandidates(form, words, &cache, &candidates);
  return !candidates.empty();
}

// The words of a phrase pattern line, stems without their '*'.
std::vector<std::string> PatternWords(std::string_view pattern) {
  std::vector<std::string> words;
  std::string word;
  for (const char c : std::string(pattern) + " ") {
    if (c == ' ' || c == '(' || c == ')' || c == '[' || c == ']' || c == '|' || c == '~' ||
        c == '*') {
      if (!word.empty()) words.push_back(word);
      word.clear();
    } else {
      word.push_back(c);
    }
  }
  return words;
}

// `word` as people disguise it, sometimes: letters doubled, digits for letters, '*' for a
// letter, letters spaced out, more letters before or after.
std::string Disguise(const std::string& word, std::mt19937* random) {
  auto chance = [&](int percent) { return static_cast<int>((*random)() % 100) < percent; };
  static const std::map<char, char> kDigits = {
      {'a', '4'}, {'e', '3'}, {'i', '1'}, {'o', '0'}, {'s', '5'}, {'t', '7'}};
  const std::string between = chance(10) ? (chance(50) ? "." : " ") : "";
  std::string out = chance(10) ? "re" : "";
  for (std::size_t i = 0; i < word.size(); ++i) {
    const char c = word[i];
    const bool ascii_letter = c >= 'a' && c <= 'z';
    if (i > 0 && ascii_letter) out += between;
    if (ascii_letter && kDigits.count(c) != 0 && chance(8)) {
      out.push_back(kDigits.at(c));
    } else if (ascii_letter && i > 0 && chance(4)) {
      out.push_back('*');
    } else {
      out.push_back(c);
      if (ascii_letter && chance(8)) out.append(1 + (*random)() % 3, c);
    }
  }
  if (chance(15)) out += chance(50) ? "s" : "azo";
  return chance(10) ? std::string(1, static_cast<char>(std::toupper(out[0]))) + out.substr(1) : out;
}

// A text of up to eight of `words`, often disguised, and other words, punctuation and other
// scripts between them.
std::string RandomTextOf(const std::vector<std::string>& words, std::mt19937* random) {
  static const std::vector<std::string> others = {"you", "the", "y", "que", "eres", "ñandú",
                                                  "слово", "日本", "x", "lol"};
  static const std::vector<std::string> separators = {" ", " ", " ", ", ", "... ", " — ", "¡",
                                                      "😀", "-", ".", "", "'", "?! ", "\n"};
  std::string text;
  const int count = 1 + static_cast<int>((*random)() % 8);
  for (int w = 0; w < count; ++w) {
    if (w > 0) text += separators[(*random)() % separators.size()];
    text += (*random)() % 4 == 0 ? others[(*random)() % others.size()]
                                 : Disguise(words[(*random)() % words.size()], random);
  }
  return text;
}

// The form of `text` that patterns of `mode` are matched against, as the linter makes it.
std::string MatchedForm(Normalizer& normalizer, std::string_view text, PatternMode mode) {
  NormalizedText plain, form;
  normalizer.Normalize(text, {}, &plain);
  if (mode == PatternMode::kPlain) return plain.text;
  MakeObfuscationForm(plain, {}, &form);
  return form.text;
}

// Calls `visit(entry, whole, words)` for each bundled phrase line whose table entry `wanted`
// accepts, with its whole regex and the words of the line (PatternWords).
template <typename Wanted, typename Visit>
void ForEachBundledPhrase(Wanted wanted, Visit visit) {
  const PrecompiledPatterns& table = BundledPrecompiledPatterns();
  for (const PrecompiledPattern& entry : table.patterns()) {
    if (entry.is_regex || !wanted(entry)) continue;
    CAPTURE(table.Text(entry.source));
    CAPTURE(static_cast<int>(entry.mode));
    CompiledRegex whole(std::string(table.Text(entry.regex)), {}, 1, entry.first_user_group,
                        entry.mode);
    REQUIRE(whole.regex().ok());
    visit(entry, whole, PatternWords(table.Text(entry.source)));
  }
}

}  // namespace

// Every bundled line cut into alternative runs must match, with every run tried, exactly as
// the whole line's regex: the same matches with the same groups, on random texts of the line's
// words (disguised as obfuscated insults are), other words, punctuation and other scripts.
TEST_CASE("bundled lines cut into alternative runs match exactly as the whole regex") {
  const PrecompiledPatterns& table = BundledPrecompiledPatterns();
  Normalizer normalizer;
  REQUIRE(normalizer.ok());
  std::mt19937 random(20261125);
  std::size_t cut_lines = 0;
  auto is_cut = [&](const PrecompiledPattern& entry) {
    return !table.AlternativeRunsOf(entry).empty();
  };
  ForEachBundledPhrase(is_cut, [&](const PrecompiledPattern& entry, CompiledRegex& whole,
                                   const std::vector<std::string>& words) {
    const auto runs = table.AlternativeRunsOf(entry);
    ++cut_lines;
    std::vector<std::unique_ptr<CompiledRegex>> run_regexes;
    std::vector<const CompiledRegex*> all_runs;
    for (const PrecompiledAlternativeRun& run : runs) {
      run_regexes.push_back(std::make_unique<CompiledRegex>(
          std::string(table.Text(run.regex)), std::vector<Keyword>{}, 1, entry.first_user_group,
          entry.mode));
      all_runs.push_back(run_regexes.back().get());
    }
    whole.SetAlternativeRuns(std::move(run_regexes), runs.front().alternation_group);
    for (int i = 0; i < 300; ++i) {
      const std::string form =
          MatchedForm(normalizer, RandomTextOf(words, &random), entry.mode);
      CAPTURE(form);
      CHECK(AllMatches(whole, all_runs, form) == AllMatches(whole, {}, form));
      // A signal or `require` line is only asked whether it matches somewhere, which it does
      // where one of its runs does (RuleSet::document_patterns()).
      const bool some_run_matches =
          std::any_of(all_runs.begin(), all_runs.end(),
                      [&](const CompiledRegex* run) { return RE2::PartialMatch(form, run->regex()); });
      CHECK(some_run_matches == RE2::PartialMatch(form, whole.regex()));
      if (entry.mode != PatternMode::kObfuscated || form.find('*') == std::string::npos) continue;
      for (std::size_t r = 0; r < runs.size(); ++r) {
        // A run that matches must not be left out for the stars.
        if (RE2::PartialMatch(form, all_runs[r]->regex())) {
          CHECK(StarsMayMatch(table.KeywordsOf(runs[r]), form));
        }
      }
    }
  });
  CHECK(cut_lines > 0);
}

// FindNextMatch looks for a phrase's match with anchored searches at the places where one may
// start (MayStartPhraseMatch): from any position of random texts of a bundled line's words, it
// must find RE2's unanchored match, every group at the same place.
TEST_CASE("a bundled phrase's match found by anchored searches is RE2's unanchored one") {
  Normalizer normalizer;
  REQUIRE(normalizer.ok());
  std::mt19937 random(7);
  std::size_t phrases = 0;
  std::size_t matches = 0;
  MatchGroups found;
  std::vector<re2::StringPiece> expected;
  auto every = [](const PrecompiledPattern&) { return true; };
  ForEachBundledPhrase(every, [&](const PrecompiledPattern& entry, const CompiledRegex& phrase,
                                  const std::vector<std::string>& words) {
    ++phrases;
    const RE2& regex = phrase.regex();
    expected.resize(static_cast<std::size_t>(regex.NumberOfCapturingGroups()) + 1);
    for (int i = 0; i < 8; ++i) {
      const std::string form = MatchedForm(normalizer, RandomTextOf(words, &random), entry.mode);
      CAPTURE(form);
      for (std::size_t pos = 0; pos <= form.size(); ++pos) {
        const bool matched = regex.Match(form, pos, form.size(), RE2::UNANCHORED, expected.data(),
                                         static_cast<int>(expected.size()));
        REQUIRE(FindNextMatch(phrase, {}, form, pos, &found) == matched);
        if (!matched) continue;
        ++matches;
        CHECK(GroupSpans(found.groups, form) == GroupSpans(expected, form));
      }
    }
  });
  CHECK(phrases > 500);
  CHECK(matches > 10000);
}

// The index is a prefilter: a bundled obfuscated line (not cut into runs) that matches a text
// with stars must be a candidate there, for random texts of its words disguised with stars.
TEST_CASE("a bundled obfuscated line that matches a starred text is a candidate there") {
  const PrecompiledPatterns& table = BundledPrecompiledPatterns();
  Normalizer normalizer;
  REQUIRE(normalizer.ok());
  std::mt19937 random(6);
  std::size_t starred_matches = 0;
  for (const PrecompiledPattern& entry : table.patterns()) {
    if (entry.mode != PatternMode::kObfuscated || !table.AlternativeRunsOf(entry).empty()) continue;
    const std::vector<Keyword> keywords = table.KeywordsOf(entry);
    if (keywords.empty()) continue;
    CAPTURE(table.Text(entry.source));
    const CompiledRegex whole(std::string(table.Text(entry.regex)), {}, 1, entry.first_user_group,
                              entry.mode);
    REQUIRE(whole.regex().ok());
    const std::vector<std::string> words = PatternWords(table.Text(entry.source));
    for (int i = 0; i < 60; ++i) {
      std::string text;
      for (int w = 1 + static_cast<int>(random() % 4); w > 0; --w) {
        text += Disguise(words[random() % words.size()], &random) + " ";
      }
      // A star for a letter that follows another, somewhere.
      for (std::size_t tries = 0; tries < 8; ++tries) {
        const std::size_t at = 1 + random() % text.size();
        if (at < text.size() && std::islower(static_cast<unsigned char>(text[at])) != 0 &&
            std::islower(static_cast<unsigned char>(text[at - 1])) != 0) {
          text[at] = '*';
          break;
        }
      }
      const std::string form = MatchedForm(normalizer, text, entry.mode);
      if (form.find('*') == std::string::npos || !RE2::PartialMatch(form, whole.regex())) continue;
      CAPTURE(form);
      CHECK(StarsMayMatch(keywords, form));
      ++starred_matches;
    }
  }
  CHECK(starred_matches > 100);
}

TEST_CASE("a word with stars may spell a keyword, letters repeated or starred after the first") {
  const std::vector<Keyword> fuck = {{"fuck", false}};
  CHECK(StarsMayMatch(fuck, "what the f*ck"));
  CHECK(StarsMayMatch(fuck, "f**k this"));
  CHECK(StarsMayMatch(fuck, "fuuuck*"));
  CHECK(StarsMayMatch(fuck, "*fuck* it"));
  CHECK_FALSE(StarsMayMatch(fuck, "*uck"));      // the first letter is never a star
  CHECK_FALSE(StarsMayMatch(fuck, "xf*ck"));     // not at a word's start
  CHECK_FALSE(StarsMayMatch(fuck, "f*rk"));
  CHECK_FALSE(StarsMayMatch(fuck, "f*cking"));   // the keyword's word ends with it
  CHECK(StarsMayMatch({{"fuck", true}}, "f*cking"));
  CHECK(StarsMayMatch({{"dumbbutts", false}}, "dumb*utts"));
  CHECK(StarsMayMatch({{"dumbbutts", false}}, "dumbutts*"));  // repeats count once, as looked up
  CHECK_FALSE(StarsMayMatch({{"dumbbutts", false}}, "dumbsutt*"));  // the letters in order
  CHECK(StarsMayMatch({{"estúpido", false}}, "est**ido"));
  CHECK(StarsMayMatch({{"x", false}, {"fuck", false}}, "f*ck"));
}

// Alternatives that often match at the same place (words of two letters, stems of them, an
// optional word before the group): the runs' matches tie, and the merge must still pick RE2's.
TEST_CASE("phrases cut into runs of alternatives that match alike match as the whole regex") {
  std::mt19937 random(11);
  Normalizer normalizer;
  REQUIRE(normalizer.ok());
  auto word = [&] {
    std::string out;
    for (int i = 0, size = 1 + static_cast<int>(random() % 4); i < size; ++i) {
      out.push_back(random() % 2 == 0 ? 'a' : 'b');
    }
    return out;
  };
  for (int phrase = 0; phrase < 8; ++phrase) {
    std::string alternatives;
    while (alternatives.size() < 3 * kRunBytes) {
      alternatives += (alternatives.empty() ? "" : "|") + word() + (random() % 3 == 0 ? "*" : "") +
                      (random() % 4 == 0 ? " " + word() : "");
    }
    const std::string pattern = "[ab|b] (" + alternatives + ") [a]";
    for (const PatternMode mode : {PatternMode::kPlain, PatternMode::kObfuscated}) {
      CAPTURE(pattern);
      CompiledPattern compiled;
      PatternError error;
      REQUIRE(CompilePhrasePattern(pattern, mode, normalizer, &compiled, &error));
      REQUIRE(compiled.alternative_runs.size() > 1);
      CompiledRegex whole(compiled.regex, {}, 1, 2, mode);
      std::vector<std::unique_ptr<CompiledRegex>> runs;
      std::vector<const CompiledRegex*> all_runs;
      for (const CompiledPattern::AlternativeRun& run : compiled.alternative_runs) {
        runs.push_back(
            std::make_unique<CompiledRegex>(run.regex, std::vector<Keyword>{}, 1, 2, mode));
        all_runs.push_back(runs.back().get());
      }
      whole.SetAlternativeRuns(std::move(runs),
                               compiled.alternative_runs.front().alternation_group);
      for (int i = 0; i < 300; ++i) {
        std::string text;
        for (int w = 0, count = 1 + static_cast<int>(random() % 6); w < count; ++w) {
          text += (w > 0 ? (random() % 3 == 0 ? "*" : " ") : "") + Disguise(word(), &random);
        }
        const std::string form = MatchedForm(normalizer, text, mode);
        CAPTURE(form);
        CHECK(AllMatches(whole, all_runs, form) == AllMatches(whole, {}, form));
      }
    }
  }
}
