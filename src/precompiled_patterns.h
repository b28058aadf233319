// Patterns compiled when tonelint itself is built (tools/precompile_rules.cpp writes a table of
// them for the bundled rules), so that a run does not compile the same phrases again: turning
// the bundled phrases into RE2 syntax took most of tonelint's start-up (issue 6).
//
// A table entry is looked up by the pattern line's own text, so it serves any rule file that
// contains the same line; a line not in the table is compiled as usual (rule_set.h), to the
// same regex, keywords, also-required sets, alternative runs and required atoms
// (precompiled_patterns_test.cpp builds the bundled rules both ways and compares them).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "keyword_index.h"
#include "pattern_compiler.h"

namespace tonelint {

// A piece of the table's text. The generated arrays hold offsets rather than pointers: the
// loader would relocate every pointer of a position-independent binary at each start, writing
// (and so copying) every page of the arrays, which cost even `--version` ~0.3 ms.
struct TextRange {
  std::uint32_t offset = 0;
  std::uint32_t size = 0;
};

struct PrecompiledKeyword {
  TextRange text;
  bool prefix = false;
};

// Keywords [first, first + count) of the table's keyword array.
struct PrecompiledKeywordSet {
  std::uint32_t first = 0;
  std::uint32_t count = 0;
};

// One of a pattern's CompiledPattern::alternative_runs, its also-required sets as a pattern's.
struct PrecompiledAlternativeRun {
  TextRange regex;
  PrecompiledKeywordSet keywords;
  std::uint32_t first_also_required = 0;
  std::uint32_t also_required_count = 0;
  int alternation_group = 0;
};

// One pattern line and what RuleSet::Build would compile it to. Every entry's RE2 was compiled
// with the rule set's options when the table was made, so it is known to compile.
struct PrecompiledPattern {
  TextRange source;  // the line's value as written (`match`, `unless`, `require`, `regex`)
  PatternMode mode = PatternMode::kPlain;
  bool is_regex = false;  // a `regex` line: `regex` is `source` itself
  TextRange regex;        // RE2 syntax
  int first_user_group = 1;
  PrecompiledKeywordSet keywords;  // CompiledPattern::keywords
  // CompiledPattern::also_required: sets [first, first + count) of the table's set array.
  std::uint32_t first_also_required = 0;
  std::uint32_t also_required_count = 0;
  // A `regex` line's RequiredAtoms (required_atoms.h), as keywords of the keyword array whose
  // text is the atom; none when it has none.
  PrecompiledKeywordSet required_atoms;
  // CompiledPattern::alternative_runs: runs [first, first + count) of the table's run array,
  // each known to compile too.
  std::uint32_t first_alternative_run = 0;
  std::uint32_t alternative_run_count = 0;
};

// A table of precompiled patterns over static storage (the views must outlive it).
class PrecompiledPatterns {
 public:
  PrecompiledPatterns() = default;
  // `patterns` must be sorted by (source, mode, is_regex) (see Sorted()), without duplicates;
  // the ranges are of `text`.
  PrecompiledPatterns(std::string_view text, std::span<const PrecompiledPattern> patterns,
                      std::span<const PrecompiledKeywordSet> keyword_sets,
                      std::span<const PrecompiledKeyword> keywords,
                      std::span<const PrecompiledAlternativeRun> alternative_runs = {})
      : text_(text),
        patterns_(patterns),
        keyword_sets_(keyword_sets),
        keywords_(keywords),
        alternative_runs_(alternative_runs) {}

  // The entry for this line, or null if the table has none. `hint`: the entry's number if
  // known (PatternLine::precompiled_entry), checked before the table is searched.
  const PrecompiledPattern* Find(std::string_view source, PatternMode mode, bool is_regex,
                                 int hint = -1) const;
  std::string_view Text(TextRange range) const { return text_.substr(range.offset, range.size); }
  std::vector<Keyword> KeywordsOf(const PrecompiledPattern& pattern) const;
  std::span<const PrecompiledAlternativeRun> AlternativeRunsOf(
      const PrecompiledPattern& pattern) const {
    return alternative_runs_.subspan(pattern.first_alternative_run, pattern.alternative_run_count);
  }
  std::vector<Keyword> KeywordsOf(const PrecompiledAlternativeRun& run) const {
    return Keywords(run.keywords);
  }
  // The keywords of `set`, copied out of the table.
  std::vector<Keyword> Keywords(PrecompiledKeywordSet set) const;
  std::vector<std::vector<Keyword>> AlsoRequiredOf(const PrecompiledPattern& pattern) const;
  std::vector<std::vector<Keyword>> AlsoRequiredOf(const PrecompiledAlternativeRun& run) const {
    return KeywordSets(run.first_also_required, run.also_required_count);
  }
  // Views of the table's text.
  std::vector<std::string_view> RequiredAtomsOf(const PrecompiledPattern& pattern) const;
  std::span<const PrecompiledPattern> patterns() const { return patterns_; }
  std::span<const PrecompiledAlternativeRun> alternative_runs() const { return alternative_runs_; }
  // Whether the patterns are in the order Find needs.
  bool Sorted() const;

 private:
  // Sets [first, first + count) of the set array.
  std::vector<std::vector<Keyword>> KeywordSets(std::uint32_t first, std::uint32_t count) const;
  bool Before(const PrecompiledPattern& a, const PrecompiledPattern& b) const;

  std::string_view text_;
  std::span<const PrecompiledPattern> patterns_;
  std::span<const PrecompiledKeywordSet> keyword_sets_;
  std::span<const PrecompiledKeyword> keywords_;
  std::span<const PrecompiledAlternativeRun> alternative_runs_;
};

// What PatternIndex::AddKeywords was given for a pattern of a precompiled table: its position
// in the index's entries, its entry number in the table, and for one of the entry's alternative
// runs, the run's number in the table's run array (else -1).
struct PrebuiltAdd {
  int position = 0;
  int entry = 0;
  int run = -1;
  friend bool operator==(const PrebuiltAdd&, const PrebuiltAdd&) = default;
};

// A pattern index's keywords indexed at build time (tools/prebuild_bundled_rules.cpp, for the
// bundled rules as a run without options loads them): it serves an index that is given exactly
// `adds`, whose keyword index would be the same. Any other selection of rules (--disable, a
// config, --rules) indexes its keywords at run time, as before.
struct PrebuiltKeywordIndex {
  std::span<const PrebuiltAdd> adds;
  FlatKeywordIndex keywords;
};

}  // namespace tonelint
