// Finding the first byte of a class in a text, the loop that the scans over every byte of a
// reply (masks, sentence bodies, JSON strings) spend most of their time in.
#pragma once

#include <cstddef>
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

}  // namespace tonelint
