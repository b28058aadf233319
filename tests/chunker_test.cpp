#include "chunker.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <initializer_list>
#include <sstream>
#include <streambuf>

using namespace tonelint;

namespace {

const Delimiters kNoPlaceholders;
constexpr ReplyUnit kWhole = ReplyUnit::kWholeInput;
const std::vector<std::string> kNoneAbsent;

// The pieces PieceReader cuts `text` into.
std::vector<std::string> Pieces(const std::string& text, std::size_t piece_bytes,
                                ReplyUnit unit = kWhole) {
  std::istringstream in(text);
  PieceReader reader(in, piece_bytes, kNoPlaceholders, unit);
  std::vector<std::string> pieces;
  std::string piece;
  while (reader.Next(&piece)) pieces.push_back(piece);
  return pieces;
}

// A stream that cannot seek, as standard input from a pipe.
class PipeBuffer : public std::streambuf {
 public:
  explicit PipeBuffer(std::string text) : text_(std::move(text)) {
    setg(text_.data(), text_.data(), text_.data() + text_.size());
  }

 private:
  std::string text_;
};

std::vector<std::string> PiecesOfPipe(const std::string& text, std::size_t piece_bytes) {
  PipeBuffer buffer(text);
  std::istream in(&buffer);
  PieceReader reader(in, piece_bytes, kNoPlaceholders, kWhole);
  std::vector<std::string> pieces;
  std::string piece;
  while (reader.Next(&piece)) pieces.push_back(piece);
  return pieces;
}

// A window, a target, and the cut FindSafeCut must find (whole-input replies).
struct ExpectedCut {
  std::string_view window;
  std::size_t target;
  std::size_t cut;
};

void CheckCuts(std::initializer_list<ExpectedCut> cases, ReplyUnit unit = kWhole,
               const Delimiters& placeholders = kNoPlaceholders) {
  for (const ExpectedCut& expected : cases) {
    CAPTURE(expected.window);
    CHECK(FindSafeCut(expected.window, expected.target, placeholders, unit, kNoneAbsent) == expected.cut);
  }
}

}  // namespace

TEST_CASE("a cut goes after a line break, the last one at or before the target") {
  CHECK(FindSafeCut("ab\ncd\nef\n", 7, kNoPlaceholders, kWhole, kNoneAbsent) == 6);
  CHECK(FindSafeCut("ab\ncd\nef\n", 6, kNoPlaceholders, kWhole, kNoneAbsent) == 6);
  CHECK(FindSafeCut("ab\ncd\nef\n", 100, kNoPlaceholders, kWhole, kNoneAbsent) == 9);
}

TEST_CASE("without a line break before the target, the first one after it") {
  CHECK(FindSafeCut("abcdef\ngh\n", 2, kNoPlaceholders, kWhole, kNoneAbsent) == 7);
}

TEST_CASE("no line break: no cut") {
  CHECK(FindSafeCut("a very long line without an end", 4, kNoPlaceholders, kWhole, kNoneAbsent) == 0);
  CHECK(FindSafeCut("", 4, kNoPlaceholders, kWhole, kNoneAbsent) == 0);
}

TEST_CASE("a cut never falls inside a template, comment or placeholder spanning lines") {
  // Lines:            0-1  2------7  8------13 14
  const std::string text = "a\n{{ x\ny }}\nb\n";
  CHECK(FindSafeCut(text, 2, kNoPlaceholders, kWhole, kNoneAbsent) == 2);
  CHECK(FindSafeCut(text, 7, kNoPlaceholders, kWhole, kNoneAbsent) == 2);  // "{{ x\n" | "y }}" would split the mask
  CHECK(FindSafeCut(text, 12, kNoPlaceholders, kWhole, kNoneAbsent) == 12);
  CHECK(FindSafeCut("<!-- a\nb -->\nc\n", 7, kNoPlaceholders, kWhole, kNoneAbsent) == 13);
  CHECK(FindSafeCut("{% if\nx %}\n", 6, kNoPlaceholders, kWhole, kNoneAbsent) == 11);
  CHECK(FindSafeCut("{# a\nb #}\n", 5, kNoPlaceholders, kWhole, kNoneAbsent) == 10);
  CHECK(FindSafeCut("{{!-- a }}\nb --}}\n", 11, kNoPlaceholders, kWhole, kNoneAbsent) == 18);
  const Delimiters brackets = {{"[[", "]]"}};
  CHECK(FindSafeCut("[[ a\nb ]]\n", 5, brackets, kWhole, kNoneAbsent) == 10);
  CHECK(FindSafeCut("[[ a\nb ]]\n", 5, kNoPlaceholders, kWhole, kNoneAbsent) == 5);
}

