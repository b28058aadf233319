#include <fmt/format.h>
#include <unicode/uchar.h>

#include "normalizer.h"
#include "reporter.h"

namespace tonelint {

void Summary::Add(const Finding& finding) {
  switch (finding.severity) {
    case Severity::kError: ++errors; break;
    case Severity::kWarning: ++warnings; break;
    case Severity::kInfo: ++infos; break;
  }
}

namespace {

// Lines longer than this are shown as a window around the finding, so that a 100 MB one-line
// input does not print 100 MB per finding. A streamed input keeps as much around each finding.
constexpr std::size_t kMaxShownColumns = kExcerptColumns;

// Display width of a code point: 2 for East Asian wide and fullwidth, 0 for combining marks.
int DisplayWidth(int32_t c) {
  if ((U_GET_GC_MASK(c) & (U_GC_MN_MASK | U_GC_ME_MASK)) != 0 || c == 0x200B) return 0;
  const int width = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
  return width == U_EA_WIDE || width == U_EA_FULLWIDTH ? 2 : 1;
}

// Whether `line` has at most `limit` code points; stops counting past the limit.
bool FitsInColumns(std::string_view line, std::size_t limit) {
  if (line.size() <= limit) return true;
  std::size_t columns = 0;
  for (std::size_t i = 0; i < line.size() && columns <= limit;) {
    NextCodePoint(line, &i);
    ++columns;
  }
  return columns <= limit;
}

std::string_view SeverityColor(Severity severity) {
  switch (severity) {
    case Severity::kError: return "\x1b[1;31m";
    case Severity::kWarning: return "\x1b[1;33m";
    case Severity::kInfo: break;
  }
  return "\x1b[1;36m";
}

std::string Plural(std::size_t n, std::string_view word) {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

class TextReporter : public Reporter {
 public:
  TextReporter(std::ostream& out, std::ostream& err, TextStyle style)
      : out_(out), err_(err), style_(style) {}

  void ReportFile(const FileFindings& file) override {
    for (const Finding& finding : file.findings) PrintFinding(file, finding);
  }

  void Finish(const Summary& summary) override { err_ << SummaryLine(summary); }

 private:
  std::string Paint(std::string_view code, std::string_view text) const {
    if (!style_.color) return std::string(text);
    return fmt::format("{}{}\x1b[0m", code, text);
  }

  void PrintFinding(const FileFindings& file, const Finding& finding) {
    const Rule& rule = *finding.rule;
    out_ << Paint("\x1b[1m", fmt::format("{}:{}:{}:", file.path, finding.begin.line,
                                         finding.begin.column))
         << ' ' << Paint(SeverityColor(finding.severity), SeverityName(finding.severity))
         << fmt::format(": [{} {}] {}\n", rule.id, rule.name, rule.message);
    if (!finding.document_level) PrintSourceExcerpt(*file.source, finding);
    for (const std::string& suggestion : finding.suggestions) {
      out_ << "    = suggestion: \"" << suggestion << "\"\n";
    }
  }

  // The source line with a caret line under the span (first line of the span only).
  void PrintSourceExcerpt(const SourceText& source, const Finding& finding) {
    // The line, or what a streamed input kept of it: at least kMaxShownColumns code points on
    // each side of the span's begin, so that a part that is not the whole line is a part of a
    // line longer than the window.
    const SourceText::LinePart part = source.LinePartAt(finding.begin.line, finding.span.begin);
    const std::string_view line = part.text;
    const std::size_t line_start = source.LineStart(finding.begin.line) + part.begin;
    const std::size_t span_begin = finding.span.begin - line_start;
    const std::size_t span_end = std::min(finding.span.end - line_start, line.size());
    const bool whole_line = part.begin == 0 && part.to_end;
    // Window of at most kMaxShownColumns code points, starting a little before the span.
    // Counted back from the span, not forward from the line's start: on a 100 MB one-line
    // input the forward count made every finding cost the length of the line before it.
    std::size_t window_begin = 0;
    if (finding.begin.column > kMaxShownColumns / 4 &&
        !(whole_line && FitsInColumns(line, kMaxShownColumns))) {
      window_begin = std::min(span_begin, line.size());
      for (std::size_t back = 0; back < kMaxShownColumns / 4; ++back) {
        do {
          --window_begin;
        } while (IsContinuationByte(line[window_begin]));
      }
    }
    std::string shown;
    std::string carets;
    std::size_t columns = 0;
    std::size_t i = window_begin;
    while (i < line.size() && columns < kMaxShownColumns) {
      const std::size_t begin = i;
      const int32_t c = NextCodePoint(line, &i);
      shown.append(line.substr(begin, i - begin));
      const bool in_span = begin >= span_begin && begin < span_end;
      const char mark = in_span ? '^' : ' ';
      if (c == '\t') {
        carets.push_back(in_span ? '^' : '\t');
      } else {
        carets.append(static_cast<std::size_t>(DisplayWidth(c)), mark);
      }
      ++columns;
    }
    const std::string prefix = part.begin + window_begin > 0 ? "..." : "";
    const std::string suffix = i < line.size() || !part.to_end ? "..." : "";
    while (!carets.empty() && (carets.back() == ' ' || carets.back() == '\t')) carets.pop_back();
    const std::string number = std::to_string(finding.begin.line);
    const std::string gutter(number.size(), ' ');
    out_ << fmt::format("  {} | {}{}{}\n", number, prefix, shown, suffix);
    out_ << fmt::format("  {} | {}{}\n", gutter, std::string(prefix.size(), ' '),
                        Paint(SeverityColor(finding.severity), carets));
  }

  std::ostream& out_;
  std::ostream& err_;
  TextStyle style_;
};

}  // namespace

std::string SummaryLine(const Summary& summary) {
  if (summary.findings() == 0) return "";
  std::vector<std::string> parts;
  if (summary.errors > 0) parts.push_back(Plural(summary.errors, "error"));
  if (summary.warnings > 0) parts.push_back(Plural(summary.warnings, "warning"));
  if (summary.infos > 0) parts.push_back(Plural(summary.infos, "info"));
  return fmt::format("{} in {}\n", fmt::join(parts, ", "), Plural(summary.files, "file"));
}

std::unique_ptr<Reporter> MakeTextReporter(std::ostream& out, std::ostream& err, TextStyle style) {
  return std::make_unique<TextReporter>(out, err, style);
}

}  // namespace tonelint
