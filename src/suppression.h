// Suppression comments (DESIGN.md §5):
//
//   <!-- tonelint-disable-next-line TL1001 -- the customer asked us to quote this -->
//   {# tonelint-disable mockery -- a joke the customer started #} ... {# tonelint-enable mockery #}
//   {{! tonelint-disable-next-line }}   {{!-- tonelint-disable --}}   # tonelint-enable
//
// Comments: HTML `<!-- -->` and Jinja `{# #}` (both may span lines), Handlebars `{{! }}` and
// `{{!-- --}}`, and `#` line comments (a line whose first non-blank character is `#` followed by
// a blank). After the directive come selectors (ids, names or categories, separated by commas
// and/or blanks; none means every rule), then optionally `-- reason`.
//
// - `tonelint-disable-next-line` covers the line after the one the comment ends on;
// - `tonelint-disable` covers from the comment to the next `tonelint-enable` naming the same
//   selector (or naming none), or to the end of the file.
// A finding is covered when its start is; a document-level finding (which points at the start
// of its reply) is also covered by a `tonelint-disable` on that line.
//
// Two built-in info rules report the suppressions themselves: TL0001
// suppression-without-reason (no `-- reason`) and TL0002 unused-suppression (it covered no
// finding). Their category is "suppression", outside the fixed vocabulary of DESIGN.md §3
// (which lists what replies do wrong, not what the linter's own comments do). They cannot
// themselves be suppressed by comments, but --disable/--enable, a config's enable/disable and
// [severity] accept their ids, names and category.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "finding.h"
#include "rule.h"
#include "source_text.h"
#include "types.h"

namespace tonelint {

struct Suppression {
  enum class Kind { kNextLine, kDisable, kEnable };
  Kind kind = Kind::kDisable;
  std::vector<std::string> selectors;  // empty: every rule
  std::string reason;                  // empty when there is no `-- reason`
  ByteRange directive;                 // the directive's text, from "tonelint-" to its end
  ByteRange comment;                   // the whole comment
  // Where they are, so that applying suppressions needs no text (a streamed input is gone by
  // then): the lines the comment starts and ends on, and the directive's positions.
  std::size_t comment_first_line = 0;
  std::size_t comment_last_line = 0;
  Position directive_begin;
  Position directive_end;
};

// The suppression directives of `text`, in order.
std::vector<Suppression> FindSuppressions(const SourceText& source);

// Removes from `findings` those covered by a suppression of `source`, then appends a TL0001
// finding for each disable directive without a reason and a TL0002 finding for each that
// covered nothing; the result is sorted by position then rule id. Findings must have positions.
void ApplySuppressions(const SourceText& source, std::vector<Finding>* findings);
// The same with the suppressions already found (FindSuppressions, in order) in a text of
// `text_size` bytes.
void ApplySuppressions(const std::vector<Suppression>& suppressions, std::size_t text_size,
                       std::vector<Finding>* findings);

// The built-in rules, owned by this module (static storage).
const Rule& SuppressionWithoutReasonRule();
const Rule& UnusedSuppressionRule();
// Their ids, names and category, for --disable and config validation.
const std::vector<std::string>& BuiltinSuppressionNames();

}  // namespace tonelint
