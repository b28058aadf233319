#include "app.h"

#include <fmt/format.h>

#include <algorithm>
#include <istream>
#include <map>
#include <ostream>
#include <sstream>

#include "file_pipeline.h"
#include "input.h"
#include "linter.h"
#include "rule_set.h"
#include "rule_tester.h"
#include "suggest_name.h"
#include "suppression.h"

namespace tonelint {
namespace {

void PrintDiagnostics(const std::vector<Diagnostic>& diagnostics, std::ostream& err) {
  for (const Diagnostic& diagnostic : diagnostics) err << diagnostic.ToString() << '\n';
}

// Loads and compiles the rules, applying --enable/--disable when `select` is set. On failure
// prints the problems and sets `*exit_code`.
// `*known` receives the ids, names and categories of all rules, before the selection.
std::unique_ptr<RuleSet> LoadRuleSet(const Options& options, bool select, std::ostream& err,
                                     int* exit_code, std::vector<std::string>* known) {
  std::vector<Diagnostic> errors;
  std::vector<RuleFile> files = LoadRuleFiles(options.rule_sources, &errors);
  if (!errors.empty()) {
    PrintDiagnostics(errors, err);
    *exit_code = kExitRuleError;
    return nullptr;
  }
  *known = KnownCategories();
  for (const std::string& name : BuiltinSuppressionNames()) known->push_back(name);
  for (const RuleFile& file : files) {
    for (const Rule& rule : file.rules) {
      known->push_back(rule.id);
      known->push_back(rule.name);
    }
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

int Lint(const Options& options, const RuleSet& rules, ConfigResolver& configs, std::istream& in,
         std::ostream& out, std::ostream& err) {
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

  RunActions actions(options);  // --baseline, --write-baseline, --fix, --diff
  if (!actions.Start(err)) return kExitUsageError;
  std::ostringstream discarded;
  std::ostream& report_out = actions.quiet() ? discarded : out;
  std::ostream& report_err = actions.quiet() ? discarded : err;
  std::unique_ptr<Reporter> reporter =
      options.format == OutputFormat::kJson
          ? MakeJsonReporter(report_out)
          : MakeTextReporter(report_out, report_err, TextStyle{options.color});
  std::vector<std::string> paths = options.paths;
  if (paths.empty()) paths.push_back("-");
  Summary summary;
  bool read_error = false;
  bool config_error = false;
  bool failing = false;
  for (const std::string& path : paths) {
    const bool is_stdin = path == "-";
    const std::string shown = is_stdin ? "<stdin>" : path;
    std::vector<Diagnostic> config_errors;
    const FileSettings settings = configs.SettingsFor(path, &config_errors);
    if (!config_errors.empty()) {
      PrintDiagnostics(config_errors, err);
      config_error = true;
      continue;
    }
    if (settings.ignored) continue;
    lint_options.lang = settings.lang;
    lint_options.each_line = settings.each_line;
    lint_options.placeholders = settings.config ? settings.config->placeholders
                                                : decltype(lint_options.placeholders){};
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
    const bool had_bom = input.bytes.starts_with("\xEF\xBB\xBF");
    const std::string raw_stdin = is_stdin && options.fix ? input.bytes : std::string();
    SourceText source(std::move(input.bytes));
    if (source.replaced_sequences() > 0) {
      err << "tonelint: " << shown << ": " << source.replaced_sequences()
          << " invalid UTF-8 sequence(s) read as U+FFFD\n";
    }
    // Linter, then config, suppressions and baseline, then --min-severity.
    auto lint_file = [&](const SourceText& text) {
      std::vector<Finding> findings = linter.Lint(text, lint_options);
      ApplyFilePolicies(settings, options, text, &findings);
      actions.ApplyBaseline(path, text, &findings);
      std::erase_if(findings, [&](const Finding& f) { return f.severity < settings.min_severity; });
      return findings;
    };
    std::vector<Finding> findings = lint_file(source);
    if (std::optional<std::string> fixed = actions.Fix(path, shown, had_bom, raw_stdin, source,
                                                       findings, out, err, &read_error)) {
      source = SourceText(std::move(*fixed));  // report what is left, where it now is
      findings = lint_file(source);
    }
    FileFindings file{shown, &source, {}};
    for (Finding& finding : findings) {
      failing = failing || (settings.fail_on && finding.severity >= *settings.fail_on);
      summary.Add(finding);
      file.findings.push_back(std::move(finding));
    }
    ++summary.files;
    reporter->ReportFile(file);
  }
  reporter->Finish(summary);
  const std::optional<int> action_status = actions.Finish(err);
  out.flush();
  if (config_error) return kExitUsageError;
  if (read_error) return kExitInputError;
  if (action_status) return *action_status;
  return failing ? kExitFindings : kExitClean;
}

// Reads the configs of the inputs given (or of --print-config's file) and adds their `rules =`
// paths to `sources`. Prints `file:line:` errors and returns false on a bad config.
bool ReadConfigs(const Options& options, ConfigResolver* configs, RuleSources* sources,
                 std::ostream& err) {
  std::vector<std::string> inputs;
  if (options.action == Action::kLint) {
    inputs = options.paths.empty() ? std::vector<std::string>{"-"} : options.paths;
  } else if (options.action == Action::kPrintConfig) {
    inputs = {options.print_config_path};
  }
  std::vector<Diagnostic> errors;
  for (const std::string& input : inputs) configs->ConfigFor(input, &errors);
  if (!errors.empty()) {
    PrintDiagnostics(errors, err);
    return false;
  }
  for (const Config* config : configs->loaded()) {
    for (const std::string& path : config->rules) {
      if (std::find(sources->paths.begin(), sources->paths.end(), path) == sources->paths.end()) {
        sources->paths.push_back(path);
      }
    }
  }
  return true;
}

}  // namespace

int Run(const Options& options, std::istream& in, std::ostream& out, std::ostream& err) {
  int exit_code = kExitClean;
  // Configs are found before the rules are loaded: their `rules =` paths are loaded too.
  ConfigResolver configs(options);
  Options with_config = options;
  if (!ReadConfigs(options, &configs, &with_config.rule_sources, err)) return kExitUsageError;
  const bool select = options.action == Action::kLint || options.action == Action::kPrintConfig;
  std::vector<std::string> known;
  std::unique_ptr<RuleSet> rules = LoadRuleSet(with_config, select, err, &exit_code, &known);
  if (!rules) return exit_code;
  std::vector<Diagnostic> config_errors;
  if (!configs.SetKnownNames(std::move(known), &config_errors)) {
    PrintDiagnostics(config_errors, err);
    return kExitUsageError;
  }
  switch (options.action) {
    case Action::kPrintConfig: {
      const FileSettings settings = configs.SettingsFor(options.print_config_path, &config_errors);
      PrintEffectiveConfig(options.print_config_path, settings, options, out);
      return kExitClean;
    }
    case Action::kListRules: return ListRules(*rules, out);
    case Action::kExplain: return Explain(*rules, options.explain, out, err);
    case Action::kTestRules: return TestRuleExamples(options, *rules, out, err);
    case Action::kLint: break;
  }
  return Lint(options, *rules, configs, in, out, err);
}

}  // namespace tonelint
