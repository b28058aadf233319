// An input text as tonelint sees it: valid UTF-8 with a line index, so that a byte offset can be
// turned into the 1-based line and code-point column that every output format uses.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tonelint {

// 1-based line and column; the column counts Unicode code points from the start of the line.
struct Position {
  std::size_t line = 1;
  std::size_t column = 1;
};

class SourceText {
 public:
  // Takes the raw bytes of a file or of standard input. A leading UTF-8 byte-order mark is
  // dropped, and every ill-formed UTF-8 sequence is replaced by U+FFFD (one per maximal ill-formed
  // subpart, as ICU and the Unicode standard recommend), so that the text is always valid UTF-8
  // and each bad byte run still counts as one column.
  explicit SourceText(std::string raw);

  // The decoded text. Offsets elsewhere in tonelint are byte offsets into this string.
  const std::string& text() const { return text_; }
  // How many ill-formed sequences were replaced (0 for clean input).
  std::size_t replaced_sequences() const { return replaced_sequences_; }

  // Lines end at "\n", "\r\n" or a lone "\r". Line numbers are 1-based.
  std::size_t line_count() const { return line_starts_.size(); }
  // Byte offset of the first byte of `line`.
  std::size_t LineStart(std::size_t line) const { return line_starts_[line - 1]; }
  // The line's text without its terminator.
  std::string_view Line(std::size_t line) const;

  // The position of `offset` (0 <= offset <= text().size()). Columns are counted from the
  // start of the line, so one call costs the length of the line prefix; calls with increasing
  // offsets on the same line reuse the previous count and stay linear overall.
  Position PositionOf(std::size_t offset) const;

 private:
  std::string text_;
  std::size_t replaced_sequences_ = 0;
  std::vector<std::size_t> line_starts_;
  // Memo of the last PositionOf() answer: findings come in order, and a 100 MB single line
  // must not be rescanned from its start for every finding.
  mutable std::size_t memo_offset_ = 0;
  mutable Position memo_position_;
};

// Number of code points in valid UTF-8 `text`.
std::size_t CountCodePoints(std::string_view text);

}  // namespace tonelint
