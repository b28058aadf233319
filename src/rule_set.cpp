#include "rule_set.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

#include "normalizer.h"
#include "required_atoms.h"
#include "source_text.h"
#include "suggest_name.h"

namespace tonelint {
namespace {

// RE2's default 8 MB budget fails on large alternations and on thousands of patterns in a set
// (DESIGN.md §6).
constexpr int64_t kMemoryBudget = int64_t{128} << 20;
// Patterns longer than this (in RE2 syntax) are compiled when the rules are built, so that a
// budget failure is an error at load time rather than a rule that never fires.
constexpr std::size_t kEagerCompileBytes = 64 * 1024;

RE2::Options MatchingOptions() {
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingUTF8);
  options.set_log_errors(false);
  options.set_case_sensitive(true);  // the matching form is already case-folded
  return options;
}

class Compiler {
 public:
  Compiler(Normalizer& normalizer, Compilation compilation, const PrecompiledPatterns* precompiled,
           std::vector<Diagnostic>* errors)
      : normalizer_(normalizer),
        compilation_(compilation),
        precompiled_(precompiled),
        errors_(errors),
        first_of_entry_(precompiled ? precompiled->patterns().size() : 0) {}

  // Turns one pattern line into a CompiledRegex; on an error reports it and returns null.
  // Phrase patterns become valid RE2 by construction, so their RE2 is compiled now only when
  // eager; a `regex` line is the user's RE2 and is always compiled now, to report its errors
  // with their place, unless the precompiled table already checked it. `also_required`, if
  // given, receives the phrase's CompiledPattern::also_required, for AddToIndex. Only if
  // `runs_also_required` is given is a phrase cut into its alternative runs, whose also-required
  // sets it receives.
  std::unique_ptr<CompiledRegex> Compile(const PatternLine& line, PatternMode mode,
                                         AlsoRequired* also_required = nullptr,
                                         std::vector<AlsoRequired>* runs_also_required = nullptr) {
    if (std::unique_ptr<CompiledRegex> found =
            FromTable(line, mode, also_required, runs_also_required)) {
      if (compilation_ == Compilation::kEager && !found->regex().ok()) {
        errors_->push_back({line.location, "pattern does not compile: " + found->regex().error()});
        return nullptr;
      }
      return found;
    }
    PatternError error;
    if (line.is_regex && !CheckRegexNesting(line.text, &error)) {
      SourceLocation at = line.location;
      at.column += CountCodePoints(std::string_view(line.text).substr(0, error.offset));
      errors_->push_back({at, "bad regex: " + error.message});
      return nullptr;
    }
    std::unique_ptr<CompiledRegex> compiled;
    if (line.is_regex) {
      // Its required atoms as the build finds a bundled line's, so that a rule file's line is
      // looked for as the same line of the bundled rules is.
      compiled = std::make_unique<CompiledRegex>(line.text, std::vector<Keyword>{}, 0, 1, mode,
                                                 RequiredAtomsOf(line.text));
    } else {
      CompiledPattern phrase;
      if (!CompilePhrasePattern(line.text, mode, normalizer_, &phrase, &error)) {
        SourceLocation at = line.location;
        at.column += CountCodePoints(std::string_view(line.text).substr(0, error.offset));
        errors_->push_back({at, "bad pattern: " + error.message});
        return nullptr;
      }
      compiled = std::make_unique<CompiledRegex>(std::move(phrase.regex), std::move(phrase.keywords),
                                                 1, phrase.first_user_group, mode);
      if (also_required) also_required->sets = std::move(phrase.also_required);
      if (runs_also_required == nullptr) phrase.alternative_runs.clear();
      std::vector<std::unique_ptr<CompiledRegex>> runs;
      for (CompiledPattern::AlternativeRun& run : phrase.alternative_runs) {
        runs.push_back(std::make_unique<CompiledRegex>(
            std::move(run.regex), std::move(run.keywords), 1, phrase.first_user_group, mode));
        runs_also_required->push_back({std::move(run.also_required)});
      }
      if (!runs.empty()) {
        compiled->SetAlternativeRuns(std::move(runs),
                                     phrase.alternative_runs.front().alternation_group);
      }
    }
    const bool eager = line.is_regex || compilation_ == Compilation::kEager ||
                       compiled->pattern().size() > kEagerCompileBytes;
    // A run is a smaller program of the same pieces: if the pattern compiles, so do its runs.
    if (eager && !compiled->regex().ok()) {
      errors_->push_back({line.location, "pattern does not compile: " + compiled->regex().error()});
      return nullptr;
    }
    return compiled;
  }

