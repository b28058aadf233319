// Finding the parts of a reply that must never be linted (DESIGN.md §5): text quoted from the
// customer, template syntax, URLs, e-mail addresses, @handles, hashtags, Markdown code and
// HTML tags. The linter matches rules only outside these ranges.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "types.h"

namespace tonelint {

// Returns the byte ranges of `reply` that must not be linted, sorted by begin and merged so
// that no two overlap or touch. `reply` is UTF-8 (already valid: invalid bytes were replaced
// by U+FFFD upstream) and may span many lines ("\n" line ends; a "\r" before "\n" is ordinary
// text). Every range begins and ends on a code-point boundary.
//
// Masked:
//  - quotations: "...", «...», “...”, „...“ (or „...”) when the closing mark is on the same
//    line; the closer is the next such mark, so nested marks of another kind stay inside.
//    Apostrophes and ‘...’ are not quotations ("don't"). A line whose first non-blank
//    character is '>' (e-mail / Markdown quote) is masked from the '>' up to, not including,
//    its "\n";
//  - template syntax: {{ ... }} (including Handlebars {{! ... }}, {{!-- ... --}}, {{# ... }}
//    and {{{ ... }}}), {% ... %}, {# ... #}; these may span lines. {name} and ${name} (letters,
//    digits, '_' and '.', no spaces); %s %d %i %f with optional flags "-+0#", width and
//    precision, and %(name)s, not followed by a letter or digit ("100%free" is text);
//    :emoji_code: as ':' [a-z0-9_+-]+ ':' with no letter or digit before it ("10:30:45" is text);
//  - URLs: scheme://..., www...., mailto:... and tel:..., starting at a word start and ending
//    at whitespace, a quote, '<', '>', a backtick, non-ASCII punctuation or emoji, or a closing
//    bracket that closes nothing opened inside the URL; trailing ".,;:!?" is left out;
//  - e-mail addresses (local@dotted.domain with a top-level domain of two or more letters),
//    masked whole; @handles (ASCII letters, digits, '_', inner dots) and #hashtags (a letter
//    first), both only at the start or after a non-word character ("C#", "#1", "a@b" are not);
//  - Markdown code spans (a run of backticks up to the next run of the same length on the
//    same line) and fenced blocks (a line starting with ``` or ~~~ up to a closing fence at
//    least as long, or to the end of the reply if unclosed); HTML tags ('<' then a letter, or
//    "</" / "<!" then a letter, up to the next '>' on the line: "a < b" is text) and HTML
//    comments <!-- ... -->, which may span lines.
// An opener whose closer never comes is left unmasked (except a fence). Where constructs
// overlap, the one that starts first wins.
// Runs in time linear in reply.size(); never throws.
std::vector<ByteRange> FindMaskedRanges(std::string_view reply);

// Extra placeholder styles from the config (`placeholders = [[ ]], <% %>`): adds to `masks`
// (sorted and merged, as FindMaskedRanges returns them) each range from an `open` delimiter to
// the end of the next `close` after it (which may be on a later line), and keeps `masks` sorted
// and merged. An opener without a closer is left unmasked. Delimiters are ASCII or whole UTF-8
// sequences, so every range still begins and ends on a code-point boundary.
void AddDelimitedRanges(std::string_view reply,
                        const std::vector<std::pair<std::string, std::string>>& delimiters,
                        std::vector<ByteRange>* masks);

}  // namespace tonelint
