#include "precompiled_patterns.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <thread>

#include "bundled_rules.h"
#include "normalizer.h"
#include "pattern_lines.h"
#include "required_atoms.h"
#include "rule_loader.h"
#include "rule_parser.h"
#include "rule_set.h"

using namespace tonelint;

namespace {

// A table that compiles the phrase "idiota" to a regex no compiler would write, so that a test
// can tell where a RuleSet's pattern came from. Its strings are pieces of kText.
constexpr std::string_view kText =
    "!!|(!!!|idiota|(?:^|x)(zzz)(?:x|$)|(?:^|x)(zz+)(?:x|$)|malo|(?:^|x)((zzz)(?:x|$)|yyy|xxx|"
    "\\?\\?|??";
constexpr TextRange R(std::string_view piece) {
  return {static_cast<std::uint32_t>(kText.find(piece)), static_cast<std::uint32_t>(piece.size())};
}
constexpr PrecompiledKeyword kKeywords[] = {
    {R("zzz"), false}, {R("yyy"), true}, {R("xxx"), false}, {R("??"), false}};
constexpr PrecompiledKeywordSet kSets[] = {{2, 1}};
constexpr PrecompiledPattern kTable[] = {
    {R("!!"), PatternMode::kPlain, true, R("!!"), 1, {0, 0}, 0, 0},
    {R("!!!"), PatternMode::kPlain, true, R("(!!!"), 1, {0, 0}, 0, 0},  // does not compile
    {R("\\?\\?"), PatternMode::kPlain, true, R("\\?\\?"), 1, {0, 0}, 0, 0, {3, 1}},  // atom "??"
    {R("idiota"), PatternMode::kPlain, false, R("(?:^|x)(zzz)(?:x|$)"), 2, {0, 2}, 0, 1},
    {R("idiota"), PatternMode::kObfuscated, false, R("(?:^|x)(zz+)(?:x|$)"), 2, {0, 1}, 0, 0},
    {R("malo"), PatternMode::kPlain, false, R("(?:^|x)((zzz)(?:x|$)"), 2, {0, 1}, 0, 0},  // does not compile
};

std::unique_ptr<RuleSet> BuildOne(std::string_view body, std::vector<Diagnostic>* errors,
                                  const PrecompiledPatterns* table,
                                  Compilation compilation = Compilation::kLazy) {
  RuleFile file;
  ParseRuleFile("a.rules",
                "rule TL1001 insult-direct\nlang es\ncategory insult\nseverity error\n"
                "message m\n" + std::string(body) + "\n",
                &file, errors);
  REQUIRE(errors->empty());
  std::vector<RuleFile> files;
  files.push_back(std::move(file));
  return RuleSet::Build(std::move(files), errors, compilation, table);
}

}  // namespace

TEST_CASE("Find matches source, mode and kind exactly") {
  const PrecompiledPatterns table(kText, kTable, kSets, kKeywords);
  REQUIRE(table.Sorted());
  const PrecompiledPattern* plain = table.Find("idiota", PatternMode::kPlain, false);
  REQUIRE(plain != nullptr);
  CHECK(table.Text(plain->regex) == "(?:^|x)(zzz)(?:x|$)");
  CHECK(table.KeywordsOf(*plain) == std::vector<Keyword>{{"zzz", false}, {"yyy", true}});
  CHECK(table.AlsoRequiredOf(*plain) == std::vector<std::vector<Keyword>>{{{"xxx", false}}});
  CHECK(table.Text(table.Find("idiota", PatternMode::kObfuscated, false)->regex) ==
        "(?:^|x)(zz+)(?:x|$)");
  CHECK(table.Find("idiota", PatternMode::kPlain, true) == nullptr);
  CHECK(table.Find("idiot", PatternMode::kPlain, false) == nullptr);
  CHECK(table.Find("idiotas", PatternMode::kPlain, false) == nullptr);
  CHECK(PrecompiledPatterns().Find("idiota", PatternMode::kPlain, false) == nullptr);
}