  // Adds a pattern to `index`: under its keywords, else under its required atoms, else to the
  // unkeyed set.
  void AddToIndex(const CompiledRegex* compiled, AlsoRequired also_required,
                  const PatternLine& line, PatternIndex* index, PatternIndex::Entry entry) {
    if (compiled == nullptr) return;
    const int position = static_cast<int>(index->entries.size());
    if (compiled->has_keywords()) {
      index->AddKeywords(position, compiled, std::move(also_required));
    } else {
      index->unkeyed_patterns.push_back(position);
      if (!compiled->required_atoms().empty()) {
        index->atom_guarded.push_back({position, compiled->required_atoms()});
      } else {
        index->unkeyed_sources.push_back(compiled->pattern());
        index->unkeyed_set_patterns.push_back(position);
        UnkeyedOf& unkeyed = unkeyed_[index];
        unkeyed.locations.push_back(line.location);
        unkeyed.all_precompiled = unkeyed.all_precompiled && compiled->precompiled();
      }
    }
    index->entries.push_back(entry);
  }

  // Adds `compiled` to `index` as `entry`, or if it is cut into alternative runs, each run as
  // `entry` with its run's number and also-required sets (of `runs_also_required`), so that a
  // text compiles and runs only the runs it has the keywords of. Appends what each new entry
  // stands for (the pattern or a run) to `*added` if given.
  void AddToIndexByRuns(const CompiledRegex* compiled, AlsoRequired also_required,
                        std::vector<AlsoRequired> runs_also_required, const PatternLine& line,
                        PatternIndex* index, PatternIndex::Entry entry,
                        std::vector<const CompiledRegex*>* added = nullptr) {
    if (compiled == nullptr) return;
    if (compiled->alternative_runs().empty()) {
      AddToIndex(compiled, std::move(also_required), line, index, entry);
      if (added) added->push_back(compiled);
      return;
    }
    for (std::size_t run = 0; run < compiled->alternative_runs().size(); ++run) {
      entry.run = run;
      AddToIndex(compiled->alternative_runs()[run].get(), std::move(runs_also_required[run]),
                 line, index, entry);
      if (added) added->push_back(compiled->alternative_runs()[run].get());
    }
  }

  // Compiles the unkeyed set now, unless it may wait for its first use.
  void Finish(PatternIndex* index) {
    if (index->unkeyed_set_patterns.empty()) return;
    const UnkeyedOf& unkeyed = unkeyed_[index];
    if (compilation_ == Compilation::kLazy && unkeyed.all_precompiled) return;
    std::size_t failed = 0;
    std::string error;
    if (index->CompileUnkeyed(&failed, &error)) return;
    if (failed < unkeyed.locations.size()) {
      errors_->push_back({unkeyed.locations[failed], "pattern does not compile: " + error});
    } else {
      // A std::string first: see the normalizer's error in Build.
      std::string message = "the patterns without keywords exceed RE2's memory budget";
      errors_->push_back({{}, std::move(message)});
    }
  }

