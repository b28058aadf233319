// Output formats. Reporters receive each file's findings in input order and write to the
// stream they were given; they know nothing about matching.
#pragma once

#include <cstddef>
#include <memory>
#include <ostream>
#include <string>
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

class Reporter {
 public:
  virtual ~Reporter() = default;
  virtual void ReportFile(const FileFindings& file) = 0;
  // Called once after the last file.
  virtual void Finish(const Summary& summary) = 0;
};

enum class OutputFormat { kText, kJson };

struct TextStyle {
  bool color = false;
};

// Text: compiler-style blocks on `out`; the closing summary line on `err` (nothing when clean).
std::unique_ptr<Reporter> MakeTextReporter(std::ostream& out, std::ostream& err, TextStyle style);
// JSON, DESIGN.md §2, written as one document when Finish() is called.
std::unique_ptr<Reporter> MakeJsonReporter(std::ostream& out);

}  // namespace tonelint
