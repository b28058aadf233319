// Rules compiled for matching: every pattern turned into RE2, phrase patterns indexed by their
// keywords per language and form so that one scan of a sentence finds the candidate rules, and
// the signal and `require` patterns indexed the same way for document checks.
#pragma once

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "keyword_index.h"
#include "pattern_compiler.h"
#include "precompiled_patterns.h"
#include "rule.h"

namespace tonelint {

class Normalizer;

// One compiled pattern. For phrase patterns group 1 is the phrase (the boundaries around it are
// matched outside); for `regex` lines it is the whole match, group 0.
class CompiledRegex {
 public:
  CompiledRegex(std::string pattern, std::vector<Keyword> keywords, int span_group,
                int first_user_group, PatternMode mode,
                std::vector<std::string> required_atoms = {})
      : owned_pattern_(std::move(pattern)),
        pattern_(owned_pattern_),
        keywords_(std::move(keywords)),
        owned_required_atoms_(std::move(required_atoms)),
        required_atoms_(owned_required_atoms_.begin(), owned_required_atoms_.end()),
        span_group_(span_group),
        first_user_group_(first_user_group),
        mode_(mode) {}
  // A pattern in static storage (a precompiled table): referred to, not copied, like its
  // `required_atoms`; its keywords are `keywords` of `table`, copied on the first keywords().
  // If `same_regex` is not null, it is another CompiledRegex of the same pattern, whose RE2
  // this one uses (compiled once for both); it must outlive this one.
  struct InStaticStorage {};
  CompiledRegex(InStaticStorage, std::string_view pattern, const PrecompiledPatterns* table,
                PrecompiledKeywordSet keywords, std::vector<std::string_view> required_atoms,
                int span_group, int first_user_group, PatternMode mode,
                const CompiledRegex* same_regex)
      : pattern_(pattern),
        precompiled_(true),
        same_regex_(same_regex),
        keywords_table_(table),
        table_keywords_(keywords),
        required_atoms_(std::move(required_atoms)),
        span_group_(span_group),
        first_user_group_(first_user_group),
        mode_(mode) {}

  // The RE2, compiled on first use: a pre-commit run on one reply needs only the few rules
  // whose keywords it contains, and compiling all of them would dominate its time. Thread-safe.
  // Patterns are checked when the rules are built (RuleSet::Build), so this only fails if RE2
  // runs out of its memory budget; then ok() on the result is false.
  const RE2& regex() const {
    if (same_regex_ != nullptr) return same_regex_->regex();
    // Asked for at every search: once compiled, one load instead of std::call_once's call.
    if (is_compiled_.load(std::memory_order_acquire)) return *regex_;
    return Compile();
  }
  // Whether regex() has been compiled (by any thread).
  bool IsCompiled() const {
    return same_regex_ != nullptr ? same_regex_->IsCompiled()
                                  : is_compiled_.load(std::memory_order_acquire);
  }
  std::string_view pattern() const { return pattern_; }
  // Whether it came from a precompiled table (so its RE2 is known to compile).
  bool precompiled() const { return precompiled_; }
  // Those of the phrase; none may be kept for one cut into alternative runs, which the index
  // looks up by theirs instead. Thread-safe.
  const std::vector<Keyword>& keywords() const {
    // A precompiled pattern's are copied from its table when first asked for: a run on one
    // reply asks for few, and copying all of them was 0.75M of its 6.5M instructions.
    if (keywords_table_ != nullptr && !keywords_copied_.load(std::memory_order_acquire)) {
      CopyKeywordsFromTable();
    }
    return keywords_;
  }
  bool has_keywords() const {
    return keywords_table_ != nullptr ? table_keywords_.count > 0 : !keywords_.empty();
  }
  // For a pattern without keywords: strings one of which every match contains (required_atoms.h);
  // empty if unknown.
  const std::vector<std::string_view>& required_atoms() const { return required_atoms_; }
  int span_group() const { return span_group_; }
  int first_user_group() const { return first_user_group_; }
  PatternMode mode() const { return mode_; }
  // A phrase's CompiledPattern::alternative_runs, each a CompiledRegex of the same groups and
  // mode with the run's keywords; empty if the pattern is not cut.
  const std::vector<std::unique_ptr<CompiledRegex>>& alternative_runs() const { return runs_; }
  // The capture group of the group the runs cut (AlternativeRun::alternation_group).
  int alternation_group() const { return alternation_group_; }
  void SetAlternativeRuns(std::vector<std::unique_ptr<CompiledRegex>> runs, int alternation_group) {
    runs_ = std::move(runs);
    alternation_group_ = alternation_group;
  }

