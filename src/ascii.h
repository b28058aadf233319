// Scanning runs of ASCII bytes, which most of any reply is, eight bytes at a time. Shared by
// the input decoder (source_text.cpp) and the normalizer.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace tonelint {

// The end of the run of ASCII bytes that starts at `begin` in text[begin, limit): the offset of
// its first byte of 0x80 or more, or `limit`. Eight bytes at a time where it can, since most of
// any reply is ASCII. Requires begin <= limit <= text.size().
inline std::size_t AsciiRunEnd(std::string_view text, std::size_t begin, std::size_t limit) {
  constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;
  std::size_t end = begin;
  for (std::uint64_t chunk; end + sizeof chunk <= limit; end += sizeof chunk) {
    std::memcpy(&chunk, text.data() + end, sizeof chunk);
    if ((chunk & kHighBits) != 0) break;
  }
  while (end < limit && static_cast<unsigned char>(text[end]) < 0x80) ++end;
  return end;
}

}  // namespace tonelint
