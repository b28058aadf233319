// Finding the parts of a reply that must never be linted (DESIGN.md §5): text quoted from the
// customer, template syntax, URLs, e-mail addresses, @handles, hashtags, Markdown code and
// HTML tags. The linter matches rules only outside these ranges.
#pragma once

#include <string_view>
#include <vector>

#include "types.h"

namespace tonelint {

// Returns the byte ranges of `reply` that must not be linted, sorted by begin and merged so
// that no two overlap or touch. `reply` is UTF-8 (already valid: invalid bytes were replaced
// by U+FFFD upstream) and may span many lines ("\n" line ends; a "\r" before "\n" is ordinary
// text). Every range begins and ends on a code-point boundary.
//
// Masked:
//  - quotations: "...", «...», “...”, „...“ when the closing mark is on the same line; a line
//    whose first non-blank character is '>' (e-mail / Markdown quote), up to its line end;
//  - template syntax: {{ ... }} (including Handlebars {{! ... }} and {{# ... }}), {% ... %},
//    {# ... #}, {name}, ${name}, %s %d %i %f, %(name)s, :emoji_code:;
//  - URLs (scheme://... and www....), e-mail addresses, @handles, #hashtags;
//  - Markdown code spans (`...`, ``...``) and fenced blocks (``` or ~~~ up to the closing fence,
//    or to the end of the reply if unclosed); HTML tags (<b>, </p>, <a href="...">) and HTML
//    comments <!-- ... -->.
// Runs in time linear in reply.size(); never throws.
std::vector<ByteRange> FindMaskedRanges(std::string_view reply);

}  // namespace tonelint
