#include "normalizer.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>

#include "ascii.h"

namespace tonelint {
namespace {

constexpr int32_t kCombiningTilde = 0x0303;

// Combining marks in the blocks that carry Latin diacritics. Marks elsewhere (Devanagari
// vowel signs, Hebrew points) are part of their letters and are kept.
bool IsDiacriticMark(int32_t c) {
  return (c >= 0x0300 && c <= 0x036F) || (c >= 0x1AB0 && c <= 0x1AFF) ||
         (c >= 0x1DC0 && c <= 0x1DFF) || (c >= 0x20D0 && c <= 0x20FF) ||
         (c >= 0xFE20 && c <= 0xFE2F);
}

const icu::Normalizer2* AsIcu(const void* p) { return static_cast<const icu::Normalizer2*>(p); }

}  // namespace

int32_t detail::NextNonAsciiCodePoint(std::string_view text, std::size_t* i) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  int32_t index = 0;
  UChar32 c;
  U8_NEXT(bytes + *i, index, static_cast<int32_t>(std::min<std::size_t>(text.size() - *i, 4)),
          c);
  *i += index;
  return c < 0 ? 0xFFFD : c;
}

namespace {

// The ranges of kWordClassBody above ASCII.
bool InWordRanges(int32_t c) {
  return (c >= 0xC0 && c <= 0x1FFF) || (c >= 0x2C00 && c <= 0x2DFF) ||
         (c >= 0x3040 && c <= 0xD7FF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0x10000 && c <= 0x1EFFF) || (c >= 0x20000 && c <= 0x3FFFF);
}

bool IsLetterMarkOrNumber(int32_t c) {
  return u_hasBinaryProperty(c, UCHAR_ALPHABETIC) ||
         (U_GET_GC_MASK(c) & (U_GC_M_MASK | U_GC_N_MASK)) != 0;
}

}  // namespace

bool detail::IsNonAsciiWordCodePoint(int32_t c) { return InWordRanges(c) && IsLetterMarkOrNumber(c); }

void NormalizedText::Clear() {
  text.clear();
  source_begin.clear();
  source_end.clear();
}

void NormalizedText::Append(std::string_view bytes, uint32_t begin, uint32_t end) {
  text.append(bytes);
  source_begin.insert(source_begin.end(), bytes.size(), begin);
  source_end.insert(source_end.end(), bytes.size(), end);
}

Normalizer::Normalizer() {
  UErrorCode status = U_ZERO_ERROR;
  nfkc_cf_ = icu::Normalizer2::getInstance(nullptr, "nfkc_cf", UNORM2_DECOMPOSE, status);
  if (U_FAILURE(status) || nfkc_cf_ == nullptr) {
    error_ = std::string("cannot load ICU nfkc_cf normalization data: ") + u_errorName(status);
    return;
  }
  ok_ = true;
}

const std::string& Normalizer::FoldCodePoint(int32_t code_point) {
  auto found = cache_.find(code_point);
  if (found != cache_.end()) return found->second;
  std::string folded;
  if (code_point == 0x00F1 || code_point == 0x00D1) {  // ñ Ñ: a letter of its own in Spanish
    folded = "\xC3\xB1";
  } else {
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString decomposed =
        AsIcu(nfkc_cf_)->normalize(icu::UnicodeString(static_cast<UChar32>(code_point)), status);
    if (U_FAILURE(status)) decomposed = icu::UnicodeString(static_cast<UChar32>(code_point));
    icu::UnicodeString kept;
    for (int32_t i = 0; i < decomposed.length();) {
      const UChar32 c = decomposed.char32At(i);
      i += U16_LENGTH(c);
      if (IsDiacriticMark(c)) continue;
      // Keeps the matching form's word characters exactly those of kWordClassBody.
      kept.append(c >= 0x80 && InWordRanges(c) && !IsLetterMarkOrNumber(c) ? UChar32{' '} : c);
    }
    kept.toUTF8String(folded);
  }
  return cache_.emplace(code_point, std::move(folded)).first->second;
}

