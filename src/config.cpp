#include "config.h"
#include "ignore_rules.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "suggest_name.h"

namespace tonelint {
namespace fs = std::filesystem;
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::vector<std::string> SplitComma(std::string_view value) {
  std::vector<std::string> items;
  std::size_t begin = 0;
  while (begin <= value.size()) {
    std::size_t end = value.find(',', begin);
    if (end == std::string_view::npos) end = value.size();
    const std::string_view item = Trim(value.substr(begin, end - begin));
    if (!item.empty()) items.emplace_back(item);
    begin = end + 1;
  }
  return items;
}

const std::vector<std::string>& TonelintKeys() {
  static const std::vector<std::string> keys = {
      "lang",    "fail-on", "min-severity", "each-line",   "rules",
      "enable",  "disable", "ignore",       "placeholders"};
  return keys;
}

class Parser {
 public:
  Parser(const std::string& path, Config* config, std::vector<Diagnostic>* errors)
      : path_(path), config_(config), errors_(errors) {}

  void Line(std::size_t number, std::string_view line) {
    line_ = number;
    line = Trim(line);
    if (line.empty() || line.front() == '#' || line.front() == ';') return;
    if (line.front() == '[') {
      if (line.back() != ']') return Error("a section header must end with ']'");
      section_ = std::string(Trim(line.substr(1, line.size() - 2)));
      static const std::vector<std::string> sections = {"tonelint", "severity"};
      if (std::find(sections.begin(), sections.end(), section_) == sections.end()) {
        Error("unknown section '[" + section_ + "]'" + DidYouMean(section_, sections));
        section_.assign(1, '?');  // not = "?" (GCC 12's false -Wrestrict, as below)
      }
      return;
    }
    const std::size_t equals = line.find('=');
    if (equals == std::string_view::npos) return Error("expected 'key = value'");
    const std::string key(Trim(line.substr(0, equals)));
    std::string_view value = line.substr(equals + 1);
    // An inline comment: '#' after a blank ("lang = es   # auto | es | en").
    for (std::size_t i = 1; i < value.size(); ++i) {
      if (value[i] == '#' && (value[i - 1] == ' ' || value[i - 1] == '\t')) {
        value = value.substr(0, i);
        break;
      }
    }
    value = Trim(value);
    if (key.empty()) return Error("expected 'key = value'");
    if (section_.empty()) return Error("'" + key + "' outside a section; start with [tonelint]");
    if (section_ == "?") return;  // already reported the section
    if (section_ == "severity") return SeverityKey(key, value);
    TonelintKey(key, value);
  }

 private:
  void Error(std::string message) { errors_->push_back({{path_, line_, 0}, std::move(message)}); }

  SourceLocation Here() const { return {path_, line_, 0}; }

  void SeverityKey(const std::string& key, std::string_view value) {
    const std::optional<Severity> severity = ParseSeverity(value);
    if (!severity) {
      return Error("bad severity '" + std::string(value) + "' for '" + key +
                   "' (error, warning or info)" +
                   DidYouMean(value, {"error", "warning", "info"}));
    }
    config_->severity.push_back({{key, Here()}, *severity});
  }

  void TonelintKey(const std::string& key, std::string_view value) {
    const std::string text(value);
    if (key == "lang") {
      if (value == "auto") {
        config_->lang = std::optional<Lang>();
      } else if (std::optional<Lang> lang = ParseLang(value)) {
        config_->lang = lang;
      } else {
        Error("bad lang '" + text + "' (auto, es or en)");
      }
    } else if (key == "fail-on") {
      if (value == "none") {
        config_->fail_on = std::optional<Severity>();
      } else if (std::optional<Severity> severity = ParseSeverity(value)) {
        config_->fail_on = severity;
      } else {
        Error("bad fail-on '" + text + "' (error, warning, info or none)" +
              DidYouMean(value, {"error", "warning", "info", "none"}));
      }
    } else if (key == "min-severity") {
      if (std::optional<Severity> severity = ParseSeverity(value)) {
        config_->min_severity = severity;
      } else {
        Error("bad min-severity '" + text + "' (error, warning or info)" +
              DidYouMean(value, {"error", "warning", "info"}));
      }
    } else if (key == "each-line") {
      if (value == "true" || value == "yes" || value == "1") {
        config_->each_line = true;
      } else if (value == "false" || value == "no" || value == "0") {
        config_->each_line = false;
      } else {
        Error("bad each-line '" + text + "' (true or false)");
      }
    } else if (key == "rules") {
      for (const std::string& item : SplitComma(value)) {
        const fs::path p(item);
        config_->rules.push_back(p.is_absolute() ? item : (fs::path(config_->dir) / p).string());
      }
    } else if (key == "enable" || key == "disable") {
      auto& list = key == "enable" ? config_->enable : config_->disable;
      for (std::string& item : SplitComma(value)) list.push_back({std::move(item), Here()});
    } else if (key == "ignore") {
      for (std::string& item : SplitComma(value)) config_->ignore.push_back(std::move(item));
    } else if (key == "placeholders") {
      for (const std::string& item : SplitComma(value)) {
        const std::size_t space = item.find_first_of(" \t");
        const std::string open = item.substr(0, space);
        const std::string close =
            space == std::string::npos ? "" : std::string(Trim(std::string_view(item).substr(space)));
        if (close.empty() || close.find_first_of(" \t") != std::string::npos) {
          Error("bad placeholder '" + item + "': write the opening and closing delimiters "
                "separated by a space, e.g. '[[ ]]'");
          continue;
        }
        config_->placeholders.emplace_back(open, close);
      }
    } else {
      Error("unknown key '" + key + "' in [tonelint]" + DidYouMean(key, TonelintKeys()));
    }
  }