TEST_CASE("an opener not closed yet stops the cuts at its line") {
  // The closer may come after what was read: nothing after the opener is safe yet.
  CHECK(FindSafeCut("a\nb {{ x\nc\nd\n", 100, kNoPlaceholders, kWhole, kNoneAbsent) == 2);
  CHECK(FindSafeCut("{{ x\nc\nd\n", 100, kNoPlaceholders, kWhole, kNoneAbsent) == 0);
  CHECK(FindSafeCut("a\n<!-- x\nc\n", 100, kNoPlaceholders, kWhole, kNoneAbsent) == 2);
}

TEST_CASE("a fenced block is one piece; an unclosed fence stops the cuts") {
  const std::string fenced = "a\n```\nx\n```\nb\n";
  CHECK(FindSafeCut(fenced, 6, kNoPlaceholders, kWhole, kNoneAbsent) == 2);
  CHECK(FindSafeCut(fenced, 10, kNoPlaceholders, kWhole, kNoneAbsent) == 2);  // 6 and 8 are inside the block
  CHECK(FindSafeCut(fenced, 12, kNoPlaceholders, kWhole, kNoneAbsent) == 12);
  CHECK(FindSafeCut("a\n~~~~\nx\n~~~\ny\n", 100, kNoPlaceholders, kWhole, kNoneAbsent) == 2);  // too short to close
  CHECK(FindSafeCut("a\n  ```js\nx\n", 100, kNoPlaceholders, kWhole, kNoneAbsent) == 2);
  // A fence line inside a template may be hidden by it: no cut after the template's opener.
  CHECK(FindSafeCut("a\n{{ x\n```\n}}\nb\n```\nc\n", 100, kNoPlaceholders, kWhole, kNoneAbsent) == 2);
  // A code span that looks like a fence opens nothing: the real block after it stays whole.
  CHECK(FindSafeCut("```x```\n```\ncode\n```\nb\n", 14, kNoPlaceholders, kWhole, kNoneAbsent) == 8);
}

TEST_CASE("a cut may go after a lone carriage return that no quotation, code span or tag spans") {
  CheckCuts({
      {"ab\rcd\ref", 3, 3},
      {"ab\rcd\ref", 4, 3},
      {"ab\r\ncd\n", 3, 4},  // "\r\n" is one line end
      {"ab\r", 1, 0},        // a '\n' may follow
      // mask.h pairs marks up to the next '\n': a quotation, tag or code span over a '\r'.
      {"\"a\rb\" c\rd\n", 3, 8},
      {"<b\rclass=x> c\rd\n", 3, 14},
      {"`a\rb` c\rd\n", 2, 8},
      {"\xC2\xAB" "a\rb\xC2\xBB c\rd\n", 2, 10},
      // A '>' quote runs from the first non-blank of a line after '\n' to the next '\n'.
      {"> a\rb\nc\n", 1, 6},
      // After the cut, no '>', fence or blank that would open something at a line start.
      {"a\r> b\rc\n", 1, 6},
      {"a\r```\rc\n", 1, 6},
  });
}

TEST_CASE("on a line that goes past the window, a mark waiting for its closer stops the cuts") {
  // The line's closers past the window are unknown: a cut needs a closer for every kind of
  // mark before it, which would pair across the cut if its mark were still open.
  CheckCuts({
      {"say \"a\rb", 1, 0},
      {"say \"a\" b\rc \"d\"", 1, 10},
      {"`a` b\rc `d`", 1, 6},
      {"``a\rb `c`", 1, 0},  // no run of two after the cut
      {"<a\rb", 1, 0},
  });
}

TEST_CASE("with a reply per line, only suppression comments span line ends") {
  constexpr ReplyUnit kEachLine = ReplyUnit::kEachLine;
  CHECK(FindSafeCut("{{ a\nb }}\n", 2, kNoPlaceholders, kEachLine, kNoneAbsent) == 5);
  CHECK(FindSafeCut("{{ a\rb\n", 2, kNoPlaceholders, kEachLine, kNoneAbsent) == 5);
  CHECK(FindSafeCut("\"a\rb\"\n", 2, kNoPlaceholders, kEachLine, kNoneAbsent) == 3);
  CHECK(FindSafeCut("a\n```\nb\n", 3, kNoPlaceholders, kEachLine, kNoneAbsent) == 2);
  CHECK(FindSafeCut("<!-- a\nb -->\nc\n", 7, kNoPlaceholders, kEachLine, kNoneAbsent) == 13);
  CHECK(FindSafeCut("{{!-- a\nb --}}\nc\n", 7, kNoPlaceholders, kEachLine, kNoneAbsent) == 15);
  CHECK(FindSafeCut("a\n{# x\nc\n", 100, kNoPlaceholders, kEachLine, kNoneAbsent) == 2);
}

