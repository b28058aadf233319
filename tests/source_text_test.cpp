#include "source_text.h"

#include <doctest/doctest.h>
#include <unicode/utf8.h>

#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

using tonelint::ByteOrderMark;
using tonelint::SourceText;

TEST_CASE("lines end at LF, CRLF and lone CR; the terminator is not part of the line") {
  const SourceText text("one\r\ntwo\nthree\rfour");
  REQUIRE(text.line_count() == 4);
  CHECK(text.Line(1) == "one");
  CHECK(text.Line(2) == "two");
  CHECK(text.Line(3) == "three");
  CHECK(text.Line(4) == "four");
  CHECK(text.LineStart(3) == 9);
}

TEST_CASE("terminators next to each other: a CR before a CRLF, an LF before a CR, a final CR") {
  const SourceText text("a\r\r\nb\n\rc\r");
  std::vector<std::string_view> lines;
  for (std::size_t line = 1; line <= text.line_count(); ++line) lines.push_back(text.Line(line));
  CHECK(lines == std::vector<std::string_view>{"a", "", "b", "", "c"});
}

TEST_CASE("a final newline does not open an empty line") {
  CHECK(SourceText("a\nb\n").line_count() == 2);
  CHECK(SourceText("").line_count() == 1);
}

TEST_CASE("columns count code points, not bytes") {
  const SourceText text("año ñu\nEl niño 😀 idiota");
  const std::size_t offset = text.text().find("idiota");
  const auto position = text.PositionOf(offset);
  CHECK(position.line == 2);
  CHECK(position.column == 11);  // "El niño 😀 " is 10 code points
  CHECK(text.PositionOf(text.text().find("ñu")).column == 5);
}

TEST_CASE("positions asked in any order agree with a fresh count") {
  const SourceText text("ééé abc ééé abc");
  const std::size_t second = text.text().rfind("abc");
  const std::size_t first = text.text().find("abc");
  CHECK(text.PositionOf(second).column == 13);
  CHECK(text.PositionOf(first).column == 5);  // earlier than the memo: recounted
  CHECK(text.PositionOf(second).column == 13);
}

TEST_CASE("a UTF-8 byte-order mark is dropped") {
  const SourceText text("\xEF\xBB\xBFhola");
  CHECK(text.text() == "hola");
  CHECK(text.PositionOf(0).column == 1);
}

TEST_CASE("ill-formed UTF-8 becomes U+FFFD, one per bad sequence, so columns stay right") {
  const SourceText text("a\xFF" "b\xC3(c\xE2\x82");
  CHECK(text.replaced_sequences() == 3);
  CHECK(text.text() == "a\xEF\xBF\xBD" "b\xEF\xBF\xBD(c\xEF\xBF\xBD");
  CHECK(text.PositionOf(text.text().find('b')).column == 3);
  CHECK(text.PositionOf(text.text().find('c')).column == 6);
}

TEST_CASE("an ill-formed byte inside a long ASCII run, or at its end, is found") {
  const SourceText text("abcdefghijk\xFFlmnopqrstuvwxyz\xC3");
  CHECK(text.replaced_sequences() == 2);
  CHECK(text.text() == "abcdefghijk\xEF\xBF\xBDlmnopqrstuvwxyz\xEF\xBF\xBD");
}

TEST_CASE("overlong encodings and encoded surrogates are ill-formed") {
  CHECK(SourceText("\xC0\xAF").replaced_sequences() == 2);
  CHECK(SourceText("\xED\xA0\x80").replaced_sequences() == 3);
}

TEST_CASE("well-formed input becomes the text without a copy, its byte-order mark dropped") {
  std::string raw = "\xEF\xBB\xBF" + std::string(1000, 'a') + "\xC3\xB1";
  const char* const bytes = raw.data();
  const SourceText text(std::move(raw));
  CHECK(text.text() == std::string(1000, 'a') + "\xC3\xB1");
  CHECK(text.text().data() == bytes);
  CHECK(text.replaced_sequences() == 0);
}

