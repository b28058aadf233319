// The matching form: the text rules are matched against. It ignores case, accents and
// compatibility variants (fullwidth letters, mathematical alphanumerics, ligatures), drops
// soft hyphens and zero-width characters, and keeps "ñ" distinct from "n" ("año" is not "ano").
// Every byte of the matching form remembers the source code point it came from, so a match
// maps back to exact source bytes in O(1).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "types.h"

namespace tonelint {

// A matching form with its map back to the source it was made from.
struct NormalizedText {
  std::string text;
  // For each byte i of `text`: the source byte range [source_begin[i], source_end[i]) of the
  // code point (or masked range) that produced it.
  std::vector<uint32_t> source_begin;
  std::vector<uint32_t> source_end;

  void Clear();
  void Append(std::string_view bytes, uint32_t begin, uint32_t end);
  // The source range covered by matching-form bytes [begin, end), end > begin.
  ByteRange SourceRange(std::size_t begin, std::size_t end) const {
    return {source_begin[begin], source_end[end - 1]};
  }
};

// Turns text into its matching form. Holds a per-code-point cache, so keep one per thread and
// reuse it; not thread-safe.
class Normalizer {
 public:
  // Fails only if ICU's nfkc_cf data is missing; then `error` says why and the normalizer
  // is unusable (ok() is false).
  Normalizer();
  bool ok() const { return ok_; }
  const std::string& error() const { return error_; }

  // Writes the matching form of `source` (valid UTF-8) into `out`, replacing its contents.
  // Each range in `masked` (sorted, non-overlapping, relative to `source`) becomes one space, so
  // it separates words without being matched. Source offsets must fit in 32 bits.
  void Normalize(std::string_view source, const std::vector<ByteRange>& masked,
                 NormalizedText* out);

  // The matching form of `text` alone, for rule patterns.
  std::string NormalizeString(std::string_view text);

 private:
  // The matching form of one code point (often empty, e.g. for U+200B).
  const std::string& FoldCodePoint(int32_t code_point);

  bool ok_ = false;
  std::string error_;
  const void* nfkc_cf_ = nullptr;  // icu::Normalizer2*, owned by ICU
  std::unordered_map<int32_t, std::string> cache_;
};

// How the edges of a run of spaced letters are read. Each edge can be read two ways, and a
// sentence cannot tell which one the writer meant, so the linter matches every reading that
// makes a difference. The default reading (all false) joins every single letter of the run.
struct SpacedRunReading {
  // "a i d i o t" → "a idiot": the first letter is a word of its own ("a", "y", "o", "I").
  bool keep_leading_word = false;
  // "h u e v o n o que" → "huevon o que": the last letter is a word of its own.
  bool keep_trailing_word = false;
  // "b a s t a r ds" → "bastards": a short unspaced ending right after the run belongs to it.
  bool join_suffix = false;
};

// The obfuscation-tolerant form, made from a matching form for rules marked `obfuscated yes`:
// a run of three or more single characters separated by one and the same separator (a space,
// dot, hyphen or underscore, or up to three of them: "i. d. i. o. t", "i - d - i - o - t") is
// joined ("i.d.i.o.t.a", "s t u p i d", "c o ñ o"), its edges read as `reading` says; inside
// words that contain a letter, leetspeak digits and symbols become letters (0→o 1→i 3→e 4→a
// 5→s 7→t @→a $→s, and ! or | between letters → i or l), and in a word that mixes Latin
// letters with Cyrillic or Greek lookalikes those become Latin ("іdiota" with a Cyrillic і).
// Words without letters ("10:30",
// "2024") and ordinary words ("cooperar", "leer") are unchanged; repeated letters are handled
// by the obfuscated patterns themselves. The result maps to the same source as `plain`.
// Returns the edge choices that exist in this text (the flags whose other reading would give
// a different form); all false when the default reading is the only one.
SpacedRunReading MakeObfuscationForm(const NormalizedText& plain, SpacedRunReading reading,
                                     NormalizedText* out);

// The readings other than the default that differ for a text whose MakeObfuscationForm
// returned `choices`: every combination of its true flags, without the all-false one.
std::vector<SpacedRunReading> AlternativeReadings(SpacedRunReading choices);

// False when MakeObfuscationForm would return `plain` unchanged: no word has both a letter and
// a character leetspeak turns into another (0 1 3 4 5 7 @ $, or a '!' or '|' that more of the
// word follows), there is no Cyrillic or Greek lookalike letter, and no three one-character
// words stand at most three bytes apart. True may still leave it unchanged. A quick scan that
// spares most sentences the rebuild, including those with numbers, times and prices ("10:30",
// "$100", "3-5 days", "6pm").
bool MayBeObfuscated(std::string_view plain);

// The one-character tokens (as MayBeObfuscated reads tokens) at the edges of a matching form,
// for a caller that scans a sentence a part at a time: a run of three or more of them may
// continue across the parts. Counts stop at 3, as a run is one from three on.
struct SpacedTokenEdges {
  bool has_token = false;
  bool has_longer_token = false;  // a token of two or more characters
  std::uint8_t leading = 0;   // one-character tokens before the first longer one (all, if none)
  std::uint8_t trailing = 0;  // one-character tokens after the last longer one
  std::uint8_t longest_run = 0;
};
SpacedTokenEdges FindSpacedTokenEdges(std::string_view plain);

namespace detail {
// The non-ASCII halves of NextCodePoint and IsWordCodePoint, out of line: the ASCII halves are
// inlined into the per-byte loops of every caller.
int32_t NextNonAsciiCodePoint(std::string_view text, std::size_t* i);
bool IsNonAsciiWordCodePoint(int32_t code_point);
}  // namespace detail

// Decodes the code point at byte `*i` of `text` and advances `*i` past it. Ill-formed bytes
// decode as U+FFFD (one byte or maximal subpart at a time), so the loop always progresses.
inline int32_t NextCodePoint(std::string_view text, std::size_t* i) {
  const auto byte = static_cast<unsigned char>(text[*i]);
  if (byte < 0x80) {
    ++*i;
    return byte;
  }
  return detail::NextNonAsciiCodePoint(text, i);
}

namespace detail {
// Counts the one-code-point words that follow one another at most three bytes apart, as
// MayBeObfuscated does for its tokens.
class SpacedWordRun {
 public:
  // Takes the next word, [begin, end), and whether it is one code point; true once three
  // such words in a row are that close.
  bool Add(std::size_t begin, std::size_t end, bool one_code_point) {
    if (!one_code_point) {
      words_ = 0;
      return false;
    }
    const bool near = begin > last_end_ && begin - last_end_ <= 3;
    words_ = words_ > 0 && near ? words_ + 1 : 1;
    last_end_ = end;
    return words_ >= 3;
  }

