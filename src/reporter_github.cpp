// GitHub Actions workflow commands: `::error file=F,line=L,col=C,endColumn=E,title=T::message`.
// GitHub turns each into an annotation on the pull request's diff. Its columns are 1-based and
// its endColumn is the last annotated column (inclusive), unlike tonelint's exclusive
// end_column; col/endColumn are only meaningful on one line, so a span over several lines gives
// line/endLine and its start column.
#include <fmt/format.h>

#include <algorithm>

#include "reporter.h"

namespace tonelint {
namespace {

std::string_view CommandName(Severity severity) {
  switch (severity) {
    case Severity::kError: return "error";
    case Severity::kWarning: return "warning";
    case Severity::kInfo: break;
  }
  return "notice";
}

// GitHub's escaping: the message ("data") escapes %, \r and \n; property values also ':' and
// ',', which would otherwise end the value.
std::string Escape(std::string_view text, bool property) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      case ':': out += property ? "%3A" : ":"; break;
      case ',': out += property ? "%2C" : ","; break;
      default: out.push_back(c);
    }
  }
  return out;
}

class GithubReporter : public Reporter {
 public:
  GithubReporter(std::ostream& out, std::ostream& err) : out_(out), err_(err) {}

  void ReportFile(const FileFindings& file) override {
    for (const Finding& finding : file.findings) {
      const Rule& rule = *finding.rule;
      std::string position = fmt::format("line={},col={}", finding.begin.line, finding.begin.column);
      if (!finding.document_level) {
        if (finding.end.line == finding.begin.line) {
          const std::size_t last = std::max(finding.end.column, finding.begin.column + 1) - 1;
          position += fmt::format(",endLine={},endColumn={}", finding.end.line, last);
        } else {
          position += fmt::format(",endLine={}", finding.end.line);
        }
      }
      std::string message = rule.message;
      for (const std::string& suggestion : finding.suggestions) {
        message += fmt::format(" Suggestion: \"{}\".", suggestion);
      }
      out_ << fmt::format("::{} file={},{},title={}::{}\n", CommandName(finding.severity),
                          Escape(file.path, true), position,
                          Escape(rule.id + " " + rule.name, true), Escape(message, false));
    }
  }

  void Finish(const Summary& summary) override { err_ << SummaryLine(summary); }

 private:
  std::ostream& out_;
  std::ostream& err_;
};

}  // namespace

std::unique_ptr<Reporter> MakeGithubReporter(std::ostream& out, std::ostream& err) {
  return std::make_unique<GithubReporter>(out, err);
}

}  // namespace tonelint
