#include "suppression.h"

#include <algorithm>
#include <string_view>

namespace tonelint {
namespace {

struct Comment {
  ByteRange body;
  ByteRange whole;
};

bool IsBlank(char c) { return c == ' ' || c == '\t'; }
bool IsSpace(char c) { return IsBlank(c) || c == '\n' || c == '\r'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

// Comments of the four kinds, in order, not overlapping. An opener without its closer is text.
std::vector<Comment> FindComments(std::string_view text) {
  struct Kind {
    std::string_view open, close;
  };
  // Longest opener first: "{{!--" before "{{!".
  static constexpr Kind kKinds[] = {{"<!--", "-->"}, {"{{!--", "--}}"}, {"{{!", "}}"}, {"{#", "#}"}};
  std::vector<Comment> comments;
  bool line_start = true;  // only blanks so far on this line
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == '\n' || c == '\r') {
      line_start = true;
      ++i;
      continue;
    }
    if (line_start && c == '#' && i + 1 < text.size() && IsBlank(text[i + 1])) {
      std::size_t end = text.find_first_of("\r\n", i);
      if (end == std::string_view::npos) end = text.size();
      comments.push_back({{i + 1, end}, {i, end}});
      i = end;
      continue;
    }
    if (!IsBlank(c)) line_start = false;
    bool matched = false;
    for (const Kind& kind : kKinds) {
      if (text.compare(i, kind.open.size(), kind.open) != 0) continue;
      const std::size_t close = text.find(kind.close, i + kind.open.size());
      if (close == std::string_view::npos) break;
      comments.push_back({{i + kind.open.size(), close}, {i, close + kind.close.size()}});
      i = close + kind.close.size();
      matched = true;
      break;
    }
    if (!matched) ++i;
  }
  return comments;
}

constexpr std::string_view kPrefix = "tonelint-";

// Parses the directives in one comment body.
void ParseDirectives(std::string_view text, const Comment& comment, std::vector<Suppression>* out) {
  static constexpr std::pair<std::string_view, Suppression::Kind> kWords[] = {
      {"tonelint-disable-next-line", Suppression::Kind::kNextLine},
      {"tonelint-disable", Suppression::Kind::kDisable},
      {"tonelint-enable", Suppression::Kind::kEnable}};
  const std::string_view body = text.substr(comment.body.begin, comment.body.end - comment.body.begin);
  std::size_t at = body.find(kPrefix);
  while (at != std::string_view::npos) {
    const std::size_t next = body.find(kPrefix, at + kPrefix.size());
    const std::size_t end = next == std::string_view::npos ? body.size() : next;
    for (const auto& [word, kind] : kWords) {
      if (body.compare(at, word.size(), word) != 0) continue;
      const std::size_t after = at + word.size();
      if (after < end && !IsSpace(body[after]) && body[after] != ',') break;  // "tonelint-disabled"
      Suppression suppression;
      suppression.kind = kind;
      suppression.comment = comment.whole;
      std::string_view rest = body.substr(after, end - after);
      std::size_t dashes = rest.find("--");
      while (dashes != std::string_view::npos && dashes > 0 && !IsSpace(rest[dashes - 1])) {
        dashes = rest.find("--", dashes + 2);
      }
      if (dashes != std::string_view::npos) {
        suppression.reason = std::string(Trim(rest.substr(dashes + 2)));
        rest = rest.substr(0, dashes);
      }
      std::string selector;
      for (char c : rest) {
        if (IsSpace(c) || c == ',') {
          if (!selector.empty()) suppression.selectors.push_back(std::move(selector));
          selector.clear();
        } else {
          selector += c;
        }
      }
      if (!selector.empty()) suppression.selectors.push_back(std::move(selector));
      const std::size_t base = comment.body.begin;
      suppression.directive = {base + at, base + at + std::string_view(Trim(body.substr(at, end - at))).size()};
      out->push_back(std::move(suppression));
      break;
    }
    at = next;
  }
}

std::size_t LineOf(const SourceText& source, std::size_t offset) {
  std::size_t low = 1, high = source.line_count();
  while (low < high) {  // the last line whose start is <= offset
    const std::size_t mid = (low + high + 1) / 2;
    if (source.LineStart(mid) <= offset) {
      low = mid;
    } else {
      high = mid - 1;
    }
  }
  return low;
}

bool Covers(const std::vector<std::string>& selectors, const Rule* rule) {
  if (rule == nullptr) return false;
  if (selectors.empty()) return true;
  return std::any_of(selectors.begin(), selectors.end(), [&](const std::string& s) {
    return s == rule->id || s == rule->name || s == rule->category;
  });
}

// What one suppression covers: a line, or a byte range.
struct Scope {
  std::size_t directive;  // index into the suppressions
  std::vector<std::string> selectors;
  std::size_t line = 0;   // kNextLine: the line covered
  ByteRange range;        // kDisable
  std::size_t first_line = 0;  // kDisable: the line it starts on
};

Rule MakeBuiltin(std::string id, std::string name, std::string message) {
  Rule rule;
  rule.id = std::move(id);
  rule.name = std::move(name);
  rule.category = "suppression";
  rule.severity = Severity::kInfo;
  rule.message = std::move(message);
  rule.location = {"<built-in>", 0, 0};
  return rule;
}

}  // namespace

