// An input text as tonelint sees it: valid UTF-8 with a line index, so that a byte offset can be
// turned into the 1-based line and code-point column that every output format uses.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "types.h"

namespace tonelint {

// 1-based line and column; the column counts Unicode code points from the start of the line.
struct Position {
  std::size_t line = 1;
  std::size_t column = 1;
};

// Whether a leading UTF-8 byte-order mark is dropped: it is at the start of an input, but not at
// the start of a later piece of a streamed input (chunker.h), where it is text.
enum class ByteOrderMark { kDrop, kKeep };

class SourceText {
 public:
  // Takes the raw bytes of a file or of standard input. A leading UTF-8 byte-order mark is
  // dropped (unless `bom` says kKeep), and every ill-formed UTF-8 sequence is replaced by U+FFFD
  // (one per maximal ill-formed subpart, as ICU and the Unicode standard recommend), so that the
  // text is always valid UTF-8 and each bad byte run still counts as one column. Since no
  // ill-formed subpart contains an ASCII byte, pieces of an input cut after a '\n' decode to
  // the pieces of the whole input's decoded text.
  explicit SourceText(std::string raw, ByteOrderMark bom = ByteOrderMark::kDrop);

  // An excerpt of a longer text with nothing kept yet: a streamed input keeps only the parts of
  // lines its findings point at (KeepLinePart). LineStart(), LinePartAt() and Slice() then take
  // the whole text's line numbers and offsets, for the kept parts only; text(), line_count(),
  // Line() and PositionOf() describe the kept bytes alone and must not be used.
  static SourceText Excerpt();
  // Adds the bytes `part` of line `number` of the whole text: they start at byte `offset` of
  // it, the line at byte `line_offset`; `to_line_end` says whether the line's text ends where
  // `part` does (its terminator may be in `part` or not). A part overlapping or touching the
  // last one kept of its line is merged with it; otherwise parts must come in increasing order.
  // Keep all the bytes a span covers, over every line, so that Slice() can read it whole.
  void KeepLinePart(std::size_t number, std::size_t line_offset, std::size_t offset,
                    std::string_view part, bool to_line_end);

  // The decoded text. Offsets elsewhere in tonelint are byte offsets into this string.
  const std::string& text() const { return text_; }
  // The bytes at `range` of the text (for an excerpt: of kept lines only).
  std::string_view Slice(ByteRange range) const;
  // How many ill-formed sequences were replaced (0 for clean input).
  std::size_t replaced_sequences() const { return replaced_sequences_; }

  // Lines end at "\n", "\r\n" or a lone "\r". Line numbers are 1-based.
  std::size_t line_count() const { return line_starts_.size(); }
  // Byte offset of the first byte of `line`.
  std::size_t LineStart(std::size_t line) const;
  // The line's text without its terminator.
  std::string_view Line(std::size_t line) const;
  // A part of a line's text: its bytes from `begin` (counted from the line's start) on, without
  // the terminator; `to_end` says whether it goes on to the line's end.
  struct LinePart {
    std::string_view text;
    std::size_t begin = 0;
    bool to_end = true;
  };
  // The part of line `line` that holds byte `offset` (a byte of that line): the whole line, or
  // in an excerpt the part kept around it.
  LinePart LinePartAt(std::size_t line, std::size_t offset) const;

  // The position of `offset` (0 <= offset <= text().size()). Columns are counted from the
  // start of the line, so one call costs the length of the line prefix; calls with increasing
  // offsets on the same line reuse the previous count and stay linear overall.
  Position PositionOf(std::size_t offset) const;

 private:
  SourceText() = default;
  // The index into line_starts_ of `line`.
  std::size_t LineIndex(std::size_t line) const;
  // The bytes from line_starts_[index] to the next line's start, without a terminator.
  std::string_view WithoutTerminator(std::size_t index) const;

  std::string text_;
  std::size_t replaced_sequences_ = 0;
  std::vector<std::size_t> line_starts_;  // into text_
  // For an excerpt: of each kept part (whose bytes start at line_starts_ in text_), the whole
  // text's line number, offset and line's offset, and whether it reaches its line's end.
  bool excerpt_ = false;
  std::vector<std::size_t> kept_numbers_;
  std::vector<std::size_t> kept_offsets_;
  std::vector<std::size_t> kept_line_offsets_;
  std::vector<bool> kept_to_line_end_;
  // Memo of the last PositionOf() answer: findings come in order, and a 100 MB single line
  // must not be rescanned from its start for every finding.
  mutable std::size_t memo_offset_ = 0;
  mutable Position memo_position_;
};

// Whether `byte` continues a UTF-8 sequence (10xxxxxx) rather than starting a code point.
inline bool IsContinuationByte(char byte) {
  return (static_cast<unsigned char>(byte) & 0xC0) == 0x80;
}

// Number of code points in valid UTF-8 `text`.
std::size_t CountCodePoints(std::string_view text);

// An excerpt keeps at least this many code points of a line on each side of where a span begins
// (or up to the line's ends): what the text reporter shows of a long line (reporter_text.cpp).
constexpr std::size_t kExcerptColumns = 160;

}  // namespace tonelint
