// The `.tonelint` config file (DESIGN.md §1): INI, no YAML.
//
//   [tonelint]
//   lang = es                     auto | es | en
//   fail-on = error               error | warning | info | none
//   min-severity = warning        error | warning | info
//   each-line = true              true | false
//   rules = team-rules/, x.rules  extra rule files or directories, relative to the config file
//   enable = TL1501               ids, names or categories
//   disable = mockery, TL1204
//   ignore = drafts/**, *.bak     globs relative to the config file's directory
//   placeholders = [[ ]], <% %>   extra placeholder delimiters (open and close) to mask
//   [severity]
//   missing-follow-up = warning   by id, name or category
//
// `#` and `;` start comment lines, and `#` after a blank starts a comment at the end of a
// line; keys may repeat (list values accumulate, others: last wins).
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rule.h"
#include "types.h"

namespace tonelint {

inline constexpr std::string_view kConfigFileName = ".tonelint";

// A value that names rules, with where it was written (for `file:line:` errors once the rules
// are known).
struct ConfigSelector {
  std::string name;  // id, name or category
  SourceLocation location;
};

struct SeverityOverride {
  ConfigSelector selector;
  Severity severity = Severity::kWarning;
};

// One parsed config file. Unset optionals mean "not in the file".
struct Config {
  std::string path;  // the file read; empty for "no config"
  std::string dir;   // its directory (where relative paths and globs start)
  std::optional<std::optional<Lang>> lang;               // inner nullopt: auto
  std::optional<std::optional<Severity>> fail_on;        // inner nullopt: none
  std::optional<Severity> min_severity;
  std::optional<bool> each_line;
  std::vector<std::string> rules;                        // resolved against `dir`
  std::vector<ConfigSelector> enable;
  std::vector<ConfigSelector> disable;
  std::vector<std::string> ignore;                       // globs, as written
  std::vector<std::pair<std::string, std::string>> placeholders;  // open, close
  std::vector<SeverityOverride> severity;
};

// Parses config text. `path` names the file in diagnostics (`path:line: message`) and sets
// Config::path/dir. Unknown sections and keys (with "did you mean"), bad values and lines that
// are neither `[section]` nor `key = value` are appended to `errors`; returns false then.
bool ParseConfig(std::string_view text, const std::string& path, Config* config,
                 std::vector<Diagnostic>* errors);

// Reads and parses `path`; an unreadable file is an error too.
bool LoadConfigFile(const std::string& path, Config* config, std::vector<Diagnostic>* errors);

// The nearest `.tonelint` in `dir` or its parents, stopping after the first directory that
// contains `.git` (the repository root) or at the file-system root. Empty if none.
std::string FindConfigFile(const std::string& dir);

// Whether `path` (a file to lint, relative to the current directory or absolute) matches one of
// `config.ignore`. Globs are relative to the config's directory: `*` and `?` do not cross '/',
// `**` does; a glob without '/' matches the file name at any depth (as in .gitignore); a glob
// ending in '/' or matching a parent directory ignores everything below it.
bool IsIgnored(const Config& config, const std::string& path);

// Whether one ignore glob matches `path` ('/'-separated, relative to the config's directory),
// with the rules above; built on ignore_rules.h's GlobMatch. Exposed for tests.
bool IgnoreGlobMatches(std::string_view glob, std::string_view path);

// Checks the selectors of `config` (enable, disable, severity) against `known` (ids, names
// and categories of the loaded rules); unknown ones become `file:line:` errors with "did you
// mean". Returns false if any.
bool ValidateConfigSelectors(const Config& config, const std::vector<std::string>& known,
                             std::vector<Diagnostic>* errors);

// Whether `selector` names `rule` (by id, name or category).
bool SelectorNames(const std::string& selector, const Rule& rule);

// The severity `config` gives `rule` ([severity] entries naming its id or name beat those naming
// its category; later entries beat earlier ones), or nullopt when none applies.
std::optional<Severity> SeverityOverrideFor(const Config& config, const Rule& rule);

// Whether `config` disables `rule` (disable names it, enable does not), ignoring the command
// line's --enable, which the caller checks.
bool ConfigDisables(const Config& config, const Rule& rule);

}  // namespace tonelint