const Rule& SuppressionWithoutReasonRule() {
  static const Rule rule = MakeBuiltin(
      "TL0001", "suppression-without-reason",
      "A suppression should say why, after '--': tonelint-disable-next-line ID -- reason.");
  return rule;
}

const Rule& UnusedSuppressionRule() {
  static const Rule rule = MakeBuiltin("TL0002", "unused-suppression",
                                       "This suppression covers no finding; remove it.");
  return rule;
}

const std::vector<std::string>& BuiltinSuppressionNames() {
  static const std::vector<std::string> names = {
      "TL0001", "suppression-without-reason", "TL0002", "unused-suppression", "suppression"};
  return names;
}

std::vector<Suppression> FindSuppressions(const SourceText& source) {
  std::vector<Suppression> suppressions;
  const std::string& text = source.text();
  if (text.find(kPrefix) == std::string::npos) return suppressions;  // the common case
  for (const Comment& comment : FindComments(text)) ParseDirectives(text, comment, &suppressions);
  for (Suppression& s : suppressions) {
    s.comment_first_line = LineOf(source, s.comment.begin);
    s.comment_last_line = LineOf(source, s.comment.end - 1);
    s.directive_begin = source.PositionOf(s.directive.begin);
    s.directive_end = source.PositionOf(s.directive.end);
  }
  return suppressions;
}

void ApplySuppressions(const SourceText& source, std::vector<Finding>* findings) {
  ApplySuppressions(FindSuppressions(source), source.text().size(), findings);
}

void ApplySuppressions(const std::vector<Suppression>& suppressions, std::size_t text_end,
                       std::vector<Finding>* findings) {
  if (suppressions.empty()) return;
  std::vector<Scope> scopes;
  std::vector<std::size_t> open;  // indices into scopes of disable ranges not yet closed
  for (std::size_t i = 0; i < suppressions.size(); ++i) {
    const Suppression& s = suppressions[i];
    switch (s.kind) {
      case Suppression::Kind::kNextLine:
        scopes.push_back({i, s.selectors, s.comment_last_line + 1, {}, 0});
        break;
      case Suppression::Kind::kDisable:
        // One scope per selector, so that `tonelint-enable X` can end one of several.
        for (std::size_t k = 0; k < std::max<std::size_t>(1, s.selectors.size()); ++k) {
          std::vector<std::string> one;
          if (!s.selectors.empty()) one.push_back(s.selectors[k]);
          scopes.push_back({i, one, 0, {s.comment.begin, text_end}, s.comment_first_line});
          open.push_back(scopes.size() - 1);
        }
        break;
      case Suppression::Kind::kEnable:
        std::erase_if(open, [&](std::size_t index) {
          Scope& scope = scopes[index];
          const bool closes = s.selectors.empty() ||
                              (scope.selectors.size() == 1 &&
                               std::find(s.selectors.begin(), s.selectors.end(),
                                         scope.selectors[0]) != s.selectors.end());
          if (closes) scope.range.end = s.comment.begin;
          return closes;
        });
        break;
    }
  }

  std::vector<bool> used(suppressions.size(), false);
  std::erase_if(*findings, [&](const Finding& finding) {
    // A finding inside a suppression comment (its reason, in a `#` comment, which the mask
    // does not hide) is never reported.
    for (const Suppression& s : suppressions) {
      if (!finding.document_level && finding.span.begin >= s.comment.begin &&
          finding.span.begin < s.comment.end) {
        return true;
      }
    }
    bool covered = false;
    for (const Scope& scope : scopes) {
      if (!Covers(scope.selectors, finding.rule)) continue;
      bool hit;
      if (suppressions[scope.directive].kind == Suppression::Kind::kNextLine) {
        hit = finding.begin.line == scope.line;
      } else if (finding.document_level) {
        hit = scope.first_line <= finding.begin.line && scope.range.end > finding.span.begin;
      } else {
        hit = finding.span.begin >= scope.range.begin && finding.span.begin < scope.range.end;
      }
      if (hit) {
        used[scope.directive] = true;
        covered = true;
      }
    }
    return covered;
  });

  for (std::size_t i = 0; i < suppressions.size(); ++i) {
    const Suppression& s = suppressions[i];
    if (s.kind == Suppression::Kind::kEnable) continue;
    auto report = [&](const Rule& rule) {
      Finding finding;
      finding.rule = &rule;
      finding.severity = rule.severity;
      finding.span = s.directive;
      finding.begin = s.directive_begin;
      finding.end = s.directive_end;
      findings->push_back(std::move(finding));
    };
    if (s.reason.empty()) report(SuppressionWithoutReasonRule());
    if (!used[i]) report(UnusedSuppressionRule());
  }
  std::stable_sort(findings->begin(), findings->end(), [](const Finding& a, const Finding& b) {
    if (a.begin.line != b.begin.line) return a.begin.line < b.begin.line;
    if (a.begin.column != b.begin.column) return a.begin.column < b.begin.column;
    return a.rule->id < b.rule->id;
  });
}

}  // namespace tonelint
