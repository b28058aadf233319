#include "file_pipeline.h"

#include <sys/stat.h>

#include <algorithm>
#include <ostream>

#include "fix.h"
#include "suppression.h"

namespace tonelint {
namespace {

std::string SearchDirectory(const std::string& path, InputKind kind) {
  if (path == "-") return ".";
  // The directory itself, else std::filesystem::path(path).parent_path() (or "." for none), found
  // without building a path: this runs once per input file before any thread starts, and
  // parsing paths was most of its cost, then the stat.
  struct stat info {};
  if (kind == InputKind::kUnknown && ::stat(path.c_str(), &info) == 0 && S_ISDIR(info.st_mode)) {
    return path;
  }
  const std::size_t slash = path.find_last_of('/');
  if (slash == std::string::npos) return ".";
  const std::size_t parent_end = path.find_last_not_of('/', slash);
  return parent_end == std::string::npos ? "/" : path.substr(0, parent_end + 1);
}

// " a, b" (with the leading space), or "" for no items: `key =` lines have no trailing blank.
std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? " " : ", ") + item;
  return out;
}

}  // namespace

const Config* ConfigResolver::ConfigFor(const std::string& path, std::vector<Diagnostic>* errors,
                                        InputKind kind) {
  if (options_.no_config) return nullptr;
  std::string file = options_.config_path;
  if (file.empty()) {
    const std::string dir = SearchDirectory(path, kind);
    auto memo = file_by_dir_.find(dir);
    if (memo == file_by_dir_.end()) memo = file_by_dir_.emplace(dir, FindConfigFile(dir)).first;
    file = memo->second;
    if (file.empty()) return nullptr;
  }
  auto found = by_file_.find(file);
  if (found == by_file_.end()) {
    auto config = std::make_unique<Config>();
    if (!LoadConfigFile(file, config.get(), errors) ||
        (!known_.empty() && !ValidateConfigSelectors(*config, known_, errors))) {
      config.reset();
    }
    if (config) loaded_.push_back(config.get());
    found = by_file_.emplace(file, std::move(config)).first;
  }
  return found->second.get();
}

bool ConfigResolver::SetKnownNames(std::vector<std::string> known,
                                   std::vector<Diagnostic>* errors) {
  known_ = std::move(known);
  bool ok = true;
  for (const Config* config : loaded_) ok = ValidateConfigSelectors(*config, known_, errors) && ok;
  return ok;
}

FileSettings ConfigResolver::SettingsFor(const std::string& path, std::vector<Diagnostic>* errors,
                                         InputKind kind) {
  FileSettings settings;
  settings.config = ConfigFor(path, errors, kind);
  settings.lang = options_.lang;
  settings.each_line = options_.each_line;
  settings.fail_on = options_.fail_on;
  settings.min_severity = options_.min_severity;
  const Config* config = settings.config;
  if (config == nullptr) return settings;
  const GivenOptions& given = options_.given;
  if (!given.lang && config->lang) settings.lang = *config->lang;
  if (!given.each_line && config->each_line) settings.each_line = *config->each_line;
  if (!given.fail_on && config->fail_on) settings.fail_on = *config->fail_on;
  if (!given.min_severity && config->min_severity) settings.min_severity = *config->min_severity;
  settings.ignored = path != "-" && IsIgnored(*config, path);
  return settings;
}

void PrintEffectiveConfig(const std::string& path, const FileSettings& settings,
                          const Options& options, std::ostream& out) {
  const Config* config = settings.config;
  out << "# effective config for " << path << "\n";
  out << "# from " << (config ? config->path : std::string("no config file"))
      << " and the command line\n";
  if (settings.ignored) out << "# this file matches an ignore glob: it is not linted\n";
  if (!options.rule_sources.bundled) out << "# --no-default-rules: only the rules below\n";
  out << "[tonelint]\n";
  out << "lang = " << (settings.lang ? LangCode(*settings.lang) : "auto") << "\n";
  out << "fail-on = " << (settings.fail_on ? SeverityName(*settings.fail_on) : "none") << "\n";
  out << "min-severity = " << SeverityName(settings.min_severity) << "\n";
  out << "each-line = " << (settings.each_line ? "true" : "false") << "\n";
  std::vector<std::string> rules = options.rule_sources.paths;
  std::vector<std::string> enable = options.selection.enable;
  std::vector<std::string> disable = options.selection.disable;
  std::vector<std::string> ignore, placeholders;
  if (config) {
    for (const std::string& rule_path : config->rules) {
      if (std::find(rules.begin(), rules.end(), rule_path) == rules.end()) rules.push_back(rule_path);
    }
    for (const ConfigSelector& s : config->enable) enable.push_back(s.name);
    for (const ConfigSelector& s : config->disable) disable.push_back(s.name);
    ignore = config->ignore;
    for (const auto& [open, close] : config->placeholders) placeholders.push_back(open + " " + close);
  }
  out << "rules =" << Join(rules) << "\n";
  out << "enable =" << Join(enable) << "\n";
  out << "disable =" << Join(disable) << "\n";
  out << "ignore =" << Join(ignore) << "\n";
  out << "placeholders =" << Join(placeholders) << "\n";
  out << "[severity]\n";
  if (config) {
    for (const SeverityOverride& entry : config->severity) {
      out << entry.selector.name << " = " << SeverityName(entry.severity) << "\n";
    }
  }
}

