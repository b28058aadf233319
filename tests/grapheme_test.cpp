#include "grapheme.h"

#include <doctest/doctest.h>

#include <string>

using tonelint::ByteRange;
using tonelint::ExtendToGraphemeClusters;

// Regression (issue 7, found by fuzz_lint): "idiota" followed by U+0301 was reported as the six
// letters alone, cutting the accented "á" in two.
TEST_CASE("a span takes the combining marks after its last letter along") {
  const std::string text = "eres idiota\xCC\x81 ya";
  CHECK(ExtendToGraphemeClusters(text, {5, 11}) == ByteRange{5, 13});
  std::string marks = "a";
  for (int i = 0; i < 10000; ++i) marks += "\xCC\x81";
  CHECK(ExtendToGraphemeClusters(marks, {0, 1}) == ByteRange{0, marks.size()});
}

TEST_CASE("emoji sequences joined by U+200D stay whole") {
  const std::string text = "x \xF0\x9F\x98\x82\xE2\x80\x8D\xF0\x9F\x91\xA9 y";  // 😂 ZWJ 👩
  CHECK(ExtendToGraphemeClusters(text, {2, 6}) == ByteRange{2, 13});
}

TEST_CASE("spans already on cluster boundaries are unchanged") {
  const std::string text = "no es nuestro problema";
  CHECK(ExtendToGraphemeClusters(text, {6, 13}) == ByteRange{6, 13});
  CHECK(ExtendToGraphemeClusters(text, {0, text.size()}) == ByteRange{0, text.size()});
  CHECK(ExtendToGraphemeClusters("", {0, 0}) == ByteRange{0, 0});
}

TEST_CASE("CR LF is one cluster: a span that cuts it takes both") {
  const std::string text = "a\r\nb";
  CHECK(ExtendToGraphemeClusters(text, {2, 4}) == ByteRange{1, 4});
  CHECK(ExtendToGraphemeClusters(text, {0, 2}) == ByteRange{0, 3});
}

TEST_CASE("an ASCII letter after a mark or a prepended character is not a boundary on its own") {
  const std::string after_mark = "e\xCC\x81s";  // e U+0301 s: the s begins a cluster
  CHECK(ExtendToGraphemeClusters(after_mark, {3, 4}) == ByteRange{3, 4});
  const std::string after_prepend = "\xD8\x80" "1";  // U+0600 prepends to the digit
  CHECK(ExtendToGraphemeClusters(after_prepend, {2, 3}) == ByteRange{0, 3});
}
