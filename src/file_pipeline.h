// What happens around the linter for one input file (issue 5): which `.tonelint` applies to it
// and the settings that result once the command line overrides it, and what happens to its
// findings after the linter: config severities and enable/disable, suppression comments, the
// baseline, --min-severity.
//
// Rules are loaded once per run, so a config's `rules =` paths are loaded for the whole run
// (from every config found for the paths given on the command line); the other keys may differ
// from file to file and are applied to each file's findings afterwards.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "app.h"
#include "baseline.h"
#include "config.h"
#include "finding.h"
#include "source_text.h"
#include "suppression.h"

namespace tonelint {

// The settings of one input: the command line where it set them, else the config, else the
// defaults of DESIGN.md §1.
struct FileSettings {
  const Config* config = nullptr;  // null when no config applies
  std::optional<Lang> lang;
  bool each_line = false;
  std::optional<Severity> fail_on;
  Severity min_severity = Severity::kInfo;
  bool ignored = false;  // matched an `ignore` glob of its config: not linted at all
};

// What the caller knows of an input path. kNotDirectory: a file, a missing path or "-", as
// ExpandPaths gives them, so its config is searched from its parent without a stat of the path
// (one per input file, before any thread starts). A directory passed as kNotDirectory is
// searched from its parent too.
enum class InputKind { kUnknown, kNotDirectory };

// Finds, reads and caches the configs of a run. Not thread-safe: resolve before linting.
class ConfigResolver {
 public:
  explicit ConfigResolver(const Options& options) : options_(options) {}

  // The config for input `path` ("-": standard input, searched from the current directory; a
  // directory: searched from itself, unless `kind` says otherwise). --config FILE wins;
  // --no-config gives none. Parse errors are appended to `errors` the first time a file is
  // read; the config then counts as absent.
  const Config* ConfigFor(const std::string& path, std::vector<Diagnostic>* errors,
                          InputKind kind = InputKind::kUnknown);

  FileSettings SettingsFor(const std::string& path, std::vector<Diagnostic>* errors,
                           InputKind kind = InputKind::kUnknown);

  // Every config read so far that parsed cleanly, in the order first read.
  const std::vector<const Config*>& loaded() const { return loaded_; }

  // Once the rules are loaded: the ids, names and categories a config may name. Checks the
  // configs read so far (appending `file:line:` errors; returns false if any) and every config
  // read later.
  bool SetKnownNames(std::vector<std::string> known, std::vector<Diagnostic>* errors);

 private:
  const Options& options_;
  std::map<std::string, std::unique_ptr<Config>> by_file_;   // null: failed to parse
  std::map<std::string, std::string> file_by_dir_;           // discovery memo
  std::vector<const Config*> loaded_;
  std::vector<std::string> known_;
};

// Prints the effective settings for `path` as a config file would state them.
void PrintEffectiveConfig(const std::string& path, const FileSettings& settings,
                          const Options& options, std::ostream& out);

// Applies a file's config to its findings: [severity] overrides, then config enable/disable
// (a rule the command line's --enable names is never disabled by the config).
void ApplyConfigToFindings(const Config& config, const RuleSelection& cli,
                           std::vector<Finding>* findings);

// Everything between the linter and the baseline, for one file: its suppression comments
// (suppression.h), which may add their own TL0001/TL0002 findings (dropped when --disable names
// them), then its config (above), which applies to those too.
void ApplyFilePolicies(const FileSettings& settings, const Options& options,
                       const SourceText& source, std::vector<Finding>* findings);
// The same for a text of `text_size` bytes whose suppression comments were already found (a
// streamed input, which is no longer held when its findings are complete).
void ApplyFilePolicies(const FileSettings& settings, const Options& options,
                       const std::vector<Suppression>& suppressions, std::size_t text_size,
                       std::vector<Finding>* findings);

// --baseline, --write-baseline, --fix and --diff over one run.
class RunActions {
 public:
  explicit RunActions(const Options& options);

  // Checks the combination of options and loads --baseline. Prints errors; false: exit 3.
  bool Start(std::ostream& err);

  // Whether the findings are not printed: --diff prints the diff instead, --write-baseline
  // records them, and --fix of standard input prints the fixed text.
  bool quiet() const { return quiet_; }

  // After ApplyFilePolicies: removes the findings the baseline records, or (--write-baseline)
  // records them all and clears them.
  void ApplyBaseline(const std::string& path, const SourceText& source,
                     std::vector<Finding>* findings);

  // --fix / --diff for one file whose remaining findings are `findings`. --diff prints the
  // diff on `out`; --fix of a file rewrites it in place, of standard input prints the fixed
  // text (or the text unchanged) on `out`. Never touches a file with invalid UTF-8. Returns the
  // fixed text (without a BOM: as SourceText holds it) when a file or standard input changed,
  // so that the caller lints it again; nullopt otherwise. `had_bom`: the input began with a
  // UTF-8 BOM (which SourceText drops; it is written back). `raw_stdin`: the original bytes of
  // standard input (echoed when nothing changes); ignored for files. Notes and errors go to `err`; a failed write sets
  // `*write_error`.
  std::optional<std::string> Fix(const std::string& path, const std::string& shown,
                                 bool had_bom, const std::string& raw_stdin,
                                 const SourceText& source,
                                 const std::vector<Finding>& findings, std::ostream& out,
                                 std::ostream& err, bool* write_error);

  // After the last file: writes --write-baseline. Returns the exit status to use instead of the
  // findings' one, if any (--diff: 1 when a diff was printed, else 0; --write-baseline: 0, or 2
  // when the file could not be written).
  std::optional<int> Finish(std::ostream& err);

 private:
  const Options& options_;
  bool quiet_ = false;
  bool diffed_ = false;
  std::optional<Baseline> baseline_;        // --baseline
  std::optional<Baseline> write_baseline_;  // --write-baseline
};

}  // namespace tonelint
