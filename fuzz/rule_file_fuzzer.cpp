// Fuzzes the rule-file parser and the rule compiler: ParseRuleFile, then RuleSet::Build on what
// it read. Properties: no crash, no hang; a failure always comes with at least one diagnostic,
// and every diagnostic names the file with a line inside it (or is file-less, for RE2 budget
// errors) and has a message.
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_check.h"
#include "rule_parser.h"
#include "rule_set.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view contents(reinterpret_cast<const char*>(data), size);
  const std::size_t lines = static_cast<std::size_t>(std::count(contents.begin(), contents.end(), '\n') +
                                                     std::count(contents.begin(), contents.end(), '\r')) + 1;
  std::vector<tonelint::Diagnostic> errors;
  tonelint::RuleFile file;
  const bool parsed = tonelint::ParseRuleFile("fuzz.rules", contents, &file, &errors);
  FUZZ_CHECK(parsed == errors.empty(), "ParseRuleFile returned %d with %zu errors", parsed,
             errors.size());
  std::vector<tonelint::RuleFile> files;
  files.push_back(std::move(file));
  const std::size_t before = errors.size();
  const auto rule_set = tonelint::RuleSet::Build(std::move(files), &errors);
  FUZZ_CHECK((rule_set == nullptr) == (errors.size() > before),
             "RuleSet::Build returned %s with %zu new errors", rule_set ? "a set" : "null",
             errors.size() - before);
  for (const tonelint::Diagnostic& error : errors) {
    FUZZ_CHECK(!error.message.empty(), "empty diagnostic message");
    if (error.location.file.empty()) continue;
    FUZZ_CHECK(error.location.file == "fuzz.rules", "diagnostic names %s",
               error.location.file.c_str());
    FUZZ_CHECK(error.location.line <= lines, "diagnostic at line %zu of a %zu-line file: %s",
               error.location.line, lines, error.ToString().c_str());
  }
  return 0;
}