  const std::string& path_;
  Config* config_;
  std::vector<Diagnostic>* errors_;
  std::size_t line_ = 0;
  std::string section_;
};

}  // namespace

bool ParseConfig(std::string_view text, const std::string& path, Config* config,
                 std::vector<Diagnostic>* errors) {
  const std::size_t errors_before = errors->size();
  config->path = path;
  config->dir = fs::path(path).parent_path().string();
  // assign(1, '.'), not = ".": GCC 12 warns (-Wrestrict) on assigning a literal here, wrongly.
  if (config->dir.empty()) config->dir.assign(1, '.');
  Parser parser(path, config, errors);
  std::size_t number = 1, begin = 0;
  while (begin < text.size()) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(begin, end - begin);
    if (number == 1 && line.starts_with("\xEF\xBB\xBF")) line.remove_prefix(3);
    parser.Line(number, line);
    ++number;
    begin = end + 1;
  }
  return errors->size() == errors_before;
}

bool LoadConfigFile(const std::string& path, Config* config, std::vector<Diagnostic>* errors) {
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    errors->push_back(DiagnosticAt(path, 0, "cannot read the config file"));
    return false;
  }
  const std::string text((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  return ParseConfig(text, path, config, errors);
}

std::string FindConfigFile(const std::string& dir) {
  std::error_code ec;
  fs::path current = fs::absolute(dir.empty() ? fs::path(".") : fs::path(dir), ec).lexically_normal();
  if (ec) return "";
  while (true) {
    const fs::path candidate = current / kConfigFileName;
    if (fs::is_regular_file(candidate, ec)) return candidate.string();
    if (fs::exists(current / ".git", ec)) return "";
    if (!current.has_relative_path()) return "";
    current = current.parent_path();
  }
}

bool IgnoreGlobMatches(std::string_view glob, std::string_view path) {
  bool directory_only = false;
  if (glob.ends_with('/')) {
    directory_only = true;
    glob.remove_suffix(1);
  }
  const bool anchored = glob.find('/') != std::string_view::npos;
  if (glob.starts_with('/')) glob.remove_prefix(1);
  const std::string pattern = anchored ? std::string(glob) : "**/" + std::string(glob);
  while (path.starts_with("./")) path.remove_prefix(2);
  // The file itself, or (like .gitignore) one of its parent directories.
  for (std::size_t end = path.find('/'); end != std::string_view::npos;
       end = path.find('/', end + 1)) {
    if (GlobMatch(pattern, path.substr(0, end))) return true;
  }
  return !directory_only && GlobMatch(pattern, path);
}

bool IsIgnored(const Config& config, const std::string& path) {
  if (config.ignore.empty()) return false;
  std::error_code ec;
  const fs::path file = fs::absolute(path, ec).lexically_normal();
  const fs::path base = fs::absolute(config.dir, ec).lexically_normal();
  const std::string relative = file.lexically_relative(base).generic_string();
  if (relative.empty() || relative.starts_with("..")) return false;
  return std::any_of(config.ignore.begin(), config.ignore.end(),
                     [&](const std::string& glob) { return IgnoreGlobMatches(glob, relative); });
}

bool ValidateConfigSelectors(const Config& config, const std::vector<std::string>& known,
                             std::vector<Diagnostic>* errors) {
  bool ok = true;
  auto check = [&](const ConfigSelector& selector) {
    if (std::find(known.begin(), known.end(), selector.name) != known.end()) return;
    errors->push_back({selector.location, "unknown rule, name or category '" + selector.name +
                                              "'" + DidYouMean(selector.name, known)});
    ok = false;
  };
  for (const ConfigSelector& selector : config.enable) check(selector);
  for (const ConfigSelector& selector : config.disable) check(selector);
  for (const SeverityOverride& entry : config.severity) check(entry.selector);
  return ok;
}

bool SelectorNames(const std::string& selector, const Rule& rule) {
  return selector == rule.id || selector == rule.name || selector == rule.category;
}

std::optional<Severity> SeverityOverrideFor(const Config& config, const Rule& rule) {
  std::optional<Severity> by_category, by_rule;
  for (const SeverityOverride& entry : config.severity) {
    const std::string& name = entry.selector.name;
    if (name == rule.id || name == rule.name) {
      by_rule = entry.severity;
    } else if (name == rule.category) {
      by_category = entry.severity;
    }
  }
  return by_rule ? by_rule : by_category;
}

bool ConfigDisables(const Config& config, const Rule& rule) {
  auto names = [&](const std::vector<ConfigSelector>& list) {
    return std::any_of(list.begin(), list.end(),
                       [&](const ConfigSelector& s) { return SelectorNames(s.name, rule); });
  };
  return names(config.disable) && !names(config.enable);
}

}  // namespace tonelint
