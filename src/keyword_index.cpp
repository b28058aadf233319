#include "keyword_index.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>

#include "ascii.h"
#include "normalizer.h"

namespace tonelint {
namespace {

constexpr std::size_t kInitialSlots = 1024;
// The arena's first block; later ones grow geometrically. An index of the bundled rules fills a
// few hundred kilobytes, a user's rule file much less.
constexpr std::size_t kArenaInitialBytes = std::size_t{16} << 10;
// Bounds the cache's memory as kMaxWords bounds its words: a text of long distinct "words"
// (a base64 blob) would otherwise keep kMaxWords of them.
constexpr std::size_t kMaxCachedBytes = std::size_t{16} << 20;

// splitmix64's finalizer: every bit of the input reaches the low bits, which pick the slot.
std::uint64_t Mix(std::uint64_t x) {
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

// Whether `word` (in the keyword's lookup form) is `keyword`, or starts with it if a prefix.
inline bool IsWordOf(const Keyword& keyword, std::string_view word) {
  return keyword.prefix ? word.starts_with(keyword.text) : word == keyword.text;
}

// The hash of the word text[begin, end), eight bytes at a time; a fixed-size memcpy is one
// unaligned load, not a call. The last bytes of a word are one load too when the text goes on
// for eight bytes past them (on little-endian machines, where that load holds them as the
// byte loop does).
//
// Mix is a bijection, so a word of at most eight bytes hashes to Mix(size ^ its bytes), which
// no other word of its size shares: for those, equal hashes and sizes are equal words.
constexpr std::size_t kWordsHashedWhole = sizeof(std::uint64_t);
std::uint64_t CacheHash(std::string_view text, std::size_t begin, std::size_t end) {
  constexpr std::size_t kChunk = sizeof(std::uint64_t);
  std::uint64_t hash = end - begin;
  std::size_t i = begin;
  for (; i + kChunk <= end; i += kChunk) {
    std::uint64_t chunk;
    std::memcpy(&chunk, text.data() + i, sizeof chunk);
    hash = Mix(hash ^ chunk);
  }
  std::uint64_t tail = 0;
  if (i == end) return Mix(hash);
  if (std::endian::native == std::endian::little && i + kChunk <= text.size()) {
    std::memcpy(&tail, text.data() + i, sizeof tail);
    tail &= ~std::uint64_t{0} >> (8 * (kChunk - (end - i)));
    return Mix(hash ^ tail);
  }
  for (unsigned shift = 0; i < end; ++i, shift += 8) {
    tail |= std::uint64_t{static_cast<unsigned char>(text[i])} << shift;
  }
  return Mix(hash ^ tail);
}

// By byte: an ASCII letter or digit, a word code point on its own. A table, because SplitWords
// asks it of nearly every byte of a text, and the comparisons cost twice the load.
const std::array<bool, 256> kAsciiWordBytes = [] {
  std::array<bool, 256> word_bytes{};
  for (int32_t byte = 0; byte < 0x80; ++byte) word_bytes[byte] = IsWordCodePoint(byte);
  return word_bytes;
}();

// Whether the word.size() bytes at `cached` spell `word`. The hash
// already matched, so this almost always succeeds; an inline loop over a few bytes is cheaper
// than the call to memcmp that std::equal becomes.
bool SameBytes(std::string_view word, const char* cached) {
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (word[i] != cached[i]) return false;
  }
  return true;
}

// Whether collapsing runs of one code point leaves `word` as it is, known without decoding.
bool IsAsciiWithoutRepeats(std::string_view word) {
  char previous = 0;
  for (const char c : word) {
    if (static_cast<unsigned char>(c) >= 0x80 || c == previous) return false;
    previous = c;
  }
  return true;
}

// Whether `key` (a lookup form; a prefix if `prefix`) may be spelled by the starred word `word`
// (a run of word characters and '*') from `word[at]` on: each of its letters as one or more of
// itself or, after the first, of '*'; unless a prefix, the keyword's word ends at a '*' or at
// the word's end.
bool SpelledWithStarsAt(std::string_view word, std::size_t at, std::string_view key, bool prefix) {
  if (key.empty() || word[at] != key[0]) return false;
  const std::string_view tail = word.substr(at);
  // Bit p: the key's letters read so far may end at tail[p].
  using Ends = std::uint64_t;
  if (tail.size() >= 64) return true;  // may as well: such words are rare
  Ends reached = 1;
  std::size_t k = 0;
  for (bool first = true; k < key.size() && reached != 0; first = false) {
    const std::size_t letter_begin = k;
    NextCodePoint(key, &k);
    const std::string_view letter = key.substr(letter_begin, k - letter_begin);
    Ends after = 0;
    for (std::size_t p = 0; p < tail.size(); ++p) {
      if (((reached | after) >> p & 1) == 0) continue;
      if (tail.substr(p).starts_with(letter)) after |= Ends{1} << (p + letter.size());
      if (!first && tail[p] == '*') after |= Ends{1} << (p + 1);
    }
    reached = after;
  }
  for (std::size_t p = 0; p <= tail.size(); ++p) {
    if ((reached >> p & 1) != 0 && (prefix || p == tail.size() || tail[p] == '*')) return true;
  }
  return false;
}

// The numbers `map` holds for `key`, added empty if it has none; hashes the key once.
template <typename Map>
std::pmr::vector<int>& NumbersOf(Map* map, std::string_view key) {
  return map->try_emplace(std::pmr::string(key, map->get_allocator())).first->second;
}

}  // namespace

std::uint64_t FlatKeywordHash(std::string_view key) { return CacheHash(key, 0, key.size()); }

KeywordIndex::KeywordIndex(const FlatKeywordIndex& flat)
    : collapse_repeats_(flat.layout.collapse_repeats),
      size_(flat.layout.size),
      is_flat_(true),
      flat_(flat) {}

KeywordIndex::KeywordIndex(bool collapse_repeats)
    : collapse_repeats_(collapse_repeats),
      arena_(std::make_unique<std::pmr::monotonic_buffer_resource>(kArenaInitialBytes)),
      exact_(arena_.get()),
      prefix_(arena_.get()),
      required_exact_(arena_.get()),
      required_prefix_(arena_.get()) {}

inline const KeywordIndex::Cache::Slot* KeywordIndex::Cache::Find(std::string_view word,
                                                                  std::uint64_t hash) const {
  if (slots_.empty()) return nullptr;
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.word_size == 0) return nullptr;
    if (slot.hash == hash && slot.word_size == word.size() &&
        (word.size() <= kWordsHashedWhole || SameBytes(word, words_.data() + slot.word_begin))) {
      return &slot;
    }
  }
}