TEST_CASE("Find takes a hinted entry only if it is the line's") {
  const PrecompiledPatterns table(kText, kTable, kSets, kKeywords);
  const PrecompiledPattern* plain = table.Find("idiota", PatternMode::kPlain, false);
  const PrecompiledPattern* obfuscated = table.Find("idiota", PatternMode::kObfuscated, false);
  REQUIRE(plain != nullptr);
  REQUIRE(obfuscated != nullptr);
  const int plain_entry = static_cast<int>(plain - table.patterns().data());
  const int obfuscated_entry = static_cast<int>(obfuscated - table.patterns().data());
  CHECK(table.Find("idiota", PatternMode::kPlain, false, plain_entry) == plain);
  CHECK(table.Find("idiota", PatternMode::kPlain, false, obfuscated_entry) == plain);
  CHECK(table.Find("idiota", PatternMode::kPlain, false, 1000) == plain);
  CHECK(table.Find("idiot", PatternMode::kPlain, false, plain_entry) == nullptr);
}

TEST_CASE("RuleSet::Build takes a line found in the table instead of compiling it") {
  const PrecompiledPatterns table(kText, kTable, kSets, kKeywords);
  std::vector<Diagnostic> errors;
  const auto from_table = BuildOne("match idiota\nmatch tonto", &errors, &table);
  REQUIRE(from_table);
  const CompiledRegex& found = *from_table->compiled(0).matches[0];
  CHECK(found.pattern() == "(?:^|x)(zzz)(?:x|$)");
  CHECK(found.keywords() == std::vector<Keyword>{{"zzz", false}, {"yyy", true}});
  CHECK(found.span_group() == 1);
  // A line the table lacks is compiled as without a table.
  const auto without = BuildOne("match idiota\nmatch tonto", &errors, nullptr);
  REQUIRE(without);
  CHECK(from_table->compiled(0).matches[1]->pattern() == without->compiled(0).matches[1]->pattern());
  CHECK(without->compiled(0).matches[0]->pattern() != found.pattern());
}

TEST_CASE("--test-rules compilation still checks a table's pattern") {
  const PrecompiledPatterns table(kText, kTable, kSets, kKeywords);
  std::vector<Diagnostic> errors;
  CHECK(BuildOne("match malo", &errors, &table, Compilation::kLazy) != nullptr);
  CHECK(errors.empty());
  CHECK(BuildOne("match malo", &errors, &table, Compilation::kEager) == nullptr);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].ToString().starts_with("a.rules:6:7: pattern does not compile: missing )"));
}

TEST_CASE("the bundled table holds every bundled pattern line, compiled as a run would") {
  const PrecompiledPatterns& table = BundledPrecompiledPatterns();
  CHECK(table.Sorted());
  Normalizer normalizer;
  REQUIRE(normalizer.ok());
  std::size_t lines = 0;
  std::size_t cut_lines = 0;  // into alternative runs
  auto check = [&](const PatternLine& line, PatternMode mode) {
    ++lines;
    const PrecompiledPattern* found = table.Find(line.text, mode, line.is_regex);
    REQUIRE_MESSAGE(found != nullptr, line.location.file, ":", line.location.line);
    const std::vector<std::string_view> atoms = table.RequiredAtomsOf(*found);
    if (line.is_regex) {
      CHECK(table.Text(found->regex) == line.text);
      CHECK(table.KeywordsOf(*found).empty());
      CHECK(std::vector<std::string>(atoms.begin(), atoms.end()) == RequiredAtoms(line.text));
      return;
    }
    CHECK(atoms.empty());
    CompiledPattern compiled;
    PatternError error;
    REQUIRE(CompilePhrasePattern(line.text, mode, normalizer, &compiled, &error));
    CHECK(table.Text(found->regex) == compiled.regex);
    CHECK(found->first_user_group == compiled.first_user_group);
    CHECK(table.KeywordsOf(*found) == compiled.keywords);
    CHECK(table.AlsoRequiredOf(*found) == compiled.also_required);
    const std::span<const PrecompiledAlternativeRun> runs = table.AlternativeRunsOf(*found);
    REQUIRE(runs.size() == compiled.alternative_runs.size());
    for (std::size_t i = 0; i < runs.size(); ++i) {
      CHECK(table.Text(runs[i].regex) == compiled.alternative_runs[i].regex);
      CHECK(table.KeywordsOf(runs[i]) == compiled.alternative_runs[i].keywords);
    }
    cut_lines += runs.empty() ? 0 : 1;
  };
  std::vector<Diagnostic> errors;
  for (const EmbeddedFile& embedded : BundledRuleFiles()) {
    RuleFile file;
    ParseRuleFile(embedded.path, embedded.contents, &file, &errors);
    ForEachPatternLine(file, check);
  }
  CHECK(errors.empty());
  CHECK(lines > 500);
  CHECK(cut_lines > 0);
}

