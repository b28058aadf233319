#include "stream_lint.h"

#include <algorithm>
#include <iterator>
#include <string_view>

namespace tonelint {
namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

// A suppression of a piece that starts at byte `offset` and on line `first_line` of the input.
void MoveIntoInput(std::size_t offset, std::size_t first_line, Suppression* s) {
  s->directive = {s->directive.begin + offset, s->directive.end + offset};
  s->comment = {s->comment.begin + offset, s->comment.end + offset};
  s->comment_first_line += first_line - 1;
  s->comment_last_line += first_line - 1;
  s->directive_begin.line += first_line - 1;
  s->directive_end.line += first_line - 1;
}

// Adds `columns` to `position` if it is on line `line`: positions on a piece's first line count
// from the piece's start, which may be inside the line (chunker.h).
void ShiftColumns(std::size_t line, std::size_t columns, Position* position) {
  if (position->line == line) position->column += columns;
}

// The offset `count` code points before `at` in valid UTF-8 `text`, or `floor` if it comes
// first; `*stepped` is how many code points were stepped over.
std::size_t StepBack(std::string_view text, std::size_t at, std::size_t floor, std::size_t count,
                     std::size_t* stepped) {
  for (*stepped = 0; *stepped < count && at > floor; ++*stepped) {
    do {
      --at;
    } while (at > floor && IsContinuationByte(text[at]));
  }
  return at;
}

// The offset `count` code points after `at` in valid UTF-8 `text`, or `ceiling` if it comes
// first; `*stepped` is how many code points were stepped over.
std::size_t StepForward(std::string_view text, std::size_t at, std::size_t ceiling,
                        std::size_t count, std::size_t* stepped) {
  for (*stepped = 0; *stepped < count && at < ceiling; ++*stepped) {
    do {
      ++at;
    } while (at < ceiling && IsContinuationByte(text[at]));
  }
  return at;
}

// The last `count` code points of `text` (all of it, if it has fewer).
std::string_view LastCodePoints(std::string_view text, std::size_t count) {
  std::size_t stepped = 0;
  return text.substr(StepBack(text, text.size(), 0, count, &stepped));
}

// The line a piece ended inside (a cut inside a line, chunker.h), as the pieces after it need
// it.
struct OpenLine {
  std::size_t number = 0;   // 0: the last piece ended at a line end (or none came yet)
  std::size_t offset = 0;   // of the line's first byte, in the input
  std::size_t columns = 0;  // code points of the line before the next piece
  // The line's last kExcerptColumns code points before the next piece (all, if fewer), and how
  // many code points from the next piece's start a span before it wants kept (KeepAround).
  std::string tail;
  std::size_t wanted = 0;
  // With a reply per line: the findings of the line's reply, linted as a stream of its own.
  std::vector<Finding> findings;
};

// One piece of the input, decoded, with where it lies in the input.
struct Piece {
  const SourceText& source;
  std::size_t offset;      // of its first byte
  std::size_t first_line;  // the number of the line it starts on
  bool continues;          // its first line began in an earlier piece
  bool goes_on;            // its last line goes on in the next piece