KeywordIndex::Cache::Slot& KeywordIndex::Cache::EmptySlotFor(std::uint64_t hash) {
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = hash & mask;
  while (slots_[i].word_size != 0) i = (i + 1) & mask;
  return slots_[i];
}

void KeywordIndex::Cache::Insert(std::string_view word, std::uint64_t hash,
                                 std::span<const int> candidates, std::span<const int> satisfied) {
  if (size_ >= kMaxWords || words_.size() >= kMaxCachedBytes) {
    std::fill(slots_.begin(), slots_.end(), Slot{});
    size_ = 0;
    words_.clear();
    numbers_.clear();
  }
  if (slots_.empty()) slots_.resize(kInitialSlots);
  if ((size_ + 1) * 2 > slots_.size()) {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    for (const Slot& slot : old) {
      if (slot.word_size != 0) EmptySlotFor(slot.hash) = slot;
    }
  }
  const std::size_t candidates_end = numbers_.size() + candidates.size();
  EmptySlotFor(hash) = {hash, static_cast<std::uint32_t>(words_.size()),
                        static_cast<std::uint32_t>(word.size()),
                        static_cast<std::uint32_t>(numbers_.size()),
                        static_cast<std::uint32_t>(candidates_end),
                        static_cast<std::uint32_t>(candidates_end + satisfied.size())};
  ++size_;
  words_.append(word);
  numbers_.insert(numbers_.end(), candidates.begin(), candidates.end());
  numbers_.insert(numbers_.end(), satisfied.begin(), satisfied.end());
}

