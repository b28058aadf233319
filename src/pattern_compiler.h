// Phrase patterns (docs/rule-format.md) compiled to RE2 syntax over the matching form.
//
//   no es (nuestro|mi) problema     words; ( | ) captured alternatives
//   es [muy] tonto                  [ ] optional word(s)
//   te ~ bloquear                   ~ up to three arbitrary words
//   idiot*                          a word starting with "idiot"
//
// Words are normalized like the text (case, accents), so rules may be written either way.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tonelint {

class Normalizer;

struct PatternError {
  std::size_t offset = 0;  // byte offset in the pattern where the problem is
  std::string message;
};

// A word that every match of a pattern contains, for the keyword prefilter (keyword_index.h).
struct Keyword {
  std::string text;     // in the matching form
  bool prefix = false;  // a word of the text must start with `text` (stems: "idiot*")
  bool operator==(const Keyword&) const = default;
};

struct CompiledPattern {
  std::string regex;  // RE2 syntax
  // Every match contains a word equal to (or, for prefix keywords, starting with) one of
  // these. Empty when no such set could be found (a pattern of optional words and gaps only
  // inside groups); the pattern must then be tried on every sentence.
  std::vector<Keyword> keywords;
  // More sets of the same kind, one for each other word or group the phrase requires (at its
  // top level): every match also contains a word matching one keyword of each. A sentence
  // lacking one of them cannot match, so the prefilter need not try the pattern's RE2 there.
  std::vector<std::vector<Keyword>> also_required;
  // The whole phrase is capture group 1 (its word boundaries are matched around it, outside the
  // group), so the pattern's own groups start at 2: `$N` in a suggestion is group N + 1.
  int first_user_group = 2;
  // For a phrase with a group of many alternatives ("(cretin|dolt|...)"), each without a group
  // of its own: the phrase again for each run of adjacent alternatives of that group, in order,
  // with the group holding only the run. Empty for other phrases. RE2's compile time follows
  // the size of the program, and a text with one of the words needs only the runs whose
  // keywords it contains; their matches merged (rule_set.h, FindNextMatch) are exactly those
  // of `regex`.
  struct AlternativeRun {
    std::string regex;
    // As the phrase's, with the group's keywords those of the run's alternatives.
    std::vector<Keyword> keywords;
    std::vector<std::vector<Keyword>> also_required;
    int alternation_group = 0;  // the capture group of the cut group, in `regex` as in the run
  };
  std::vector<AlternativeRun> alternative_runs;
};

// How large (in bytes of RE2 syntax) a run of a group's alternatives is cut, at least: each run
// repeats the rest of the phrase, and is one more pattern to index at every start.
inline constexpr std::size_t kRunBytes = 500;

// How letters are matched.
enum class PatternMode {
  kPlain,       // against the matching form
  kObfuscated,  // against the obfuscation form: letters may repeat ("idiotaaa"), and a letter
                // after a word's first may be written '*' ("f*ck")
};

// Compiles `pattern`; returns false and fills `error` if it is malformed (unbalanced brackets,
// empty alternative, a pattern with no required word, '~' at an edge, '*' inside a word).
bool CompilePhrasePattern(std::string_view pattern, PatternMode mode, Normalizer& normalizer,
                          CompiledPattern* out, PatternError* error);

// Checks a raw `regex` line for what RE2 accepts but cannot afford: parentheses nested more than
// 100 deep (20,000 nested groups took RE2 34 s and 6 GB). Escapes and character classes are
// skipped. Returns false and fills `error` (offset of the opening parenthesis) if too deep.
bool CheckRegexNesting(std::string_view regex, PatternError* error);

// The RE2 pattern that wraps a phrase body with Unicode word boundaries. RE2's \b is ASCII-only,
// so the boundary is "start of text or a non-word character", consumed outside group 1.
std::string WrapWithWordBoundaries(std::string_view body);

// Whether a match of a wrapped phrase (WrapWithWordBoundaries) in `text` may start at byte
// `offset`: at the text's start, or where a non-word character begins, whose first byte is
// neither an ASCII letter or digit of the matching form nor a byte that continues a character
// (0x80-0xBF). Exact for any text: RE2 matches a class only with well-formed UTF-8.
inline bool MayStartPhraseMatch(std::string_view text, std::size_t offset) {
  if (offset == 0) return true;
  const auto byte = static_cast<unsigned char>(text[offset]);
  if (byte >= 0x80) return byte >= 0xC0;
  return !((byte >= '0' && byte <= '9') || (byte >= 'a' && byte <= 'z'));
}

}  // namespace tonelint