// The candidates that the Spanish plain-phrase index of a rule with `body` finds in `text`,
// built with the test table.
std::vector<int> PlainCandidates(std::string_view body, std::string_view text) {
  const PrecompiledPatterns table(kText, kTable, kSets, kKeywords);
  std::vector<Diagnostic> errors;
  const auto rules = BuildOne(body, &errors, &table);
  REQUIRE(rules);
  KeywordIndex::Cache cache;
  std::vector<KeywordIndex::Word> words;
  KeywordIndex::SplitWords(text, &words);
  std::vector<int> candidates;
  rules->phrases(Lang::kEs, PatternMode::kPlain).FindCandidates(text, words, &cache, &candidates);
  return candidates;
}

TEST_CASE("the set of patterns without keywords waits for its first use when the table has them all") {
  CHECK(PlainCandidates("regex !!\nmatch idiota", "hola!!") == std::vector<int>{0});
  CHECK(PlainCandidates("regex !!\nmatch idiota", "hola").empty());
}

TEST_CASE("a set that fails on first use makes every pattern without keywords a candidate") {
  CHECK(PlainCandidates("regex !!!\nregex !!", "hola") == std::vector<int>{0, 1});
  // Compiled at load time, the same set is an error at the pattern that fails.
  const PrecompiledPatterns table(kText, kTable, kSets, kKeywords);
  std::vector<Diagnostic> errors;
  CHECK(BuildOne("regex !!!\nregex !!", &errors, &table, Compilation::kEager) == nullptr);
  REQUIRE(!errors.empty());
  CHECK(errors[0].ToString().starts_with("a.rules:6:7: pattern does not compile: missing )"));
}

TEST_CASE("a pattern with required atoms is a candidate where one occurs, without the set") {
  CHECK(PlainCandidates("regex \\?\\?\nmatch idiota", "que?? zzz xxx") == std::vector<int>{0, 1});
  CHECK(PlainCandidates("regex \\?\\?\nmatch idiota", "que? ?").empty());
  // Atoms that share a first byte: each is still looked for where that byte occurs.
  CHECK(PlainCandidates("regex \\?\\?\nregex \\?!", "hola?!") == std::vector<int>{1});
  CHECK(PlainCandidates("regex \\?\\?\nregex \\?!", "hola?! ??") == std::vector<int>{0, 1});
  // Beside a set that fails on first use, which makes its own patterns candidates.
  CHECK(PlainCandidates("regex !!!\nregex \\?\\?", "hola") == std::vector<int>{0});
  CHECK(PlainCandidates("regex !!!\nregex \\?\\?", "hola??") == std::vector<int>{0, 1});
  const PrecompiledPatterns table(kText, kTable, kSets, kKeywords);
  std::vector<Diagnostic> errors;
  const auto rules = BuildOne("regex \\?\\?\nregex !!", &errors, &table);
  REQUIRE(rules);
  const PatternIndex& index = rules->phrases(Lang::kEs, PatternMode::kPlain);
  CHECK(index.unkeyed_patterns == std::vector<int>{0, 1});
  REQUIRE(index.atom_guarded.size() == 1);
  CHECK(index.atom_guarded[0].atoms == std::vector<std::string_view>{"??"});
  CHECK(index.unkeyed_set_patterns == std::vector<int>{1});
}

TEST_CASE("lines with the same precompiled entry share one RE2") {
  const PrecompiledPatterns table(kText, kTable, kSets, kKeywords);
  std::vector<Diagnostic> errors;
  const auto rules = BuildOne("match idiota\nunless idiota\nmatch tonto\nunless tonto", &errors, &table);
  REQUIRE(rules);
  const CompiledRule& compiled = rules->compiled(0);
  CHECK(&compiled.matches[0]->regex() == &compiled.unless[0]->regex());
  // Lines the table lacks are compiled each on its own.
  CHECK(&compiled.matches[1]->regex() != &compiled.unless[1]->regex());
}