inline void KeywordIndex::Cache::AddCandidatesOf(const Slot& slot, std::vector<int>* candidates) {
  // Most words of a text are no keyword of the index, nor also required by a pattern: for
  // them the lookup ends here.
  if (slot.candidates_begin == slot.satisfied_end) return;
  if (slot.candidates_end != slot.candidates_begin) {
    const std::span<const int> found = CandidatesOf(slot);
    candidates->insert(candidates->end(), found.begin(), found.end());
  }
  MarkSatisfied(SatisfiedOf(slot));
}

std::string_view KeywordIndex::Key(std::string_view word, std::string* buffer) const {
  if (!collapse_repeats_ || IsAsciiWithoutRepeats(word)) return word;
  buffer->clear();
  std::size_t i = 0;
  std::string_view previous;
  while (i < word.size()) {
    const std::size_t begin = i;
    NextCodePoint(word, &i);
    const std::string_view code_point = word.substr(begin, i - begin);
    if (code_point != previous) buffer->append(code_point);
    previous = code_point;
  }
  return *buffer;
}

std::string_view KeywordIndex::StoredForm(const Keyword& keyword, std::string* buffer) const {
  const std::string_view key = Key(keyword.text, buffer);
  return keyword.prefix ? key.substr(0, prefix_lengths_.size() - 1) : key;
}

void KeywordIndex::Reserve(std::size_t exact_keywords, std::size_t prefix_keywords) {
  exact_.reserve(exact_.size() + exact_keywords);
  prefix_.reserve(prefix_.size() + prefix_keywords);
}

void KeywordIndex::Add(int pattern, const std::vector<Keyword>& keywords,
                       const std::vector<std::vector<Keyword>>& also_required) {
  ++size_;
  if (keywords.empty()) {
    always_.push_back(pattern);
    return;
  }
  std::string buffer;
  for (const Keyword& keyword : keywords) {
    const std::string_view key = StoredForm(keyword, &buffer);
    if (keyword.prefix) prefix_lengths_.set(key.size());
    NumbersOf(keyword.prefix ? &prefix_ : &exact_, key).push_back(pattern);
  }
  if (also_required.empty()) return;
  const auto sets_begin = static_cast<std::uint32_t>(required_sets_.size());
  for (const std::vector<Keyword>& any_of : also_required) {
    required_sets_.push_back(static_cast<int>(any_of.size()));
    for (const Keyword& keyword : any_of) {
      const std::string_view key = StoredForm(keyword, &buffer);
      if (keyword.prefix) required_prefix_lengths_.set(key.size());
      std::pmr::vector<int>& number =
          NumbersOf(keyword.prefix ? &required_prefix_ : &required_exact_, key);
      if (number.empty()) number.push_back(required_count_++);
      required_sets_.push_back(number.front());
    }
  }
  if (also_required_.size() <= static_cast<std::size_t>(pattern)) {
    also_required_.resize(static_cast<std::size_t>(pattern) + 1);
  }
  also_required_[static_cast<std::size_t>(pattern)] = {
      sets_begin, static_cast<std::uint32_t>(required_sets_.size())};
}

void KeywordIndex::StartText(Cache* cache) const {
  if (cache->text_of_satisfied_.size() != RequiredCount()) {
    cache->text_of_satisfied_.assign(RequiredCount(), 0);
  }
  if (++cache->text_number_ == 0) {
    // After 2^32 texts the numbers wrap: forget every entry rather than trust an old one.
    std::fill(cache->text_of_satisfied_.begin(), cache->text_of_satisfied_.end(), 0);
    cache->text_number_ = 1;
  }
}