TEST_CASE("random bytes decode as one code point at a time with ICU decodes them") {
  // The decoding the text must equal: every code point appended as it is, or U+FFFD for each
  // maximal ill-formed subpart.
  auto reference = [](std::string_view raw, std::size_t* replaced) {
    std::string out;
    const auto* bytes = reinterpret_cast<const uint8_t*>(raw.data());
    const auto length = static_cast<int32_t>(raw.size());
    for (int32_t i = 0; i < length;) {
      const int32_t start = i;
      UChar32 c;
      U8_NEXT(bytes, i, length, c);
      if (c < 0) {
        out += "\xEF\xBF\xBD";
        ++*replaced;
      } else {
        const auto from = static_cast<std::size_t>(start);
        out.append(raw.substr(from, static_cast<std::size_t>(i) - from));
      }
    }
    return out;
  };
  const std::vector<std::string_view> pieces = {
      "a", "hola ", "\n", "\xC3\xB1", "\xE2\x80\x9C", "\xF0\x9F\x98\x80", "\xFF", "\xC3",
      "\xE2\x82", "\xF0\x9F", "\x80", "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80",
      "abcdefghij"};
  std::mt19937 random(1125);  // fixed: a failure must reproduce
  for (int round = 0; round < 5000; ++round) {
    std::string raw;
    for (std::size_t k = random() % 20; k > 0; --k) raw += pieces[random() % pieces.size()];
    std::size_t replaced = 0;
    const std::string expected = reference(raw, &replaced);
    const SourceText text(raw, ByteOrderMark::kKeep);
    CAPTURE(raw);
    REQUIRE(text.text() == expected);
    REQUIRE(text.replaced_sequences() == replaced);
  }
}

TEST_CASE("a byte-order mark at the start of a later piece of an input is text") {
  const SourceText text("\xEF\xBB\xBFhola", ByteOrderMark::kKeep);
  CHECK(text.text() == "\xEF\xBB\xBFhola");
  CHECK(text.PositionOf(text.text().find('h')).column == 2);
}

TEST_CASE("an excerpt keeps some lines with the whole text's numbers and offsets") {
  SourceText excerpt = SourceText::Excerpt();
  excerpt.KeepLinePart(3, 20, 20, "tres ñu\n", true);
  excerpt.KeepLinePart(3, 20, 20, "tres ñu\n", true);  // kept once
  excerpt.KeepLinePart(9, 100, 100, "nueve", true);
  CHECK(excerpt.LinePartAt(3, 25).text == "tres ñu");
  CHECK(excerpt.LinePartAt(9, 100).text == "nueve");
  CHECK(excerpt.LineStart(3) == 20);
  CHECK(excerpt.LineStart(9) == 100);
  CHECK(excerpt.Slice({25, 28}) == "ñu");
  CHECK(excerpt.Slice({102, 200}) == "eve");  // cut at the excerpt's end
  CHECK(excerpt.Slice({50, 50}).empty());
}

TEST_CASE("an excerpt keeps parts of a long line, merged where they overlap or touch") {
  // Line 4 starts at byte 1000; parts of it at 1100-1105, 1200-1203, then one joining them.
  SourceText excerpt = SourceText::Excerpt();
  excerpt.KeepLinePart(4, 1000, 1100, "abcde", false);
  excerpt.KeepLinePart(4, 1000, 1200, "xyz", false);
  SourceText::LinePart part = excerpt.LinePartAt(4, 1201);
  CHECK(part.text == "xyz");
  CHECK(part.begin == 200);
  CHECK_FALSE(part.to_end);
  CHECK(excerpt.LinePartAt(4, 1102).text == "abcde");
  excerpt.KeepLinePart(4, 1000, 1198, "..x", false);  // touches the last part only
  CHECK(excerpt.LinePartAt(4, 1199).text == "..xyz");
  excerpt.KeepLinePart(4, 1000, 1105, std::string(93, '-') + "..xyz!\n", true);
  part = excerpt.LinePartAt(4, 1100);
  CHECK(part.text == "abcde" + std::string(93, '-') + "..xyz!");
  CHECK(part.begin == 100);
  CHECK(part.to_end);
  CHECK(excerpt.LineStart(4) == 1000);
  CHECK(excerpt.Slice({1102, 1106}) == "cde-");
  // A part that ends where a kept one does reaches the line's end if either does.
  excerpt.KeepLinePart(5, 1205, 1205, "end", true);
  excerpt.KeepLinePart(5, 1205, 1206, "nd", false);
  CHECK(excerpt.LinePartAt(5, 1206).to_end);
  CHECK(excerpt.Slice({1203, 1207}) == "!\nen");
}

TEST_CASE("the part of a whole text's line is the line") {
  const SourceText text("uno\ndos tres\n");
  const SourceText::LinePart part = text.LinePartAt(2, 6);
  CHECK(part.text == "dos tres");
  CHECK(part.begin == 0);
  CHECK(part.to_end);
}

TEST_CASE("Slice of a whole text") {
  const SourceText text("uno\ndos");
  CHECK(text.Slice({4, 7}) == "dos");
}