void ApplyConfigToFindings(const Config& config, const RuleSelection& cli,
                           std::vector<Finding>* findings) {
  std::erase_if(*findings, [&](const Finding& finding) {
    if (finding.rule == nullptr || !ConfigDisables(config, *finding.rule)) return false;
    return std::none_of(cli.enable.begin(), cli.enable.end(), [&](const std::string& selector) {
      return SelectorNames(selector, *finding.rule);
    });
  });
  for (Finding& finding : *findings) {
    if (finding.rule == nullptr) continue;
    if (std::optional<Severity> severity = SeverityOverrideFor(config, *finding.rule)) {
      finding.severity = *severity;
    }
  }
}

void ApplyFilePolicies(const FileSettings& settings, const Options& options,
                       const SourceText& source, std::vector<Finding>* findings) {
  ApplyFilePolicies(settings, options, FindSuppressions(source), source.text().size(), findings);
}

void ApplyFilePolicies(const FileSettings& settings, const Options& options,
                       const std::vector<Suppression>& suppressions, std::size_t text_size,
                       std::vector<Finding>* findings) {
  ApplySuppressions(suppressions, text_size, findings);
  // The built-in suppression rules are not in the RuleSet that --disable filtered.
  std::erase_if(*findings, [&](const Finding& finding) {
    if (finding.rule != &SuppressionWithoutReasonRule() && finding.rule != &UnusedSuppressionRule()) {
      return false;
    }
    auto named = [&](const std::vector<std::string>& list) {
      return std::any_of(list.begin(), list.end(),
                         [&](const std::string& s) { return SelectorNames(s, *finding.rule); });
    };
    return named(options.selection.disable) && !named(options.selection.enable);
  });
  if (settings.config) ApplyConfigToFindings(*settings.config, options.selection, findings);
}

RunActions::RunActions(const Options& options) : options_(options) {
  const bool stdin_input =
      options.paths.empty() ||
      std::find(options.paths.begin(), options.paths.end(), "-") != options.paths.end();
  quiet_ = options.diff || !options.write_baseline_path.empty() || (options.fix && stdin_input);
}

bool RunActions::Start(std::ostream& err) {
  if (!options_.write_baseline_path.empty() && (options_.fix || options_.diff)) {
    err << "tonelint: --write-baseline cannot be combined with --fix or --diff\n";
    return false;
  }
  if (!options_.baseline_path.empty()) {
    baseline_.emplace(options_.baseline_path);
    std::vector<Diagnostic> errors;
    if (!baseline_->Load(&errors)) {
      for (const Diagnostic& error : errors) err << error.ToString() << '\n';
      return false;
    }
  }
  if (!options_.write_baseline_path.empty()) write_baseline_.emplace(options_.write_baseline_path);
  return true;
}

void RunActions::ApplyBaseline(const std::string& path, const SourceText& source,
                               std::vector<Finding>* findings) {
  if (baseline_) baseline_->Filter(path, source, findings);
  if (write_baseline_) {
    write_baseline_->Record(path, source, *findings);
    findings->clear();
  }
}

std::optional<std::string> RunActions::Fix(const std::string& path, const std::string& shown,
                                           bool had_bom, const std::string& raw_stdin,
                                           const SourceText& source,
                                           const std::vector<Finding>& findings,
                                           std::ostream& out, std::ostream& err,
                                           bool* write_error) {
  constexpr std::string_view kBom = "\xEF\xBB\xBF";
  const bool is_stdin = path == "-";
  const bool fix = options_.fix && !options_.diff;  // --diff only shows
  if (!fix && !options_.diff) return std::nullopt;
  // Echo standard input unchanged whenever it is not rewritten.
  auto echo = [&] {
    if (fix && is_stdin) out << raw_stdin;
  };
  if (source.replaced_sequences() > 0) {
    err << "tonelint: " << shown << ": not fixed: it has invalid UTF-8\n";
    echo();
    return std::nullopt;
  }
  const std::vector<Edit> edits = SafeEdits(source.text(), findings);
  if (edits.empty()) {
    echo();
    return std::nullopt;
  }
  if (options_.diff) {
    out << UnifiedDiff(source.text(), edits, is_stdin ? "<stdin>" : path);
    diffed_ = true;
    return std::nullopt;
  }
  std::string fixed = ApplyEdits(source.text(), edits);
  // SourceText dropped the BOM: put it back, so that only the edited spans change.
  const std::string bom(had_bom ? kBom : "");
  if (is_stdin) {
    out << bom << fixed;
  } else {
    std::string error;
    if (!WriteFileAtomically(path, bom + fixed, &error)) {
      err << "tonelint: " << shown << ": not fixed: " << error << "\n";
      *write_error = true;
      return std::nullopt;
    }
  }
  return fixed;
}

std::optional<int> RunActions::Finish(std::ostream& err) {
  if (options_.diff) return diffed_ ? kExitFindings : kExitClean;
  if (!write_baseline_) return std::nullopt;
  std::string error;
  if (!write_baseline_->Save(&error)) {
    err << "tonelint: " << options_.write_baseline_path << ": " << error << "\n";
    return kExitInputError;
  }
  err << "tonelint: wrote " << write_baseline_->recorded() << " finding(s) to "
      << options_.write_baseline_path << "\n";
  return kExitClean;
}

}  // namespace tonelint