 private:
  std::string owned_pattern_;  // empty when the pattern is in static storage
  std::string_view pattern_;
  bool precompiled_ = false;
  const CompiledRegex* same_regex_ = nullptr;
  void CopyKeywordsFromTable() const;
  // Compiles regex_ once for all threads; returns it.
  const RE2& Compile() const;

  const PrecompiledPatterns* keywords_table_ = nullptr;  // null when keywords_ are given
  PrecompiledKeywordSet table_keywords_;
  mutable std::once_flag keywords_copy_;
  mutable std::atomic<bool> keywords_copied_ = false;
  mutable std::vector<Keyword> keywords_;
  std::vector<std::string> owned_required_atoms_;  // empty when the atoms are in static storage
  std::vector<std::string_view> required_atoms_;
  int span_group_;
  int first_user_group_;
  PatternMode mode_;
  std::vector<std::unique_ptr<CompiledRegex>> runs_;
  int alternation_group_ = 0;
  mutable std::once_flag compiled_;
  mutable std::unique_ptr<RE2> regex_;
  mutable std::atomic<bool> is_compiled_ = false;
};

// The groups of the match FindNextMatch found, and room for another run's.
struct MatchGroups {
  std::vector<re2::StringPiece> groups;
  std::vector<re2::StringPiece> other;
};

// The first match at or after `pos` of `pattern`, searched with `runs`: none (the pattern
// itself), or those of its alternative runs that may match `text`, in their order. RE2 prefers
// the leftmost match; at one start, the leading boundary's first branch ("^": the span group
// starting there rather than after a separator); then the first path through the items before
// the cut group, which is the same for every run whose match has the cut group start at the
// same place; then the earliest alternative. So of the runs' first matches, the one that starts
// first, then whose span group starts first, then the earliest run, unless two such runs have
// the cut group start apart: then the whole pattern decides. False if there is none; otherwise
// the match's groups are in `match->groups`.
bool FindNextMatch(const CompiledRegex& pattern, std::span<const CompiledRegex* const> runs,
                   std::string_view text, std::size_t pos, MatchGroups* match);

// Whether `pattern` is better searched with `candidate_runs` of its alternative runs than
// whole: not once the whole is compiled, nor for most of its runs (each repeats the rest of the
// phrase, so together they compile to more than the whole).
bool WorthSearchingRuns(const CompiledRegex& pattern, std::size_t candidate_runs);

// Calls `visit(groups, span)` for every match of `pattern` (searched with `runs`, see
// FindNextMatch) in `text`, left to right, with its span group's bytes. Matches of phrase
// patterns consume the separator after them, so the next search restarts at the end of the
// span group, where that separator can serve as the next match's leading boundary.
template <typename Visit>
void ForEachMatch(const CompiledRegex& pattern, std::span<const CompiledRegex* const> runs,
                  std::string_view text, MatchGroups* match, Visit visit) {
  const auto span_group = static_cast<std::size_t>(pattern.span_group());
  std::size_t pos = 0;
  while (pos <= text.size() && FindNextMatch(pattern, runs, text, pos, match)) {
    const re2::StringPiece span = match->groups[span_group];
    const std::size_t span_begin = static_cast<std::size_t>(span.data() - text.data());
    const std::size_t span_end = span_begin + span.size();
    if (span_end > span_begin) visit(match->groups, ByteRange{span_begin, span_end});
    pos = std::max(span_end, pos + 1);
  }
}

struct CompiledRule {
  // Parallel to Rule::matches and Rule::unless; null where the pattern failed to compile
  // (then the RuleSet was not built at all).
  std::vector<std::unique_ptr<CompiledRegex>> matches;
  std::vector<std::unique_ptr<CompiledRegex>> unless;
};

// A phrase's CompiledPattern::also_required: the sets themselves, or the precompiled table
// entry that has them, read only if the index they go to is ever looked up.
struct AlsoRequired {
  std::vector<std::vector<Keyword>> sets;
  // If set, the sets are table->AlsoRequiredOf(*run) for one of the entry's alternative runs,
  // else table->AlsoRequiredOf(*entry).
  const PrecompiledPatterns* table = nullptr;
  const PrecompiledPattern* entry = nullptr;
  const PrecompiledAlternativeRun* run = nullptr;
};

// Patterns looked up together, and which pattern each index stands for.
struct PatternIndex {
  struct Entry {
    static constexpr std::size_t kWholePattern = SIZE_MAX;
    std::size_t owner = 0;    // rule index (phrase index) or document-pattern owner (see below)
    std::size_t pattern = 0;  // index within the owner's patterns
    // A pattern cut into alternative runs has an entry for each run, under that run's
    // keywords, in the runs' order and next to each other.
    std::size_t run = kWholePattern;  // CompiledRegex::alternative_runs() index, or none
  };
  PatternIndex() = default;
  // `collapse_repeats`: see KeywordIndex.
  explicit PatternIndex(bool collapse_repeats) : keywords_(collapse_repeats) {}