void Normalizer::Normalize(std::string_view source, const std::vector<ByteRange>& masked,
                           NormalizedText* out) {
  out->Clear();
  out->text.reserve(source.size());
  out->source_begin.reserve(source.size());
  out->source_end.reserve(source.size());
  auto next_mask = masked.begin();
  std::size_t i = 0;
  while (i < source.size()) {
    if (next_mask != masked.end() && i >= next_mask->begin) {
      out->Append(" ", static_cast<uint32_t>(next_mask->begin),
                  static_cast<uint32_t>(next_mask->end));
      i = std::max(i, next_mask->end);
      ++next_mask;
      continue;
    }
    if (static_cast<unsigned char>(source[i]) < 0x80) {
      // ASCII runs, most of any reply, up to the next mask or non-ASCII byte.
      const std::size_t limit = next_mask != masked.end() ? std::min(next_mask->begin, source.size())
                                                          : source.size();
      const std::size_t end = AsciiRunEnd(source, i, limit);
      // Sized once and written by index: push_back's capacity checks would stop the compiler
      // from vectorizing this loop.
      const std::size_t written = out->text.size();
      out->text.resize(written + (end - i));
      out->source_begin.resize(out->text.size());
      out->source_end.resize(out->text.size());
      char* text = out->text.data() + written - i;
      uint32_t* begins = out->source_begin.data() + written - i;
      uint32_t* ends = out->source_end.data() + written - i;
      for (std::size_t k = i; k < end; ++k) {
        const auto byte = static_cast<unsigned char>(source[k]);
        text[k] = static_cast<char>(byte >= 'A' && byte <= 'Z' ? byte + 32 : byte);
        begins[k] = static_cast<uint32_t>(k);
        ends[k] = static_cast<uint32_t>(k + 1);
      }
      i = end;
      continue;
    }
    const std::size_t start = i;
    const int32_t code_point = NextCodePoint(source, &i);
    // "n" followed by a combining tilde is "ñ" spelled in two code points.
    if (code_point == kCombiningTilde && !out->text.empty() && out->text.back() == 'n') {
      const uint32_t n_begin = out->source_begin.back();
      out->text.pop_back();
      out->source_begin.pop_back();
      out->source_end.pop_back();
      out->Append("\xC3\xB1", n_begin, static_cast<uint32_t>(i));
      continue;
    }
    out->Append(FoldCodePoint(code_point), static_cast<uint32_t>(start),
                static_cast<uint32_t>(i));
  }
}

std::string Normalizer::NormalizeString(std::string_view text) {
  // Rule words are mostly ASCII: fold them without building a source map.
  if (std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    std::string folded(text);
    for (char& c : folded) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    return folded;
  }
  NormalizedText normalized;
  Normalize(text, {}, &normalized);
  return std::move(normalized.text);
}

namespace {

bool IsAsciiLetter(char c) { return c >= 'a' && c <= 'z'; }
// Symbols that stand for letters in leetspeak; '!' and '|' only between other characters.
bool IsLeetSymbol(char c) { return c == '@' || c == '$' || c == '!' || c == '|' || c == '*'; }
bool IsSpacedSeparator(char c) { return c == ' ' || c == '.' || c == '-' || c == '_'; }

char LeetLetter(char c) {
  switch (c) {
    case '0': return 'o';
    case '1': return 'i';
    case '3': return 'e';
    case '4': return 'a';
    case '5': return 's';
    case '7': return 't';
    case '@': return 'a';
    case '$': return 's';
    case '!': return 'i';
    case '|': return 'l';
    default: return c;
  }
}

// The Latin letter a Cyrillic or Greek lowercase letter is drawn like ("іdiota" with a
// Cyrillic і), or 0 when it has none. Only letters that look the same in common fonts.
char HomoglyphLetter(int32_t c) {
  switch (c) {
    case 0x0430: return 'a';  // а
    case 0x0435: return 'e';  // е
    case 0x043E: return 'o';  // о
    case 0x0440: return 'p';  // р
    case 0x0441: return 'c';  // с
    case 0x0443: return 'y';  // у
    case 0x0445: return 'x';  // х
    case 0x0455: return 's';  // ѕ
    case 0x0456: return 'i';  // і
    case 0x0458: return 'j';  // ј
    case 0x03B1: return 'a';  // α
    case 0x03B9: return 'i';  // ι
    case 0x03BF: return 'o';  // ο
    case 0x03C1: return 'p';  // ρ
    case 0x03C5: return 'u';  // υ
    default: return 0;
  }
}

// A token of the obfuscation scan: bytes [begin, end) of the plain form.
struct Token {
  std::size_t begin;
  std::size_t end;
  bool has_letter;
  std::size_t code_points;
};

// Splits the matching form into tokens: runs of ASCII letters, digits and leet symbols, and
// non-ASCII word characters (ñ, é kept by NFKC). Any other non-ASCII character (a dash, an
// emoji, U+FFFD) ends a token: "GH—@@@*****" is the word "GH" and the symbols "@@@*****", not
// one word whose '@' would read as 'a' (found by fuzz_lint, issue 7).
std::vector<Token> Tokenize(std::string_view text) {
  std::vector<Token> tokens;
  Token token{0, 0, false, 0};
  bool in_token = false;
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t begin = i;
    const char c = text[i];
    bool is_letter;
    bool is_token;
    if (static_cast<unsigned char>(c) < 0x80) {
      ++i;
      is_letter = IsAsciiLetter(c);
      is_token = is_letter || IsAsciiDigit(c) || IsLeetSymbol(c);
    } else {
      is_letter = IsWordCodePoint(NextCodePoint(text, &i));
      is_token = is_letter;
    }
    if (is_token) {
      if (!in_token) token = Token{begin, begin, false, 0};
      in_token = true;
      token.has_letter |= is_letter;
      ++token.code_points;
      token.end = i;
    } else if (in_token) {
      tokens.push_back(token);
      in_token = false;
    }
  }
  if (in_token) tokens.push_back(token);
  return tokens;
}

