#include "app.h"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <future>
#include <istream>
#include <map>
#include <ostream>
#include <sstream>

#include "bundled_rules.h"
#include "file_pipeline.h"
#include "file_walker.h"
#include "input.h"
#include "linter.h"
#include "ordered_parallel.h"
#include "rule_set.h"
#include "rule_tester.h"
#include "stream_lint.h"
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
  RuleSources sources = options.rule_sources;
  // The rules' examples are read by --explain, --test-rules and the SARIF rules' help texts.
  sources.examples = options.action == Action::kExplain ||
                     options.action == Action::kTestRules || options.format == OutputFormat::kSarif;
  std::vector<RuleFile> files = LoadRuleFiles(sources, &errors, &BundledPrebuiltRules());
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
  // --test-rules compiles every pattern up front so that none goes unchecked.
  const Compilation compilation =
      options.action == Action::kTestRules ? Compilation::kEager : Compilation::kLazy;
  std::unique_ptr<RuleSet> rules =
      RuleSet::Build(std::move(files), &errors, compilation, &BundledPrecompiledPatterns(),
                     BundledKeywordIndexes());
  if (!rules) {
    PrintDiagnostics(errors, err);
    *exit_code = kExitRuleError;
  }
  return rules;
}

// Keeps `rules` until the process exits (Options::rules_live_until_exit).
const RuleSet& KeepUntilExit(std::unique_ptr<RuleSet> rules) {
  static auto* const kept = new std::vector<std::unique_ptr<RuleSet>>;
  kept->push_back(std::move(rules));
  return *kept->back();
}

