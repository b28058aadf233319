// The keyword prefilter: which patterns can possibly match a sentence, decided from the words
// it contains. Replaces an RE2::Set, whose compilation alone cost ~65 ms with the bundled rules
// (a pre-commit hook on one reply must start in a few milliseconds): building this index is a
// few hash-map inserts per pattern, and each candidate's own RE2 is compiled on first use.
#pragma once

#include <bitset>
#include <span>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <memory_resource>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "pattern_compiler.h"

namespace tonelint {

// A filled KeywordIndex as flat arrays, looked up in place: the build writes the bundled rules'
// indexes in this form (tools/prebuild_bundled_rules.cpp), so that a run does not fill hash maps
// with the same ~10,000 keywords at every start (3.25M instructions and ~10% of the page faults
// of a run on one reply, issue 6). Offsets rather than pointers, as in precompiled_patterns.h.
struct FlatKeywordTable {
  // Open addressing with linear probing, by FlatKeywordHash() of the key; a power of two slots,
  // at most half full. key_size is 0 for an empty slot (keys are never empty).
  struct Slot {
    std::uint32_t key_offset = 0;  // in `keys`
    std::uint32_t key_size = 0;
    std::uint32_t numbers_begin = 0;  // in `numbers`
    std::uint32_t numbers_end = 0;
  };
  std::uint32_t first_slot = 0;  // the table's slots are [first_slot, first_slot + slot_count)
  std::uint32_t slot_count = 0;
  std::uint64_t key_lengths = 0;  // bit n: a key is n bytes long (n < 64, capped as prefixes are)
};

// A range of FlatKeywordIndex::numbers.
struct NumberRange {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
};

// Everything of a FlatKeywordIndex but its arrays.
struct FlatKeywordLayout {
  bool collapse_repeats = false;
  std::uint32_t size = 0;  // KeywordIndex::size()
  FlatKeywordTable exact, prefix, required_exact, required_prefix;
  NumberRange always, required_sets;
  std::uint32_t required_count = 0;
};

// The arrays of a flat index: views (of static storage, for a generated one) that the index
// made from it reads in place; they must outlive it.
struct FlatKeywordIndex {
  FlatKeywordLayout layout;
  std::string_view keys;
  std::span<const int> numbers;
  std::span<const FlatKeywordTable::Slot> slots;
  std::span<const NumberRange> also_required;  // by pattern number, in `numbers`
};

// The same arrays, owned: what KeywordIndex::Flatten() gives.
struct OwnedFlatKeywordIndex {
  FlatKeywordLayout layout;
  std::string keys;
  std::vector<int> numbers;
  std::vector<FlatKeywordTable::Slot> slots;
  std::vector<NumberRange> also_required;
  FlatKeywordIndex View() const { return {layout, keys, numbers, slots, also_required}; }
};

// The hash a flat table places `key` by; the same in the build tool and in a run.
std::uint64_t FlatKeywordHash(std::string_view key);

class KeywordIndex {
  // Lookups by string_view, without building a std::string per word of the text.
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
  };
  // Keys and numbers live in the index's arena (see arena_).
  using Map =
      std::pmr::unordered_map<std::pmr::string, std::pmr::vector<int>, Hash, std::equal_to<>>;

 public:
  // Candidates and also-required keywords already found per word of the text. Words repeat
  // (Zipf), and one lookup here replaces one exact and several prefix lookups. Owned by the
  // caller, one per thread and index; bounded (cleared when full).
  class Cache {
   public:
    static constexpr std::size_t kMaxWords = 1 << 16;

