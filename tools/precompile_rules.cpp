// Build step: compiles every pattern line of the bundled rules and writes the C++ table that
// BundledPrecompiledPatterns() returns (precompiled_patterns.h), so that a run finds the
// bundled phrases already in RE2 syntax.
//
//   tonelint_precompile OUTPUT.cpp
//
// A line that does not compile is left out of the table: the run then compiles it and reports
// the error with its place, exactly as without the table.
#include <iostream>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "bundled_rules.h"
#include "generated_source.h"
#include "normalizer.h"
#include "pattern_compiler.h"
#include "required_atoms.h"
#include "rule_parser.h"
#include "rule_set.h"

namespace tonelint {
namespace {

struct Entry {
  std::string regex;
  int first_user_group = 1;
  std::vector<Keyword> keywords;
  std::vector<std::vector<Keyword>> also_required;
  std::vector<std::string> required_atoms;  // of a `regex` line
  std::vector<CompiledPattern::AlternativeRun> alternative_runs;
};

using Key = std::tuple<std::string, PatternMode, bool>;  // source, mode, is_regex

// Compiles `line` as RuleSet::Build does; false if it does not compile.
bool CompileLine(const PatternLine& line, PatternMode mode, Normalizer& normalizer, Entry* out) {
  PatternError error;
  if (line.is_regex) {
    if (!CheckRegexNesting(line.text, &error)) return false;
    out->regex = line.text;
    out->required_atoms = RequiredAtoms(line.text);
  } else {
    CompiledPattern phrase;
    if (!CompilePhrasePattern(line.text, mode, normalizer, &phrase, &error)) return false;
    out->regex = std::move(phrase.regex);
    out->keywords = std::move(phrase.keywords);
    out->also_required = std::move(phrase.also_required);
    out->first_user_group = phrase.first_user_group;
    out->alternative_runs = std::move(phrase.alternative_runs);
  }
  // The same class, so the same RE2 options and memory budget as a run.
  auto compiles = [&](const std::string& regex) {
    const CompiledRegex check(regex, {}, 0, out->first_user_group, mode);
    return check.regex().ok();
  };
  for (const CompiledPattern::AlternativeRun& run : out->alternative_runs) {
    if (!compiles(run.regex)) return false;
  }
  return compiles(out->regex);
}

// Required atoms are stored in the keyword array, as keywords that are not prefixes.
std::vector<Keyword> AsKeywords(const std::vector<std::string>& atoms) {
  std::vector<Keyword> out;
  for (const std::string& atom : atoms) out.push_back({atom, false});
  return out;
}

std::string_view ModeName(PatternMode mode) {
  return mode == PatternMode::kObfuscated ? "PatternMode::kObfuscated" : "PatternMode::kPlain";
}

int Run(const std::string& output) {
  Normalizer normalizer;
  if (!normalizer.ok()) {
    std::cerr << "tonelint_precompile: " << normalizer.error() << "\n";
    return 1;
  }
  std::map<Key, Entry> entries;  // sorted as PrecompiledPatterns requires
  std::size_t skipped = 0;
  auto add = [&](const PatternLine& line, PatternMode mode) {
    Key key{line.text, mode, line.is_regex};
    if (entries.count(key) != 0) return;
    Entry entry;
    if (CompileLine(line, mode, normalizer, &entry)) {
      entries.emplace(std::move(key), std::move(entry));
    } else {
      ++skipped;
    }
  };
  std::vector<Diagnostic> errors;  // reported by the run that loads these rules, not here
  for (const EmbeddedFile& embedded : BundledRuleFiles()) {
    RuleFile file;
    ParseRuleFile(embedded.path, embedded.contents, &file, &errors);
    for (const Rule& rule : file.rules) {
      const PatternMode mode = rule.obfuscated ? PatternMode::kObfuscated : PatternMode::kPlain;
      for (const PatternLine& line : rule.matches) add(line, mode);
      for (const PatternLine& line : rule.unless) add(line, PatternMode::kPlain);
      for (const PatternLine& line : rule.required) add(line, PatternMode::kPlain);
    }
    for (const Signal& signal : file.signals) {
      for (const PatternLine& line : signal.matches) add(line, PatternMode::kPlain);
    }
  }

  std::string keywords;
  std::string sets;
  std::string patterns;
  std::string runs;
  std::size_t keyword_count = 0;
  std::size_t set_count = 0;
  std::size_t run_count = 0;
  TextBlob blob;
  // Appends `set` to the keyword array; returns its PrecompiledKeywordSet initializer.
  auto add_keywords = [&](const std::vector<Keyword>& set) {
    const std::string initializer =
        "{" + std::to_string(keyword_count) + ", " + std::to_string(set.size()) + "}";
    for (const Keyword& keyword : set) {
      keywords += "    {" + blob.Range(keyword.text) + ", " + (keyword.prefix ? "true" : "false") + "},\n";
      ++keyword_count;
    }
    return initializer;
  };
  for (const auto& [key, entry] : entries) {
    const auto& [source, mode, is_regex] = key;
    const std::size_t first_set = set_count;
    for (const std::vector<Keyword>& set : entry.also_required) {
      sets += "    " + add_keywords(set) + ",\n";
      ++set_count;
    }
    const std::size_t first_run = run_count;
    for (const CompiledPattern::AlternativeRun& run : entry.alternative_runs) {
      const std::size_t first_run_set = set_count;
      for (const std::vector<Keyword>& set : run.also_required) {
        sets += "    " + add_keywords(set) + ",\n";
        ++set_count;
      }
      runs += "    {" + blob.Range(run.regex) + ", " + add_keywords(run.keywords) + ", " +
              std::to_string(first_run_set) + ", " + std::to_string(run.also_required.size()) +
              ", " + std::to_string(run.alternation_group) + "},\n";
      ++run_count;
    }
    patterns += "    {" + blob.Range(source) + ", " + std::string(ModeName(mode)) + ", " +
                (is_regex ? "true" : "false") + ", " + blob.Range(entry.regex) + ", " +
                std::to_string(entry.first_user_group) + ", " + add_keywords(entry.keywords) +
                ", " + std::to_string(first_set) + ", " + std::to_string(entry.also_required.size()) +
                ", " + add_keywords(AsKeywords(entry.required_atoms)) + ", " +
                std::to_string(first_run) + ", " + std::to_string(entry.alternative_runs.size()) +
                "},\n";
  }
  // An array may not be empty: a placeholder element keeps the file valid, and the spans
  // below leave it out.
  if (keyword_count == 0) keywords = "    {},\n";
  if (set_count == 0) sets = "    {},\n";
  if (run_count == 0) runs = "    {},\n";
  if (entries.empty()) patterns = "    {},\n";

  const std::string text =
      "// Generated by tonelint_precompile (tools/precompile_rules.cpp); do not edit.\n"
      "#include \"bundled_rules.h\"\n\nnamespace tonelint {\nnamespace {\n\n"
      "constexpr char kText[] =\n" + blob.Literals() + "    ;\n\n"
      "constexpr PrecompiledKeyword kKeywords[] = {\n" + keywords + "};\n\n"
      "constexpr PrecompiledKeywordSet kKeywordSets[] = {\n" + sets + "};\n\n"
      "constexpr PrecompiledPattern kPatterns[] = {\n" + patterns + "};\n\n"
      "constexpr PrecompiledAlternativeRun kAlternativeRuns[] = {\n" + runs + "};\n\n"
      "}  // namespace\n\n"
      "const PrecompiledPatterns& BundledPrecompiledPatterns() {\n"
      "  static const PrecompiledPatterns table(std::string_view(kText, sizeof(kText) - 1),\n"
      "                                         std::span(kPatterns, " +
      std::to_string(entries.size()) + "), std::span(kKeywordSets, " + std::to_string(set_count) +
      "), std::span(kKeywords, " + std::to_string(keyword_count) + "),\n"
      "                                         std::span(kAlternativeRuns, " +
      std::to_string(run_count) + "));\n"
      "  return table;\n}\n\n}  // namespace tonelint\n";
  if (!WriteIfChanged(output, text)) {
    std::cerr << "tonelint_precompile: cannot write " << output << "\n";
    return 1;
  }
  if (skipped > 0) {
    std::cerr << "tonelint_precompile: " << skipped
              << " bundled pattern(s) do not compile; tonelint will report them\n";
  }
  return 0;
}

}  // namespace
}  // namespace tonelint

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: tonelint_precompile OUTPUT.cpp\n";
    return 2;
  }
  return tonelint::Run(argv[1]);
}