  std::size_t line_count() const { return source.line_count(); }
  // Of line `local` of the piece (1-based): the offset of its first byte, of the end of its
  // text, and of the next line's first byte, in the piece; and whether it goes on in the next
  // piece.
  std::size_t LineBegin(std::size_t local) const { return source.LineStart(local); }
  std::size_t LineEnd(std::size_t local) const {
    return LineBegin(local) + source.Line(local).size();
  }
  std::size_t NextLineBegin(std::size_t local) const {
    return local < line_count() ? source.LineStart(local + 1) : source.text().size();
  }
  bool GoesOn(std::size_t local) const { return goes_on && local == line_count(); }
};

// A span the reporters will show, with the number of the line it begins on.
struct ShownSpan {
  ByteRange span;
  std::size_t line;
};

// Keeps in `excerpt` what the reporters need of `shown`, a span of `piece`: its bytes, and
// kExcerptColumns code points of its line on each side of its begin. Those before the piece
// come from the open line's tail; those after it are asked of the next piece (`wanted`).
void KeepAround(const Piece& piece, ShownSpan shown, OpenLine* open, SourceText* excerpt) {
  const std::string_view text = piece.source.text();
  std::size_t local = shown.line - piece.first_line + 1;
  const std::size_t at = shown.span.begin - piece.offset;
  std::size_t begin = piece.LineBegin(local);
  std::size_t end = piece.LineEnd(local);
  std::string part;
  const bool in_piece = !(local == 1 && piece.continues) && !piece.GoesOn(local);
  // A line of at most kExcerptColumns bytes is kept whole without counting its code points:
  // most lines are, and the count was 0.2% of a run on 10 MB of them.
  if (!in_piece || end - begin > kExcerptColumns) {
    std::size_t stepped = 0;
    begin = StepBack(text, at, begin, kExcerptColumns, &stepped);
    if (stepped < kExcerptColumns && local == 1 && piece.continues) {
      part = LastCodePoints(open->tail, kExcerptColumns - stepped);
    }
    end = StepForward(text, at, end, kExcerptColumns, &stepped);
    if (stepped < kExcerptColumns && piece.GoesOn(local) && end == text.size()) {
      open->wanted = std::max(open->wanted, kExcerptColumns - stepped);
    }
  }
  end = std::max(end, shown.span.end - piece.offset);
  // Line by line: a span may run over several (a directive in an HTML comment).
  do {
    const std::size_t part_end = std::min(end, piece.NextLineBegin(local));
    part.append(text.substr(begin, part_end - begin));
    const std::size_t line_offset = local == 1 && piece.continues
                                        ? open->offset
                                        : piece.offset + piece.LineBegin(local);
    excerpt->KeepLinePart(piece.first_line + local - 1, line_offset,
                          piece.offset + part_end - part.size(), part,
                          part_end >= piece.LineEnd(local) && !piece.GoesOn(local));
    part.clear();
    begin = part_end;
    ++local;
  } while (begin < end);
}

// Keeps in `excerpt` the code points of the open line that a span of the piece before asked
// for (KeepAround), from the start of `piece`, which continues the line.
void KeepWanted(const Piece& piece, OpenLine* open, SourceText* excerpt) {
  if (!piece.continues || open->wanted == 0) return;
  std::size_t stepped = 0;
  const std::size_t end =
      StepForward(piece.source.text(), 0, piece.LineEnd(1), open->wanted, &stepped);
  excerpt->KeepLinePart(piece.first_line, open->offset, piece.offset,
                        std::string_view(piece.source.text()).substr(0, end),
                        end == piece.LineEnd(1) && !piece.GoesOn(1));
  open->wanted = piece.GoesOn(1) && end == piece.source.text().size() ? open->wanted - stepped
                                                                       : 0;
}

// Makes `open` the line that `piece` ends inside, or none.
void UpdateOpenLine(const Piece& piece, OpenLine* open) {
  if (!piece.goes_on) {
    open->number = 0;
    open->wanted = 0;
    return;
  }
  const std::size_t last = piece.line_count();
  const std::string_view rest = std::string_view(piece.source.text()).substr(piece.LineBegin(last));
  const std::string_view rest_tail = LastCodePoints(rest, kExcerptColumns);
  if (last == 1 && piece.continues) {
    open->columns += CountCodePoints(rest);
    const std::size_t more = kExcerptColumns - CountCodePoints(rest_tail);
    open->tail = std::string(LastCodePoints(open->tail, more)) + std::string(rest_tail);
    return;
  }
  open->number = piece.first_line + last - 1;
  open->offset = piece.offset + piece.LineBegin(last);
  open->columns = CountCodePoints(rest);
  open->tail = rest_tail;
}

// Lints a piece of an input with a reply per line (LintOptions::each_line). A line cut inside
// is a reply of its own, linted as a stream (`line_options`) from the piece it starts in to the
// one it ends in, between the each-line streams of the other lines; `open->findings` holds its
// findings until it ends. Appends the findings and the spans to show.
void LintLines(Linter& linter, const LintOptions& options, const LintOptions& line_options,
               const Piece& piece, OpenLine* open, std::vector<Finding>* findings,
               std::vector<ShownSpan>* shown) {
  const std::string& text = piece.source.text();
  const std::size_t lines = piece.line_count();
  // Lints `part` of the open line `number` (starting at byte `offset` of the input, which is
  // `columns` code points into the line) with the line's stream.
  auto lint_part = [&](std::size_t number, std::size_t line_offset, std::size_t offset,
                       std::size_t columns, std::string_view part) {
    const SourceText part_source{std::string(part), ByteOrderMark::kKeep};
    const std::size_t first = open->findings.size();
    // Offsets from the line's start, so that its document findings sort where they belong.
    linter.LintPiece(part_source, offset - line_offset, number, &open->findings);
    for (std::size_t i = first; i < open->findings.size(); ++i) {
      Finding& finding = open->findings[i];
      ShiftColumns(number, columns, &finding.begin);
      ShiftColumns(number, columns, &finding.end);
      if (!finding.document_level) {
        shown->push_back({{finding.span.begin + line_offset, finding.span.end + line_offset},
                          number});
      }
    }
  };
  std::size_t first_whole = 1;
  std::size_t last_whole = piece.goes_on ? lines - 1 : lines;
  if (piece.continues) {
    lint_part(open->number, open->offset, piece.offset, open->columns,
              std::string_view(text).substr(0, piece.LineEnd(1)));
    first_whole = 2;
    if (!piece.GoesOn(1)) {  // the line's reply ends in this piece
      linter.FinishStream(&open->findings);
      for (Finding& finding : open->findings) {
        finding.span = {finding.span.begin + open->offset, finding.span.end + open->offset};
        // A document finding points at its reply's first line and column.
        if (finding.document_level) finding.begin = finding.end = {open->number, 1};
      }
      // Not two vectors as large as a long line's findings: a 100 MB line has ~45,000.
      if (findings->empty()) {
        findings->swap(open->findings);
      } else {
        std::move(open->findings.begin(), open->findings.end(), std::back_inserter(*findings));
      }
      open->findings = {};
      linter.BeginStream(options);
    }
  }
  if (first_whole <= last_whole) {
    const std::size_t first = findings->size();
    if (first_whole == 1 && last_whole == lines) {
      linter.LintPiece(piece.source, piece.offset, piece.first_line, findings);
    } else {
      const std::size_t begin = piece.LineBegin(first_whole);
      const SourceText whole_lines{text.substr(begin, piece.NextLineBegin(last_whole) - begin),
                                   ByteOrderMark::kKeep};
      linter.LintPiece(whole_lines, piece.offset + begin, piece.first_line + first_whole - 1,
                       findings);
    }
    for (std::size_t i = first; i < findings->size(); ++i) {
      const Finding& finding = (*findings)[i];
      if (!finding.document_level) shown->push_back({finding.span, finding.begin.line});
    }
  }
  if (piece.goes_on && !(lines == 1 && piece.continues)) {  // a line's reply starts
    linter.BeginStream(line_options);
    const std::size_t begin = piece.LineBegin(lines);
    lint_part(piece.first_line + lines - 1, piece.offset + begin, piece.offset + begin, 0,
              std::string_view(text).substr(begin));
  }
}

}  // namespace