  std::vector<Entry> entries;
  // Registers the pattern at `position` in `entries` under the keywords of `pattern`
  // (KeywordIndex::Add), which must live as long as this index: they are indexed on the first
  // call of keywords(). A run on one reply looks up few of the indexes (seldom the other
  // language's), and indexing the bundled rules' keywords was ~15% of its instructions.
  void AddKeywords(int position, const CompiledRegex* pattern, AlsoRequired also_required);
  // The patterns with keywords, numbered by their position in `entries`. Thread-safe.
  const KeywordIndex& keywords() const {
    // Asked for every sentence: once filled, one load instead of std::call_once's call and
    // thread-local stores (~1.5M instructions on 1 MB of the mixed benchmark).
    if (const KeywordIndex* filled = filled_keywords_.load(std::memory_order_acquire)) {
      return *filled;
    }
    return FillKeywords();
  }
  // Lets keywords() take one of `prebuilt`, made with the entries of `table`, instead of
  // indexing the keywords itself, if one was made of what AddKeywords was given. Both must
  // outlive the index.
  void OfferPrebuilt(const PrecompiledPatterns* table, std::span<const PrebuiltKeywordIndex> prebuilt);
  // For the build (tools/prebuild_bundled_rules.cpp): what AddKeywords was given, as `*adds`;
  // false if a pattern was not taken from `table`. Only before the first keywords().
  bool KeywordAddsFrom(const PrecompiledPatterns& table, std::vector<PrebuiltAdd>* adds) const;
  // Positions in `entries` of the patterns without keywords (`regex` lines such as "!{3,}",
  // emoji), each found one of two ways.
  std::vector<int> unkeyed_patterns;
  // Those with required atoms: a candidate where one of its atoms occurs in the text.
  struct AtomGuarded {
    int pattern = 0;  // position in `entries`
    std::vector<std::string_view> atoms;  // CompiledRegex::required_atoms()
  };
  std::vector<AtomGuarded> atom_guarded;
  // The others: one small RE2::Set tells which of them match, instead of running each of them
  // on every sentence.
  std::vector<std::string_view> unkeyed_sources;  // RE2::Set index → pattern (of a CompiledRegex)
  std::vector<int> unkeyed_set_patterns;          // RE2::Set index → position in `entries`

  bool empty() const { return entries.empty(); }
  // Positions in `entries` of the patterns that may match `text`, sorted, no duplicates.
  // `words` are the words of `text` (KeywordIndex::SplitWords).
  void FindCandidates(std::string_view text, const std::vector<KeywordIndex::Word>& words,
                      KeywordIndex::Cache* cache, std::vector<int>* candidates) const;
  // Compiles the RE2::Set of the unkeyed patterns now (call it once, before any lookup).
  // Otherwise FindCandidates compiles it on first use (thread-safe), which RuleSet::Build
  // leaves to patterns known to compile: a run on one reply seldom needs every language's set.
  // Returns false if it fails, with RE2's `error` and in `*failed` the unkeyed pattern it
  // failed on, or unkeyed_sources.size() if the set as a whole exceeds the memory budget.
  bool CompileUnkeyed(std::size_t* failed, std::string* error);

 private:
  // Appends the patterns of the unkeyed set that may match `text`.
  void AddUnkeyedSetCandidates(std::string_view text, std::vector<int>* candidates) const;
  // The compiled set; null when it failed (then every pattern of it is a candidate).
  const RE2::Set* UnkeyedSet() const;
  // Sets unkeyed_, or on failure `*failed` and `*error` (see CompileUnkeyed).
  void BuildUnkeyedSet(std::size_t* failed, std::string* error) const;

  mutable std::once_flag unkeyed_compiled_;
  mutable std::unique_ptr<RE2::Set> unkeyed_;

