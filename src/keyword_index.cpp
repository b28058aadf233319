#include "keyword_index.h"

#include <algorithm>

#include "normalizer.h"

namespace tonelint {
namespace {

constexpr std::size_t kInitialSlots = 1024;
// Bounds the cache's memory as kMaxWords bounds its words: a text of long distinct "words"
// (a base64 blob) would otherwise keep kMaxWords of them.
constexpr std::size_t kMaxCachedBytes = std::size_t{16} << 20;

// splitmix64's finalizer: every bit of the input reaches the low bits, which pick the slot.
std::uint64_t Mix(std::uint64_t x) {
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

// Eight bytes at a time, gathered without a call to memcpy: most words are shorter.
std::uint64_t CacheHash(std::string_view word) {
  std::uint64_t hash = word.size();
  std::uint64_t chunk = 0;
  unsigned shift = 0;
  for (const char c : word) {
    chunk |= std::uint64_t{static_cast<unsigned char>(c)} << shift;
    shift += 8;
    if (shift == 64) {
      hash = Mix(hash ^ chunk);
      chunk = 0;
      shift = 0;
    }
  }
  return Mix(hash ^ chunk);
}

// Whether the word.size() bytes at `cached` spell `word`. The hash
// already matched, so this almost always succeeds; an inline loop over a few bytes is cheaper
// than the call to memcmp that std::equal becomes.
bool SameBytes(std::string_view word, const char* cached) {
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (word[i] != cached[i]) return false;
  }
  return true;
}

// The first eight bytes of `word` (fewer, zero-filled, when it is shorter), byte i in bits 8i.
std::uint64_t Head(std::string_view word) {
  std::uint64_t head = 0;
  const std::size_t size = std::min<std::size_t>(word.size(), 8);
  for (std::size_t i = 0; i < size; ++i) {
    head |= std::uint64_t{static_cast<unsigned char>(word[i])} << (8 * i);
  }
  return head;
}

}  // namespace

bool KeywordIndex::Satisfies(const HeadedWord& word, const RequiredKeyword& keyword) {
  if ((word.head & keyword.head_mask) != keyword.head) return false;
  const std::size_t size = keyword.text.size();
  if (keyword.prefix ? word.text.size() < size : word.text.size() != size) return false;
  return size <= 8 || SameBytes(keyword.text.substr(8), word.text.data() + 8);
}

const KeywordIndex::Cache::Slot* KeywordIndex::Cache::Find(std::string_view word,
                                                           std::uint64_t hash) const {
  if (slots_.empty()) return nullptr;
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.word_size == 0) return nullptr;
    if (slot.hash == hash && slot.word_size == word.size() &&
        SameBytes(word, words_.data() + slot.word_begin)) {
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
                                 std::span<const int> candidates) {
  if (size_ >= kMaxWords || words_.size() >= kMaxCachedBytes) {
    std::fill(slots_.begin(), slots_.end(), Slot{});
    size_ = 0;
    words_.clear();
    candidates_.clear();
  }
  if (slots_.empty()) slots_.resize(kInitialSlots);
  if ((size_ + 1) * 2 > slots_.size()) {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    for (const Slot& slot : old) {
      if (slot.word_size != 0) EmptySlotFor(slot.hash) = slot;
    }
  }
  EmptySlotFor(hash) = {hash, static_cast<std::uint32_t>(words_.size()),
                        static_cast<std::uint32_t>(word.size()),
                        static_cast<std::uint32_t>(candidates_.size()),
                        static_cast<std::uint32_t>(candidates_.size() + candidates.size())};
  ++size_;
  words_.append(word);
  candidates_.insert(candidates_.end(), candidates.begin(), candidates.end());
}

std::string_view KeywordIndex::Key(std::string_view word, std::string* buffer) const {
  if (!collapse_repeats_) return word;
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

void KeywordIndex::ToStoredForm(Keyword* keyword) const {
  if (collapse_repeats_) {
    std::string buffer;
    keyword->text = std::string(Key(keyword->text, &buffer));
  }
  if (keyword->prefix && keyword->text.size() >= prefix_lengths_.size()) {
    keyword->text.resize(prefix_lengths_.size() - 1);
  }
}

void KeywordIndex::Add(int pattern, const std::vector<Keyword>& keywords,
                       std::vector<std::vector<Keyword>> also_required) {
  ++size_;
  all_.push_back(pattern);
  if (keywords.empty()) {
    always_.push_back(pattern);
    return;
  }
  for (Keyword keyword : keywords) {
    ToStoredForm(&keyword);
    if (!keyword.prefix) {
      exact_[keyword.text].push_back(pattern);
      continue;
    }
    prefix_lengths_.set(keyword.text.size());
    longest_prefix_ = std::max(longest_prefix_, keyword.text.size());
    prefix_[keyword.text].push_back(pattern);
  }
  if (also_required.empty()) return;
  std::vector<std::vector<RequiredKeyword>> stored_sets;
  for (std::vector<Keyword>& any_of : also_required) {
    std::vector<RequiredKeyword>& stored = stored_sets.emplace_back();
    for (Keyword& keyword : any_of) {
      ToStoredForm(&keyword);
      const std::size_t head_size = std::min<std::size_t>(keyword.text.size(), 8);
      const std::uint64_t head_mask = head_size == 8 ? ~std::uint64_t{0}
                                                     : (std::uint64_t{1} << (8 * head_size)) - 1;
      stored.push_back({std::move(keyword.text), keyword.prefix, 0, head_mask});
      stored.back().head = Head(stored.back().text);
    }
  }
  if (also_required_.size() <= static_cast<std::size_t>(pattern)) {
    also_required_.resize(static_cast<std::size_t>(pattern) + 1);
  }
  also_required_[static_cast<std::size_t>(pattern)] = std::move(stored_sets);
}

bool KeywordIndex::HasAlsoRequired(int pattern, Cache* cache) const {
  if (static_cast<std::size_t>(pattern) >= also_required_.size()) return true;
  const auto& sets = also_required_[static_cast<std::size_t>(pattern)];
  if (sets.empty()) return true;
  auto has_all = [&](const std::vector<HeadedWord>& keys) {
    return std::all_of(sets.begin(), sets.end(), [&](const std::vector<RequiredKeyword>& any_of) {
      return std::any_of(any_of.begin(), any_of.end(), [&](const RequiredKeyword& keyword) {
        return std::any_of(keys.begin(), keys.end(),
                           [&](const HeadedWord& key) { return Satisfies(key, keyword); });
      });
    });
  };
  // Without collapsing, a word is its own lookup form.
  if (!collapse_repeats_) return has_all(cache->text_words_);
  if (cache->text_keys_.size() != cache->text_words_.size()) {
    // First pattern with requirements for this text: its words' lookup forms, once.
    std::string buffer;
    cache->text_key_bytes_.clear();
    for (const HeadedWord& word : cache->text_words_) {
      cache->text_key_bytes_.emplace_back(Key(word.text, &buffer));
    }
    // Views only once the strings no longer move.
    cache->text_keys_.clear();
    for (const std::string& key : cache->text_key_bytes_) cache->text_keys_.push_back({key, Head(key)});
  }
  return has_all(cache->text_keys_);
}

void KeywordIndex::LookUpWord(std::string_view word, std::string* buffer,
                              std::vector<int>* candidates) const {
  const std::string_view key = Key(word, buffer);
  if (auto found = exact_.find(key); found != exact_.end()) {
    candidates->insert(candidates->end(), found->second.begin(), found->second.end());
  }
  const std::size_t longest = std::min(longest_prefix_, key.size());
  for (std::size_t length = 1; length <= longest; ++length) {
    if (!prefix_lengths_.test(length)) continue;
    if (auto found = prefix_.find(key.substr(0, length)); found != prefix_.end()) {
      candidates->insert(candidates->end(), found->second.begin(), found->second.end());
    }
  }
}

void KeywordIndex::AddWordCandidates(std::string_view word, std::uint64_t hash,
                                     std::string* buffer, Cache* cache,
                                     std::vector<int>* candidates) const {
  if (const Cache::Slot* cached = cache->Find(word, hash)) {
    const std::span<const int> found = cache->CandidatesOf(*cached);
    candidates->insert(candidates->end(), found.begin(), found.end());
    return;
  }
  const std::size_t found_begin = candidates->size();
  LookUpWord(word, buffer, candidates);
  cache->Insert(word, hash, std::span<const int>(*candidates).subspan(found_begin));
}

void KeywordIndex::SplitWords(std::string_view text, std::vector<Word>* words) {
  words->clear();
  std::size_t i = 0;
  std::size_t word_begin = std::string_view::npos;
  auto end_word = [&](std::size_t end) {
    const std::string_view word = text.substr(word_begin, end - word_begin);
    words->push_back({word_begin, end, CacheHash(word)});
    word_begin = std::string_view::npos;
  };
  while (i < text.size()) {
    const std::size_t begin = i;
    const bool is_word = IsWordCodePoint(NextCodePoint(text, &i));
    if (is_word && word_begin == std::string_view::npos) word_begin = begin;
    if (!is_word && word_begin != std::string_view::npos) end_word(begin);
  }
  if (word_begin != std::string_view::npos) end_word(text.size());
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
  candidates->assign(always_.begin(), always_.end());
  cache->text_words_.clear();
  cache->text_keys_.clear();
  std::string buffer;
  for (const Word& word : words) {
    const std::string_view word_text = text.substr(word.begin, word.end - word.begin);
    AddWordCandidates(word_text, word.hash, &buffer, cache, candidates);
    if (!also_required_.empty()) cache->text_words_.push_back({word_text, Head(word_text)});
  }
  SortUnique(candidates);
  RemoveUnsatisfied(cache, candidates);
}

void KeywordIndex::RemoveUnsatisfied(Cache* cache, std::vector<int>* candidates) const {
  if (also_required_.empty()) return;
  std::erase_if(*candidates, [&](int pattern) { return !HasAlsoRequired(pattern, cache); });
}

void KeywordIndex::FindCandidatesWithStars(std::string_view text, Cache* cache,
                                           std::vector<int>* candidates) const {
  candidates->assign(always_.begin(), always_.end());
  cache->text_words_.clear();
  cache->text_keys_.clear();
  std::string buffer;
  std::size_t i = 0;
  std::size_t word_begin = std::string_view::npos;
  bool starred = false;
  bool has_letter = false;
  bool everything = false;
  auto end_word = [&](std::size_t end) {
    if (word_begin == std::string_view::npos) return;
    if (starred && has_letter) {
      candidates->assign(all_.begin(), all_.end());
      everything = true;
      i = text.size();  // every pattern is already a candidate
    } else {
      const std::string_view word = text.substr(word_begin, end - word_begin);
      AddWordCandidates(word, CacheHash(word), &buffer, cache, candidates);
      cache->text_words_.push_back({word, Head(word)});
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
  // A starred word may stand for any word, so then no requirement can rule a pattern out.
  if (!everything) RemoveUnsatisfied(cache, candidates);
}

}  // namespace tonelint