void KeywordIndex::RemoveUnsatisfied(Cache* cache, std::vector<int>* candidates) const {
  if (AlsoRequiredSets().empty()) return;
  const std::uint32_t text_number = cache->text_number_;
  const std::uint32_t* const text_of_satisfied = cache->text_of_satisfied_.data();
  auto in_text = [&](int number) {
    return text_of_satisfied[static_cast<std::size_t>(number)] == text_number;
  };
  std::erase_if(*candidates, [&](int pattern) {
    return !EveryAlsoRequiredSet(pattern, [&](std::span<const int> keywords) {
      return std::any_of(keywords.begin(), keywords.end(), in_text);
    });
  });
}

template <typename Table, typename NumbersOf>
void KeywordIndex::LookUp(const Table& exact, const Table& prefix, std::uint64_t prefix_lengths,
                          NumbersOf numbers_of, std::string_view key, std::vector<int>* found) {
  auto append = [&](const auto& numbers) {
    found->insert(found->end(), numbers.begin(), numbers.end());
  };
  append(numbers_of(exact, key));
  // The bit width is one past the longest key length, 0 when there is none.
  const std::size_t end = std::min<std::size_t>(std::bit_width(prefix_lengths), key.size() + 1);
  for (std::size_t length = 1; length < end; ++length) {
    if ((prefix_lengths >> length & 1) == 0) continue;
    append(numbers_of(prefix, key.substr(0, length)));
  }
}

std::span<const int> KeywordIndex::FlatNumbersOf(const FlatKeywordTable& table,
                                                 std::string_view key) const {
  if (table.slot_count == 0) return {};
  const auto slots = flat_.slots.subspan(table.first_slot, table.slot_count);
  const std::size_t mask = table.slot_count - 1;
  for (std::size_t i = FlatKeywordHash(key) & mask;; i = (i + 1) & mask) {
    const FlatKeywordTable::Slot& slot = slots[i];
    if (slot.key_size == 0) return {};
    if (slot.key_size == key.size() && flat_.keys.substr(slot.key_offset, slot.key_size) == key) {
      return flat_.numbers.subspan(slot.numbers_begin, slot.numbers_end - slot.numbers_begin);
    }
  }
}

void KeywordIndex::LookUpKey(bool required, std::string_view key, std::vector<int>* found) const {
  if (is_flat_) {
    const FlatKeywordLayout& layout = flat_.layout;
    const FlatKeywordTable& exact = required ? layout.required_exact : layout.exact;
    const FlatKeywordTable& prefix = required ? layout.required_prefix : layout.prefix;
    LookUp(exact, prefix, prefix.key_lengths,
           [this](const FlatKeywordTable& table, std::string_view k) { return FlatNumbersOf(table, k); },
           key, found);
    return;
  }
  static const std::pmr::vector<int> kNone;
  auto numbers_of = [](const Map& map, std::string_view k) -> const std::pmr::vector<int>& {
    const auto entry = map.find(k);
    return entry == map.end() ? kNone : entry->second;
  };
  if (required) {
    LookUp(required_exact_, required_prefix_, required_prefix_lengths_.to_ullong(), numbers_of,
           key, found);
  } else {
    LookUp(exact_, prefix_, prefix_lengths_.to_ullong(), numbers_of, key, found);
  }
}

std::span<const int> KeywordIndex::Always() const {
  if (!is_flat_) return always_;
  const NumberRange range = flat_.layout.always;
  return flat_.numbers.subspan(range.begin, range.end - range.begin);
}

std::span<const NumberRange> KeywordIndex::AlsoRequiredSets() const {
  return is_flat_ ? flat_.also_required : std::span<const NumberRange>(also_required_);
}

const int* KeywordIndex::RequiredSetsData() const {
  return is_flat_ ? flat_.numbers.data() + flat_.layout.required_sets.begin
                  : required_sets_.data();
}

std::size_t KeywordIndex::RequiredCount() const {
  return is_flat_ ? flat_.layout.required_count : static_cast<std::size_t>(required_count_);
}

