#include <fmt/format.h>

#include <charconv>

#include "json_string.h"
#include "reporter.h"

namespace tonelint {
namespace {

// A file's findings are written into one buffer and handed to the stream when it holds this
// much (and at the file's end): a stream call per piece of a finding costs more than the
// piece (issue 6), and a file with a million findings must not hold all of them as text.
constexpr std::size_t kFlushBytes = std::size_t{64} << 10;

class JsonReporter : public Reporter {
 public:
  explicit JsonReporter(std::ostream& out) : out_(out) {}

  void ReportFile(const FileFindings& file) override {
    buffer_.clear();
    buffer_ += first_file_ ? "\n  " : ",\n  ";
    first_file_ = false;
    buffer_ += "{\"path\": ";
    AppendJsonString(file.path, &buffer_);
    buffer_ += ", \"findings\": [";
    bool first = true;
    for (const Finding& finding : file.findings) {
      buffer_ += first ? "\n    " : ",\n    ";
      first = false;
      AppendFinding(*file.source, finding);
      if (buffer_.size() >= kFlushBytes) {
        out_ << buffer_;
        buffer_.clear();
      }
    }
    buffer_ += first ? "]}" : "\n  ]}";
    out_ << buffer_;
  }

  void Finish(const Summary& summary) override {
    out_ << (first_file_ ? "]" : "\n]");
    out_ << fmt::format(
        ",\n \"summary\": {{\"files\": {}, \"findings\": {}, \"errors\": {}, \"warnings\": {}, "
        "\"infos\": {}}}}}\n",
        summary.files, summary.findings(), summary.errors, summary.warnings, summary.infos);
  }

  void Begin() { out_ << "{\"version\": 1,\n \"files\": ["; }

 private:
  // Appends `key` (the punctuation and name before a value) and the value.
  void AppendString(std::string_view key, std::string_view value) {
    buffer_ += key;
    AppendJsonString(value, &buffer_);
  }
  void AppendNumber(std::string_view key, std::size_t value) {
    buffer_ += key;
    char digits[24];
    const auto [end, error] = std::to_chars(std::begin(digits), std::end(digits), value);
    buffer_.append(digits, end);
  }

  void AppendFinding(const SourceText& source, const Finding& finding) {
    const Rule& rule = *finding.rule;
    AppendString("{\"rule\": ", rule.id);
    AppendString(", \"name\": ", rule.name);
    AppendString(", \"category\": ", rule.category);
    AppendString(", \"severity\": ", SeverityName(finding.severity));
    AppendString(", \"lang\": ", LangCode(finding.lang));
    AppendNumber(", \"line\": ", finding.begin.line);
    AppendNumber(", \"column\": ", finding.begin.column);
    AppendNumber(", \"end_line\": ", finding.end.line);
    AppendNumber(", \"end_column\": ", finding.end.column);
    AppendString(", \"text\": ", source.Slice(finding.span));
    AppendString(", \"message\": ", rule.message);
    buffer_ += ", \"suggestions\": [";
    bool first = true;
    for (const std::string& suggestion : finding.suggestions) {
      AppendString(first ? "" : ", ", suggestion);
      first = false;
    }
    buffer_ += "]}";
  }

  std::ostream& out_;
  bool first_file_ = true;
  std::string buffer_;
};

}  // namespace

std::unique_ptr<Reporter> MakeJsonReporter(std::ostream& out) {
  auto reporter = std::make_unique<JsonReporter>(out);
  reporter->Begin();
  return reporter;
}

}  // namespace tonelint