namespace {

// Every pattern index of `rules`.
std::vector<const PatternIndex*> IndexesOf(const RuleSet& rules) {
  std::vector<const PatternIndex*> indexes = {&rules.document_patterns()};
  for (const Lang lang : {Lang::kEs, Lang::kEn}) {
    for (const PatternMode mode : {PatternMode::kPlain, PatternMode::kObfuscated}) {
      indexes.push_back(&rules.phrases(lang, mode));
    }
  }
  return indexes;
}

// The matching forms of the bundled rules' examples, and of a starred word.
std::vector<std::string> ExampleTexts(const std::vector<RuleFile>& files) {
  Normalizer normalizer;
  REQUIRE(normalizer.ok());
  std::vector<std::string> texts = {"f*ck eres"};
  for (const RuleFile& file : files) {
    for (const Rule& rule : file.rules) {
      for (const auto* examples : {&rule.bad, &rule.good}) {
        for (const Example& example : *examples) {
          texts.push_back(normalizer.NormalizeString(example.text));
        }
      }
    }
  }
  return texts;
}

// Whether every index of `a` finds the candidates the same index of `b` finds in every text.
bool SameCandidates(const RuleSet& a, const RuleSet& b, const std::vector<std::string>& texts) {
  const std::vector<const PatternIndex*> of_a = IndexesOf(a);
  const std::vector<const PatternIndex*> of_b = IndexesOf(b);
  std::vector<KeywordIndex::Word> words;
  std::vector<int> found_a;
  std::vector<int> found_b;
  for (std::size_t i = 0; i < of_a.size(); ++i) {
    KeywordIndex::Cache cache_a;
    KeywordIndex::Cache cache_b;
    for (const std::string& text : texts) {
      KeywordIndex::SplitWords(text, &words);
      of_a[i]->FindCandidates(text, words, &cache_a, &found_a);
      of_b[i]->FindCandidates(text, words, &cache_b, &found_b);
      if (found_a != found_b) return false;
    }
  }
  return true;
}

}  // namespace

TEST_CASE("the bundled rules as a run loads them take the prebuilt keyword indexes") {
  std::vector<Diagnostic> errors;
  const std::vector<RuleFile> files = LoadRuleFiles(RuleSources{}, &errors);
  REQUIRE(errors.empty());
  const auto prebuilt = RuleSet::Build(files, &errors, Compilation::kLazy,
                                       &BundledPrecompiledPatterns(), BundledKeywordIndexes());
  const auto indexed = RuleSet::Build(files, &errors, Compilation::kLazy,
                                      &BundledPrecompiledPatterns());
  REQUIRE(prebuilt);
  REQUIRE(indexed);
  CHECK(BundledKeywordIndexes().size() == 5);
  for (const PatternIndex* index : IndexesOf(*prebuilt)) CHECK(index->keywords().flat());
  for (const PatternIndex* index : IndexesOf(*indexed)) CHECK_FALSE(index->keywords().flat());
  CHECK(SameCandidates(*prebuilt, *indexed, ExampleTexts(files)));
}

TEST_CASE("other rules than the bundled ones index their keywords at run time") {
  std::vector<Diagnostic> errors;
  std::vector<RuleFile> files = LoadRuleFiles(RuleSources{}, &errors);
  REQUIRE(errors.empty());
  const std::vector<std::string> texts = ExampleTexts(files);
  // One Spanish phrase rule less shifts the positions of the other rules in the Spanish index.
  RuleFile& spanish = *std::find_if(files.begin(), files.end(), [](const RuleFile& file) {
    return !file.rules.empty() && file.rules.front().lang == Lang::kEs &&
           !file.rules.front().matches.empty();
  });
  spanish.rules.erase(spanish.rules.begin());
  const auto offered = RuleSet::Build(files, &errors, Compilation::kLazy,
                                      &BundledPrecompiledPatterns(), BundledKeywordIndexes());
  const auto indexed = RuleSet::Build(files, &errors, Compilation::kLazy,
                                      &BundledPrecompiledPatterns());
  REQUIRE(offered);
  REQUIRE(indexed);
  CHECK_FALSE(offered->phrases(Lang::kEs, PatternMode::kPlain).keywords().flat());
  CHECK(offered->phrases(Lang::kEn, PatternMode::kPlain).keywords().flat());
  CHECK(SameCandidates(*offered, *indexed, texts));
  // Without the table the indexes were made with, none is taken.
  const auto untabled = RuleSet::Build(files, &errors, Compilation::kLazy, nullptr,
                                       BundledKeywordIndexes());
  REQUIRE(untabled);
  for (const PatternIndex* index : IndexesOf(*untabled)) CHECK_FALSE(index->keywords().flat());
  // The keywords a pattern from the table copies when first asked for are those of the line
  // compiled without it (a cut line is indexed by its runs' only, and keeps none of its own).
  std::size_t compared = 0;
  for (std::size_t r = 0; r < indexed->rules().size(); ++r) {
    const CompiledRule& tabled = indexed->compiled(r);
    const CompiledRule& compiled = untabled->compiled(r);
    for (std::size_t p = 0; p < tabled.matches.size(); ++p) {
      const auto& runs = tabled.matches[p]->alternative_runs();
      REQUIRE(runs.size() == compiled.matches[p]->alternative_runs().size());
      if (runs.empty()) {
        CHECK(tabled.matches[p]->precompiled());
        CHECK(tabled.matches[p]->has_keywords() == !compiled.matches[p]->keywords().empty());
        CHECK(tabled.matches[p]->keywords() == compiled.matches[p]->keywords());
        ++compared;
      }
      for (std::size_t run = 0; run < runs.size(); ++run) {
        CHECK(runs[run]->keywords() == compiled.matches[p]->alternative_runs()[run]->keywords());
      }
    }
    for (std::size_t p = 0; p < tabled.unless.size(); ++p) {
      CHECK(tabled.unless[p]->keywords() == compiled.unless[p]->keywords());
    }
  }
  CHECK(compared > 500);
}