OwnedFlatKeywordIndex KeywordIndex::Flatten() const {
  OwnedFlatKeywordIndex out;
  auto add_numbers = [&](const auto& numbers) {
    const auto begin = static_cast<std::uint32_t>(out.numbers.size());
    out.numbers.insert(out.numbers.end(), numbers.begin(), numbers.end());
    return NumberRange{begin, static_cast<std::uint32_t>(out.numbers.size())};
  };
  auto add_table = [&](const Map& map, const std::bitset<64>& key_lengths) {
    FlatKeywordTable table;
    table.first_slot = static_cast<std::uint32_t>(out.slots.size());
    table.slot_count = map.empty() ? 0 : static_cast<std::uint32_t>(std::bit_ceil(2 * map.size()));
    table.key_lengths = key_lengths.to_ullong();
    out.slots.resize(out.slots.size() + table.slot_count);
    const std::span<FlatKeywordTable::Slot> slots =
        std::span(out.slots).subspan(table.first_slot, table.slot_count);
    for (const auto& [key, numbers] : map) {
      std::size_t i = FlatKeywordHash(key) & (table.slot_count - 1);
      while (slots[i].key_size != 0) i = (i + 1) & (table.slot_count - 1);
      const NumberRange range = add_numbers(numbers);
      slots[i] = {static_cast<std::uint32_t>(out.keys.size()),
                  static_cast<std::uint32_t>(key.size()), range.begin, range.end};
      out.keys += key;
    }
    return table;
  };
  FlatKeywordLayout& layout = out.layout;
  layout.collapse_repeats = collapse_repeats_;
  layout.size = static_cast<std::uint32_t>(size_);
  layout.exact = add_table(exact_, {});
  layout.prefix = add_table(prefix_, prefix_lengths_);
  layout.required_exact = add_table(required_exact_, {});
  layout.required_prefix = add_table(required_prefix_, required_prefix_lengths_);
  layout.always = add_numbers(always_);
  layout.required_sets = add_numbers(required_sets_);
  layout.required_count = static_cast<std::uint32_t>(required_count_);
  out.also_required = also_required_;
  return out;
}

template <typename LookUpWord>
void KeywordIndex::AddUncachedCandidates(std::string_view word, std::uint64_t hash, Cache* cache,
                                         std::vector<int>* candidates,
                                         LookUpWord look_up_word) const {
  const std::size_t found_begin = candidates->size();
  cache->satisfied_found_.clear();
  look_up_word(candidates, &cache->satisfied_found_);
  cache->MarkSatisfied(cache->satisfied_found_);
  cache->Insert(word, hash, std::span<const int>(*candidates).subspan(found_begin),
                cache->satisfied_found_);
}

template <typename Visit>
void KeywordIndex::ForEachKey(bool required, Visit visit) const {
  if (is_flat_) {
    const FlatKeywordLayout& layout = flat_.layout;
    const FlatKeywordTable* const tables[] = {required ? &layout.required_exact : &layout.exact,
                                              required ? &layout.required_prefix : &layout.prefix};
    for (const bool prefix : {false, true}) {
      const FlatKeywordTable& table = *tables[prefix ? 1 : 0];
      for (const FlatKeywordTable::Slot& slot :
           flat_.slots.subspan(table.first_slot, table.slot_count)) {
        if (slot.key_size == 0) continue;
        visit(flat_.keys.substr(slot.key_offset, slot.key_size),
              flat_.numbers.subspan(slot.numbers_begin, slot.numbers_end - slot.numbers_begin),
              prefix);
      }
    }
    return;
  }
  const Map* const maps[] = {required ? &required_exact_ : &exact_,
                             required ? &required_prefix_ : &prefix_};
  for (const bool prefix : {false, true}) {
    for (const auto& [key, numbers] : *maps[prefix ? 1 : 0]) {
      visit(std::string_view(key), std::span<const int>(numbers), prefix);
    }
  }
}

void KeywordIndex::AddUncachedWordCandidates(std::string_view word, std::uint64_t hash,
                                             std::string* buffer, Cache* cache,
                                             std::vector<int>* candidates) const {
  AddUncachedCandidates(word, hash, cache, candidates,
                        [&](std::vector<int>* found, std::vector<int>* satisfied) {
                          const std::string_view key = Key(word, buffer);
                          LookUpKey(/*required=*/false, key, found);
                          LookUpKey(/*required=*/true, key, satisfied);
                        });
}

