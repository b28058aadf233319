#include "rule_loader.h"

#include <algorithm>
#include <filesystem>

#include "bundled_rules.h"
#include "input.h"
#include "prebuilt_rules.h"
#include "rule_parser.h"

namespace tonelint {
namespace {

namespace fs = std::filesystem;

void LoadFile(const std::string& path, std::vector<RuleFile>* out, std::vector<Diagnostic>* errors) {
  const InputText input = ReadInputFile(path);
  if (input.status != ReadStatus::kOk) {
    errors->push_back(DiagnosticAt(path, 0, input.status == ReadStatus::kBinary ? "binary file, not a rule file"
                                                           : "cannot read rule file: " + input.error));
    return;
  }
  RuleFile file;
  ParseRuleFile(path, input.bytes, &file, errors);
  out->push_back(std::move(file));
}

}  // namespace

std::vector<RuleFile> LoadRuleFiles(const RuleSources& sources, std::vector<Diagnostic>* errors,
                                    const PrebuiltRuleFiles* bundled) {
  std::vector<RuleFile> files;
  if (sources.bundled && bundled != nullptr && !bundled->files.empty()) {
    files = bundled->Load(sources.examples);
  } else if (sources.bundled) {
    for (const EmbeddedFile& embedded : BundledRuleFiles()) {
      RuleFile file;
      ParseRuleFile(embedded.path, embedded.contents, &file, errors);
      files.push_back(std::move(file));
    }
  }
  for (const std::string& path : sources.paths) {
    std::error_code ec;
    if (!fs::is_directory(path, ec)) {
      LoadFile(path, &files, errors);
      continue;
    }
    std::vector<std::string> found;
    for (auto it = fs::recursive_directory_iterator(path, ec); !ec && it != fs::end(it);
         it.increment(ec)) {
      if (it->is_regular_file(ec) && it->path().extension() == ".rules") {
        found.push_back(it->path().string());
      }
    }
    if (ec) errors->push_back(DiagnosticAt(path, 0, "cannot read rule directory: " + ec.message()));
    std::sort(found.begin(), found.end());
    if (found.empty() && !ec) errors->push_back(DiagnosticAt(path, 0, "no *.rules files in this directory"));
    for (const std::string& file : found) LoadFile(file, &files, errors);
  }
  return files;
}

}  // namespace tonelint
