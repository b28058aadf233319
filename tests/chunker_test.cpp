#include "chunker.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <sstream>

using namespace tonelint;

namespace {

const Delimiters kNoPlaceholders;

// The pieces PieceReader cuts `text` into.
std::vector<std::string> Pieces(const std::string& text, std::size_t piece_bytes,
                                const Delimiters& placeholders = kNoPlaceholders) {
  std::istringstream in(text);
  PieceReader reader(in, piece_bytes, placeholders);
  std::vector<std::string> pieces;
  std::string piece;
  while (reader.Next(&piece)) pieces.push_back(piece);
  return pieces;
}

}  // namespace

TEST_CASE("a cut goes after a line break, the last one at or before the target") {
  CHECK(FindSafeCut("ab\ncd\nef\n", 7, kNoPlaceholders) == 6);
  CHECK(FindSafeCut("ab\ncd\nef\n", 6, kNoPlaceholders) == 6);
  CHECK(FindSafeCut("ab\ncd\nef\n", 100, kNoPlaceholders) == 9);
}

TEST_CASE("without a line break before the target, the first one after it") {
  CHECK(FindSafeCut("abcdef\ngh\n", 2, kNoPlaceholders) == 7);
}

TEST_CASE("no line break: no cut") {
  CHECK(FindSafeCut("a very long line without an end", 4, kNoPlaceholders) == 0);
  CHECK(FindSafeCut("", 4, kNoPlaceholders) == 0);
}

TEST_CASE("a cut never falls inside a template, comment or placeholder spanning lines") {
  // Lines:            0-1  2------7  8------13 14
  const std::string text = "a\n{{ x\ny }}\nb\n";
  CHECK(FindSafeCut(text, 2, kNoPlaceholders) == 2);
  CHECK(FindSafeCut(text, 7, kNoPlaceholders) == 2);  // "{{ x\n" | "y }}" would split the mask
  CHECK(FindSafeCut(text, 12, kNoPlaceholders) == 12);
  CHECK(FindSafeCut("<!-- a\nb -->\nc\n", 7, kNoPlaceholders) == 13);
  CHECK(FindSafeCut("{% if\nx %}\n", 6, kNoPlaceholders) == 11);
  CHECK(FindSafeCut("{# a\nb #}\n", 5, kNoPlaceholders) == 10);
  CHECK(FindSafeCut("{{!-- a }}\nb --}}\n", 11, kNoPlaceholders) == 18);
  const Delimiters brackets = {{"[[", "]]"}};
  CHECK(FindSafeCut("[[ a\nb ]]\n", 5, brackets) == 10);
  CHECK(FindSafeCut("[[ a\nb ]]\n", 5, kNoPlaceholders) == 5);
}

TEST_CASE("an opener not closed yet stops the cuts at its line") {
  // The closer may come after what was read: nothing after the opener is safe yet.
  CHECK(FindSafeCut("a\nb {{ x\nc\nd\n", 100, kNoPlaceholders) == 2);
  CHECK(FindSafeCut("{{ x\nc\nd\n", 100, kNoPlaceholders) == 0);
  CHECK(FindSafeCut("a\n<!-- x\nc\n", 100, kNoPlaceholders) == 2);
}

TEST_CASE("a fenced block is one piece; an unclosed fence stops the cuts") {
  const std::string fenced = "a\n```\nx\n```\nb\n";
  CHECK(FindSafeCut(fenced, 6, kNoPlaceholders) == 2);
  CHECK(FindSafeCut(fenced, 10, kNoPlaceholders) == 2);  // 6 and 8 are inside the block
  CHECK(FindSafeCut(fenced, 12, kNoPlaceholders) == 12);
  CHECK(FindSafeCut("a\n~~~~\nx\n~~~\ny\n", 100, kNoPlaceholders) == 2);  // too short to close
  CHECK(FindSafeCut("a\n  ```js\nx\n", 100, kNoPlaceholders) == 2);
  // A fence line inside a template may be hidden by it: no cut after the template's opener.
  CHECK(FindSafeCut("a\n{{ x\n```\n}}\nb\n```\nc\n", 100, kNoPlaceholders) == 2);
  // A code span that looks like a fence opens nothing: the real block after it stays whole.
  CHECK(FindSafeCut("```x```\n```\ncode\n```\nb\n", 14, kNoPlaceholders) == 8);
}

TEST_CASE("pieces put back together are the input; each ends at a line break") {
  const std::string text =
      "Hola, {{ nombre\n}} gracias.\nline two\r\nline three\rstill three\n<!-- a\nb -->\nend";
  for (std::size_t piece_bytes : {1, 3, 10, 1000}) {
    const std::vector<std::string> pieces = Pieces(text, piece_bytes);
    std::string joined;
    for (std::size_t i = 0; i < pieces.size(); ++i) {
      joined += pieces[i];
      if (i + 1 < pieces.size()) CHECK(pieces[i].back() == '\n');
    }
    CHECK(joined == text);
  }
  const std::vector<std::string> tiny = Pieces(text, 1);
  CHECK(tiny.front() == "Hola, {{ nombre\n}} gracias.\n");
  CHECK(tiny.back() == "end");
  CHECK(std::find(tiny.begin(), tiny.end(), std::string("<!-- a\nb -->\n")) != tiny.end());
}

TEST_CASE("a fence right after the input's byte-order mark is a fence") {
  const std::vector<std::string> pieces = Pieces("\xEF\xBB\xBF```\nx\n```\ny\n", 1);
  REQUIRE(pieces.size() == 2);
  CHECK(pieces[0] == "\xEF\xBB\xBF```\nx\n```\n");
}

TEST_CASE("a long line is one piece; an empty input is one empty piece") {
  const std::string line(100000, 'x');
  const std::vector<std::string> pieces = Pieces(line + "\nshort\n", 16);
  REQUIRE(pieces.size() == 2);
  CHECK(pieces[0] == line + "\n");
  CHECK(Pieces("", 16) == std::vector<std::string>{""});
}
