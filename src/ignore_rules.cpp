#include "ignore_rules.h"

namespace tonelint {
namespace {

// Matches a '[...]' class at the start of `pattern` against `c`. Sets `*length` to the length of
// the class; returns false with *length 0 when there is no closing ']' (then '[' is literal).
bool MatchClass(std::string_view pattern, char c, std::size_t* length) {
  std::size_t i = 1;
  const bool negated = i < pattern.size() && (pattern[i] == '!' || pattern[i] == '^');
  if (negated) ++i;
  bool matched = false;
  bool first = true;
  for (; i < pattern.size() && (first || pattern[i] != ']'); first = false) {
    char low = pattern[i];
    if (low == '\\' && i + 1 < pattern.size()) low = pattern[++i];
    char high = low;
    if (i + 2 < pattern.size() && pattern[i + 1] == '-' && pattern[i + 2] != ']') {
      high = pattern[i + 2];
      i += 2;
    }
    if (c >= low && c <= high) matched = true;
    ++i;
  }
  if (i >= pattern.size()) {
    *length = 0;
    return false;
  }
  *length = i + 1;
  return matched != negated && c != '/';
}

}  // namespace

bool GlobMatch(std::string_view pattern, std::string_view text) {
  while (!pattern.empty()) {
    const char p = pattern.front();
    if (p == '*' && pattern.substr(0, 2) == "**") {
      if (pattern == "**") return true;
      if (pattern.substr(0, 3) == "**/") {
        // Zero or more whole directories.
        const std::string_view rest = pattern.substr(3);
        if (GlobMatch(rest, text)) return true;
        for (std::size_t i = 0; i < text.size(); ++i) {
          if (text[i] == '/' && GlobMatch(rest, text.substr(i + 1))) return true;
        }
        return false;
      }
      pattern.remove_prefix(1);  // "**x": as '*'
      continue;
    }
    if (p == '*') {
      const std::string_view rest = pattern.substr(1);
      for (std::size_t i = 0;; ++i) {
        if (GlobMatch(rest, text.substr(i))) return true;
        if (i == text.size() || text[i] == '/') return false;
      }
    }
    if (text.empty()) return false;
    if (p == '?') {
      if (text.front() == '/') return false;
      pattern.remove_prefix(1);
    } else if (p == '[') {
      std::size_t length = 0;
      const bool matched = MatchClass(pattern, text.front(), &length);
      if (length == 0) {
        if (text.front() != '[') return false;
        length = 1;
      } else if (!matched) {
        return false;
      }
      pattern.remove_prefix(length);
    } else {
      char literal = p;
      if (p == '\\' && pattern.size() > 1) {
        literal = pattern[1];
        pattern.remove_prefix(1);
      }
      if (text.front() != literal) return false;
      pattern.remove_prefix(1);
    }
    text.remove_prefix(1);
  }
  return text.empty();
}

IgnoreRules IgnoreRules::Parse(std::string_view text) {
  IgnoreRules rules;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    // Trailing spaces go unless escaped ("\ ").
    while (!line.empty() && line.back() == ' ' &&
           !(line.size() >= 2 && line[line.size() - 2] == '\\')) {
      line.remove_suffix(1);
    }
    if (line.empty() || line.front() == '#') continue;
    Pattern pattern;
    if (line.front() == '!') {
      pattern.negated = true;
      line.remove_prefix(1);
    }
    if (!line.empty() && line.back() == '/') {
      pattern.dir_only = true;
      line.remove_suffix(1);
    }
    pattern.anchored = line.find('/') != std::string_view::npos;
    if (!line.empty() && line.front() == '/') line.remove_prefix(1);
    if (line.empty()) continue;
    pattern.glob = std::string(line);
    rules.patterns_.push_back(std::move(pattern));
  }
  return rules;
}

IgnoreRules::Verdict IgnoreRules::Match(std::string_view path, bool is_dir) const {
  const std::size_t slash = path.rfind('/');
  const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  for (auto it = patterns_.rbegin(); it != patterns_.rend(); ++it) {
    if (it->dir_only && !is_dir) continue;
    if (GlobMatch(it->glob, it->anchored ? path : name)) {
      return it->negated ? Verdict::kInclude : Verdict::kIgnore;
    }
  }
  return Verdict::kNone;
}

void IgnoreRules::Append(const IgnoreRules& other) {
  patterns_.insert(patterns_.end(), other.patterns_.begin(), other.patterns_.end());
}

}  // namespace tonelint