TEST_CASE("a precompiled pattern's keywords are copied from the table once for all threads") {
  const PrecompiledPatterns table(kText, kTable, kSets, kKeywords);
  std::vector<Diagnostic> errors;
  const auto rules = BuildOne("match idiota", &errors, &table);
  REQUIRE(rules);
  const CompiledRegex& pattern = *rules->compiled(0).matches[0];
  REQUIRE(pattern.precompiled());
  CHECK(pattern.has_keywords());
  const std::vector<Keyword>* from_other_thread = nullptr;
  std::thread other([&] { from_other_thread = &pattern.keywords(); });
  const std::vector<Keyword>& keywords = pattern.keywords();
  other.join();
  CHECK(from_other_thread == &keywords);
  CHECK(keywords == table.KeywordsOf(*table.Find("idiota", PatternMode::kPlain, false)));
}

namespace {

// What RuleSet::Build made of a pattern line, from the table or compiled, as text. A cut
// pattern's own keywords are left out: one from the table keeps none (its runs' are indexed).
std::string Describe(const CompiledRegex& regex) {
  std::string out = std::string(regex.pattern()) + " span " + std::to_string(regex.span_group()) +
                    " user " + std::to_string(regex.first_user_group()) + " mode " +
                    std::to_string(static_cast<int>(regex.mode())) + " keywords";
  if (regex.alternative_runs().empty()) {
    for (const Keyword& keyword : regex.keywords()) {
      out += " " + keyword.text + (keyword.prefix ? "*" : "");
    }
  }
  out += " atoms";
  for (const std::string_view atom : regex.required_atoms()) out += " " + std::string(atom);
  out += " cut " + std::to_string(regex.alternation_group());
  for (const auto& run : regex.alternative_runs()) out += "\n  run " + Describe(*run);
  return out;
}

// An index as text, one part each: its entries, its patterns without keywords and how each is
// found, and its keyword index as flat arrays (every keyword, with its patterns and their
// also-required sets).
std::vector<std::string> Describe(const PatternIndex& index) {
  auto numbers = [](std::string name, const auto& values, auto number_of) {
    for (const auto& value : values) name += " " + number_of(value);
    return name;
  };
  auto as_is = [](auto value) { return std::to_string(value); };
  const OwnedFlatKeywordIndex flat = index.keywords().Flatten();
  return {
      numbers("entries", index.entries,
              [](const PatternIndex::Entry& entry) {
                return std::to_string(entry.owner) + "/" + std::to_string(entry.pattern) + "/" +
                       std::to_string(static_cast<long long>(entry.run));
              }),
      numbers("unkeyed", index.unkeyed_patterns, as_is),
      numbers("atom guarded", index.atom_guarded,
              [](const PatternIndex::AtomGuarded& guarded) {
                std::string out = std::to_string(guarded.pattern) + ":";
                for (const std::string_view atom : guarded.atoms) out += std::string(atom) + ",";
                return out;
              }),
      numbers("set", index.unkeyed_set_patterns, as_is),
      "keys " + flat.keys,
      numbers("numbers", flat.numbers, as_is),
      numbers("slots", flat.slots,
              [](const FlatKeywordTable::Slot& slot) {
                return std::to_string(slot.key_offset) + "+" + std::to_string(slot.key_size) +
                       ":" + std::to_string(slot.numbers_begin) + "-" +
                       std::to_string(slot.numbers_end);
              }),
      numbers("also required", flat.also_required, [](const NumberRange& range) {
        return std::to_string(range.begin) + "-" + std::to_string(range.end);
      })};
}

// Sentences of words and marks drawn at random from `texts`, with the punctuation and emoji
// that `regex` lines look for: where the examples' own words meet in new orders.
std::vector<std::string> GeneratedTexts(const std::vector<std::string>& texts) {
  std::vector<std::string> tokens = {"!!!", "!!", "???", "?!", "!?", "¡¡¡", "😂", "🤣", "...", ","};
  std::vector<KeywordIndex::Word> words;
  for (const std::string& text : texts) {
    KeywordIndex::SplitWords(text, &words);
    for (const KeywordIndex::Word& word : words) {
      tokens.push_back(text.substr(word.begin, word.end - word.begin));
    }
  }
  std::mt19937 random(7);
  std::vector<std::string> generated;
  for (int i = 0; i < 3000; ++i) {
    std::string text;
    const int size = std::uniform_int_distribution(1, 12)(random);
    for (int t = 0; t < size; ++t) {
      text += tokens[std::uniform_int_distribution<std::size_t>(0, tokens.size() - 1)(random)];
      text += std::uniform_int_distribution(0, 5)(random) == 0 ? "" : " ";
    }
    generated.push_back(std::move(text));
  }
  return generated;
}

}  // namespace

