// For tests about the bundled rules' pattern lines.
#pragma once

#include "pattern_compiler.h"
#include "rule.h"

namespace tonelint {

// Calls `visit(line, mode)` for every pattern line of `file`, with the mode RuleSet::Build
// compiles it in.
template <typename Visit>
void ForEachPatternLine(const RuleFile& file, Visit visit) {
  for (const Rule& rule : file.rules) {
    for (const PatternLine& line : rule.matches) {
      visit(line, rule.obfuscated ? PatternMode::kObfuscated : PatternMode::kPlain);
    }
    for (const PatternLine& line : rule.unless) visit(line, PatternMode::kPlain);
    for (const PatternLine& line : rule.required) visit(line, PatternMode::kPlain);
  }
  for (const Signal& signal : file.signals) {
    for (const PatternLine& line : signal.matches) visit(line, PatternMode::kPlain);
  }
}

}  // namespace tonelint
