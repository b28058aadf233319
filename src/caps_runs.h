// Shouting in capitals: runs of words written entirely in capital letters. Every other rule
// sees the case-folded matching form, so this check reads the source text itself.
#pragma once

#include <string_view>
#include <vector>

#include "types.h"

namespace tonelint {

// Writes to `runs` (replacing its contents) the byte ranges of `text` (valid UTF-8) where at
// least `min_words` words in capitals follow one another, separated by blanks only.
//
// A word in capitals has two capitals side by side among A–Z and À–Þ, precomposed ("NO",
// "ENVÍE", "ÉL", "DON'T"), no lowercase letter and no digit; a word with a digit is a code
// ("XPS-13", "A1B2") and ends a run, as does any word with a lowercase letter. Other one-letter
// or non-Latin capitals ("A", "I", "ΝΑΙ") continue a run without counting towards `min_words`,
// and never start or end one. Punctuation before or after a word ("SORRY,", "(NO") ends the run
// there, so a list of acronyms ("DNI, RFC, CURP") is no run. A range starts at its first
// word's first letter and ends after its last word's last letter. Requiring the pair lets a
// byte scan skip the many sentences without one.
void FindCapsRuns(std::string_view text, int min_words, std::vector<ByteRange>* runs);

// Whether two plain capitals (A–Z, À–Þ but ×) stand side by side anywhere in `text`: the
// quick check that spares FindCapsRuns the walk over most sentences, which have no run.
bool HasCapitalPair(std::string_view text);

}  // namespace tonelint