// Letters that are also words on their own ("a", "y", "o" in Spanish; "a", "I" in English).
bool IsOneLetterWord(std::string_view token) {
  return token.size() == 1 && std::string_view("aeiouy").find(token[0]) != std::string_view::npos;
}

// The separator between tokens `a` and `b` (a before b) when it can join spaced letters: one
// to three bytes, each a space, dot, hyphen or underscore ("i.d", "i. d", "i - d"); empty
// otherwise.
std::string_view SpacedSeparator(std::string_view text, const Token& a, const Token& b) {
  if (b.begin <= a.end || b.begin - a.end > 3) return {};
  const std::string_view gap = text.substr(a.end, b.begin - a.end);
  return std::all_of(gap.begin(), gap.end(), IsSpacedSeparator) ? gap : std::string_view{};
}

// Joins runs of three or more one-character tokens separated by one and the same separator,
// reading the run's edges as `reading` says. Records in *choices which edge readings the text
// offers: a run that begins or ends with a one-letter word ("a i d i o t", "h u e v o n o"),
// or that is followed by a short unspaced ending ("b a s t a r ds").
std::vector<Token> JoinSpacedRuns(std::string_view text, const std::vector<Token>& tokens,
                                  SpacedRunReading reading, SpacedRunReading* choices) {
  std::vector<Token> joined;
  std::size_t i = 0;
  while (i < tokens.size()) {
    // One separator throughout: "i.d.i.o.t.a y" stops before " y".
    const std::string_view separator =
        tokens[i].code_points == 1 && i + 1 < tokens.size()
            ? SpacedSeparator(text, tokens[i], tokens[i + 1])
            : std::string_view{};
    std::size_t last = i;
    while (!separator.empty() && last + 1 < tokens.size() && tokens[last + 1].code_points == 1 &&
           SpacedSeparator(text, tokens[last], tokens[last + 1]) == separator) {
      ++last;
    }
    if (last < i + 2) {
      joined.push_back(tokens[i]);
      ++i;
      continue;
    }
    const std::size_t run_end = last + 1;  // the token after the run, if any
    std::size_t first = i;
    const bool leading_word = last - first >= 3 && IsOneLetterWord(text.substr(tokens[first].begin, 1));
    const bool trailing_word = last - first >= 3 && IsOneLetterWord(text.substr(tokens[last].begin, 1));
    const bool suffix = run_end < tokens.size() && tokens[run_end].code_points <= 3 &&
                        tokens[run_end].has_letter &&
                        SpacedSeparator(text, tokens[last], tokens[run_end]) == separator;
    choices->keep_leading_word |= leading_word;
    choices->keep_trailing_word |= trailing_word;
    choices->join_suffix |= suffix;
    if (leading_word && reading.keep_leading_word) joined.push_back(tokens[first++]);
    const bool keep_trailing = trailing_word && reading.keep_trailing_word && last - first >= 3;
    if (keep_trailing) --last;
    if (suffix && reading.join_suffix && !keep_trailing) ++last;
    Token run{tokens[first].begin, tokens[last].end, false, 0};
    for (std::size_t k = first; k <= last; ++k) {
      run.has_letter |= tokens[k].has_letter;
      run.code_points += tokens[k].code_points;
    }
    joined.push_back(run);
    i = last + 1;
  }
  return joined;
}

}  // namespace