 private:
  int words_ = 0;
  std::size_t last_end_ = 0;
};

// MayBeObfuscated a word at a time, for a text whose words are known: most sentences have no
// symbol a leetspeak token is made of (@ $ ! | *) between their words, and then its tokens are
// their words, each looked at as a whole instead of byte by byte.
class ObfuscationWordScan {
 public:
  explicit ObfuscationWordScan(std::string_view plain) : plain_(plain) {}
  // Takes the next word, plain[begin, end), and the bytes between it and the previous one.
  // Returns true once the answer is known (Result() then gives it without the later words).
  bool AddWord(std::size_t begin, std::size_t end);
  // MayBeObfuscated(plain), once every word has been added or AddWord returned true.
  bool Result();

 private:
  // Whether plain[begin, end), between two words, holds a symbol of leetspeak.
  bool GapHasSymbol(std::size_t begin, std::size_t end) const;

  std::string_view plain_;
  std::size_t gap_begin_ = 0;
  SpacedWordRun spaced_run_;
  enum class State {
    kScanning,
    kObfuscatedIfAlone,  // the last word is obfuscated unless a symbol follows it
    kObfuscated,
    kAskTheByteScan,
  } state_ = State::kScanning;
};
}  // namespace detail

// MayBeObfuscated(plain), where `words` are the words of `plain` in order (maximal runs of word
// code points, as KeywordIndex::SplitWords finds them: anything with `begin` and `end`). The
// same answer for less work when no symbol of leetspeak stands next to a word: each word is
// then looked at whole instead of byte by byte.
template <typename Words>
bool MayBeObfuscated(std::string_view plain, const Words& words) {
  detail::ObfuscationWordScan scan(plain);
  for (const auto& word : words) {
    if (scan.AddWord(word.begin, word.end)) break;
  }
  return scan.Result();
}

// Word characters of the matching form, as the body of an RE2 character class: ASCII letters
// and digits, and the blocks where the world's letters live (Latin, Greek, Cyrillic, Hebrew,
// Arabic, Indic, CJK, Hangul...), but not punctuation, symbols or emoji. RE2's \pL is exact but
// compiles to thousands of instructions per use; these few ranges keep every rule small. The
// normalizer makes the class exact: a code point inside these ranges that is not a letter, mark
// or number (e.g. "×", a danda) becomes a space in the matching form.
inline constexpr std::string_view kWordClassBody =
    "0-9a-z\\x{C0}-\\x{1FFF}\\x{2C00}-\\x{2DFF}\\x{3040}-\\x{D7FF}\\x{F900}-\\x{FAFF}"
    "\\x{10000}-\\x{1EFFF}\\x{20000}-\\x{3FFFF}";

// True for a code point that is part of a word in the matching form: an ASCII letter or digit,
// or a letter, mark or number inside the ranges of kWordClassBody. The definition every
// word-boundary decision in tonelint uses.
inline bool IsWordCodePoint(int32_t code_point) {
  if (code_point < 0x80) {
    return (code_point >= 'a' && code_point <= 'z') || (code_point >= 'A' && code_point <= 'Z') ||
           (code_point >= '0' && code_point <= '9');
  }
  return detail::IsNonAsciiWordCodePoint(code_point);
}

}  // namespace tonelint