StreamedInput LintStreamed(std::istream& in, Linter& linter, const LintOptions& options,
                           std::size_t piece_bytes) {
  StreamedInput result;
  PieceReader reader(in, piece_bytes, options.placeholders,
                     options.each_line ? ReplyUnit::kEachLine : ReplyUnit::kWholeInput);
  LintOptions line_options = options;
  line_options.each_line = false;
  std::string raw;
  std::size_t offset = 0;
  std::size_t first_line = 1;
  OpenLine open;
  bool first = true;
  while (reader.Next(&raw)) {
    if (raw.find('\0') != std::string::npos) {
      result = {};
      result.status = ReadStatus::kBinary;
      return result;
    }
    if (first && reader.at_end()) {  // one piece: the input is small, lint it whole
      result.had_bom = raw.starts_with(kByteOrderMark);
      result.source = std::make_unique<SourceText>(std::move(raw));
      result.replaced_sequences = result.source->replaced_sequences();
      result.text_size = result.source->text().size();
      result.findings = linter.Lint(*result.source, options);
      result.suppressions = FindSuppressions(*result.source);
      return result;
    }
    if (first) {
      result.had_bom = raw.starts_with(kByteOrderMark);
      result.source = std::make_unique<SourceText>(SourceText::Excerpt());
      linter.BeginStream(options);
    }
    const SourceText source(std::move(raw), first ? ByteOrderMark::kDrop : ByteOrderMark::kKeep);
    first = false;
    result.replaced_sequences += source.replaced_sequences();
    const std::string& text = source.text();
    const Piece piece{source, offset, first_line, open.number != 0,
                      !reader.at_end() && !text.ends_with('\n') && !text.ends_with('\r')};
    // The spans the reporters will show: every line of each (a directive in an HTML comment
    // may run over several).
    std::vector<ShownSpan> shown;
    if (options.each_line) {
      LintLines(linter, options, line_options, piece, &open, &result.findings, &shown);
    } else {
      const std::size_t first_new = result.findings.size();
      linter.LintPiece(source, offset, first_line, &result.findings);
      for (std::size_t i = first_new; i < result.findings.size(); ++i) {
        Finding& finding = result.findings[i];
        if (piece.continues) {
          ShiftColumns(first_line, open.columns, &finding.begin);
          ShiftColumns(first_line, open.columns, &finding.end);
        }
        if (!finding.document_level) shown.push_back({finding.span, finding.begin.line});
      }
    }
    for (Suppression& s : FindSuppressions(source)) {
      if (piece.continues) {
        ShiftColumns(1, open.columns, &s.directive_begin);
        ShiftColumns(1, open.columns, &s.directive_end);
      }
      MoveIntoInput(offset, first_line, &s);
      shown.push_back({s.directive, s.directive_begin.line});
      result.suppressions.push_back(std::move(s));
    }
    KeepWanted(piece, &open, result.source.get());
    std::sort(shown.begin(), shown.end(),
              [](const ShownSpan& a, const ShownSpan& b) { return a.span.begin < b.span.begin; });
    for (const ShownSpan& span : shown) KeepAround(piece, span, &open, result.source.get());
    UpdateOpenLine(piece, &open);
    offset += text.size();
    first_line += source.line_count() - (piece.goes_on ? 1 : 0);
  }
  if (reader.failed()) {
    result = {};
    result.status = ReadStatus::kError;
    result.error = "read error";
    return result;
  }
  linter.FinishStream(&result.findings);
  result.text_size = offset;
  return result;
}

}  // namespace tonelint