   private:
    friend class KeywordIndex;
    // This lookup runs for every word of every sentence, several times: open addressing over
    // one array, words and candidates in two arenas, and a stored hash that spares most byte
    // comparisons, where std::unordered_map costs a division, a node chase and a memcmp.
    struct Slot {
      std::uint64_t hash = 0;
      std::uint32_t word_begin = 0;  // in words_
      std::uint32_t word_size = 0;   // 0 for an empty slot: words are never empty
      std::uint32_t candidates_begin = 0;  // in numbers_
      std::uint32_t candidates_end = 0;
      std::uint32_t satisfied_end = 0;  // the word's also-required keywords follow its candidates
    };
    // The slot of `word` (`hash` is CacheHash(word)), or null when it is not cached.
    const Slot* Find(std::string_view word, std::uint64_t hash) const;
    std::span<const int> CandidatesOf(const Slot& slot) const {
      return std::span<const int>(numbers_).subspan(slot.candidates_begin,
                                                    slot.candidates_end - slot.candidates_begin);
    }
    std::span<const int> SatisfiedOf(const Slot& slot) const {
      return std::span<const int>(numbers_).subspan(slot.candidates_end,
                                                    slot.satisfied_end - slot.candidates_end);
    }
    // Appends the candidates cached in `slot` and marks its also-required keywords seen in the
    // text being looked up.
    void AddCandidatesOf(const Slot& slot, std::vector<int>* candidates);
    // Marks the also-required keywords `satisfied` (by number) seen in the text being looked up.
    void MarkSatisfied(std::span<const int> satisfied) {
      for (const int number : satisfied) {
        text_of_satisfied_[static_cast<std::size_t>(number)] = text_number_;
      }
    }
    // Caches `candidates` and the also-required keywords it satisfies (`satisfied`, by number)
    // for `word`, which is not cached yet.
    void Insert(std::string_view word, std::uint64_t hash, std::span<const int> candidates,
                std::span<const int> satisfied);
    Slot& EmptySlotFor(std::uint64_t hash);

    std::vector<Slot> slots_;  // a power of two in size, at most half full
    std::size_t size_ = 0;
    std::string words_;
    std::vector<int> numbers_;
    // Which also-required keywords (by number) the text being looked up has a word for: those
    // whose entry is the text's number. Numbering texts spares clearing the entries for each.
    std::uint32_t text_number_ = 0;
    std::vector<std::uint32_t> text_of_satisfied_;
    std::vector<int> satisfied_found_;  // scratch for a word the cache lacks
  };

  // With `collapse_repeats` (for obfuscated patterns, which accept "idiotaaaa" and "fuuuck"),
  // runs of one letter count as one, in keywords and in the text alike.
  explicit KeywordIndex(bool collapse_repeats = false);
  // An index that reads `flat` in place (see FlatKeywordIndex); Add may not be called on it.
  explicit KeywordIndex(const FlatKeywordIndex& flat);
  KeywordIndex(KeywordIndex&&) noexcept = default;
  // The maps of an index assigned to would keep allocating from its old arena, which the
  // assignment frees.
  KeywordIndex& operator=(KeywordIndex&&) = delete;

  // Registers pattern number `pattern` under `keywords`; with no keywords, it is a candidate
  // for every text. `also_required` (CompiledPattern::also_required): keyword sets the text
  // must also have a word of, each, for the pattern to be a candidate.
  void Add(int pattern, const std::vector<Keyword>& keywords,
           const std::vector<std::vector<Keyword>>& also_required = {});
  // Makes room for this many more exact and prefix keywords (a bound: Add counts a keyword
  // shared by several patterns once), so that filling the maps does not rehash them as they grow.
  void Reserve(std::size_t exact_keywords, std::size_t prefix_keywords);
  // This index as flat arrays, for the build to write out: an index made of their View()
  // finds the same candidates. Not of an index made from a FlatKeywordIndex.
  OwnedFlatKeywordIndex Flatten() const;
  // Whether it reads a FlatKeywordIndex in place.
  bool flat() const { return is_flat_; }
  bool empty() const { return size_ == 0; }
  std::size_t size() const { return size_; }

  // A word of a text: bytes [begin, end), and the hash the cache looks it up by.
  struct Word {
    std::size_t begin = 0;
    std::size_t end = 0;
    std::uint64_t hash = 0;
  };
  // The words of `text`: maximal runs of word code points (IsWordCodePoint), in order. Split
  // once, they serve every index the text is looked up in, and the customer-quote check.
  static void SplitWords(std::string_view text, std::vector<Word>* words);

