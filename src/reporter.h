// Output formats. Reporters receive each file's findings in input order and write to the
// stream they were given; they know nothing about matching.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "finding.h"
#include "source_text.h"

namespace tonelint {

struct FileFindings {
  std::string path;  // as given on the command line; "<stdin>" for standard input
  const SourceText* source = nullptr;
  std::vector<Finding> findings;  // already filtered by --min-severity
};

struct Summary {
  std::size_t files = 0;
  std::size_t errors = 0;
  std::size_t warnings = 0;
  std::size_t infos = 0;
  std::size_t findings() const { return errors + warnings + infos; }
  void Add(const Finding& finding);
};

// The closing line of text output, "2 errors, 1 warning in 3 files\n"; "" when clean.
std::string SummaryLine(const Summary& summary);

class Reporter {
 public:
  virtual ~Reporter() = default;
  virtual void ReportFile(const FileFindings& file) = 0;
  // Called once after the last file.
  virtual void Finish(const Summary& summary) = 0;
};

enum class OutputFormat { kText, kJson, kSarif, kGithub };

// "text", "json", "sarif", "github"; nullopt for anything else.
std::optional<OutputFormat> ParseOutputFormat(std::string_view name);

struct TextStyle {
  bool color = false;
};

// Text: compiler-style blocks on `out`; the closing summary line on `err` (nothing when clean).
std::unique_ptr<Reporter> MakeTextReporter(std::ostream& out, std::ostream& err, TextStyle style);
// JSON, DESIGN.md §2, written as one document when Finish() is called.
std::unique_ptr<Reporter> MakeJsonReporter(std::ostream& out);
// SARIF 2.1.0 for code-scanning uploads: one document, its results written as files come.
// `rules` (the loaded rules, owned by the RuleSet, which must outlive the reporter) become
// tool.driver.rules, one descriptor per id sorted by id; results refer to them by ruleIndex.
// Columns are code points (run.columnKind "unicodeCodePoints"); paths become relative URI
// references (absolute paths become file:// URIs).
std::unique_ptr<Reporter> MakeSarifReporter(std::ostream& out, const std::vector<Rule>& rules);
// GitHub Actions workflow commands, one `::error file=...,line=...::message` line per finding
// on `out` (warning → ::warning, info → ::notice); the closing summary line on `err` as text.
std::unique_ptr<Reporter> MakeGithubReporter(std::ostream& out, std::ostream& err);

// The reporter for `format`. `rules` is only used by SARIF; `style` only by text.
std::unique_ptr<Reporter> MakeReporter(OutputFormat format, std::ostream& out, std::ostream& err,
                                       TextStyle style, const std::vector<Rule>& rules);

}  // namespace tonelint
