#include "app.h"

#include <fmt/format.h>

#include <algorithm>
#include <istream>
#include <map>
#include <ostream>

#include "file_walker.h"
#include "input.h"
#include "linter.h"
#include "ordered_parallel.h"
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
  // --test-rules compiles every pattern up front so that none goes unchecked.
  const Compilation compilation =
      options.action == Action::kTestRules ? Compilation::kEager : Compilation::kLazy;
  std::unique_ptr<RuleSet> rules = RuleSet::Build(std::move(files), &errors, compilation);
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

// One input, linted: what to print on stderr, and the findings with the text they point into.
struct LintedFile {
  std::string notes;  // for stderr, in input order
  bool read_error = false;
  std::unique_ptr<SourceText> source;  // null when the input was not linted
  FileFindings file;
};

// Lints one input's bytes. Runs on worker threads: touches nothing but its arguments.
LintedFile LintInput(const std::string& shown, InputText input, Linter& linter,
                     const LintOptions& lint_options, Severity min_severity) {
  LintedFile linted;
  if (input.status == ReadStatus::kError) {
    linted.notes = "tonelint: " + shown + ": " + input.error + "\n";
    linted.read_error = true;
    return linted;
  }
  if (input.status == ReadStatus::kBinary) {
    linted.notes = "tonelint: " + shown + ": binary file (contains NUL bytes), skipped\n";
    return linted;
  }
  linted.source = std::make_unique<SourceText>(std::move(input.bytes));
  const SourceText& source = *linted.source;
  if (source.replaced_sequences() > 0) {
    linted.notes = fmt::format("tonelint: {}: {} invalid UTF-8 sequence(s) read as U+FFFD\n",
                               shown, source.replaced_sequences());
  }
  linted.file = FileFindings{shown, &source, {}};
  for (Finding& finding : linter.Lint(source, lint_options)) {
    if (finding.severity < min_severity) continue;
    linted.file.findings.push_back(std::move(finding));
  }
  return linted;
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
  std::vector<std::string> arguments = options.paths;
  if (arguments.empty()) arguments.push_back("-");
  Summary summary;
  bool read_error = false;
  bool failing = false;
  std::vector<std::string> walk_errors;
  const std::vector<std::string> paths = ExpandPaths(arguments, &walk_errors);
  for (const std::string& error : walk_errors) err << "tonelint: " << error << "\n";
  read_error = !walk_errors.empty();
  // Standard input is read here, once, so that workers never share the stream; a second "-"
  // reads an exhausted stream, as it always did: empty.
  const std::size_t first_stdin = std::find(paths.begin(), paths.end(), "-") - paths.begin();
  const InputText stdin_input = first_stdin < paths.size() ? ReadInputStream(in) : InputText{};

  // One Linter per thread (it keeps buffers); the RuleSet is shared read-only.
  const std::size_t jobs = std::max<std::size_t>(1, std::min(options.jobs, paths.size()));
  std::vector<std::unique_ptr<Linter>> linters;
  for (std::size_t i = 1; i < jobs; ++i) linters.push_back(std::make_unique<Linter>(rules));
  auto lint = [&](std::size_t worker, std::size_t index) {
    const std::string& path = paths[index];
    InputText input;
    if (path != "-") {
      input = ReadInputFile(path);
    } else if (index == first_stdin) {
      input = stdin_input;
    }
    Linter& worker_linter = worker == 0 ? linter : *linters[worker - 1];
    return LintInput(path == "-" ? "<stdin>" : path, std::move(input), worker_linter,
                     lint_options, options.min_severity);
  };
  auto emit = [&](std::size_t, LintedFile& linted) {
    err << linted.notes;
    read_error = read_error || linted.read_error;
    if (!linted.source) return;
    for (const Finding& finding : linted.file.findings) {
      failing = failing || (options.fail_on && finding.severity >= *options.fail_on);
      summary.Add(finding);
    }
    ++summary.files;
    reporter->ReportFile(linted.file);
  };
  RunOrdered<LintedFile>(paths.size(), jobs, lint, emit);
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