bool MayBeObfuscated(std::string_view plain) {
  // Tokens as Tokenize() sees them, without storing them. MakeObfuscationForm changes a token
  // with a letter in it when it converts one of its characters, reads a Cyrillic or Greek
  // lookalike as Latin, and joins runs of three or more one-character tokens at most three
  // bytes apart (this scan does not check the separators).
  int spaced_run = 0;         // one-character tokens in a row
  std::size_t last_end = 0;   // end of the previous one-character token
  std::size_t token_begin = 0;
  std::size_t code_points = 0;
  bool in_token = false;
  bool has_letter = false;
  bool has_leet = false;      // a character that the token's conversion changes
  bool bar_pending = false;   // a '!' or '|' that is converted if the token goes on past it
  auto end_token = [&](std::size_t end) {
    if (has_letter && has_leet) return true;
    if (code_points == 1) {
      const bool near = token_begin > last_end && token_begin - last_end <= 3;
      spaced_run = spaced_run > 0 && near ? spaced_run + 1 : 1;
      last_end = end;
    } else {
      spaced_run = 0;
    }
    in_token = false;
    return spaced_run >= 3;
  };
  std::size_t i = 0;
  while (i < plain.size()) {
    const std::size_t begin = i;
    const char c = plain[i];
    bool is_letter;
    bool is_token;
    std::size_t step_code_points = 1;
    if (static_cast<unsigned char>(c) < 0x80) {
      is_letter = IsAsciiLetter(c);
      is_token = is_letter || IsAsciiDigit(c) || IsLeetSymbol(c);
      ++i;
      // The letters after a letter, most of the text, change nothing a letter does not: one
      // step takes them all.
      while (is_letter && i < plain.size() && IsAsciiLetter(plain[i])) {
        ++i;
        ++step_code_points;
      }
    } else {
      const int32_t code_point = NextCodePoint(plain, &i);
      if (HomoglyphLetter(code_point) != 0) return true;
      is_letter = IsWordCodePoint(code_point);
      is_token = is_letter;
    }
    if (is_token) {
      if (!in_token) {
        token_begin = begin;
        code_points = 0;
        in_token = true;
        has_letter = has_leet = bar_pending = false;
      }
      code_points += step_code_points;
      has_letter = has_letter || is_letter;
      if (c == '!' || c == '|') {
        // A '!' that starts the token stays punctuation ("!hola"), and so does a trailing run.
        bar_pending = bar_pending || c == '|' || begin > token_begin;
      } else {
        has_leet = has_leet || bar_pending || LeetLetter(c) != c;
      }
    } else if (in_token && end_token(begin)) {
      return true;
    }
  }
  return in_token && end_token(plain.size());
}

SpacedTokenEdges FindSpacedTokenEdges(std::string_view plain) {
  SpacedTokenEdges edges;
  auto count = [](std::uint8_t* n) { *n = std::min<std::uint8_t>(*n + 1, 3); };
  std::uint8_t run = 0;
  std::size_t i = 0;
  while (i < plain.size()) {
    std::size_t code_points = 0;
    while (i < plain.size()) {
      std::size_t next = i;
      const int32_t code_point = NextCodePoint(plain, &next);
      const bool is_token = code_point < 0x80
                                ? IsAsciiLetter(static_cast<char>(code_point)) ||
                                      IsAsciiDigit(static_cast<char>(code_point)) ||
                                      IsLeetSymbol(static_cast<char>(code_point))
                                : IsWordCodePoint(code_point);
      if (!is_token) break;
      ++code_points;
      i = next;
    }
    if (code_points == 0) {
      NextCodePoint(plain, &i);
      continue;
    }
    edges.has_token = true;
    if (code_points == 1) {
      count(&run);
      if (!edges.has_longer_token) count(&edges.leading);
      edges.longest_run = std::max(edges.longest_run, run);
    } else {
      edges.has_longer_token = true;
      run = 0;
    }
  }
  edges.trailing = edges.has_longer_token ? run : edges.leading;
  return edges;
}

