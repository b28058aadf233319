#include "caps_runs.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>

#include "ascii.h"
#include "normalizer.h"

namespace tonelint {
namespace {

bool IsBlank(int32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0; }

struct CharKind {
  bool letter;
  bool lowercase;
  bool digit;
};

// ICU's properties, with ASCII (most of any reply) answered without a call.
CharKind Classify(int32_t c) {
  if (c < 0x80) {
    const bool lowercase = c >= 'a' && c <= 'z';
    return {lowercase || (c >= 'A' && c <= 'Z'), lowercase, c >= '0' && c <= '9'};
  }
  return {u_isalpha(c) != 0, u_islower(c) != 0, u_isdigit(c) != 0};
}

// A-Z and the Latin-1 capitals À-Þ (not ×): the capitals the byte scan below can see.
bool IsPlainCapital(int32_t c) {
  return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7);
}

// The length of the plain capital at text[i] (1 or 2 bytes), or 0 if there is none.
std::size_t PlainCapitalAt(std::string_view text, std::size_t i) {
  if (i >= text.size()) return 0;
  const auto byte = static_cast<unsigned char>(text[i]);
  if (byte >= 'A' && byte <= 'Z') return 1;
  if (byte != 0xC3 || i + 1 >= text.size()) return 0;
  const auto second = static_cast<unsigned char>(text[i + 1]);
  return second >= 0x80 && second <= 0x9E && second != 0x97 ? 2 : 0;
}

// The high bit of each zero byte of `x`, and perhaps of bytes above one (a borrow): a test that
// may only err towards yes.
std::uint64_t MaybeZeroBytes(std::uint64_t x) { return (x - kEveryByte) & ~x & kHighBits; }

// Whether the eight bytes of `chunk` may hold a Latin-1 capital À-Þ (0xC3 0x80-0x9E), or the
// first byte of one that goes on in the next chunk. Lowercase à-ÿ (0xC3 0xA0-0xBF), most of
// Spanish's accents, do not count.
bool MayHoldLatin1Capital(std::uint64_t chunk) {
  const std::uint64_t leads = MaybeZeroBytes(chunk ^ (kEveryByte * 0xC3));
  const std::uint64_t low_continuations = MaybeZeroBytes((chunk & (kEveryByte * 0xE0)) ^ kHighBits);
  return ((leads << 8) & low_continuations) != 0 || (leads >> 56) != 0;
}

}  // namespace

// It finds exactly the pairs of adjacent plain capitals that Token::has_capital_pair records,
// eight bytes at a time: on little-endian machines, where a byte's successor is the next one up
// in the chunk, a pair of ASCII capitals is a capital whose successor is one too. Only chunks
// that may hold a Latin-1 capital are read byte by byte.
bool HasCapitalPair(std::string_view text) {
  constexpr bool kLittleEndian = std::endian::native == std::endian::little;
  bool ends_in_capital = false;  // the chunk before ended in an ASCII capital
  std::size_t i = 0;
  while (i < text.size()) {
    std::uint64_t chunk;
    if (kLittleEndian && i + sizeof chunk <= text.size()) {
      std::memcpy(&chunk, text.data() + i, sizeof chunk);
      if ((chunk & kHighBits) == 0 || !MayHoldLatin1Capital(chunk)) {
        const std::uint64_t capitals = AsciiBytesInRange(chunk, 'A', 'Z');
        if ((capitals & (capitals >> 8)) != 0 || (ends_in_capital && (capitals & 0x80) != 0)) {
          return true;
        }
        ends_in_capital = (capitals >> 56) != 0;
        i += sizeof chunk;
        continue;
      }
    }
    if (ends_in_capital && PlainCapitalAt(text, i) != 0) return true;
    ends_in_capital = false;  // the bytes below look past their chunk's end themselves
    for (const std::size_t chunk_end = std::min(i + sizeof chunk, text.size()); i < chunk_end;
         ++i) {
      const auto byte = static_cast<unsigned char>(text[i]);
      if (static_cast<unsigned char>(byte - 'A') > 'Z' - 'A' && byte != 0xC3) continue;
      const std::size_t length = PlainCapitalAt(text, i);
      if (length != 0 && PlainCapitalAt(text, i + length) != 0) return true;
    }
  }
  return false;
}

namespace {

// One blank-separated token, split into the punctuation around it and its core.
struct Token {
  ByteRange core;
  bool punctuated_before = false;
  bool punctuated_after = false;
  int letters = 0;
  bool has_lowercase = false;
  bool has_digit = false;
  bool has_capital_pair = false;  // two plain capitals side by side ("NO", "ÉL", "AÑO")
};

// Reads the token starting at `*i` (not a blank) and advances `*i` past it.
Token ReadToken(std::string_view text, std::size_t* i) {
  Token token;
  std::size_t core_end = *i;
  bool in_core = false;
  bool after_capital = false;
  token.core = {*i, *i};
  while (*i < text.size()) {
    const std::size_t begin = *i;
    std::size_t next = *i;
    const int32_t c = NextCodePoint(text, &next);
    if (IsBlank(c)) break;
    *i = next;
    const CharKind kind = Classify(c);
    if (kind.letter || kind.digit) {
      if (!in_core) token.core.begin = begin;
      in_core = true;
      core_end = next;
      token.letters += kind.letter ? 1 : 0;
      token.has_lowercase |= kind.lowercase;
      token.has_digit |= kind.digit;
      const bool capital = IsPlainCapital(c);
      token.has_capital_pair |= capital && after_capital;
      after_capital = capital;
    } else {
      after_capital = false;  // "I'M" has no pair: the byte scan sees I, ', M
      token.punctuated_before |= !in_core;
    }
  }
  token.core.end = in_core ? core_end : token.core.begin;
  token.punctuated_after = in_core && core_end < *i;
  return token;
}

}  // namespace

void FindCapsRuns(std::string_view text, int min_words, std::vector<ByteRange>* runs) {
  runs->clear();
  if (!HasCapitalPair(text)) return;
  int words = 0;
  ByteRange run{0, 0};
  auto close_run = [&] {
    if (words >= min_words) runs->push_back(run);
    words = 0;
  };
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t next = i;
    if (IsBlank(NextCodePoint(text, &next))) {
      i = next;
      continue;
    }
    const Token token = ReadToken(text, &i);
    const bool capitals = token.letters > 0 && !token.has_lowercase && !token.has_digit;
    if (!capitals || token.punctuated_before) close_run();
    if (capitals && token.has_capital_pair) {
      if (words == 0) run.begin = token.core.begin;
      run.end = token.core.end;
      ++words;
    }
    if (token.punctuated_after) close_run();
  }
  close_run();
}

}  // namespace tonelint
