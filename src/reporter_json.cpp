#include <fmt/format.h>

#include "json_string.h"
#include "reporter.h"

namespace tonelint {
namespace {

class JsonReporter : public Reporter {
 public:
  explicit JsonReporter(std::ostream& out) : out_(out) {}

  void ReportFile(const FileFindings& file) override {
    out_ << (first_file_ ? "\n  " : ",\n  ");
    first_file_ = false;
    out_ << "{\"path\": " << JsonString(file.path) << ", \"findings\": [";
    bool first = true;
    for (const Finding& finding : file.findings) {
      out_ << (first ? "\n    " : ",\n    ");
      first = false;
      WriteFinding(*file.source, finding);
    }
    out_ << (first ? "]}" : "\n  ]}");
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
  void WriteFinding(const SourceText& source, const Finding& finding) {
    const Rule& rule = *finding.rule;
    const std::string_view text = source.Slice(finding.span);
    std::string suggestions;
    for (const std::string& suggestion : finding.suggestions) {
      if (!suggestions.empty()) suggestions += ", ";
      suggestions += JsonString(suggestion);
    }
    out_ << fmt::format(
        "{{\"rule\": {}, \"name\": {}, \"category\": {}, \"severity\": {}, \"lang\": {}, "
        "\"line\": {}, \"column\": {}, \"end_line\": {}, \"end_column\": {}, \"text\": {}, "
        "\"message\": {}, \"suggestions\": [{}]}}",
        JsonString(rule.id), JsonString(rule.name), JsonString(rule.category),
        JsonString(SeverityName(finding.severity)), JsonString(LangCode(finding.lang)),
        finding.begin.line, finding.begin.column, finding.end.line, finding.end.column,
        JsonString(text), JsonString(rule.message), suggestions);
  }

  std::ostream& out_;
  bool first_file_ = true;
};

}  // namespace

std::unique_ptr<Reporter> MakeJsonReporter(std::ostream& out) {
  auto reporter = std::make_unique<JsonReporter>(out);
  reporter->Begin();
  return reporter;
}

}  // namespace tonelint