  // What AddKeywords was given, until keywords() indexes it.
  struct KeywordsToAdd {
    int position = 0;
    const CompiledRegex* pattern = nullptr;
    AlsoRequired also_required;
  };
  // Sets filled_keywords_, once for all threads: to a prebuilt index made of keywords_to_add_,
  // or to keywords_ with keywords_to_add_ added.
  const KeywordIndex& FillKeywords() const;

  mutable std::vector<KeywordsToAdd> keywords_to_add_;
  const PrecompiledPatterns* prebuilt_table_ = nullptr;
  std::span<const PrebuiltKeywordIndex> prebuilt_;
  mutable std::once_flag keywords_added_;
  mutable std::atomic<const KeywordIndex*> filled_keywords_ = nullptr;
  mutable KeywordIndex keywords_;
  mutable std::optional<KeywordIndex> prebuilt_keywords_;
};

// When the rules' own RE2s are compiled.
enum class Compilation {
  kLazy,   // on first use: linting (a `regex` line is still compiled at once, to check it)
  kEager,  // all at load time: --test-rules, so that every pattern is checked
};

class RuleSet {
 public:
  // Compiles `files`. Checks what needs all files together: an id given twice for one language,
  // one id with two names (or one name with two ids), a `when` naming an unknown signal, and
  // every pattern (phrase syntax and RE2 compilation). Appends problems to `errors` as
  // `file:line:col` diagnostics and returns null if there were any.
  // A pattern line found in `precompiled` (if given) is taken from it instead of compiled
  // again; lazily, its RE2 is then compiled on first use even if it is a `regex` line or
  // large, since the table's patterns are known to compile. The result is the same either way.
  // The table must outlive the RuleSet: its keywords are read when an index is first looked up.
  // `prebuilt` (made with the entries of `precompiled`, static) are offered to every index
  // (PatternIndex::OfferPrebuilt).
  static std::unique_ptr<RuleSet> Build(std::vector<RuleFile> files,
                                        std::vector<Diagnostic>* errors,
                                        Compilation compilation = Compilation::kLazy,
                                        const PrecompiledPatterns* precompiled = nullptr,
                                        std::span<const PrebuiltKeywordIndex> prebuilt = {});

  const std::vector<Rule>& rules() const { return rules_; }
  const CompiledRule& compiled(std::size_t rule) const { return compiled_[rule]; }

  // Phrase rules of `lang` whose patterns are matched in `mode`. Entry::owner is a rule index.
  const PatternIndex& phrases(Lang lang, PatternMode mode) const {
    return phrases_[LangSlot(lang)][mode == PatternMode::kObfuscated ? 1 : 0];
  }
  bool HasObfuscatedRules(Lang lang) const { return !phrases(lang, PatternMode::kObfuscated).empty(); }
  // Indexes of the rules of `lang` with a `caps-words` line.
  const std::vector<std::size_t>& caps_rules(Lang lang) const { return caps_rules_[LangSlot(lang)]; }

  // Signal and `require` patterns, all languages, plain form. Entry::owner is a signal index
  // when < signal_names().size(), else signal_names().size() + a rule index (a `require`).
  // A pattern cut into alternative runs matches somewhere if and only if one of its runs does.
  const PatternIndex& document_patterns() const { return document_patterns_; }
  // What document_patterns().entries[i] stands for: a whole pattern or one of its runs.
  const CompiledRegex& document_pattern(std::size_t i) const { return *document_entry_regexes_[i]; }
  // Signal names, merged across files and languages; a Trigger's signal is one of these.
  const std::vector<std::string>& signal_names() const { return signal_names_; }
  std::size_t SignalIndex(const std::string& name) const;  // signal_names().size() if unknown

  // The rule with this id (any language) or name; rules().size() if none.
  std::size_t FindRule(const std::string& id_or_name, Lang lang) const;

 private:
  static std::size_t LangSlot(Lang lang) { return lang == Lang::kEn ? 1 : 0; }

  std::vector<Rule> rules_;
  std::vector<CompiledRule> compiled_;
  // By language slot, then mode: obfuscated patterns are indexed with repeats collapsed.
  PatternIndex phrases_[2][2] = {
      {PatternIndex(), PatternIndex(/*collapse_repeats=*/true)},
      {PatternIndex(), PatternIndex(/*collapse_repeats=*/true)}};
  std::vector<std::size_t> caps_rules_[2];
  PatternIndex document_patterns_;
  std::vector<std::unique_ptr<CompiledRegex>> document_regexes_;
  std::vector<const CompiledRegex*> document_entry_regexes_;  // by entry, in document_regexes_
  std::vector<std::string> signal_names_;
};

}  // namespace tonelint