 private:
  std::unique_ptr<CompiledRegex> FromTable(const PatternLine& line, PatternMode mode,
                                           AlsoRequired* also_required,
                                           std::vector<AlsoRequired>* runs_also_required) {
    if (precompiled_ == nullptr) return nullptr;
    const PrecompiledPattern* found =
        precompiled_->Find(line.text, mode, line.is_regex, line.precompiled_entry);
    if (found == nullptr) return nullptr;
    if (also_required) *also_required = {{}, precompiled_, found};
    // Lines with the same text (a signal and a `require`, both languages' rules) share an
    // entry, and then one RE2.
    const CompiledRegex*& first_of_entry =
        first_of_entry_[static_cast<std::size_t>(found - precompiled_->patterns().data())];
    const std::span<const PrecompiledAlternativeRun> table_runs =
        runs_also_required ? precompiled_->AlternativeRunsOf(*found)
                           : std::span<const PrecompiledAlternativeRun>();
    // A cut pattern is indexed by its runs' keywords only: its own would be copied for nothing.
    auto compiled = std::make_unique<CompiledRegex>(
        CompiledRegex::InStaticStorage{}, precompiled_->Text(found->regex), precompiled_,
        table_runs.empty() ? found->keywords : PrecompiledKeywordSet{},
        precompiled_->RequiredAtomsOf(*found), line.is_regex ? 0 : 1, found->first_user_group,
        mode, first_of_entry);
    const bool share_runs =
        first_of_entry != nullptr && !first_of_entry->alternative_runs().empty();
    std::vector<std::unique_ptr<CompiledRegex>> runs;
    for (const PrecompiledAlternativeRun& run : table_runs) {
      runs.push_back(std::make_unique<CompiledRegex>(
          CompiledRegex::InStaticStorage{}, precompiled_->Text(run.regex), precompiled_,
          run.keywords, std::vector<std::string_view>{}, 1,
          found->first_user_group, mode,
          share_runs ? first_of_entry->alternative_runs()[runs.size()].get() : nullptr));
      runs_also_required->push_back({{}, precompiled_, found, &run});
    }
    if (!runs.empty()) {
      compiled->SetAlternativeRuns(std::move(runs), table_runs.front().alternation_group);
    }
    if (first_of_entry == nullptr || (!share_runs && !compiled->alternative_runs().empty())) {
      first_of_entry = compiled.get();
    }
    return compiled;
  }

  // RequiredAtoms(regex), found once for the lines that share it (often one in each language):
  // it compiles the regex once more. Per line, it was 13.4M of the 28.4M instructions of a run
  // on one reply with 15 regex lines in both languages.
  const std::vector<std::string>& RequiredAtomsOf(const std::string& regex) {
    auto [found, added] = required_atoms_.try_emplace(regex);
    if (added) found->second = RequiredAtoms(regex);
    return found->second;
  }

  // What Finish needs of an index's unkeyed patterns.
  struct UnkeyedOf {
    std::vector<SourceLocation> locations;  // by RE2::Set index
    bool all_precompiled = true;            // all known to compile: the set may wait
  };

  Normalizer& normalizer_;
  Compilation compilation_;
  const PrecompiledPatterns* precompiled_;
  std::vector<Diagnostic>* errors_;
  std::map<const PatternIndex*, UnkeyedOf> unkeyed_;
  std::map<std::string, std::vector<std::string>> required_atoms_;  // by regex
  // By precompiled entry: the first CompiledRegex made of it (they all live in the RuleSet).
  std::vector<const CompiledRegex*> first_of_entry_;
};

std::string LocationText(const SourceLocation& location) {
  return location.file + ":" + std::to_string(location.line);
}

// `rules` are sorted by (id, lang): the rules of an id, and of an id and language, are
// neighbours, and only names need a map.
void CheckIdentities(const std::vector<Rule>& rules, std::vector<Diagnostic>* errors) {
  const Rule* first_of_id = nullptr;
  const Rule* first_of_id_and_lang = nullptr;
  std::unordered_map<std::string_view, const Rule*> by_name;
  for (const Rule& rule : rules) {
    if (first_of_id == nullptr || first_of_id->id != rule.id) {
      first_of_id = first_of_id_and_lang = &rule;
    } else if (first_of_id_and_lang->lang != rule.lang) {
      first_of_id_and_lang = &rule;
    } else {
      errors->push_back({rule.location, "duplicate rule id " + rule.id + " for language " +
                                            std::string(LangCode(rule.lang)) + " (first at " +
                                            LocationText(first_of_id_and_lang->location) + ")"});
      continue;
    }
    if (first_of_id != &rule && first_of_id->name != rule.name) {
      errors->push_back({rule.location, "rule " + rule.id + " is named '" + rule.name +
                                            "' here but '" + first_of_id->name + "' at " +
                                            LocationText(first_of_id->location)});
    }
    auto [ided, first_of_name] = by_name.emplace(rule.name, &rule);
    if (!first_of_name && ided->second->id != rule.id) {
      errors->push_back({rule.location, "rule name '" + rule.name + "' is used by " + rule.id +
                                            " here and by " + ided->second->id + " at " +
                                            LocationText(ided->second->location)});
    }
  }
}

}  // namespace