TEST_CASE("pieces stay near their size on lone carriage returns, and per line past an opener") {
  auto largest = [](const std::vector<std::string>& pieces) {
    std::size_t size = 0;
    for (const std::string& piece : pieces) size = std::max(size, piece.size());
    return size;
  };
  std::string old_mac;
  std::string unclosed = "Hola, {{ nombre sin cerrar\n";
  for (int i = 0; i < 2000; ++i) {
    const std::string reply = "Le escribimos \"pronto\", a las 10:30 <b>sin falta</b> `ok` " +
                              std::to_string(i) + ".";
    old_mac += reply + "\r";
    unclosed += reply + "\n";
  }
  constexpr std::size_t kPieceBytes = 1000;
  for (ReplyUnit unit : {ReplyUnit::kWholeInput, ReplyUnit::kEachLine}) {
    const std::vector<std::string> pieces = Pieces(old_mac, kPieceBytes, unit);
    CHECK(pieces.size() > 50);
    CHECK(largest(pieces) <= 2 * kPieceBytes);
  }
  const std::vector<std::string> per_line = Pieces(unclosed, kPieceBytes, ReplyUnit::kEachLine);
  CHECK(per_line.size() > 50);
  CHECK(largest(per_line) <= 2 * kPieceBytes);
  // In a whole reply the opener may close anywhere further on: a seekable input is searched
  // ahead for its closer; a pipe is held until its end, then cut (see chunker.h).
  const std::vector<std::string> whole = Pieces(unclosed, kPieceBytes);
  CHECK(whole.size() > 50);
  CHECK(largest(whole) <= 5 * kPieceBytes);
  const std::vector<std::string> piped = PiecesOfPipe(unclosed, kPieceBytes);
  CHECK(piped.size() > 50);
  std::string joined;
  for (const std::string& piece : piped) joined += piece;
  CHECK(joined == unclosed);
}

TEST_CASE("an opener closed far ahead holds the cuts back; one known never closed does not") {
  std::string far = "Hola, {{ nombre\n";
  while (far.size() < 20000) far += "Le escribimos pronto.\n";
  far += "}}\nGracias.\n";
  const std::vector<std::string> pieces = Pieces(far, 1000);
  REQUIRE(pieces.size() == 2);
  CHECK(pieces[1] == "Gracias.\n");
  const std::vector<std::string> none_ahead = {"}}"};
  CHECK(FindSafeCut("a\n{{ x\nc\nd\n", 100, kNoPlaceholders, kWhole, none_ahead) == 11);
  CHECK(FindSafeCut("a\n{{ x\nc\nd\n", 100, kNoPlaceholders, kWhole, kNoneAbsent) == 2);
  // Another opener's closer is still awaited.
  CHECK(FindSafeCut("a\n{% x\nc\nd\n", 100, kNoPlaceholders, kWhole, none_ahead) == 2);
}

TEST_CASE("placeholders with an empty delimiter are not looked ahead for") {
  std::string unclosed = "Hola, {{ nombre\n";
  while (unclosed.size() < 200000) unclosed += "Le escribimos pronto.\n";  // past one read
  const Delimiters empty = {{"", ""}, {"[[", ""}, {"", "]]"}};
  std::istringstream in(unclosed);
  PieceReader reader(in, 1000, empty, kWhole);
  std::vector<std::string> pieces;
  std::string piece;
  while (reader.Next(&piece)) pieces.push_back(piece);
  CHECK(pieces.size() > 10);
}