namespace {

// What ObfuscationWordScan needs to know of a byte of a word, or of the bytes between words.
enum WordByte : uint8_t {
  kLetterByte = 1,      // a-z
  kLeetDigitByte = 2,   // a digit that leetspeak turns into a letter
  kNonAsciiByte = 4,    // part of a code point above ASCII
  kByteScanByte = 8,    // a symbol of leetspeak, or a capital the matching form does not have
};

const std::array<uint8_t, 256> kWordBytes = [] {
  std::array<uint8_t, 256> classes{};
  for (int byte = 'a'; byte <= 'z'; ++byte) classes[byte] = kLetterByte;
  for (int byte = 'A'; byte <= 'Z'; ++byte) classes[byte] = kByteScanByte;
  for (const char digit : std::string_view("013457")) {
    classes[static_cast<uint8_t>(digit)] = kLeetDigitByte;
  }
  for (const char symbol : std::string_view("@$!|*")) {
    classes[static_cast<uint8_t>(symbol)] = kByteScanByte;
  }
  for (int byte = 0x80; byte < 0x100; ++byte) classes[byte] = kNonAsciiByte;
  return classes;
}();

// Whether the eight bytes of `chunk` are all a-z.
bool IsLowercaseAsciiChunk(std::uint64_t chunk) {
  return AsciiBytesInRange(chunk, 'a', 'z') == kHighBits;
}

// Whether text[begin, end) is all a-z, as most words of a matching form are: eight bytes at a
// time, the last ones padded with 'a' to a whole chunk. Where the text goes on for eight bytes
// past them, they are one load too (on little-endian machines, where its first bytes are the
// low ones), not a call to memcpy.
bool IsLowercaseAscii(std::string_view text, std::size_t begin, std::size_t end) {
  constexpr std::size_t kChunk = sizeof(std::uint64_t);
  constexpr std::uint64_t kAllA = kEveryByte * 'a';
  std::size_t i = begin;
  for (; i + kChunk <= end; i += kChunk) {
    std::uint64_t chunk;
    std::memcpy(&chunk, text.data() + i, sizeof chunk);
    if (!IsLowercaseAsciiChunk(chunk)) return false;
  }
  if (i == end) return true;
  std::uint64_t chunk = kAllA;
  if (std::endian::native == std::endian::little && i + kChunk <= text.size()) {
    std::memcpy(&chunk, text.data() + i, sizeof chunk);
    const std::uint64_t word_bytes = ~std::uint64_t{0} >> (8 * (kChunk - (end - i)));
    chunk = (chunk & word_bytes) | (kAllA & ~word_bytes);
  } else {
    std::memcpy(&chunk, text.data() + i, end - i);
  }
  return IsLowercaseAsciiChunk(chunk);
}

}  // namespace

bool detail::ObfuscationWordScan::GapHasSymbol(std::size_t begin, std::size_t end) const {
  for (std::size_t i = begin; i < end; ++i) {
    if ((kWordBytes[static_cast<uint8_t>(plain_[i])] & kByteScanByte) != 0) return true;
  }
  return false;
}

bool detail::ObfuscationWordScan::AddWord(std::size_t begin, std::size_t end) {
  // A symbol next to a word makes it part of a longer token: the previous word's verdict
  // stands only once the gap after it has none.
  if (GapHasSymbol(gap_begin_, begin)) {
    state_ = State::kAskTheByteScan;
    return true;
  }
  if (state_ == State::kObfuscatedIfAlone) {
    state_ = State::kObfuscated;
    return true;
  }
  gap_begin_ = end;
  uint8_t classes = kLetterByte;
  if (!IsLowercaseAscii(plain_, begin, end)) {
    classes = 0;
    for (std::size_t i = begin; i < end; ++i) {
      classes |= kWordBytes[static_cast<uint8_t>(plain_[i])];
      if ((classes & kByteScanByte) != 0) {
        state_ = State::kAskTheByteScan;
        return true;
      }
    }
  }
  std::size_t code_points = end - begin;
  if ((classes & kNonAsciiByte) != 0) {
    code_points = 0;
    for (std::size_t i = begin; i < end; ++code_points) {
      if (HomoglyphLetter(NextCodePoint(plain_, &i)) != 0) {
        state_ = State::kObfuscated;  // whatever token the word is part of
        return true;
      }
    }
  }
  // Every non-ASCII code point of a word is a word code point, which the byte scan counts as
  // a letter.
  if ((classes & (kLetterByte | kNonAsciiByte)) != 0 && (classes & kLeetDigitByte) != 0) {
    state_ = State::kObfuscatedIfAlone;
    return false;
  }
  if (spaced_run_.Add(begin, end, code_points == 1)) state_ = State::kObfuscatedIfAlone;
  return false;
}