TEST_CASE("the bundled rules built with and without the precompiled table are the same") {
  std::vector<Diagnostic> errors;
  const std::vector<RuleFile> files = LoadRuleFiles(RuleSources{}, &errors);
  REQUIRE(errors.empty());
  const auto tabled =
      RuleSet::Build(files, &errors, Compilation::kLazy, &BundledPrecompiledPatterns());
  const auto compiled = RuleSet::Build(files, &errors, Compilation::kLazy);
  REQUIRE(tabled);
  REQUIRE(compiled);
  REQUIRE(tabled->rules().size() == compiled->rules().size());
  for (std::size_t r = 0; r < tabled->rules().size(); ++r) {
    const CompiledRule& a = tabled->compiled(r);
    const CompiledRule& b = compiled->compiled(r);
    REQUIRE(a.matches.size() == b.matches.size());
    for (std::size_t p = 0; p < a.matches.size(); ++p) {
      CHECK(Describe(*a.matches[p]) == Describe(*b.matches[p]));
    }
    REQUIRE(a.unless.size() == b.unless.size());
    for (std::size_t p = 0; p < a.unless.size(); ++p) {
      CHECK(Describe(*a.unless[p]) == Describe(*b.unless[p]));
    }
  }
  REQUIRE(tabled->document_patterns().entries.size() ==
          compiled->document_patterns().entries.size());
  for (std::size_t i = 0; i < tabled->document_patterns().entries.size(); ++i) {
    CHECK(Describe(tabled->document_pattern(i)) == Describe(compiled->document_pattern(i)));
  }
  const std::vector<const PatternIndex*> of_tabled = IndexesOf(*tabled);
  const std::vector<const PatternIndex*> of_compiled = IndexesOf(*compiled);
  std::size_t atom_guarded = 0;
  for (std::size_t i = 0; i < of_tabled.size(); ++i) {
    CAPTURE(i);
    const std::vector<std::string> parts = Describe(*of_tabled[i]);
    const std::vector<std::string> compiled_parts = Describe(*of_compiled[i]);
    for (std::size_t part = 0; part < parts.size(); ++part) {
      CHECK(parts[part] == compiled_parts[part]);
    }
    atom_guarded += of_compiled[i]->atom_guarded.size();
  }
  // Every bundled `regex` line has required atoms, compiled from the table or not.
  CHECK(atom_guarded >= 15);
  const std::vector<std::string> examples = ExampleTexts(files);
  CHECK(SameCandidates(*tabled, *compiled, examples));
  CHECK(SameCandidates(*tabled, *compiled, GeneratedTexts(examples)));
}