std::unique_ptr<RuleSet> RuleSet::Build(std::vector<RuleFile> files,
                                        std::vector<Diagnostic>* errors,
                                        Compilation compilation,
                                        const PrecompiledPatterns* precompiled,
                                        std::span<const PrebuiltKeywordIndex> prebuilt) {
  const std::size_t errors_before = errors->size();
  auto set = std::unique_ptr<RuleSet>(new RuleSet);
  std::vector<Signal> signals;
  // The rules sorted by (id, lang), stably. Sorting pointers and moving each rule once into
  // place costs less than std::stable_sort's moves of the rules themselves (0.36M fewer
  // instructions for the bundled rules, of a run on one reply's 11.0M).
  std::vector<Rule*> sorted;
  for (RuleFile& file : files) {
    for (Rule& rule : file.rules) sorted.push_back(&rule);
    std::move(file.signals.begin(), file.signals.end(), std::back_inserter(signals));
  }
  std::stable_sort(sorted.begin(), sorted.end(), [](const Rule* a, const Rule* b) {
    return std::tie(a->id, a->lang) < std::tie(b->id, b->lang);
  });
  set->rules_.reserve(sorted.size());
  for (Rule* rule : sorted) set->rules_.push_back(std::move(*rule));
  CheckIdentities(set->rules_, errors);

  for (const Signal& signal : signals) {
    if (set->SignalIndex(signal.name) == set->signal_names_.size()) {
      set->signal_names_.push_back(signal.name);
    }
  }

  Normalizer normalizer;
  if (!normalizer.ok()) {
    // The message first, then moved in: copied inside the braces, after the empty location, it
    // trips GCC 12's -Wmaybe-uninitialized on the path where the copy throws.
    std::string message = normalizer.error();
    errors->push_back({{}, std::move(message)});
    return nullptr;
  }
  Compiler compiler(normalizer, compilation, precompiled, errors);

  // A document pattern is only asked whether it matches anywhere, which it does where one of its
  // alternative runs does: a reply compiles only the runs it has the keywords of (one reply's
  // four document patterns were 2.5M instructions of compiling, whole).
  auto add_document_pattern = [&](const PatternLine& line, PatternIndex::Entry entry) {
    AlsoRequired also_required;
    std::vector<AlsoRequired> runs_also_required;
    auto compiled =
        compiler.Compile(line, PatternMode::kPlain, &also_required, &runs_also_required);
    compiler.AddToIndexByRuns(compiled.get(), std::move(also_required),
                              std::move(runs_also_required), line, &set->document_patterns_,
                              entry, &set->document_entry_regexes_);
    if (compiled) set->document_regexes_.push_back(std::move(compiled));
  };
  // Signal patterns first, so that Entry::owner < signal_names_.size() names a signal.
  for (const Signal& signal : signals) {
    const std::size_t owner = set->SignalIndex(signal.name);
    for (std::size_t p = 0; p < signal.matches.size(); ++p) {
      add_document_pattern(signal.matches[p], {owner, p});
    }
  }

  set->compiled_.resize(set->rules_.size());
  for (std::size_t r = 0; r < set->rules_.size(); ++r) {
    const Rule& rule = set->rules_[r];
    CompiledRule& compiled_rule = set->compiled_[r];
    const PatternMode mode = rule.obfuscated ? PatternMode::kObfuscated : PatternMode::kPlain;
    PatternIndex& phrases = set->phrases_[LangSlot(rule.lang)][rule.obfuscated ? 1 : 0];
    if (rule.caps_words > 0) set->caps_rules_[LangSlot(rule.lang)].push_back(r);
    for (std::size_t p = 0; p < rule.matches.size(); ++p) {
      AlsoRequired also_required;
      std::vector<AlsoRequired> runs_also_required;
      compiled_rule.matches.push_back(
          compiler.Compile(rule.matches[p], mode, &also_required, &runs_also_required));
      compiler.AddToIndexByRuns(compiled_rule.matches.back().get(), std::move(also_required),
                                std::move(runs_also_required), rule.matches[p], &phrases, {r, p});
    }
    for (const PatternLine& line : rule.unless) {
      compiled_rule.unless.push_back(compiler.Compile(line, PatternMode::kPlain));
    }
    for (std::size_t p = 0; p < rule.required.size(); ++p) {
      add_document_pattern(rule.required[p], {set->signal_names_.size() + r, p});
    }
    for (const Trigger& trigger : rule.triggers) {
      if (trigger.kind != Trigger::Kind::kAlways &&
          set->SignalIndex(trigger.signal) == set->signal_names_.size()) {
        errors->push_back({trigger.location, "unknown signal '" + trigger.signal + "'" +
                                                 DidYouMean(trigger.signal, set->signal_names_)});
      }
    }
  }
  for (auto& by_lang : set->phrases_) {
    for (PatternIndex& index : by_lang) {
      compiler.Finish(&index);
      index.OfferPrebuilt(precompiled, prebuilt);
    }
  }
  compiler.Finish(&set->document_patterns_);
  set->document_patterns_.OfferPrebuilt(precompiled, prebuilt);
  if (errors->size() != errors_before) return nullptr;
  return set;
}

