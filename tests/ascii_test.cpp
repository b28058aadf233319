#include "ascii.h"

#include <doctest/doctest.h>

#include <string>

// AsciiRunEnd takes eight bytes at a time: the first non-ASCII byte ends the run wherever it
// falls in a chunk, and the limit ends it inside one.
TEST_CASE("an ASCII run ends at the first non-ASCII byte or at the limit") {
  for (const std::string non_ascii : {"\xC3\xB1", "\x80"}) {  // ñ, and a byte of its own
    for (std::size_t offset = 0; offset <= 20; ++offset) {
      const std::string text = std::string(offset, 'a') + non_ascii + std::string(20, 'b');
      const std::size_t after = offset + non_ascii.size();
      CAPTURE(text);
      CHECK(tonelint::AsciiRunEnd(text, 0, text.size()) == offset);
      CHECK(tonelint::AsciiRunEnd(text, offset / 2, offset) == offset);
      CHECK(tonelint::AsciiRunEnd(text, after, text.size()) == text.size());
      CHECK(tonelint::AsciiRunEnd(text, after, after + 1) == after + 1);
    }
  }
}