bool detail::ObfuscationWordScan::Result() {
  if (state_ != State::kObfuscated && state_ != State::kAskTheByteScan &&
      GapHasSymbol(gap_begin_, plain_.size())) {
    state_ = State::kAskTheByteScan;
  }
  switch (state_) {
    case State::kScanning: return false;
    case State::kObfuscatedIfAlone:
    case State::kObfuscated: return true;
    case State::kAskTheByteScan: return MayBeObfuscated(plain_);
  }
  return true;
}

SpacedRunReading MakeObfuscationForm(const NormalizedText& plain, SpacedRunReading reading,
                                     NormalizedText* out) {
  const std::string_view text = plain.text;
  // Each byte of `plain` gives at most one of the form: sized once and written by index, the
  // runs between tokens copied whole, instead of three push_backs a byte.
  out->text.resize(text.size());
  out->source_begin.resize(text.size());
  out->source_end.resize(text.size());
  std::size_t written = 0;
  auto copy_byte = [&](std::size_t i, char c) {
    out->text[written] = c;
    out->source_begin[written] = plain.source_begin[i];
    out->source_end[written] = plain.source_end[i];
    ++written;
  };
  auto copy_bytes = [&](std::size_t begin, std::size_t end) {
    std::copy(text.begin() + begin, text.begin() + end, out->text.begin() + written);
    std::copy(plain.source_begin.begin() + begin, plain.source_begin.begin() + end,
              out->source_begin.begin() + written);
    std::copy(plain.source_end.begin() + begin, plain.source_end.begin() + end,
              out->source_end.begin() + written);
    written += end - begin;
  };
  SpacedRunReading choices;
  const std::vector<Token> tokens = JoinSpacedRuns(text, Tokenize(text), reading, &choices);
  std::size_t i = 0;
  for (const Token& token : tokens) {
    copy_bytes(i, token.begin);
    i = token.begin;
    // Trailing '!' and '*' are punctuation ("idiota!", "f***" keeps its stars for the pattern).
    std::size_t word_end = token.end;
    while (word_end > token.begin && (text[word_end - 1] == '!' || text[word_end - 1] == '|')) {
      --word_end;
    }
    // Lookalike letters from another script count only inside a word that also has Latin
    // letters: a Russian or Greek word stays as it is.
    const std::string_view token_text = text.substr(token.begin, token.end - token.begin);
    const bool mixed_script = std::any_of(token_text.begin(), token_text.end(), IsAsciiLetter) &&
                              std::any_of(token_text.begin(), token_text.end(),
                                          [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
    while (i < token.end) {
      const char c = text[i];
      if (static_cast<unsigned char>(c) >= 0x80) {
        std::size_t next = i;
        const char latin = mixed_script ? HomoglyphLetter(NextCodePoint(text, &next)) : 0;
        if (latin != 0) {
          copy_byte(i, latin);  // every byte of a code point maps to the same source range
          i = next;
          continue;
        }
      }
      if (!IsSpacedSeparator(c)) {  // separators inside a joined spaced run are dropped
        const bool convert = token.has_letter && i < word_end && (i > token.begin || c != '!');
        copy_byte(i, convert ? LeetLetter(c) : c);
      }
      ++i;
    }
  }
  copy_bytes(i, text.size());
  out->text.resize(written);
  out->source_begin.resize(written);
  out->source_end.resize(written);
  return choices;
}

std::vector<SpacedRunReading> AlternativeReadings(SpacedRunReading choices) {
  std::vector<SpacedRunReading> readings;
  for (int bits = 1; bits < 8; ++bits) {
    const SpacedRunReading reading{(bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0};
    if ((reading.keep_leading_word && !choices.keep_leading_word) ||
        (reading.keep_trailing_word && !choices.keep_trailing_word) ||
        (reading.join_suffix && !choices.join_suffix)) {
      continue;
    }
    readings.push_back(reading);
  }
  return readings;
}

}  // namespace tonelint