void PatternIndex::FindCandidates(std::string_view text,
                                  const std::vector<KeywordIndex::Word>& words,
                                  KeywordIndex::Cache* cache, std::vector<int>* candidates) const {
  keywords().FindCandidates(text, words, cache, candidates);
  const std::size_t keyed = candidates->size();
  if (!atom_guarded.empty()) {
    // Many atoms share a first byte that most sentences lack (the emoji's 0xF0, '!', '?'): it is
    // looked for once, and an atom only where it occurs: a search per atom was ~9 memchr calls
    // per sentence.
    enum class ByteSeen : std::uint8_t { kNotLookedFor, kAbsent, kPresent };
    std::array<ByteSeen, 256> first_bytes{};
    auto occurs = [&](std::string_view atom) {
      if (atom.empty()) return true;
      ByteSeen& seen = first_bytes[static_cast<unsigned char>(atom.front())];
      if (seen == ByteSeen::kNotLookedFor) {
        seen = text.find(atom.front()) != std::string_view::npos ? ByteSeen::kPresent
                                                                  : ByteSeen::kAbsent;
      }
      return seen == ByteSeen::kPresent && text.find(atom) != std::string_view::npos;
    };
    for (const AtomGuarded& guarded : atom_guarded) {
      if (std::any_of(guarded.atoms.begin(), guarded.atoms.end(), occurs)) {
        candidates->push_back(guarded.pattern);
      }
    }
  }
  AddUnkeyedSetCandidates(text, candidates);
  if (candidates->size() != keyed) std::sort(candidates->begin(), candidates->end());
}

void PatternIndex::AddKeywords(int position, const CompiledRegex* pattern,
                               AlsoRequired also_required) {
  keywords_to_add_.push_back({position, pattern, std::move(also_required)});
}

void PatternIndex::OfferPrebuilt(const PrecompiledPatterns* table,
                                 std::span<const PrebuiltKeywordIndex> prebuilt) {
  prebuilt_table_ = table;
  prebuilt_ = prebuilt;
}

bool PatternIndex::KeywordAddsFrom(const PrecompiledPatterns& table,
                                   std::vector<PrebuiltAdd>* adds) const {
  adds->clear();
  adds->reserve(keywords_to_add_.size());
  for (const KeywordsToAdd& add : keywords_to_add_) {
    if (add.also_required.table != &table) return false;
    const AlsoRequired& also_required = add.also_required;
    adds->push_back(
        {add.position, static_cast<int>(also_required.entry - table.patterns().data()),
         also_required.run == nullptr
             ? -1
             : static_cast<int>(also_required.run - table.alternative_runs().data())});
  }
  return true;
}

