// Finding the first byte of a class in a text, the loop that the scans over every byte of a
// reply (masks, sentence bodies, JSON strings) spend most of their time in.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace tonelint {

// The offset of the first byte at or after `pos` in `text` for which `stops(byte)` holds (the
// byte as an unsigned char), or text.size(). Four bytes per bound check: a table lookup per
// byte is then most of the cost. Requires pos <= text.size().
template <typename Stops>
std::size_t FindFirstByte(std::string_view text, std::size_t pos, Stops stops) {
  const auto* const begin = reinterpret_cast<const unsigned char*>(text.data());
  const auto* const end = begin + text.size();
  const auto* byte = begin + pos;
  for (; end - byte >= 4; byte += 4) {
    if (stops(byte[0])) break;
    if (stops(byte[1])) return static_cast<std::size_t>(byte - begin) + 1;
    if (stops(byte[2])) return static_cast<std::size_t>(byte - begin) + 2;
    if (stops(byte[3])) return static_cast<std::size_t>(byte - begin) + 3;
  }
  while (byte != end && !stops(*byte)) ++byte;
  return static_cast<std::size_t>(byte - begin);
}

// Sixteen bytes of a text, which the compiler's vector extensions (GCC and Clang; SSE2 on
// x86-64, NEON on ARM) compare with a value in every lane at once: `block == 'x'` holds all ones
// in each lane that is 'x' and zero in the others, and such results combine with | and &.
using ByteBlock = unsigned char __attribute__((vector_size(16)));

// As FindFirstByte, sixteen bytes per step: `block_stops(block)` returns, as a vector of 16
// bytes, all ones in exactly the lanes of `block` whose byte `stops` holds for and zero in the
// others. A few vector compares per sixteen bytes then cost less than a table lookup per byte.
// `stops` decides the last bytes, fewer than sixteen. Requires pos <= text.size().
template <typename Stops, typename BlockStops>
std::size_t FindFirstByteInBlocks(std::string_view text, std::size_t pos, Stops stops,
                                  BlockStops block_stops) {
  const auto* const begin = reinterpret_cast<const unsigned char*>(text.data());
  const auto* const end = begin + text.size();
  const auto* byte = begin + pos;
  for (; end - byte >= 16; byte += 16) {
    ByteBlock block;
    std::memcpy(&block, byte, sizeof block);
    const auto lanes = block_stops(block);
    static_assert(sizeof lanes == 2 * sizeof(std::uint64_t));
    std::uint64_t halves[2];
    std::memcpy(halves, &lanes, sizeof halves);
    if ((halves[0] | halves[1]) == 0) continue;
    // The first lane in memory is the low byte of a half on a little-endian machine.
    auto first_lane = [](std::uint64_t half) {
      return static_cast<std::size_t>(std::endian::native == std::endian::little
                                          ? std::countr_zero(half) / 8
                                          : std::countl_zero(half) / 8);
    };
    const std::size_t lane = halves[0] != 0 ? first_lane(halves[0]) : 8 + first_lane(halves[1]);
    return static_cast<std::size_t>(byte - begin) + lane;
  }
  return FindFirstByte(text, static_cast<std::size_t>(byte - begin), stops);
}

}  // namespace tonelint
