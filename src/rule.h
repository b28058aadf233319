// Rules and signals as written in rule files (docs/rule-format.md), before compilation.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "types.h"

namespace tonelint {

// Where something was written: for `file:line:col:` messages.
struct SourceLocation {
  std::string file;
  std::size_t line = 0;
  std::size_t column = 0;
  friend bool operator==(const SourceLocation&, const SourceLocation&) = default;
};

// A diagnostic about rule files, the command line or the config: printed as
// `file:line:col: message` (or just `message` when there is no file).
struct Diagnostic {
  SourceLocation location;
  std::string message;
  std::string ToString() const;
};

// A diagnostic at `file`:`line` (line 0: the file as a whole). Built field by field, because a
// braced {{file, line, 0}, message} trips GCC 12's -Wmaybe-uninitialized.
Diagnostic DiagnosticAt(const std::string& file, std::size_t line, std::string message);

// One `match`, `regex`, `unless`, `require` line.
struct PatternLine {
  std::string text;
  bool is_regex = false;    // `regex` (raw RE2) rather than a phrase pattern
  SourceLocation location;  // of the value's first character
  // Where the bundled precompiled table has this line, if known (a line made from the
  // prebuilt rules, prebuilt_rules.h); -1 if not. A hint that spares RuleSet::Build the
  // search, which checks it: not part of the line's value.
  int precompiled_entry = -1;
  friend bool operator==(const PatternLine& a, const PatternLine& b) {
    return a.text == b.text && a.is_regex == b.is_regex && a.location == b.location;
  }
};

// A `when` line.
struct Trigger {
  enum class Kind { kAlways, kContext, kReply };
  Kind kind = Kind::kAlways;
  std::string signal;  // empty for kAlways
  SourceLocation location;
  friend bool operator==(const Trigger&, const Trigger&) = default;
};

struct Example {
  std::string text;
  SourceLocation location;
  friend bool operator==(const Example&, const Example&) = default;
};

// The fixed vocabulary of DESIGN.md §3.
const std::vector<std::string>& KnownCategories();
bool IsKnownCategory(const std::string& category);

struct Rule {
  std::string id;    // "TL1001"
  std::string name;  // "insult-direct"
  Lang lang = Lang::kUnknown;
  std::string category;
  Severity severity = Severity::kWarning;
  std::string message;
  std::vector<PatternLine> matches;  // `match` and `regex`
  std::vector<PatternLine> unless;
  bool obfuscated = false;
  std::vector<std::string> suggestions;
  bool fix_safe = false;
  // `language-specific yes`: a concept one language has and the other lacks (mixing tú and
  // usted), so the rule needs no counterpart under the same id in the other language.
  bool language_specific = false;
  // `caps-words N`: the rule fires on runs of N or more words written in capitals (see
  // FindCapsRuns); 0 when the rule has no such line.
  int caps_words = 0;
  std::vector<PatternLine> required;  // document rules
  std::vector<Trigger> triggers;      // document rules
  std::vector<Example> bad;
  std::vector<Example> good;
  SourceLocation location;  // of the `rule` line

  // A document rule checks the whole reply (require/when) instead of locating phrases.
  bool IsDocumentRule() const { return matches.empty() && caps_words == 0; }
  friend bool operator==(const Rule&, const Rule&) = default;
};

struct Signal {
  std::string name;
  Lang lang = Lang::kUnknown;
  std::vector<PatternLine> matches;
  SourceLocation location;
  friend bool operator==(const Signal&, const Signal&) = default;
};

struct RuleFile {
  std::vector<Rule> rules;
  std::vector<Signal> signals;
  friend bool operator==(const RuleFile&, const RuleFile&) = default;
};

}  // namespace tonelint