const KeywordIndex& PatternIndex::FillKeywords() const {
  std::call_once(keywords_added_, [this] {
    std::vector<PrebuiltAdd> adds;
    if (!prebuilt_.empty() && prebuilt_table_ != nullptr &&
        KeywordAddsFrom(*prebuilt_table_, &adds)) {
      for (const PrebuiltKeywordIndex& prebuilt : prebuilt_) {
        if (std::ranges::equal(prebuilt.adds, adds)) {
          prebuilt_keywords_.emplace(prebuilt.keywords);
          keywords_to_add_ = {};
          filled_keywords_.store(&*prebuilt_keywords_, std::memory_order_release);
          return;
        }
      }
    }
    std::size_t prefixes = 0;
    std::size_t keyword_count = 0;
    for (const KeywordsToAdd& add : keywords_to_add_) {
      const std::vector<Keyword>& keywords = add.pattern->keywords();
      keyword_count += keywords.size();
      prefixes += std::count_if(keywords.begin(), keywords.end(),
                                [](const Keyword& keyword) { return keyword.prefix; });
    }
    keywords_.Reserve(keyword_count - prefixes, prefixes);
    for (const KeywordsToAdd& add : keywords_to_add_) {
      const std::vector<Keyword>& keywords = add.pattern->keywords();
      const AlsoRequired& also_required = add.also_required;
      if (also_required.table == nullptr) {
        keywords_.Add(add.position, keywords, also_required.sets);
      } else if (also_required.run != nullptr) {
        keywords_.Add(add.position, keywords,
                      also_required.table->AlsoRequiredOf(*also_required.run));
      } else {
        keywords_.Add(add.position, keywords,
                      also_required.table->AlsoRequiredOf(*also_required.entry));
      }
    }
    keywords_to_add_ = {};
    filled_keywords_.store(&keywords_, std::memory_order_release);
  });
  return *filled_keywords_.load(std::memory_order_acquire);
}

void PatternIndex::AddUnkeyedSetCandidates(std::string_view text,
                                           std::vector<int>* candidates) const {
  if (unkeyed_set_patterns.empty()) return;
  const RE2::Set* set = UnkeyedSet();
  if (set == nullptr) {
    // Each pattern's own RE2 then decides; slower, but the same findings.
    candidates->insert(candidates->end(), unkeyed_set_patterns.begin(), unkeyed_set_patterns.end());
    return;
  }
  // Most sentences match none of these. Asked only whether any matches, RE2 allocates no
  // match list and stops at the first match.
  if (!set->Match(text, nullptr)) return;
  std::vector<int> matched;
  if (!set->Match(text, &matched)) return;
  for (int i : matched) candidates->push_back(unkeyed_set_patterns[static_cast<std::size_t>(i)]);
}

bool PatternIndex::CompileUnkeyed(std::size_t* failed, std::string* error) {
  std::call_once(unkeyed_compiled_, [&] { BuildUnkeyedSet(failed, error); });
  return unkeyed_ != nullptr;
}

const RE2::Set* PatternIndex::UnkeyedSet() const {
  std::call_once(unkeyed_compiled_, [this] {
    std::size_t failed = 0;
    std::string error;
    BuildUnkeyedSet(&failed, &error);
  });
  return unkeyed_.get();
}

void PatternIndex::BuildUnkeyedSet(std::size_t* failed, std::string* error) const {
  RE2::Options options = MatchingOptions();
  options.set_max_mem(kMemoryBudget);
  auto set = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
  for (std::size_t i = 0; i < unkeyed_sources.size(); ++i) {
    if (set->Add(unkeyed_sources[i], error) < 0) {
      *failed = i;
      return;
    }
  }
  if (!set->Compile()) {
    *failed = unkeyed_sources.size();
    return;
  }
  unkeyed_ = std::move(set);
}

