#include <doctest/doctest.h>

#include <sstream>
#include <string>

#include "reporter.h"
#include "rule.h"
#include "source_text.h"

namespace tonelint {
namespace {

// The JSON report of one file with `count` copies of one finding.
std::string ReportOfCopies(std::size_t count) {
  Rule rule;
  rule.id = "TL1001";
  rule.name = "insult-direct";
  rule.category = "insult";
  rule.message = "Say \"it\" kindly.";
  const SourceText source("Hola\nusted es idiota.\n");
  Finding finding;
  finding.rule = &rule;
  finding.severity = Severity::kError;
  finding.lang = Lang::kEs;
  finding.span = {14, 20};
  finding.begin = {2, 10};
  finding.end = {2, 16};
  finding.suggestions = {"a", "b\\c"};
  FileFindings file;
  file.path = "dir/r\"1.txt";
  file.source = &source;
  file.findings.assign(count, finding);
  std::ostringstream out;
  const auto reporter = MakeJsonReporter(out);
  reporter->ReportFile(file);
  Summary summary;
  summary.files = 1;
  summary.errors = count;
  reporter->Finish(summary);
  return out.str();
}

constexpr std::string_view kFinding =
    "{\"rule\": \"TL1001\", \"name\": \"insult-direct\", \"category\": \"insult\", "
    "\"severity\": \"error\", \"lang\": \"es\", \"line\": 2, \"column\": 10, \"end_line\": 2, "
    "\"end_column\": 16, \"text\": \"idiota\", \"message\": \"Say \\\"it\\\" kindly.\", "
    "\"suggestions\": [\"a\", \"b\\\\c\"]}";

TEST_CASE("the JSON report spells a finding's fields, numbers and suggestions in order") {
  CHECK(ReportOfCopies(1) ==
        "{\"version\": 1,\n \"files\": [\n  {\"path\": \"dir/r\\\"1.txt\", \"findings\": [\n    " +
            std::string(kFinding) +
            "\n  ]}\n],\n \"summary\": {\"files\": 1, \"findings\": 1, \"errors\": 1, "
            "\"warnings\": 0, \"infos\": 0}}\n");
  CHECK(ReportOfCopies(0).find("\"findings\": []}") != std::string::npos);
}

TEST_CASE("the JSON report of a file larger than its buffer holds every finding once") {
  const std::size_t count = 2'000;  // about 490 KB: several buffers
  const std::string report = ReportOfCopies(count);
  std::string findings;
  for (std::size_t k = 0; k < count; ++k) {
    findings += k == 0 ? "\n    " : ",\n    ";
    findings += kFinding;
  }
  CHECK(report.find(findings + "\n  ]}\n]") != std::string::npos);
  CHECK(report.size() == ReportOfCopies(1).size() + (count - 1) * (kFinding.size() + 6) +
                               6);  // two counts of four digits, not one
}

}  // namespace
}  // namespace tonelint
