#include "caps_runs.h"

#include <unicode/uchar.h>

#include "normalizer.h"

namespace tonelint {
namespace {

bool IsBlank(int32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0; }

bool IsLetterOrDigit(int32_t c) { return u_isalpha(c) || u_isdigit(c); }

// One blank-separated token, split into the punctuation around it and its core.
struct Token {
  ByteRange core;
  bool punctuated_before = false;
  bool punctuated_after = false;
  int letters = 0;
  bool has_lowercase = false;
  bool has_digit = false;
  bool has_ascii_capital = false;
};

// Reads the token starting at `*i` (not a blank) and advances `*i` past it.
Token ReadToken(std::string_view text, std::size_t* i) {
  Token token;
  std::size_t core_end = *i;
  bool in_core = false;
  token.core = {*i, *i};
  while (*i < text.size()) {
    const std::size_t begin = *i;
    std::size_t next = *i;
    const int32_t c = NextCodePoint(text, &next);
    if (IsBlank(c)) break;
    *i = next;
    if (IsLetterOrDigit(c)) {
      if (!in_core) token.core.begin = begin;
      in_core = true;
      core_end = next;
      token.letters += u_isalpha(c) ? 1 : 0;
      token.has_lowercase |= u_islower(c) != 0;
      token.has_digit |= u_isdigit(c) != 0;
      token.has_ascii_capital |= c >= 'A' && c <= 'Z';
    } else if (!in_core) {
      token.punctuated_before = true;
    }
  }
  token.core.end = in_core ? core_end : token.core.begin;
  token.punctuated_after = in_core && core_end < *i;
  return token;
}

bool IsAsciiCapital(char c) { return c >= 'A' && c <= 'Z'; }
bool IsNonAscii(char c) { return static_cast<unsigned char>(c) >= 0x80; }

// Most sentences have no two capitals side by side; this byte scan spares them the code-point
// walk. A word of two or more capitals with an ASCII capital has that capital next to another
// one or to a non-ASCII letter ("ÉL", "AÑO").
bool MayHaveCapitalWord(std::string_view text) {
  for (std::size_t i = 1; i < text.size(); ++i) {
    const char a = text[i - 1];
    const char b = text[i];
    if ((IsAsciiCapital(a) && (IsAsciiCapital(b) || IsNonAscii(b))) ||
        (IsNonAscii(a) && IsAsciiCapital(b))) {
      return true;
    }
  }
  return false;
}

}  // namespace

void FindCapsRuns(std::string_view text, int min_words, std::vector<ByteRange>* runs) {
  runs->clear();
  if (!MayHaveCapitalWord(text)) return;
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
    if (capitals && token.letters >= 2 && token.has_ascii_capital) {
      if (words == 0) run.begin = token.core.begin;
      run.end = token.core.end;
      ++words;
    }
    if (token.punctuated_after) close_run();
  }
  close_run();
}

}  // namespace tonelint