namespace {

// Searches `text` from `pos` with `compiled`'s RE2 into `groups`.
bool Search(const CompiledRegex& compiled, std::string_view text, std::size_t pos,
            std::vector<re2::StringPiece>* groups) {
  const RE2& regex = compiled.regex();
  if (!regex.ok()) return false;
  groups->resize(static_cast<std::size_t>(regex.NumberOfCapturingGroups()) + 1);
  const int group_count = static_cast<int>(groups->size());
  if (compiled.span_group() == 1) {
    // A phrase. Unanchored, RE2 finds where a match starts by running the pattern backwards
    // from its end, with a reversed program that costs as much to compile as the pattern's
    // own, for every pattern that ever matches (16M of the 107M instructions of a run on 200
    // replies). Asked only whether there is a match, it runs its DFA forward alone; the match
    // then starts at the first place where an anchored search succeeds (the leftmost), and
    // RE2 finds the same groups from there without the reversed program.
    if (!regex.Match(text, pos, text.size(), RE2::UNANCHORED, nullptr, 0)) return false;
    for (std::size_t start = pos; start < text.size(); ++start) {
      if (MayStartPhraseMatch(text, start) &&
          regex.Match(text, start, text.size(), RE2::ANCHOR_START, nullptr, 0)) {
        return regex.Match(text, start, text.size(), RE2::ANCHOR_START, groups->data(),
                           group_count);
      }
    }
  }
  return regex.Match(text, pos, text.size(), RE2::UNANCHORED, groups->data(), group_count);
}

// Where `groups[group]` starts.
const char* Start(const std::vector<re2::StringPiece>& groups, int group) {
  return groups[static_cast<std::size_t>(group)].data();
}

}  // namespace

bool WorthSearchingRuns(const CompiledRegex& pattern, std::size_t candidate_runs) {
  return !pattern.IsCompiled() && candidate_runs * 2 <= pattern.alternative_runs().size();
}

bool FindNextMatch(const CompiledRegex& pattern, std::span<const CompiledRegex* const> runs,
                   std::string_view text, std::size_t pos, MatchGroups* match) {
  if (runs.empty()) return Search(pattern, text, pos, &match->groups);
  const int span_group = pattern.span_group();
  const int cut_group = pattern.alternation_group();
  bool found = false;
  bool ambiguous = false;  // another run's match ties with the best but for the cut group
  for (const CompiledRegex* run : runs) {
    if (!Search(*run, text, pos, found ? &match->other : &match->groups)) continue;
    if (!found) {
      found = true;
      continue;
    }
    const auto& best = match->groups;
    const auto& other = match->other;
    const auto order = std::tuple(Start(other, 0), Start(other, span_group)) <=>
                       std::tuple(Start(best, 0), Start(best, span_group));
    if (order < 0) {
      std::swap(match->groups, match->other);
      ambiguous = false;
    } else if (order == 0 && Start(other, cut_group) != Start(best, cut_group)) {
      ambiguous = true;
    }
  }
  if (ambiguous) return Search(pattern, text, pos, &match->groups);
  return found;
}

const RE2& CompiledRegex::Compile() const {
  std::call_once(compiled_, [this] {
    // The same budget as the sets: RE2's default 8 MB refused a 120,000-word alternation that
    // its RE2::Set had accepted, and the rule then silently never matched (issue 7).
    RE2::Options options = MatchingOptions();
    options.set_max_mem(kMemoryBudget);
    regex_ = std::make_unique<RE2>(pattern_, options);
    is_compiled_.store(true, std::memory_order_release);
  });
  return *regex_;
}

void CompiledRegex::CopyKeywordsFromTable() const {
  std::call_once(keywords_copy_, [this] {
    keywords_ = keywords_table_->Keywords(table_keywords_);
    keywords_copied_.store(true, std::memory_order_release);
  });
}

std::size_t RuleSet::SignalIndex(const std::string& name) const {
  return static_cast<std::size_t>(
      std::find(signal_names_.begin(), signal_names_.end(), name) - signal_names_.begin());
}

std::size_t RuleSet::FindRule(const std::string& id_or_name, Lang lang) const {
  for (std::size_t r = 0; r < rules_.size(); ++r) {
    const Rule& rule = rules_[r];
    if ((rule.id == id_or_name || rule.name == id_or_name) &&
        (lang == Lang::kUnknown || rule.lang == lang)) {
      return r;
    }
  }
  return rules_.size();
}

}  // namespace tonelint
