// What the linter reports.
#pragma once

#include <string>
#include <vector>

#include "rule.h"
#include "source_text.h"
#include "types.h"

namespace tonelint {

struct Finding {
  const Rule* rule = nullptr;  // owned by the RuleSet, which outlives the findings
  Severity severity = Severity::kWarning;
  Lang lang = Lang::kUnknown;  // the language of the rule that fired
  // Bytes of SourceText::text() that matched. Empty (begin == end, at the start of the reply)
  // for a document-level finding.
  ByteRange span;
  Position begin;  // of span.begin
  Position end;    // of span.end (exclusive)
  bool document_level = false;
  std::vector<std::string> suggestions;  // `$N` expanded, first letter cased like the match
};

}  // namespace tonelint