TEST_CASE("pieces put back together are the input; each ends at a line break") {
  const std::string text =
      "Hola, {{ nombre\n}} gracias.\nline two\r\nline three\rstill three\n<!-- a\nb -->\nend";
  for (std::size_t piece_bytes : {1, 3, 10, 1000}) {
    const std::vector<std::string> pieces = Pieces(text, piece_bytes);
    std::string joined;
    for (std::size_t i = 0; i < pieces.size(); ++i) {
      joined += pieces[i];
      if (i + 1 < pieces.size()) CHECK((pieces[i].back() == '\n' || pieces[i].back() == '\r'));
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

TEST_CASE("a line longer than the target is cut inside where a sentence surely begins") {
  CheckCuts({
      {"Hola. Adios. Bye", 7, 6},  // the last at or before the target
      {"Hola. Adios. Bye", 2, 6},  // else the first after it
      {"Hola. Adios. Bye", 100, 13},
      {"Hi!  yes? 3 things", 100, 10},  // after '!' or '?' before any ASCII letter or digit
      {"Son las 3 p.m. hoy. y 5. Bien", 7, 25},  // after '.' before a capital only
      {"a.B c!d e?F", 100, 0},  // a terminator needs a space after it
      // A line end at or before the target first; one after it when no in-line cut comes first.
      {"Hola. Adios.\nOtra. Mas", 100, 13},
      {"Hola. Adios. Bye\nX", 8, 6},
      {"Hola\nAdios. Bye", 2, 5},
  });
}

TEST_CASE("no in-line cut inside a mask, a template, a comment or a '#' comment line") {
  CheckCuts({
      {"Dijo \"no. Nunca\" y. Luego\n", 5, 20},  // the quotation is masked
      {"Dijo \"no. Nunca\" y. Luego", 5, 0},      // the next quote may pair with a closer
      {"{{ a. B }} c. D", 1, 14},
      {"{{ a. B", 1, 0},
      {"<!-- a. B --> c. D\n", 1, 17},
      {"<!-- a. B --> c. D", 1, 0},  // the '<' may pair with a '>' further on
      {"# nota. Sigue", 1, 0},
      {"x\n  # nota. Sigue", 100, 2},
      {"> cita. Sigue", 1, 0},
      {"`a. B` c. D\n", 1, 10},
  });
  const Delimiters brackets = {{"[[", "]]"}};
  CheckCuts({{"[[ a. B ]] c. D", 1, 14}, {"[[ a. B", 1, 0}}, kWhole, brackets);
  // With a reply per line, a line is masked alone: templates and placeholders on it hold cuts
  // back, one not closed in the window may close further on, and on a line that ends in the
  // window one not closed on it is text.
  CheckCuts({{"{{ a. B }} c. D", 1, 14}, {"{{ a. B", 1, 0}, {"{{ a. B\nc. D", 1, 6}},
            ReplyUnit::kEachLine);
  CheckCuts({{"[[ a. B ]] c. D", 1, 14}, {"[[ a. B", 1, 0}}, ReplyUnit::kEachLine, brackets);
}

TEST_CASE("a line much longer than a piece is cut inside, near the piece size") {
  std::string line;
  while (line.size() < 300000) line += "Gracias por escribir, le respondemos pronto. ";
  const std::vector<std::string> pieces = Pieces(line + "\nFin.\n", 1000);
  CHECK(pieces.size() > 250);
  std::string joined;
  for (const std::string& piece : pieces) {
    CHECK(piece.size() <= 1100);
    joined += piece;
  }
  CHECK(joined == line + "\nFin.\n");
}

TEST_CASE("a long line is one piece; an empty input is one empty piece") {
  const std::string line(100000, 'x');
  const std::vector<std::string> pieces = Pieces(line + "\nshort\n", 16);
  REQUIRE(pieces.size() == 2);
  CHECK(pieces[0] == line + "\n");
  CHECK(Pieces("", 16) == std::vector<std::string>{""});
}

TEST_CASE("the reader reads one read's bytes (64 KiB) past a piece, not as far again, to cut it") {
  std::string text;
  while (text.size() < (std::size_t{5} << 20)) text += std::string(99, 'a') + "\n";
  std::istringstream in(text);
  const std::size_t piece_bytes = std::size_t{1} << 20;
  PieceReader reader(in, piece_bytes, kNoPlaceholders, kWhole);
  std::string piece;
  std::string joined;
  for (int k = 0; k < 3; ++k) {
    REQUIRE(reader.Next(&piece));
    CHECK(piece.size() == piece_bytes / 100 * 100);
    joined += piece;
    // Read and not returned yet: the bytes past the last line end before the target, and one
    // read's.
    CHECK(static_cast<std::size_t>(in.tellg()) - joined.size() <= 100 + (64 << 10));
  }
  while (reader.Next(&piece)) joined += piece;
  CHECK(joined == text);
}
