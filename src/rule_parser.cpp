#include "rule_parser.h"

#include <algorithm>
#include <optional>
#include <span>
#include <string_view>

#include "source_text.h"
#include "suggest_name.h"

namespace tonelint {

std::string Diagnostic::ToString() const {
  if (location.file.empty()) return message;
  std::string out = location.file;
  if (location.line > 0) out.append(":").append(std::to_string(location.line));
  if (location.column > 0) out.append(":").append(std::to_string(location.column));
  return out.append(": ").append(message);
}

Diagnostic DiagnosticAt(const std::string& file, std::size_t line, std::string message) {
  Diagnostic diagnostic;
  diagnostic.location.file = file;
  diagnostic.location.line = line;
  diagnostic.message = std::move(message);
  return diagnostic;
}

const std::vector<std::string>& KnownCategories() {
  static const std::vector<std::string> categories = {
      "insult",          "profanity",         "discrimination", "threat",
      "mockery",         "dismissive",        "defensive",      "blame",
      "shouting",        "formality",         "privacy",        "missing-apology",
      "missing-empathy", "missing-follow-up", "missing-thanks", "move-private"};
  return categories;
}

bool IsKnownCategory(const std::string& category) {
  const auto& known = KnownCategories();
  return std::find(known.begin(), known.end(), category) != known.end();
}

namespace {

// One `key value` line. Its places are numbers until a diagnostic or a stored value needs one:
// a SourceLocation copies the file's path, and most key lines never need theirs.
struct KeyLine {
  std::string key;
  std::string value;
  std::size_t line_number = 0;
  std::size_t key_column = 0;  // 1-based code points
  std::size_t value_column = 0;
};

bool IsBlank(char c) { return c == ' ' || c == '\t'; }

std::string_view TrimRight(std::string_view s) {
  while (!s.empty() && (IsBlank(s.back()) || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

bool IsValidId(std::string_view id) {
  return id.size() == 6 && id.starts_with("TL") &&
         std::all_of(id.begin() + 2, id.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool IsValidName(std::string_view name) {
  if (name.empty() || name.front() == '-' || name.back() == '-') return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

// Parses one block; takes values out of `lines`, which the caller then clears and reuses for the
// next block (one buffer for a file's blocks instead of one grown again for each).
class BlockParser {
 public:
  BlockParser(const std::string& file, std::vector<KeyLine>& lines,
              std::vector<Diagnostic>* errors)
      : file_(file), lines_(lines), errors_(errors) {}

  void Parse(RuleFile* out) {
    const KeyLine& head = lines_.front();
    if (head.key == "rule") {
      Rule rule;
      if (ParseRule(&rule)) out->rules.push_back(std::move(rule));
    } else if (head.key == "signal") {
      Signal signal;
      if (ParseSignal(&signal)) out->signals.push_back(std::move(signal));
    } else {
      Error(KeyLocation(head),
            "a block must start with 'rule ID name' or 'signal NAME', not '" + head.key + "'");
    }
  }

 private:
  void Error(const SourceLocation& where, std::string message) {
    errors_->push_back({where, std::move(message)});
    failed_ = true;
  }

  SourceLocation KeyLocation(const KeyLine& line) const {
    return {file_, line.line_number, line.key_column};
  }
  SourceLocation ValueLocation(const KeyLine& line) const {
    return {file_, line.line_number, line.value_column};
  }

  // The line's value and place, moved out of it (it is not read again).
  PatternLine Pattern(KeyLine& line, bool is_regex) {
    return {std::move(line.value), is_regex, ValueLocation(line)};
  }

  // A key a block may have.
  struct KeySpec {
    std::string_view key;
    bool repeatable;
  };

  // Calls `handle(line)` for every line after the head whose key is one of `keys`; reports
  // unknown and repeated keys. `handle` may move from the line.
  template <typename Handle>
  void Dispatch(std::span<const KeySpec> keys, Handle handle) {
    std::vector<std::pair<std::string_view, std::size_t>> seen;  // non-repeatable key, line
    seen.reserve(keys.size());
    for (std::size_t i = 1; i < lines_.size(); ++i) {
      KeyLine& line = lines_[i];
      const auto spec = std::find_if(keys.begin(), keys.end(),
                                     [&](const KeySpec& known) { return known.key == line.key; });
      if (spec == keys.end()) {
        std::vector<std::string> names;
        for (const KeySpec& known : keys) names.emplace_back(known.key);
        std::sort(names.begin(), names.end());
        Error(KeyLocation(line), "unknown key '" + line.key + "'" + DidYouMean(line.key, names));
        continue;
      }
      if (!spec->repeatable) {
        const auto first = std::find_if(seen.begin(), seen.end(),
                                        [&](const auto& entry) { return entry.first == line.key; });
        if (first != seen.end()) {
          Error(KeyLocation(line), "'" + line.key + "' given twice (first on line " +
                                       std::to_string(first->second) + ")");
          continue;
        }
        seen.emplace_back(spec->key, line.line_number);
      }
      if (line.value.empty()) {
        Error(ValueLocation(line), "'" + line.key + "' needs a value");
        continue;
      }
      handle(line);
    }
  }

  void ReadLang(const KeyLine& line, Lang* lang) {
    if (auto parsed = ParseLang(line.value)) {
      *lang = *parsed;
    } else {
      Error(ValueLocation(line), "unknown language '" + line.value + "' (expected es or en)");
    }
  }

  bool ReadYesNo(const KeyLine& line) {
    if (line.value != "yes" && line.value != "no") {
      Error(ValueLocation(line), "'" + line.key + "' is yes or no, not '" + line.value + "'");
    }
    return line.value == "yes";
  }

  // A run of one word in capitals is an acronym or a name as often as a shout, hence at least 2.
  int ReadCapsWords(const KeyLine& line) {
    const std::string& value = line.value;
    if (value.empty() || value.size() > 2 ||
        value.find_first_not_of("0123456789") != std::string::npos || std::stoi(value) < 2) {
      Error(ValueLocation(line), "'caps-words' is a number of words from 2 to 99, not '" + value + "'");
      return 0;
    }
    return std::stoi(value);
  }

  void ParseTrigger(const KeyLine& line, Rule* rule) {
    Trigger trigger;
    trigger.location = ValueLocation(line);
    const std::string& value = line.value;
    if (value == "always") {
      trigger.kind = Trigger::Kind::kAlways;
    } else if (value.starts_with("context:") && value.size() > 8) {
      trigger.kind = Trigger::Kind::kContext;
      trigger.signal = value.substr(8);
    } else if (value.starts_with("reply:") && value.size() > 6) {
      trigger.kind = Trigger::Kind::kReply;
      trigger.signal = value.substr(6);
    } else {
      Error(ValueLocation(line),
            "bad trigger '" + value + "' (expected always, context:SIGNAL or reply:SIGNAL)");
      return;
    }
    rule->triggers.push_back(std::move(trigger));
  }

  bool ParseRule(Rule* rule) {
    const KeyLine& head = lines_.front();
    rule->location = KeyLocation(head);
    const std::size_t space = head.value.find_first_of(" \t");
    const std::string id = head.value.substr(0, space);
    const std::string name =
        space == std::string::npos ? "" : std::string(TrimLeft(head.value.substr(space)));
    if (!IsValidId(id)) {
      Error(ValueLocation(head), "bad rule id '" + id + "' (expected TL and four digits, e.g. TL1001)");
    }
    if (!IsValidName(name)) {
      Error(ValueLocation(head), name.empty() ? "rule '" + id + "' needs a name after its id"
                                              : "bad rule name '" + name +
                                                    "' (lowercase words joined by '-')");
    }
    rule->id = id;
    rule->name = name;
    bool has_lang = false, has_category = false, has_severity = false, has_message = false;
    static constexpr KeySpec kRuleKeys[] = {
        {"lang", false},    {"category", false}, {"severity", false}, {"message", false},
        {"match", true},    {"regex", true},     {"unless", true},    {"require", true},
        {"when", true},     {"obfuscated", false}, {"caps-words", false}, {"suggest", true},
        {"language-specific", false}, {"fix", false}, {"bad", true}, {"good", true}};
    Dispatch(kRuleKeys, [&](KeyLine& l) {
      // Compared as a view, a key is told from each literal by its length first, where
      // std::string's operator== calls strlen and compare.
      const std::string_view key = l.key;
      if (key == "lang") {
        has_lang = true;
        ReadLang(l, &rule->lang);
      } else if (key == "category") {
        has_category = true;
        if (!IsKnownCategory(l.value)) {
          Error(ValueLocation(l),
                "unknown category '" + l.value + "'" + DidYouMean(l.value, KnownCategories()));
        }
        rule->category = l.value;
      } else if (key == "severity") {
        has_severity = true;
        if (auto severity = ParseSeverity(l.value)) {
          rule->severity = *severity;
        } else {
          Error(ValueLocation(l), "unknown severity '" + l.value + "' (expected error, warning or info)");
        }
      } else if (key == "message") {
        has_message = true;
        rule->message = std::move(l.value);
      } else if (key == "match") {
        rule->matches.push_back(Pattern(l, false));
      } else if (key == "regex") {
        rule->matches.push_back(Pattern(l, true));
      } else if (key == "unless") {
        rule->unless.push_back(Pattern(l, false));
      } else if (key == "require") {
        rule->required.push_back(Pattern(l, false));
      } else if (key == "when") {
        ParseTrigger(l, rule);
      } else if (key == "obfuscated") {
        rule->obfuscated = ReadYesNo(l);
      } else if (key == "caps-words") {
        rule->caps_words = ReadCapsWords(l);
      } else if (key == "suggest") {
        rule->suggestions.push_back(std::move(l.value));
      } else if (key == "language-specific") {
        rule->language_specific = ReadYesNo(l);
      } else if (key == "fix") {
        if (l.value != "safe") Error(ValueLocation(l), "'fix' can only be 'safe'");
        rule->fix_safe = true;
      } else if (key == "bad") {
        rule->bad.push_back({std::move(l.value), ValueLocation(l)});
      } else if (key == "good") {
        rule->good.push_back({std::move(l.value), ValueLocation(l)});
      }
    });
    const std::string subject = "rule " + rule->id;
    if (!has_lang) Error(KeyLocation(head), subject + " has no 'lang'");
    if (!has_category) Error(KeyLocation(head), subject + " has no 'category'");
    if (!has_severity) Error(KeyLocation(head), subject + " has no 'severity'");
    if (!has_message) Error(KeyLocation(head), subject + " has no 'message'");
    const bool is_phrase_rule = !rule->matches.empty() || rule->caps_words > 0;
    const bool is_document_rule = !rule->required.empty() || !rule->triggers.empty();
    if (is_phrase_rule && is_document_rule) {
      Error(KeyLocation(head),
            subject + " mixes match/regex/caps-words with require/when: a rule is one or the other");
    } else if (!is_phrase_rule && !is_document_rule) {
      Error(KeyLocation(head),
            subject + " needs 'match' or 'regex' lines, 'caps-words', or 'require'/'when'");
    } else if (is_document_rule && rule->triggers.empty()) {
      Error(KeyLocation(head), subject + " has 'require' but no 'when' (use 'when always')");
    }
    if (is_document_rule && (!rule->unless.empty() || rule->obfuscated)) {
      Error(KeyLocation(head), subject + ": 'unless' and 'obfuscated' apply to match rules only");
    }
    return !failed_;
  }

  bool ParseSignal(Signal* signal) {
    const KeyLine& head = lines_.front();
    signal->location = KeyLocation(head);
    signal->name = head.value;
    if (!IsValidName(signal->name)) {
      Error(ValueLocation(head),
            "bad signal name '" + signal->name + "' (lowercase words joined by '-')");
    }
    bool has_lang = false;
    static constexpr KeySpec kSignalKeys[] = {{"lang", false}, {"match", true}, {"regex", true}};
    Dispatch(kSignalKeys, [&](KeyLine& l) {
      if (l.key == "lang") {
        has_lang = true;
        ReadLang(l, &signal->lang);
      } else {
        signal->matches.push_back(Pattern(l, l.key == "regex"));
      }
    });
    if (!has_lang) Error(KeyLocation(head), "signal " + signal->name + " has no 'lang'");
    if (signal->matches.empty()) {
      Error(KeyLocation(head), "signal " + signal->name + " has no 'match' or 'regex'");
    }
    return !failed_;
  }

  static std::string_view TrimLeft(std::string_view s) {
    while (!s.empty() && IsBlank(s.front())) s.remove_prefix(1);
    return s;
  }

  const std::string& file_;
  std::vector<KeyLine>& lines_;
  std::vector<Diagnostic>* errors_;
  bool failed_ = false;
};

// Splits a `key value` line.
KeyLine SplitKeyLine(std::size_t line_number, std::string_view line) {
  KeyLine out;
  std::size_t i = 0;
  while (i < line.size() && IsBlank(line[i])) ++i;
  const std::size_t key_begin = i;
  while (i < line.size() && !IsBlank(line[i])) ++i;
  const std::size_t key_end = i;
  out.key = std::string(line.substr(key_begin, key_end - key_begin));
  while (i < line.size() && IsBlank(line[i])) ++i;
  out.value = std::string(TrimRight(line.substr(i)));
  out.line_number = line_number;
  // Blanks are one byte each: only the key's code points need counting.
  out.key_column = key_begin + 1;
  out.value_column = out.key_column + CountCodePoints(out.key) + (i - key_end);
  return out;
}

}  // namespace

bool ParseRuleFile(std::string_view path, std::string_view contents, RuleFile* out,
                   std::vector<Diagnostic>* errors) {
  const std::size_t errors_before = errors->size();
  const std::string file(path);
  std::vector<KeyLine> block;
  auto flush = [&] {
    if (!block.empty()) BlockParser(file, block, errors).Parse(out);
    block.clear();
  };
  std::size_t line_number = 0;
  std::size_t pos = 0;
  if (contents.starts_with("\xEF\xBB\xBF")) pos = 3;
  while (pos <= contents.size()) {
    std::size_t end = contents.find('\n', pos);
    if (end == std::string_view::npos) end = contents.size();
    const std::string_view line = TrimRight(contents.substr(pos, end - pos));
    ++line_number;
    pos = end + 1;
    std::size_t first = 0;
    while (first < line.size() && IsBlank(line[first])) ++first;
    if (first == line.size()) {
      flush();
    } else if (line[first] != '#') {
      block.push_back(SplitKeyLine(line_number, line));
    }
  }
  flush();
  return errors->size() == errors_before;
}

}  // namespace tonelint
