// --baseline / --write-baseline: adopting tonelint on a repository that already has findings.
//
// A baseline file is text, one finding per line, tab-separated:
//
//   # tonelint baseline 1
//   9c1f0a2b7d3e4f56<TAB>replies/refund.txt<TAB>TL1001<TAB>idiota
//
// Only the first field counts; the others are for people reading the file. The fingerprint is
// a 64-bit FNV-1a hash, in hex, of: the file's path relative to the baseline file's directory,
// the rule id, the matched text (lower-cased, runs of blanks made one space) and how many
// findings of the same rule and text came before it in the file. Line and column are not in
// it, so a finding that moves (lines added above it) is still recognized; a second occurrence
// of the same words is a new finding.
#pragma once

#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "finding.h"
#include "rule.h"
#include "source_text.h"

namespace tonelint {

class Baseline {
 public:
  // `path` is the baseline file; fingerprints use input paths relative to its directory.
  explicit Baseline(std::string path);

  // Reads the baseline file. A missing or unreadable file, or a line that is not
  // `fingerprint<TAB>...` (or a `#` comment, or blank), is a `file:line:` error; returns false.
  bool Load(std::vector<Diagnostic>* errors);

  // The fingerprints of `findings` (of the input `input_path`, "-" for standard input, whose
  // text is `source`), in order.
  std::vector<std::string> Fingerprints(const std::string& input_path, const SourceText& source,
                                        const std::vector<Finding>& findings) const;

  // Removes the findings whose fingerprint the loaded file records.
  void Filter(const std::string& input_path, const SourceText& source,
              std::vector<Finding>* findings) const;

  // Adds `findings` to what Save() writes.
  void Record(const std::string& input_path, const SourceText& source,
              const std::vector<Finding>& findings);
  std::size_t recorded() const { return lines_.size(); }

  // Writes the recorded findings to the baseline file (atomically). Returns false with `*error`.
  bool Save(std::string* error) const;

 private:
  std::string RelativePath(const std::string& input_path) const;

  std::string path_;
  std::string dir_;  // absolute
  std::set<std::string> known_;
  std::vector<std::string> lines_;
};

}  // namespace tonelint