  // Whether a plain pattern with these CompiledPattern::keywords may match `text`, whose words
  // SplitWords gave: it has no keywords, or a word is one of them (or starts with a prefix
  // one). For patterns looked up one by one rather than indexed (`unless`).
  static bool MayMatch(const std::vector<Keyword>& keywords, std::string_view text,
                       const std::vector<Word>& words);

  // Writes the patterns that may match `text` (a matching or obfuscation form, whose words
  // SplitWords gave) to `candidates`, sorted, without duplicates. With collapse_repeats (the
  // obfuscation form) a word with '*' and a letter ("f*ck") may stand for many words: every
  // keyword it may spell with its stars standing for letters (see
  // AddUncachedStarredWordCandidates).
  void FindCandidates(std::string_view text, const std::vector<Word>& words, Cache* cache,
                      std::vector<int>* candidates) const;

  // FindCandidates in two halves, for a text looked up a part at a time (SentenceSieve looks
  // up each run of bytes between white space once, and remembers it). Appends to `candidates`
  // the patterns the words of `text` (SplitWords) are keywords of, before the also-required
  // check, and to `satisfied` the also-required keywords among them (by number); `cache`
  // remembers each word's, as for FindCandidates (it may be the same cache). Not for a text
  // with '*' in an index with collapse_repeats (FindCandidates reads such words whole).
  void AppendWordCandidates(std::string_view text, const std::vector<Word>& words, Cache* cache,
                            std::vector<int>* candidates, std::vector<int>* satisfied) const;
  // Whether a text whose words gave `satisfied` (sorted) has a word of every keyword set that
  // `pattern`, a candidate, also requires: then FindCandidates keeps it.
  bool HasAlsoRequired(int pattern, std::span<const int> satisfied) const;
  // Whether `holds(keywords)` is true for every keyword set that `pattern` also requires
  // (true if none), each given as the numbers of its keywords; stops at the first false.
  template <typename Holds>
  bool EveryAlsoRequiredSet(int pattern, Holds holds) const {
    const std::span<const NumberRange> also_required = AlsoRequiredSets();
    if (static_cast<std::size_t>(pattern) >= also_required.size()) return true;
    const NumberRange range = also_required[static_cast<std::size_t>(pattern)];
    const int* next = RequiredSetsData() + range.begin;
    const int* const end = RequiredSetsData() + range.end;
    while (next != end) {  // each set is its size, then its keywords
      const int* const set_end = next + 1 + *next;
      if (!holds(std::span<const int>(next + 1, set_end))) return false;
      next = set_end;
    }
    return true;
  }
  // The patterns without keywords, candidates for every text.
  std::span<const int> Always() const;
  // Whether a keyword or also-required keyword is digits alone ("24", not "2fa"): a word of
  // digits alone ("2026", "48213") can be one, or start with a prefix one, only then. Walks
  // every key: for a caller that asks once.
  bool HasKeyOfDigitsOnly() const;

