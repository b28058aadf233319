// Chunks: the runs of bytes between white space (and the control characters below 0x21) of a
// sentence, read eight bytes at a time, and a bounded memo of what was decided for a chunk by
// its bytes. Replies repeat their words: the per-sentence checks that depend on each chunk
// alone (language evidence, whether a chunk can start a match) remember a chunk once and then
// cost one hash and one comparison per chunk instead of a decoding and lookups per word.
#pragma once

#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

namespace tonelint {

// A chunk as a memo looks it up: its first bytes, eight to a word, the first byte lowest, zero
// past its end.
struct ChunkKey {
  static constexpr std::size_t kWords = 3;
  using Words = std::array<std::uint64_t, kWords>;
  Words words{};
  std::uint64_t hash = 0;  // of `words`
  // Of the whole chunk, which may be longer than `words` hold; tells "a" from "a\0" too.
  std::size_t size = 0;
};

// The bytes text[at, at + 8), or up to the end of `text` with zeros after it, in a word whose
// lowest byte is the first. One load when `text` has eight bytes or more.
inline std::uint64_t LoadUpTo8(std::string_view text, std::size_t at) {
  constexpr std::size_t kBytes = sizeof(std::uint64_t);
  std::uint64_t bytes = 0;
  if (text.size() >= kBytes) {
    const std::size_t from = std::min(at, text.size() - kBytes);
    std::memcpy(&bytes, text.data() + from, kBytes);
    if constexpr (std::endian::native == std::endian::big) bytes = __builtin_bswap64(bytes);
    return bytes >> (8 * (at - from));  // drops the bytes before `at`
  }
  for (std::size_t i = at; i < text.size(); ++i) {
    bytes |= std::uint64_t{static_cast<std::uint8_t>(text[i])} << (8 * (i - at));
  }
  return bytes;
}

// The high bit of each byte of `bytes` below 0x21, and no other bit: white space (space,
// \t..\r) and the control characters, rare in text. Exact for every byte, unlike the usual
// has-zero-byte trick whose borrows can mark bytes after the first: the low seven bits plus
// 0x5f carry into the high bit from 0x21 on, and never out of the byte.
inline std::uint64_t BytesBelow0x21(std::uint64_t bytes) {
  constexpr std::uint64_t kLow7 = 0x7f7f7f7f7f7f7f7fULL;
  constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
  return ~(((bytes & kLow7) + 0x5f5f5f5f5f5f5f5fULL) | bytes) & kHigh;
}

// Reads text[begin, end) into `key`, `end` being the offset of the first byte below 0x21 from
// `begin` on, or text.size(); returns `end`. Eight bytes at a time, hashing as it goes.
inline std::size_t ReadChunk(std::string_view text, std::size_t begin, ChunkKey* key) {
  // Hashes mix in eight bytes at a time: (hash ^ bytes) * kMultiplier. Odd, so that the
  // multiplication carries every bit of the bytes into the high bits, which pick a slot.
  constexpr std::uint64_t kMultiplier = 0x9e3779b97f4a7c15ULL;
  std::size_t at = begin;
  std::uint64_t hash = 0;
  for (std::size_t word = 0; at < text.size(); ++word) {
    std::uint64_t bytes = LoadUpTo8(text, at);
    std::uint64_t ends = BytesBelow0x21(bytes);
    const std::size_t left = text.size() - at;
    if (left < sizeof bytes) ends |= std::uint64_t{0x80} << (8 * left);
    std::size_t taken = sizeof bytes;
    if (ends != 0) {
      taken = static_cast<std::size_t>(std::countr_zero(ends)) / 8;  // fewer than 8
      bytes &= (std::uint64_t{1} << (8 * taken)) - 1;
    }
    if (word < ChunkKey::kWords) {
      key->words[word] = bytes;
      hash = (hash ^ bytes) * kMultiplier;
    }
    at += taken;
    if (ends != 0) break;
  }
  key->hash = hash;
  key->size = at - begin;
  return at;
}

// Calls `visit(chunk, key)` for each chunk of `text`, in order, with its key (ReadChunk).
// Returns whether `text` has a control character: a byte below 0x21 that is not white space
// (space, \t..\r), which ends a chunk here but not for every reader (LanguageTally).
template <typename Visit>
bool ForEachChunk(std::string_view text, Visit visit) {
  bool has_control_character = false;
  std::size_t i = 0;
  while (true) {
    while (i < text.size() && static_cast<unsigned char>(text[i]) < 0x21) {
      const char c = text[i];
      has_control_character = has_control_character || !(c == ' ' || (c >= '\t' && c <= '\r'));
      ++i;
    }
    if (i == text.size()) return has_control_character;
    ChunkKey key;
    const std::size_t end = ReadChunk(text, i, &key);
    visit(text.substr(i, end - i), key);
    i = end;
  }
}

// What was decided for chunks, by their bytes: open addressing over 2^kSlotBits slots, at most
// half full, so that a chunk not remembered usually meets an empty slot at once. Bounded: when
// full, it forgets everything and fills again, which costs one pass over the slots every
// kMaxEntries new chunks. Only chunks of at most kMaxChunkBytes bytes are remembered (longer
// ones, links mostly, are rarer).
template <typename Value, int kSlotBits>
class BoundedChunkMemo {
 public:
  static constexpr std::size_t kMaxChunkBytes = ChunkKey::kWords * sizeof(std::uint64_t);

  BoundedChunkMemo() : slots_(kSlotCount) {}

  // Null when the chunk is not remembered.
  const Value* Find(const ChunkKey& key) const {
    for (std::size_t i = SlotOf(key); slots_[i].size != 0; i = (i + 1) & kSlotMask) {
      const Slot& slot = slots_[i];
      if (slot.size == key.size && SameWords(slot.words, key.words)) return &slot.value;
    }
    return nullptr;
  }

  // Whether the next Add forgets everything first (and so every Value found before).
  bool Full() const { return entries_ == kMaxEntries; }

  // The chunk is not remembered yet, and has at most kMaxChunkBytes bytes.
  void Add(const ChunkKey& key, const Value& value) {
    if (Full()) Forget();
    std::size_t i = SlotOf(key);
    while (slots_[i].size != 0) i = (i + 1) & kSlotMask;
    slots_[i] = {key.words, static_cast<std::uint8_t>(key.size), value};
    ++entries_;
  }

 private:
  static constexpr std::size_t kSlotCount = std::size_t{1} << kSlotBits;
  static constexpr std::size_t kSlotMask = kSlotCount - 1;
  static constexpr std::size_t kMaxEntries = kSlotCount / 2;

  struct Slot {
    ChunkKey::Words words{};
    std::uint8_t size = 0;  // 0: empty
    Value value{};
  };
  static_assert(kMaxChunkBytes <= UINT8_MAX);
  static_assert(ChunkKey::kWords == 3, "SameWords compares three words");

  // Inline: std::array's operator== is a call to memcmp, which costs more than the lookup.
  static bool SameWords(const ChunkKey::Words& a, const ChunkKey::Words& b) {
    return ((a[0] ^ b[0]) | (a[1] ^ b[1]) | (a[2] ^ b[2])) == 0;
  }

  static std::size_t SlotOf(const ChunkKey& key) {
    return static_cast<std::size_t>(key.hash >> (64 - kSlotBits));
  }

  void Forget() {
    std::fill(slots_.begin(), slots_.end(), Slot{});
    entries_ = 0;
  }

  std::vector<Slot> slots_;
  std::size_t entries_ = 0;
};

}  // namespace tonelint
