// Scanning runs of ASCII bytes, which most of any reply is, eight bytes at a time. Shared by
// the input decoder (source_text.cpp), the normalizer and the capitals check (caps_runs.cpp).
// And the one ASCII class more than one module needs by itself.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace tonelint {

inline bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

// Eight bytes read as one word: a 1 in every byte, and the high bit of every byte.
constexpr std::uint64_t kEveryByte = ~std::uint64_t{0} / 0xFF;
constexpr std::uint64_t kHighBits = kEveryByte * 0x80;

// The high bit of each of the eight bytes of `chunk` that lies in [low, high] (both ASCII), and
// no other bit; a byte of 0x80 or more never does. With the high bits cleared, adding
// 0x80 - low to each byte sets its high bit exactly when it is at least `low`, adding
// 0x7F - high exactly when it is past `high`, and neither sum carries into the next byte.
constexpr std::uint64_t AsciiBytesInRange(std::uint64_t chunk, char low, char high) {
  const std::uint64_t low_bits = chunk & ~kHighBits;
  const std::uint64_t at_least_low = low_bits + kEveryByte * static_cast<std::uint64_t>(0x80 - low);
  const std::uint64_t past_high = low_bits + kEveryByte * static_cast<std::uint64_t>(0x7F - high);
  return at_least_low & ~past_high & ~chunk & kHighBits;
}

// The end of the run of ASCII bytes that starts at `begin` in text[begin, limit): the offset of
// its first byte of 0x80 or more, or `limit`. Eight bytes at a time where it can, since most of
// any reply is ASCII. Requires begin <= limit <= text.size().
inline std::size_t AsciiRunEnd(std::string_view text, std::size_t begin, std::size_t limit) {
  std::size_t end = begin;
  for (std::uint64_t chunk; end + sizeof chunk <= limit; end += sizeof chunk) {
    std::memcpy(&chunk, text.data() + end, sizeof chunk);
    if ((chunk & kHighBits) != 0) break;
  }
  while (end < limit && static_cast<unsigned char>(text[end]) < 0x80) ++end;
  return end;
}

}  // namespace tonelint