int ListRules(const RuleSet& rules, std::ostream& out) {
  // One line per id, with the languages that cover it.
  std::map<std::string, std::pair<const Rule*, std::string>> by_id;
  for (const Rule& rule : rules.rules()) {
    auto& [first, langs] = by_id[rule.id];
    if (first == nullptr) first = &rule;
    if (!langs.empty()) langs += ',';
    langs += LangCode(rule.lang);
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
  bool had_bom = false;
  std::string raw_stdin;               // standard input's bytes, kept for --fix
  std::unique_ptr<SourceText> source;  // null when the input was not linted
  std::vector<Finding> findings;       // after the file's config and suppressions
};

// Roughly the memory a linted file holds until it is reported: what RunOrdered's backlog counts.
std::size_t Weight(const LintedFile& linted) {
  std::size_t bytes = sizeof(LintedFile) + linted.notes.size() + linted.raw_stdin.size() +
                      linted.findings.size() * sizeof(Finding);
  if (linted.source) {
    bytes += sizeof(SourceText) + linted.source->text().size() +
             linted.source->line_count() * sizeof(std::size_t);
  }
  return bytes;
}

// Sets the notes (for stderr) of an input read with `status`, whose text had
// `replaced_sequences` invalid UTF-8 sequences. Returns whether it is to be linted: not after a
// read error or a binary file.
bool NoteReading(const std::string& shown, ReadStatus status, const std::string& error,
                 std::size_t replaced_sequences, LintedFile* linted) {
  if (status == ReadStatus::kError) {
    linted->notes = "tonelint: " + shown + ": " + error + "\n";
    linted->read_error = true;
    return false;
  }
  if (status == ReadStatus::kBinary) {
    linted->notes = "tonelint: " + shown + ": binary file (contains NUL bytes), skipped\n";
    return false;
  }
  if (replaced_sequences > 0) {
    linted->notes = fmt::format("tonelint: {}: {} invalid UTF-8 sequence(s) read as U+FFFD\n",
                                shown, replaced_sequences);
  }
  return true;
}

// Lints one input's bytes and applies its config and suppressions. Runs on worker threads:
// touches nothing but its arguments. The baseline, --min-severity and fixes come after, in
// input order, on the calling thread (RunActions is not thread-safe).
LintedFile LintInput(const std::string& shown, InputText input, Linter& linter,
                     const LintOptions& lint_options, const FileSettings& settings,
                     const Options& options, bool keep_raw) {
  LintedFile linted;
  if (input.status != ReadStatus::kOk) {
    NoteReading(shown, input.status, input.error, 0, &linted);
    return linted;
  }
  linted.had_bom = input.bytes.starts_with("\xEF\xBB\xBF");
  if (keep_raw) linted.raw_stdin = input.bytes;
  linted.source = std::make_unique<SourceText>(std::move(input.bytes));
  const SourceText& source = *linted.source;
  NoteReading(shown, ReadStatus::kOk, "", source.replaced_sequences(), &linted);
  linted.findings = linter.Lint(source, lint_options);
  ApplyFilePolicies(settings, options, source, &linted.findings);
  return linted;
}

// LintInput for an input read and linted a piece at a time (stream_lint.h).
LintedFile LintStreamedInput(const std::string& shown, std::istream& in, Linter& linter,
                             const LintOptions& lint_options, const FileSettings& settings,
                             const Options& options) {
  LintedFile linted;
  StreamedInput streamed = LintStreamed(in, linter, lint_options, options.piece_bytes);
  if (!NoteReading(shown, streamed.status, streamed.error, streamed.replaced_sequences, &linted)) {
    return linted;
  }
  linted.had_bom = streamed.had_bom;
  linted.source = std::move(streamed.source);
  linted.findings = std::move(streamed.findings);
  ApplyFilePolicies(settings, options, streamed.suppressions, streamed.text_size,
                    &linted.findings);
  return linted;
}

// Whether inputs may be linted a piece at a time: not when --fix, --diff or a baseline needs
// their whole text.
bool MayStream(const Options& options) {
  return !options.fix && !options.diff && options.baseline_path.empty() &&
         options.write_baseline_path.empty();
}

// The LintOptions of one file: the run's, with what its config says.
LintOptions ForFile(LintOptions lint_options, const FileSettings& settings) {
  lint_options.lang = settings.lang;
  lint_options.each_line = settings.each_line;
  lint_options.placeholders =
      settings.config ? settings.config->placeholders : decltype(lint_options.placeholders){};
  return lint_options;
}

// What -j lets wait to be reported behind a slow file. Eight files, as before, often left the
// other threads asleep while the calling thread compiled a regex on first use (~800 voluntary
// context switches on bench/work/tree with -j 2); 16 MB of pending results is thousands of
// small files, and still bounded for big ones.
constexpr Backlog kLintBacklog{.bytes = std::size_t{16} << 20};

// The files the PATH arguments of a run expand to (file_walker.h), and the errors of the walk.
struct ExpandedPaths {
  std::vector<std::string> files;
  std::vector<std::string> errors;
};

// Expands the PATH arguments of a lint run ("-" when there are none). With -j 2 or more the walk
// starts at once on a thread of its own, so that it overlaps the reading of the configs and the
// loading of the rules: before, it came after them and before any worker, serial time for -j.
// With -j 1 it runs on the calling thread when the result is asked for, as it always did. The
// walk touches nothing else of the run; its errors are printed by the caller, where they were.
std::future<ExpandedPaths> ExpandPathsAhead(const Options& options) {
  std::vector<std::string> arguments = options.paths;
  if (arguments.empty()) arguments.push_back("-");
  const std::launch policy = options.jobs > 1 ? std::launch::async : std::launch::deferred;
  return std::async(policy, [arguments = std::move(arguments)] {
    ExpandedPaths expanded;
    expanded.files = ExpandPaths(arguments, &expanded.errors);
    return expanded;
  });
}

int Lint(const Options& options, const RuleSet& rules, ConfigResolver& configs,
         std::future<ExpandedPaths> expanded, std::istream& in, std::ostream& out,
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

  RunActions actions(options);  // --baseline, --write-baseline, --fix, --diff
  if (!actions.Start(err)) return kExitUsageError;
  std::ostringstream discarded;
  std::ostream& report_out = actions.quiet() ? discarded : out;
  std::ostream& report_err = actions.quiet() ? discarded : err;
  // SARIF describes every rule a result may name, the built-in suppression rules included.
  std::vector<Rule> described;
  if (options.format == OutputFormat::kSarif) {
    described = rules.rules();
    described.push_back(SuppressionWithoutReasonRule());
    described.push_back(UnusedSuppressionRule());
  }
  std::unique_ptr<Reporter> reporter = MakeReporter(options.format, report_out, report_err,
                                                    TextStyle{options.color}, described);
  Summary summary;
  bool read_error = false;
  bool config_error = false;
  bool failing = false;
  ExpandedPaths walked = expanded.get();
  for (const std::string& error : walked.errors) err << "tonelint: " << error << "\n";
  read_error = !walked.errors.empty();
  const std::vector<std::string> paths = std::move(walked.files);

  // Settings are resolved here, before any thread starts: ConfigResolver is not thread-safe.
  std::vector<FileSettings> settings;
  std::vector<bool> skipped;  // a config error or an ignore glob
  settings.reserve(paths.size());
  for (const std::string& path : paths) {
    std::vector<Diagnostic> config_errors;
    settings.push_back(configs.SettingsFor(path, &config_errors, InputKind::kNotDirectory));
    PrintDiagnostics(config_errors, err);
    config_error = config_error || !config_errors.empty();
    skipped.push_back(!config_errors.empty() || settings.back().ignored);
  }
  // Standard input is read once, by the worker of the first "-" when it is streamed, else here,
  // so that workers never share the stream; a second "-" reads an exhausted stream, as it
  // always did: empty.
  const bool streaming = MayStream(options);
  const std::size_t first_stdin = std::find(paths.begin(), paths.end(), "-") - paths.begin();
  const InputText stdin_input = first_stdin < paths.size() && !skipped[first_stdin] && !streaming
                                    ? ReadInputStream(in)
                                    : InputText{};

  // One Linter per thread (it keeps buffers); the RuleSet is shared read-only.
  const std::size_t jobs = std::max<std::size_t>(1, std::min(options.jobs, paths.size()));
  std::vector<std::unique_ptr<Linter>> linters;
  for (std::size_t i = 1; i < jobs; ++i) linters.push_back(std::make_unique<Linter>(rules));
  auto lint = [&](std::size_t worker, std::size_t index) {
    if (skipped[index]) return LintedFile{};
    const std::string& path = paths[index];
    const std::string shown = path == "-" ? "<stdin>" : path;
    Linter& worker_linter = worker == 0 ? linter : *linters[worker - 1];
    const LintOptions file_options = ForFile(lint_options, settings[index]);
    if (streaming && path == "-" && index == first_stdin) {
      return LintStreamedInput(shown, in, worker_linter, file_options, settings[index], options);
    }
    InputText input;
    if (path != "-") {
      // A regular file of more than one piece is streamed; a smaller one is read whole, as fast.
      // The open that reads it tells which, with no stat of the path before (one per file).
      input = ReadInputFile(path, streaming ? options.piece_bytes : kReadWhole);
      if (input.status == ReadStatus::kLarge) {
        std::ifstream file(path, std::ios::binary);
        if (file) {
          return LintStreamedInput(shown, file, worker_linter, file_options, settings[index],
                                   options);
        }
        input = ReadInputFile(path);  // gone meanwhile: says why
      }
    } else if (index == first_stdin) {
      input = stdin_input;
    }
    return LintInput(shown, std::move(input), worker_linter, file_options, settings[index],
                     options, path == "-" && options.fix);
  };
  // Re-linting a fixed text happens here, on the calling thread, with a Linter of its own.
  std::unique_ptr<Linter> fix_linter;
  auto emit = [&](std::size_t index, LintedFile& linted) {
    // Writing to std::cerr flushes std::cout (tied to it), even with nothing to write: that was
    // one write(2) per file on the thread that also reports.
    if (!linted.notes.empty()) err << linted.notes;
    read_error = read_error || linted.read_error;
    if (!linted.source) return;
    const std::string& path = paths[index];
    const std::string shown = path == "-" ? "<stdin>" : path;
    const FileSettings& file_settings = settings[index];
    auto finish_findings = [&](const SourceText& text, std::vector<Finding>* findings) {
      actions.ApplyBaseline(path, text, findings);
      std::erase_if(*findings,
                    [&](const Finding& f) { return f.severity < file_settings.min_severity; });
    };
    finish_findings(*linted.source, &linted.findings);
    if (std::optional<std::string> fixed =
            actions.Fix(path, shown, linted.had_bom, linted.raw_stdin, *linted.source,
                        linted.findings, out, err, &read_error)) {
      // Report what is left, where it now is.
      if (!fix_linter) fix_linter = std::make_unique<Linter>(rules);
      linted.source = std::make_unique<SourceText>(std::move(*fixed));
      linted.findings = fix_linter->Lint(*linted.source, ForFile(lint_options, file_settings));
      ApplyFilePolicies(file_settings, options, *linted.source, &linted.findings);
      finish_findings(*linted.source, &linted.findings);
    }
    FileFindings file{shown, linted.source.get(), std::move(linted.findings)};
    for (const Finding& finding : file.findings) {
      failing = failing || (file_settings.fail_on && finding.severity >= *file_settings.fail_on);
      summary.Add(finding);
    }
    ++summary.files;
    reporter->ReportFile(file);
  };
  RunOrdered<LintedFile>(paths.size(), jobs, lint, emit, kLintBacklog, Weight);
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
  std::future<ExpandedPaths> expanded;
  if (options.action == Action::kLint) expanded = ExpandPathsAhead(options);
  // Configs are found before the rules are loaded: their `rules =` paths are loaded too.
  ConfigResolver configs(options);
  Options with_config = options;
  if (!ReadConfigs(options, &configs, &with_config.rule_sources, err)) return kExitUsageError;
  const bool select = options.action == Action::kLint || options.action == Action::kPrintConfig;
  std::vector<std::string> known;
  std::unique_ptr<RuleSet> loaded = LoadRuleSet(with_config, select, err, &exit_code, &known);
  if (!loaded) return exit_code;
  const RuleSet& rules =
      options.rules_live_until_exit ? KeepUntilExit(std::move(loaded)) : *loaded;
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
    case Action::kListRules: return ListRules(rules, out);
    case Action::kExplain: return Explain(rules, options.explain, out, err);
    case Action::kTestRules: return TestRuleExamples(options, rules, out, err);
    case Action::kLint: break;
  }
  return Lint(options, rules, configs, std::move(expanded), in, out, err);
}

}  // namespace tonelint