 private:
  // FindCandidates for a text with '*' and collapse_repeats: '*' is then part of words.
  void FindCandidatesWithStars(std::string_view text, Cache* cache,
                               std::vector<int>* candidates) const;
  // The lookup form of `word` (repeats collapsed if collapse_repeats_), in `*buffer`.
  std::string_view Key(std::string_view word, std::string* buffer) const;
  // Appends the candidates of `word` (whose hash is `hash`), which `cache` lacks, and caches
  // them; `buffer` holds its lookup form.
  void AddUncachedWordCandidates(std::string_view word, std::uint64_t hash, std::string* buffer,
                                 Cache* cache, std::vector<int>* candidates) const;
  // Appends the numbers that an exact and a prefix table hold for `key`, a lookup form:
  // `numbers_of(table, key)` gives a table's numbers for a key, and the prefix table has keys of
  // the lengths whose bits `prefix_lengths` sets.
  template <typename Table, typename NumbersOf>
  static void LookUp(const Table& exact, const Table& prefix, std::uint64_t prefix_lengths,
                     NumbersOf numbers_of, std::string_view key, std::vector<int>* found);
  // The numbers `table` of flat_ holds for `key`; empty if none.
  std::span<const int> FlatNumbersOf(const FlatKeywordTable& table, std::string_view key) const;
  // Appends what the maps, or the flat tables of a flat index, hold for `key`: the candidates
  // (`required` false) or the also-required keywords' numbers (`required` true).
  void LookUpKey(bool required, std::string_view key, std::vector<int>* found) const;
  std::span<const NumberRange> AlsoRequiredSets() const;
  const int* RequiredSetsData() const;
  std::size_t RequiredCount() const;
  // AddUncachedWordCandidates for a word of the obfuscation form with '*' and a letter ("f*ck",
  // "you*idiot"). A match begins at the start of a word or after a '*' (not a word character),
  // with a pattern's first letter as written (never '*'): the word stands for the keywords it
  // spells from there, each letter written once or more, or after the first as '*' ("f**k",
  // "fuuuck*"), and, unless a prefix, ending at a '*' or at the word's end. Walks every key
  // once per distinct starred word; the cache then answers.
  void AddUncachedStarredWordCandidates(std::string_view word, std::uint64_t hash, Cache* cache,
                                        std::vector<int>* candidates) const;
  // Appends the candidates of `word` (whose hash is `hash`, and which `cache` lacks) that
  // `look_up_word(candidates, satisfied)` appends, with the also-required keywords it
  // satisfies, and caches them; marks those keywords seen in the text.
  template <typename LookUpWord>
  void AddUncachedCandidates(std::string_view word, std::uint64_t hash, Cache* cache,
                             std::vector<int>* candidates, LookUpWord look_up_word) const;
  // Calls `visit(key, numbers, prefix)` for every key of the exact and prefix tables (of the
  // also-required keywords if `required`), in no particular order.
  template <typename Visit>
  void ForEachKey(bool required, Visit visit) const;
  // Starts the lookup of a text's words: none of its also-required keywords is seen yet.
  void StartText(Cache* cache) const;
  // Drops from `candidates` the patterns whose also-required words the text lacks: a pattern
  // stays if the words in `cache` (of the text last looked up) satisfy every set it also
  // requires.
  void RemoveUnsatisfied(Cache* cache, std::vector<int>* candidates) const;
  // The form the index stores `keyword` in (lookup form, a prefix cut to the longest length
  // kept): a view of its text or of `*buffer`.
  std::string_view StoredForm(const Keyword& keyword, std::string* buffer) const;

  bool collapse_repeats_;
  std::size_t size_ = 0;
  // Set for an index made from a FlatKeywordIndex, which is read instead of the members below.
  bool is_flat_ = false;
  FlatKeywordIndex flat_;
  // The bundled rules put ~10,000 keywords in the maps, each a node, often a key string and a
  // vector of numbers: their mallocs were about half the cost of building the index. An index
  // only grows, so its maps allocate from one arena that frees everything at once. Declared
  // before the maps, so that it outlives them.
  std::unique_ptr<std::pmr::monotonic_buffer_resource> arena_;
  Map exact_;
  Map prefix_;
  std::bitset<64> prefix_lengths_;  // lengths (in bytes, capped) that prefix_ has keys of
  std::vector<int> always_;
  // By pattern number: where the keyword sets it also requires are in required_sets_
  // ([begin, end), empty for most). There each set is its size, then its keywords, each as its
  // number in required_exact_ or required_prefix_ (one number per distinct keyword): every
  // candidate is checked, and one flat array is read faster than a vector per set.
  std::vector<NumberRange> also_required_;
  std::vector<int> required_sets_;
  Map required_exact_;
  Map required_prefix_;
  std::bitset<64> required_prefix_lengths_;
  int required_count_ = 0;
};

}  // namespace tonelint