void KeywordIndex::AddUncachedStarredWordCandidates(std::string_view word, std::uint64_t hash,
                                                    Cache* cache,
                                                    std::vector<int>* candidates) const {
  AddUncachedCandidates(word, hash, cache, candidates,
                        [&](std::vector<int>* found, std::vector<int>* satisfied) {
                          std::vector<std::size_t> starts;
                          std::bitset<256> start_bytes;
                          for (std::size_t i = 0; i < word.size(); ++i) {
                            if (word[i] != '*' && (i == 0 || word[i - 1] == '*')) {
                              starts.push_back(i);
                              start_bytes.set(static_cast<unsigned char>(word[i]));
                            }
                          }
                          auto add_spelled = [&](std::vector<int>* numbers) {
                            return [&, numbers](std::string_view key,
                                                std::span<const int> key_numbers, bool prefix) {
                              if (!start_bytes.test(static_cast<unsigned char>(key[0]))) return;
                              const bool spelled =
                                  std::any_of(starts.begin(), starts.end(), [&](std::size_t at) {
                                    return SpelledWithStarsAt(word, at, key, prefix);
                                  });
                              if (spelled) {
                                numbers->insert(numbers->end(), key_numbers.begin(),
                                                key_numbers.end());
                              }
                            };
                          };
                          ForEachKey(/*required=*/false, add_spelled(found));
                          ForEachKey(/*required=*/true, add_spelled(satisfied));
                        });
}

void KeywordIndex::SplitWords(std::string_view text, std::vector<Word>* words) {
  words->clear();
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t begin = i;
    if (!IsWordCodePoint(NextCodePoint(text, &i))) continue;
    // Most of a word is ASCII letters and digits: a loop of their own takes them, and only
    // another code point is decoded.
    std::size_t end = i;
    while (true) {
      while (end < text.size() && kAsciiWordBytes[static_cast<unsigned char>(text[end])]) ++end;
      if (end == text.size() || static_cast<unsigned char>(text[end]) < 0x80) break;
      std::size_t next = end;
      if (!IsWordCodePoint(NextCodePoint(text, &next))) break;
      end = next;
    }
    words->push_back({begin, end, CacheHash(text, begin, end)});
    i = end;
  }
}

namespace {

void SortUnique(std::vector<int>* candidates) {
  std::sort(candidates->begin(), candidates->end());
  candidates->erase(std::unique(candidates->begin(), candidates->end()), candidates->end());
}

}  // namespace

void KeywordIndex::FindCandidates(std::string_view text, const std::vector<Word>& words,
                                  Cache* cache, std::vector<int>* candidates) const {
  if (collapse_repeats_ && text.find('*') != std::string_view::npos) {
    FindCandidatesWithStars(text, cache, candidates);
    return;
  }
  const std::span<const int> always = Always();
  candidates->assign(always.begin(), always.end());
  StartText(cache);
  std::string buffer;
  for (const Word& word : words) {
    // SplitWords's words lie in the text: no bounds check, as substr would make.
    const std::string_view word_text(text.data() + word.begin, word.end - word.begin);
    // Nearly every word is cached: its lookup is the loop's own, not a call.
    if (const Cache::Slot* cached = cache->Find(word_text, word.hash)) {
      cache->AddCandidatesOf(*cached, candidates);
    } else {
      AddUncachedWordCandidates(word_text, word.hash, &buffer, cache, candidates);
    }
  }
  if (candidates->empty()) return;  // most texts: nothing to sort, nor to check
  SortUnique(candidates);
  RemoveUnsatisfied(cache, candidates);
}

