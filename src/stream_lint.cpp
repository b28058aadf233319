#include "stream_lint.h"

#include <algorithm>
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

// `position` of the input, on a piece that starts on line `first_line`.
Position InPiece(Position position, std::size_t first_line) {
  return {position.line - first_line + 1, position.column};
}

std::string_view LineWithTerminator(const SourceText& source, std::size_t line) {
  const std::size_t begin = source.LineStart(line);
  const std::size_t end = line < source.line_count() ? source.LineStart(line + 1)
                                                     : source.text().size();
  return std::string_view(source.text()).substr(begin, end - begin);
}

}  // namespace

StreamedInput LintStreamed(std::istream& in, Linter& linter, const LintOptions& options,
                           std::size_t piece_bytes) {
  StreamedInput result;
  PieceReader reader(in, piece_bytes, options.placeholders,
                     options.each_line ? ReplyUnit::kEachLine : ReplyUnit::kWholeInput);
  std::string raw;
  std::size_t offset = 0;
  std::size_t first_line = 1;
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
    const SourceText piece(std::move(raw), first ? ByteOrderMark::kDrop : ByteOrderMark::kKeep);
    first = false;
    result.replaced_sequences += piece.replaced_sequences();
    const std::size_t first_new = result.findings.size();
    linter.LintPiece(piece, offset, first_line, &result.findings);
    std::vector<Suppression> suppressions = FindSuppressions(piece);
    // The lines (of the piece) that the reporters will show: every line of each span (a
    // directive in an HTML comment may run over several).
    std::vector<std::size_t> shown;
    auto show = [&](Position begin, Position end) {
      for (std::size_t line = begin.line; line <= end.line; ++line) shown.push_back(line);
    };
    for (std::size_t i = first_new; i < result.findings.size(); ++i) {
      const Finding& finding = result.findings[i];
      if (finding.document_level) continue;
      show(InPiece(finding.begin, first_line), InPiece(finding.end, first_line));
    }
    for (Suppression& s : suppressions) {
      show(s.directive_begin, s.directive_end);
      MoveIntoInput(offset, first_line, &s);
      result.suppressions.push_back(std::move(s));
    }
    std::sort(shown.begin(), shown.end());
    for (std::size_t line : shown) {
      result.source->KeepLine(line + first_line - 1, offset + piece.LineStart(line),
                              LineWithTerminator(piece, line));
    }
    offset += piece.text().size();
    first_line += piece.line_count();
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
