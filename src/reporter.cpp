#include "reporter.h"

namespace tonelint {

std::optional<OutputFormat> ParseOutputFormat(std::string_view name) {
  if (name == "text") return OutputFormat::kText;
  if (name == "json") return OutputFormat::kJson;
  if (name == "sarif") return OutputFormat::kSarif;
  if (name == "github") return OutputFormat::kGithub;
  return std::nullopt;
}

std::unique_ptr<Reporter> MakeReporter(OutputFormat format, std::ostream& out, std::ostream& err,
                                       TextStyle style, const std::vector<Rule>& rules) {
  switch (format) {
    case OutputFormat::kJson: return MakeJsonReporter(out);
    case OutputFormat::kSarif: return MakeSarifReporter(out, rules);
    case OutputFormat::kGithub: return MakeGithubReporter(out, err);
    case OutputFormat::kText: break;
  }
  return MakeTextReporter(out, err, style);
}

}  // namespace tonelint
