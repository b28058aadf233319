#include "byte_scan.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>

using tonelint::ByteBlock;
using tonelint::FindFirstByte;
using tonelint::FindFirstByteInBlocks;

namespace {

bool IsDigit(unsigned char byte) { return byte >= '0' && byte <= '9'; }

auto DigitLanes(ByteBlock block) { return (block >= '0') & (block <= '9'); }

// Checks that `find(text, from)` gives the first digit at or after `from`, or text.size(), on
// texts of up to `max_length` bytes, some of them non-ASCII, from every start.
template <typename Find>
void CheckFindsFirstDigit(std::size_t max_length, Find find) {
  for (std::size_t length = 0; length <= max_length; ++length) {
    for (std::size_t digit = 0; digit <= length; ++digit) {
      // `length` bytes with a digit at `digit` (none when digit == length), then one more.
      std::string text(length, 'a');
      for (std::size_t k = 0; k < length; k += 5) text[k] = '\xC3';
      if (digit < length) text[digit] = '7';
      text += '9';
      for (std::size_t from = 0; from <= text.size(); ++from) {
        const std::size_t expected =
            from == text.size() ? text.size() : (digit < length && from <= digit ? digit : length);
        CAPTURE(text);
        CAPTURE(from);
        CHECK(find(text, from) == expected);
      }
    }
  }
}

}  // namespace

TEST_CASE("FindFirstByte finds the first stopping byte from any start, at any offset in four") {
  CheckFindsFirstDigit(12, [](std::string_view text, std::size_t from) {
    return FindFirstByte(text, from, IsDigit);
  });
}

TEST_CASE("FindFirstByte reads bytes as unsigned and stops at the end when nothing stops") {
  CHECK(FindFirstByte("abc\xC3\xB1", 0, [](unsigned char byte) { return byte >= 0x80; }) == 3);
  CHECK(FindFirstByte("abcdefghij", 2, IsDigit) == 10);
  CHECK(FindFirstByte(std::string_view(), 0, IsDigit) == 0);
}

TEST_CASE("FindFirstByteInBlocks finds the first stopping byte from any start, in any lane") {
  CheckFindsFirstDigit(40, [](std::string_view text, std::size_t from) {
    return FindFirstByteInBlocks(text, from, IsDigit, DigitLanes);
  });
  CHECK(FindFirstByteInBlocks(std::string_view(), 0, IsDigit, DigitLanes) == 0);
  CHECK(FindFirstByteInBlocks(std::string(40, 'x'), 3, IsDigit, DigitLanes) == 40);
}
