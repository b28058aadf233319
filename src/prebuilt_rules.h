// The bundled rule files as the parser reads them, written at build time as flat arrays
// (tools/prebuild_bundled_rules.cpp), so that a run makes its Rule values from them instead of
// parsing the same text at every start (ParseRuleFile was ~30% of a run on one reply, issue 6).
// Offsets into one text rather than pointers, as in precompiled_patterns.h.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "precompiled_patterns.h"
#include "rule.h"

namespace tonelint {

// Items [first, first + count) of one of PrebuiltRuleFiles' arrays.
struct ItemRange {
  std::uint32_t first = 0;
  std::uint32_t count = 0;
};

// A PatternLine, an Example (is_regex unused), a suggestion (text only) or a trigger's signal.
struct PrebuiltLine {
  TextRange text;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  bool is_regex = false;
  int precompiled_entry = -1;  // PatternLine::precompiled_entry
};

struct PrebuiltTrigger {
  Trigger::Kind kind = Trigger::Kind::kAlways;
  PrebuiltLine signal;
};

struct PrebuiltRule {
  TextRange id;
  TextRange name;
  Lang lang = Lang::kUnknown;
  TextRange category;
  Severity severity = Severity::kWarning;
  TextRange message;
  bool obfuscated = false;
  bool fix_safe = false;
  bool language_specific = false;
  int caps_words = 0;
  // In PrebuiltRuleFiles::lines.
  ItemRange matches, unless, suggestions, required, bad, good;
  ItemRange triggers;  // in PrebuiltRuleFiles::triggers
  std::uint32_t line = 0;
  std::uint32_t column = 0;
};

struct PrebuiltSignal {
  TextRange name;
  Lang lang = Lang::kUnknown;
  ItemRange matches;  // in PrebuiltRuleFiles::lines
  std::uint32_t line = 0;
  std::uint32_t column = 0;
};

struct PrebuiltRuleFile {
  TextRange path;
  ItemRange rules;
  ItemRange signals;
};

// Views of static storage, which must outlive it.
struct PrebuiltRuleFiles {
  std::string_view text;
  std::span<const PrebuiltRuleFile> files;
  std::span<const PrebuiltRule> rules;
  std::span<const PrebuiltSignal> signals;
  std::span<const PrebuiltLine> lines;
  std::span<const PrebuiltTrigger> triggers;

  // The files as ParseRuleFile reads them, in order; without the rules' bad and good examples
  // unless `with_examples`.
  std::vector<RuleFile> Load(bool with_examples = true) const;
};

}  // namespace tonelint