void KeywordIndex::AppendWordCandidates(std::string_view text, const std::vector<Word>& words,
                                        Cache* cache, std::vector<int>* candidates,
                                        std::vector<int>* satisfied) const {
  std::string buffer;
  for (const Word& word : words) {
    const std::string_view word_text = text.substr(word.begin, word.end - word.begin);
    const Cache::Slot* cached = cache->Find(word_text, word.hash);
    if (cached == nullptr) {
      const std::size_t candidates_begin = candidates->size();
      const std::size_t satisfied_begin = satisfied->size();
      const std::string_view key = Key(word_text, &buffer);
      LookUpKey(/*required=*/false, key, candidates);
      LookUpKey(/*required=*/true, key, satisfied);
      cache->Insert(word_text, word.hash,
                    std::span<const int>(*candidates).subspan(candidates_begin),
                    std::span<const int>(*satisfied).subspan(satisfied_begin));
      continue;
    }
    const std::span<const int> found = cache->CandidatesOf(*cached);
    candidates->insert(candidates->end(), found.begin(), found.end());
    const std::span<const int> also_required = cache->SatisfiedOf(*cached);
    satisfied->insert(satisfied->end(), also_required.begin(), also_required.end());
  }
}

bool KeywordIndex::HasKeyOfDigitsOnly() const {
  bool found = false;
  for (const bool required : {false, true}) {
    ForEachKey(required, [&](std::string_view key, const auto&, bool) {
      found = found || (!key.empty() && std::all_of(key.begin(), key.end(), IsAsciiDigit));
    });
  }
  return found;
}

bool KeywordIndex::HasAlsoRequired(int pattern, std::span<const int> satisfied) const {
  return EveryAlsoRequiredSet(pattern, [&](std::span<const int> keywords) {
    return std::any_of(keywords.begin(), keywords.end(), [&](int number) {
      return std::binary_search(satisfied.begin(), satisfied.end(), number);
    });
  });
}

bool KeywordIndex::MayMatch(const std::vector<Keyword>& keywords, std::string_view text,
                            const std::vector<Word>& words) {
  if (keywords.empty()) return true;
  // An `unless` pattern often lists dozens of keywords, and a sentence has a dozen words: a
  // keyword is compared with the words only if one of them starts with its first byte.
  std::bitset<256> first_bytes;
  for (const Word& word : words) first_bytes.set(static_cast<unsigned char>(text[word.begin]));
  return std::any_of(keywords.begin(), keywords.end(), [&](const Keyword& keyword) {
    if (keyword.text.empty()) return keyword.prefix && !words.empty();
    if (!first_bytes.test(static_cast<unsigned char>(keyword.text.front()))) return false;
    return std::any_of(words.begin(), words.end(), [&](const Word& word) {
      return IsWordOf(keyword, text.substr(word.begin, word.end - word.begin));
    });
  });
}

void KeywordIndex::FindCandidatesWithStars(std::string_view text, Cache* cache,
                                           std::vector<int>* candidates) const {
  const std::span<const int> always = Always();
  candidates->assign(always.begin(), always.end());
  StartText(cache);
  std::string buffer;
  std::size_t i = 0;
  std::size_t word_begin = std::string_view::npos;
  bool starred = false;
  bool has_letter = false;
  auto end_word = [&](std::size_t end) {
    if (word_begin == std::string_view::npos) return;
    const std::string_view word = text.substr(word_begin, end - word_begin);
    const std::uint64_t hash = CacheHash(text, word_begin, end);
    if (const Cache::Slot* cached = cache->Find(word, hash)) {
      cache->AddCandidatesOf(*cached, candidates);
    } else if (starred && has_letter) {
      AddUncachedStarredWordCandidates(word, hash, cache, candidates);
    } else {
      AddUncachedWordCandidates(word, hash, &buffer, cache, candidates);
    }
    word_begin = std::string_view::npos;
    starred = has_letter = false;
  };
  while (i < text.size()) {
    const std::size_t begin = i;
    const int32_t c = NextCodePoint(text, &i);
    const bool star = c == '*';
    if (IsWordCodePoint(c) || star) {
      if (word_begin == std::string_view::npos) word_begin = begin;
      starred = starred || star;
      has_letter = has_letter || !star;
    } else {
      end_word(begin);
    }
  }
  end_word(text.size());
  SortUnique(candidates);
  RemoveUnsatisfied(cache, candidates);
}

}  // namespace tonelint
