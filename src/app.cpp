#include "app.h"

#include <fmt/format.h>

#include <algorithm>
#include <istream>
#include <map>
#include <ostream>

#include "input.h"
#include "linter.h"
#include "rule_set.h"
#include "rule_tester.h"
#include "suggest_name.h"

namespace tonelint {
namespace {

void PrintDiagnostics(const std::vector<Diagnostic>& diagnostics, std::ostream& err) {
  for (const Diagnostic& diagnostic : diagnostics) err << diagnostic.ToString() << '\n';
}

// Loads and compiles the rules, applying --enable/--disable when `select` is set. On failure
// prints the problems and sets `*exit_code`.
std::unique_ptr<RuleSet> LoadRuleSet(const Options& options, bool select, std::ostream& err,
                                     int* exit_code) {
  std::vector<Diagnostic> errors;
  std::vector<RuleFile> files = LoadRuleFiles(options.rule_sources, &errors);
  if (!errors.empty()) {
    PrintDiagnostics(errors, err);
    *exit_code = kExitRuleError;
    return nullptr;
  }
  if (select && !ApplyRuleSelection(options.selection, &files, &errors)) {
    for (const Diagnostic& error : errors) err << "tonelint: " << error.ToString() << '\n';
    *exit_code = kExitUsageError;
    return nullptr;
  }
  std::unique_ptr<RuleSet> rules = RuleSet::Build(std::move(files), &errors);
  if (!rules) {
    PrintDiagnostics(errors, err);
    *exit_code = kExitRuleError;
  }
  return rules;
}

int ListRules(const RuleSet& rules, std::ostream& out) {
  // One line per id, with the languages that cover it.
  std::map<std::string, std::pair<const Rule*, std::string>> by_id;
  for (const Rule& rule : rules.rules()) {
    auto& [first, langs] = by_id[rule.id];
    if (first == nullptr) first = &rule;
    langs += langs.empty() ? std::string(LangCode(rule.lang)) : "," + std::string(LangCode(rule.lang));
  }
  out << fmt::format("{:<7} {:<36} {:<18} {:<8} {}\n", "ID", "NAME", "CATEGORY", "SEVERITY", "LANGS");
  for (const auto& [id, entry] : by_id) {
    const Rule& rule = *entry.first;
    out << fmt::format("{:<7} {:<36} {:<18} {:<8} {}\n", id, rule.name, rule.category,
                       SeverityName(rule.severity), entry.second);
  }
  return kExitClean;
}

int Explain(const RuleSet& rules, const std::string& id, std::ostream& out, std::ostream& err) {
  bool found = false;
  for (const Rule& rule : rules.rules()) {
    if (rule.id != id && rule.name != id) continue;
    found = true;
    out << fmt::format("{} {} ({}, {}, {})\n", rule.id, rule.name, LangCode(rule.lang),
                       rule.category, SeverityName(rule.severity));
    out << "  " << rule.message << "\n";
    for (const Example& example : rule.bad) out << "  bad:  " << example.text << "\n";
    for (const Example& example : rule.good) out << "  good: " << example.text << "\n";
    for (const std::string& suggestion : rule.suggestions) out << "  suggestion: " << suggestion << "\n";
    out << "  defined at " << rule.location.file << ":" << rule.location.line << "\n\n";
  }
  if (found) return kExitClean;
  std::vector<std::string> names;
  for (const Rule& rule : rules.rules()) {
    names.push_back(rule.id);
    names.push_back(rule.name);
  }
  err << "tonelint: unknown rule '" << id << "'" << DidYouMean(id, names) << "\n";
  return kExitUsageError;
}

int TestRuleExamples(const Options& options, const RuleSet& rules, std::ostream& out,
                     std::ostream& err) {
  // Bundled rules are held to the project's bar of two examples of each kind.
  const bool bundled_only = options.test_rules_path.empty() && options.rule_sources.paths.empty();
  const RuleTestReport report = TestRules(rules, options.test_rules_path, bundled_only);
  PrintDiagnostics(report.failures, err);
  if (report.rules_tested == 0) {
    err << "tonelint: no rules to test" << (options.test_rules_path.empty() ? "" : " in " + options.test_rules_path) << "\n";
    return kExitRuleError;
  }
  out << fmt::format("{} rules, {} examples: {}\n", report.rules_tested, report.examples_tested,
                     report.failures.empty() ? "all passed"
                                             : fmt::format("{} failed", report.failures.size()));
  return report.failures.empty() ? kExitClean : kExitRuleError;
}

int Lint(const Options& options, const RuleSet& rules, std::istream& in, std::ostream& out,
         std::ostream& err) {
  Linter linter(rules);
  LintOptions lint_options;
  lint_options.lang = options.lang;
  lint_options.each_line = options.each_line;
  CustomerMessage context;
  if (!options.context_path.empty()) {
    const InputText input = ReadInputFile(options.context_path);
    if (input.status != ReadStatus::kOk) {
      err << "tonelint: " << options.context_path << ": cannot read the --context file: "
          << (input.status == ReadStatus::kBinary ? "binary file" : input.error) << "\n";
      return kExitInputError;
    }
    context = linter.AnalyzeCustomerMessage(SourceText(input.bytes).text());
    lint_options.context = &context;
  }

  std::unique_ptr<Reporter> reporter =
      MakeReporter(options.format, out, err, TextStyle{options.color}, rules.rules());
  std::vector<std::string> paths = options.paths;
  if (paths.empty()) paths.push_back("-");
  Summary summary;
  bool read_error = false;
  bool failing = false;
  for (const std::string& path : paths) {
    const bool is_stdin = path == "-";
    const std::string shown = is_stdin ? "<stdin>" : path;
    InputText input = is_stdin ? ReadInputStream(in) : ReadInputFile(path);
    if (input.status == ReadStatus::kError) {
      err << "tonelint: " << shown << ": " << input.error << "\n";
      read_error = true;
      continue;
    }
    if (input.status == ReadStatus::kBinary) {
      err << "tonelint: " << shown << ": binary file (contains NUL bytes), skipped\n";
      continue;
    }
    const SourceText source(std::move(input.bytes));
    if (source.replaced_sequences() > 0) {
      err << "tonelint: " << shown << ": " << source.replaced_sequences()
          << " invalid UTF-8 sequence(s) read as U+FFFD\n";
    }
    FileFindings file{shown, &source, {}};
    for (Finding& finding : linter.Lint(source, lint_options)) {
      if (finding.severity < options.min_severity) continue;
      failing = failing || (options.fail_on && finding.severity >= *options.fail_on);
      summary.Add(finding);
      file.findings.push_back(std::move(finding));
    }
    ++summary.files;
    reporter->ReportFile(file);
  }
  reporter->Finish(summary);
  out.flush();
  if (read_error) return kExitInputError;
  return failing ? kExitFindings : kExitClean;
}

}  // namespace

int Run(const Options& options, std::istream& in, std::ostream& out, std::ostream& err) {
  int exit_code = kExitClean;
  const bool select = options.action == Action::kLint;
  std::unique_ptr<RuleSet> rules = LoadRuleSet(options, select, err, &exit_code);
  if (!rules) return exit_code;
  switch (options.action) {
    case Action::kListRules: return ListRules(*rules, out);
    case Action::kExplain: return Explain(*rules, options.explain, out, err);
    case Action::kTestRules: return TestRuleExamples(options, *rules, out, err);
    case Action::kLint: break;
  }
  return Lint(options, *rules, in, out, err);
}

}  // namespace tonelint
