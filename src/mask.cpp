// Masking is one forward pass. At each position the scanner tries the constructs that can
// start there, masks the first that matches and jumps past it, or else moves on by one code
// point. A reply full of openers that never close must not make the pass quadratic, so every
// search for a closing mark is either bounded by something the next search cannot cross
// (the line end, the next opener) or remembered for the openers that follow.
#include "mask.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <iterator>
#include <optional>
#include <unordered_map>

#include "byte_scan.h"

namespace tonelint {
namespace {

constexpr std::size_t kNpos = std::string_view::npos;

// The non-ASCII marks, spelled as bytes because u8"" literals are char8_t in C++20.
constexpr std::string_view kOpenGuillemet = "\xC2\xAB";   // «
constexpr std::string_view kCloseGuillemet = "\xC2\xBB";  // »
constexpr std::string_view kOpenCurly = "\xE2\x80\x9C";   // “
constexpr std::string_view kCloseCurly = "\xE2\x80\x9D";  // ”
constexpr std::string_view kOpenLow = "\xE2\x80\x9E";     // „

constexpr bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
constexpr bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

// The ASCII bytes that may open a construct, or count at a line start.
constexpr std::string_view kAsciiOpeners = "\"`{$%:<@#>~";

// What the scan asks of nearly every byte of a reply, one table load instead of a chain of
// comparisons: whether it is an ASCII letter or digit, whether it may be in the local part of
// an e-mail address (which the scan measures at every word), and whether a construct other
// than an address may start at it: an opener, a mark that counts at a line start, or the
// first byte of « “ „ (kMayOpenByte). The bytes of a local part that open nothing else are the
// bulk of a reply (kWordByte); the scan stops only at kMayOpenBytes and at a 'w' or 'W', which
// may begin "www." (kStopByte).
enum ByteFlag : std::uint8_t {
  kAlnumByte = 1,
  kLocalPartByte = 2,
  kMayOpenByte = 4,
  kWordByte = 8,
  kStopByte = 16,
};
constexpr std::array<std::uint8_t, 256> kByteFlags = [] {
  std::array<std::uint8_t, 256> flags{};
  for (std::size_t byte = 0; byte < flags.size(); ++byte) {
    const char c = static_cast<char>(byte);
    const bool alnum = IsAsciiAlpha(c) || IsAsciiDigit(c);
    if (alnum) flags[byte] |= kAlnumByte;
    if (alnum || c == '.' || c == '_' || c == '%' || c == '+' || c == '-') {
      flags[byte] |= kLocalPartByte;
    }
  }
  for (const char c : kAsciiOpeners) flags[static_cast<unsigned char>(c)] |= kMayOpenByte;
  for (const std::string_view mark : {kOpenGuillemet, kOpenCurly, kOpenLow}) {
    flags[static_cast<unsigned char>(mark.front())] |= kMayOpenByte;
  }
  for (std::uint8_t& byte_flags : flags) {
    if ((byte_flags & (kLocalPartByte | kMayOpenByte)) == kLocalPartByte) byte_flags |= kWordByte;
    if ((byte_flags & kMayOpenByte) != 0) byte_flags |= kStopByte;
  }
  flags['w'] |= kStopByte;
  flags['W'] |= kStopByte;
  return flags;
}();

bool IsAsciiAlnum(char c) { return (kByteFlags[static_cast<unsigned char>(c)] & kAlnumByte) != 0; }
bool IsLocalPartChar(char c) {
  return (kByteFlags[static_cast<unsigned char>(c)] & kLocalPartByte) != 0;
}
bool IsAscii(char c) { return static_cast<unsigned char>(c) < 0x80; }
bool IsBlank(char c) { return c == ' ' || c == '\t'; }

struct CodePoint {
  char32_t value = 0;
  std::size_t length = 1;
};

// 1 for a continuation or invalid byte, which then stands alone.
std::size_t SequenceLength(unsigned char lead) {
  if (lead < 0xC0 || lead >= 0xF8) return 1;
  if (lead < 0xE0) return 2;
  return lead < 0xF0 ? 3 : 4;
}

// `text` is valid UTF-8 by contract; a stray byte still counts as one code point so that a
// broken caller gets odd masks rather than reads past the end.
CodePoint DecodeAt(std::string_view text, std::size_t pos) {
  const auto lead = static_cast<unsigned char>(text[pos]);
  if (lead < 0x80) return {lead, 1};
  const std::size_t length = SequenceLength(lead);
  if (length == 1 || pos + length > text.size()) return {0xFFFD, 1};
  char32_t value = lead & (0x7F >> length);
  for (std::size_t k = 1; k < length; ++k) {
    value = (value << 6) | (static_cast<unsigned char>(text[pos + k]) & 0x3F);
  }
  return {value, length};
}

char32_t CodePointBefore(std::string_view text, std::size_t pos) {
  std::size_t start = pos - 1;
  while (start > 0 && pos - start < 4 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) {
    --start;
  }
  return DecodeAt(text, start).value;
}

// Letters and digits of the scripts replies are written in. ICU would be exact, but these
// ranges keep the per-byte loop free of library calls, and what they get wrong (a rare
// punctuation mark inside a script block) only shifts where a handle or hashtag may start.
// Punctuation, symbols, spaces and emoji are left out so that "(@ana" and "🎉#fiesta" still
// start a handle and a hashtag, and a URL stops at "…" or "”".
bool IsNonAsciiWord(char32_t cp) {
  struct Block {
    char32_t first;
    char32_t last;
  };
  static constexpr Block kWordBlocks[] = {
      {0x00AA, 0x00AA},   {0x00B5, 0x00B5},   {0x00BA, 0x00BA},  // ª µ º
      {0x00C0, 0x00D6},   {0x00D8, 0x00F6},   {0x00F8, 0x1FFF},  // Latin .. Greek Extended
      {0x2C00, 0x2DFF},                                          // Glagolitic .. Cyrillic Ext-A
      {0x3040, 0xD7FF},                                          // kana, CJK, Hangul
      {0xF900, 0xFDFF},   {0xFE70, 0xFEFE},                      // compatibility, Arabic forms
      {0xFF10, 0xFF19},   {0xFF21, 0xFF3A},   {0xFF41, 0xFF5A},  // full-width digits, letters
      {0xFF66, 0xFFDC},                                          // half-width kana, Hangul
      {0x10000, 0x1EFFF}, {0x20000, 0x3FFFF},                    // other planes, minus emoji
  };
  return std::any_of(std::begin(kWordBlocks), std::end(kWordBlocks),
                     [cp](const Block& block) { return cp >= block.first && cp <= block.last; });
}

bool IsWordCodePoint(char32_t cp) {
  if (cp < 0x80) return IsAsciiAlnum(static_cast<char>(cp)) || cp == '_';
  return IsNonAsciiWord(cp);
}

bool WordCharBefore(std::string_view text, std::size_t pos) {
  return pos > 0 && IsWordCodePoint(CodePointBefore(text, pos));
}

bool StartsWithIgnoreCase(std::string_view text, std::string_view lower_prefix) {
  if (text.size() < lower_prefix.size()) return false;
  for (std::size_t k = 0; k < lower_prefix.size(); ++k) {
    const char c = text[k];
    const char lower = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    if (lower != lower_prefix[k]) return false;
  }
  return true;
}

bool EqualsIgnoreCase(std::string_view text, std::string_view lower) {
  return text.size() == lower.size() && StartsWithIgnoreCase(text, lower);
}

std::size_t LineEndFrom(std::string_view text, std::size_t pos) {
  const std::size_t newline = text.find('\n', pos);
  return newline == kNpos ? text.size() : newline;
}

// Finds successive occurrences of one closing mark while the scan moves forward. Thousands
// of unclosed openers all ask for the same closer; the answer stays valid until the scan
// passes it, so the text between two occurrences is searched once, not once per opener.
class ForwardFinder {
 public:
  ForwardFinder(std::string_view text, std::string_view needle) : text_(text), needle_(needle) {}

  // The first occurrence at or after `from`, or kNpos.
  std::size_t Find(std::size_t from) {
    const bool known = searched_ && from >= searched_from_ && (found_ == kNpos || found_ >= from);
    if (!known) {
      found_ = text_.find(needle_, from);
      searched_from_ = from;
      searched_ = true;
    }
    return found_;
  }

  std::size_t NeedleSize() const { return needle_.size(); }

 private:
  std::string_view text_;
  std::string_view needle_;
  bool searched_ = false;
  std::size_t searched_from_ = 0;
  std::size_t found_ = kNpos;
};

// The backtick runs of one line, each paired with the next run of the same length on that
// line, which is what closes a code span. Built once per line: a line of runs that never
// close then costs one pass rather than one pass per run.
class BacktickRuns {
 public:
  // End of the code span opened by the run that starts at `pos`, or nullopt when no run of
  // the same length follows it before `line_end`.
  std::optional<std::size_t> CodeSpanEnd(std::string_view text, std::size_t pos,
                                         std::size_t line_end) {
    if (!built_ || pos >= line_end_) Build(text, pos, line_end);
    while (next_ < runs_.size() && runs_[next_].begin < pos) ++next_;
    if (next_ == runs_.size() || runs_[next_].begin != pos) return std::nullopt;
    const std::size_t closer = runs_[next_].closer;
    if (closer == kNpos) return std::nullopt;
    return runs_[closer].end;
  }

 private:
  struct Run {
    std::size_t begin;
    std::size_t end;
    std::size_t closer;  // index into runs_, or kNpos
  };

  void Build(std::string_view text, std::size_t from, std::size_t line_end) {
    runs_.clear();
    next_ = 0;
    line_end_ = line_end;
    built_ = true;
    for (std::size_t k = from; k < line_end;) {
      if (text[k] != '`') {
        ++k;
        continue;
      }
      const std::size_t begin = k;
      while (k < line_end && text[k] == '`') ++k;
      runs_.push_back({begin, k, kNpos});
    }
    std::unordered_map<std::size_t, std::size_t> next_by_length;
    for (std::size_t r = runs_.size(); r-- > 0;) {
      const std::size_t length = runs_[r].end - runs_[r].begin;
      if (const auto it = next_by_length.find(length); it != next_by_length.end()) {
        runs_[r].closer = it->second;
      }
      next_by_length[length] = r;
    }
  }

  std::vector<Run> runs_;
  std::size_t line_end_ = 0;
  std::size_t next_ = 0;
  bool built_ = false;
};

// A closing fence: at least `min_length` fence characters, nothing but blanks around them.
bool IsClosingFence(std::string_view line, char fence, std::size_t min_length) {
  const std::size_t start = line.find_first_not_of(" \t");
  if (start == kNpos) return false;
  std::size_t run_end = start;
  while (run_end < line.size() && line[run_end] == fence) ++run_end;
  return run_end - start >= min_length && line.find_first_not_of(" \t\r", run_end) == kNpos;
}

// `pos` is the first non-blank of a line. An unclosed block runs to the end of the reply, as
// Markdown renders it: everything after the fence is code, not prose.
std::optional<std::size_t> FencedBlockEnd(std::string_view text, std::size_t pos) {
  const char fence = text[pos];
  std::size_t run_end = pos;
  while (run_end < text.size() && text[run_end] == fence) ++run_end;
  const std::size_t length = run_end - pos;
  if (length < 3) return std::nullopt;
  std::size_t line_end = LineEndFrom(text, run_end);
  // A backtick fence's info string never holds a backtick: "```x```" is a code span.
  if (fence == '`' && text.substr(run_end, line_end - run_end).find('`') != kNpos)
    return std::nullopt;
  while (line_end < text.size()) {
    const std::size_t line = line_end + 1;
    line_end = LineEndFrom(text, line);
    if (IsClosingFence(text.substr(line, line_end - line), fence, length)) return line_end;
  }
  return text.size();
}

// Letters, digits, '_' and '.' ("{cliente.nombre}", "{año}"), whole code points.
std::size_t IdentifierEnd(std::string_view text, std::size_t from) {
  std::size_t end = from;
  while (end < text.size()) {
    const CodePoint cp = DecodeAt(text, end);
    if (!IsWordCodePoint(cp.value) && cp.value != '.') break;
    end += cp.length;
  }
  return end;
}

// `from` is just past the '{' of "{name}" or "${name}".
std::optional<std::size_t> PlaceholderEnd(std::string_view text, std::size_t from) {
  const std::size_t end = IdentifierEnd(text, from);
  if (end == from || end >= text.size() || text[end] != '}') return std::nullopt;
  return end + 1;
}

// printf-style %s %d %i %f with flags, width and precision ("%-5s", "%.2f"), and Python's
// %(name)s. A letter or digit right after the conversion means prose ("100%free", "%dias").
std::optional<std::size_t> PrintfEnd(std::string_view text, std::size_t pos) {
  std::size_t end = pos + 1;
  if (end < text.size() && text[end] == '(') {
    const std::size_t name_end = IdentifierEnd(text, end + 1);
    if (name_end == end + 1 || name_end >= text.size() || text[name_end] != ')')
      return std::nullopt;
    end = name_end + 1;
  }
  while (end < text.size() && std::string_view("-+0#").find(text[end]) != kNpos) ++end;
  while (end < text.size() && IsAsciiDigit(text[end])) ++end;
  if (end < text.size() && text[end] == '.') {
    const std::size_t digits = ++end;
    while (end < text.size() && IsAsciiDigit(text[end])) ++end;
    if (end == digits) return std::nullopt;
  }
  if (end >= text.size() || std::string_view("sdif").find(text[end]) == kNpos) return std::nullopt;
  ++end;
  if (end < text.size() && IsAsciiAlnum(text[end])) return std::nullopt;
  return end;
}

bool IsEmojiCodeChar(char c) {
  return (c >= 'a' && c <= 'z') || IsAsciiDigit(c) || c == '_' || c == '+' || c == '-';
}

// ":smile:", ":+1:". The opening ':' must not follow a letter or digit, which keeps "10:30:45"
// and "Nota:importante:" as text.
std::optional<std::size_t> EmojiCodeEnd(std::string_view text, std::size_t pos) {
  if (WordCharBefore(text, pos)) return std::nullopt;
  std::size_t end = pos + 1;
  while (end < text.size() && IsEmojiCodeChar(text[end])) ++end;
  if (end == pos + 1 || end >= text.size() || text[end] != ':') return std::nullopt;
  return end + 1;
}

// "<" then a letter, or "</" or "<!" then a letter, up to the next '>' on the line. Another
// '<' first means the first was prose ("if a <b and b <c"), and stopping there keeps a line
// of unmatched '<' linear.
std::optional<std::size_t> TagEnd(std::string_view text, std::size_t pos) {
  std::size_t name = pos + 1;
  if (name < text.size() && (text[name] == '/' || text[name] == '!')) ++name;
  if (name >= text.size() || !IsAsciiAlpha(text[name])) return std::nullopt;
  for (std::size_t end = name; end < text.size(); ++end) {
    if (text[end] == '>') return end + 1;
    if (text[end] == '<' || text[end] == '\n') return std::nullopt;
  }
  return std::nullopt;
}

// "@soporte", "@ana.b": ASCII letters, digits, '_' and inner dots, not after a word
// character (an address is masked whole as an e-mail before its '@' is reached).
std::optional<std::size_t> HandleEnd(std::string_view text, std::size_t pos) {
  if (WordCharBefore(text, pos)) return std::nullopt;
  std::size_t end = pos + 1;
  while (end < text.size() && (IsAsciiAlnum(text[end]) || text[end] == '_' || text[end] == '.'))
    ++end;
  while (end > pos + 1 && text[end - 1] == '.') --end;
  if (end == pos + 1) return std::nullopt;
  return end;
}

// "#oferta", "#año2024". A letter must follow ("#1" is a number) and no word character may
// precede ("C#", "F#" are languages).
std::optional<std::size_t> HashtagEnd(std::string_view text, std::size_t pos) {
  if (WordCharBefore(text, pos) || pos + 1 >= text.size()) return std::nullopt;
  const CodePoint first = DecodeAt(text, pos + 1);
  const bool letter = first.value < 0x80 ? IsAsciiAlpha(static_cast<char>(first.value))
                                         : IsNonAsciiWord(first.value);
  if (!letter) return std::nullopt;
  std::size_t end = pos + 1;
  while (end < text.size()) {
    const CodePoint cp = DecodeAt(text, end);
    if (!IsWordCodePoint(cp.value)) break;
    end += cp.length;
  }
  return end;
}

// What a byte is to a URL body (UrlEnd), one table load per byte of the URL: most bytes are
// part of it, and only the rest need a closer look.
enum class UrlByte : std::uint8_t { kPart, kEnd, kBracket, kNonAscii };
constexpr std::array<UrlByte, 256> kUrlBytes = [] {
  std::array<UrlByte, 256> kinds{};
  for (std::size_t byte = 0x80; byte < kinds.size(); ++byte) kinds[byte] = UrlByte::kNonAscii;
  for (const char c : std::string_view(" \t\n\r\f\v<>\"'`")) {
    kinds[static_cast<unsigned char>(c)] = UrlByte::kEnd;
  }
  for (const char c : std::string_view("([{)]}")) {
    kinds[static_cast<unsigned char>(c)] = UrlByte::kBracket;
  }
  return kinds;
}();

// Where a URL body starting at `from` ends: at whitespace, a quote, '<', '>' or a backtick, at
// non-ASCII punctuation or symbols, or at a closing bracket that closes nothing opened inside
// the URL (so "(see https://x.com/a_(b))" keeps one ')'). Trailing ".,;:!?" is the
// sentence's, not the URL's. A brace still open where the URL stops starts a template with
// spaces inside ("https://x.com/{{ id }}"): the URL ends before it and the template masks
// itself.
std::size_t UrlEnd(std::string_view text, std::size_t from) {
  constexpr std::string_view kOpeners = "([{";
  constexpr std::string_view kClosers = ")]}";
  constexpr std::size_t kBrace = 2;
  std::array<int, 3> depth = {0, 0, 0};
  std::size_t open_brace = kNpos;
  std::size_t end = from;
  while (end < text.size()) {
    const char c = text[end];
    const UrlByte kind = kUrlBytes[static_cast<unsigned char>(c)];
    if (kind == UrlByte::kPart) {
      ++end;
      continue;
    }
    if (kind == UrlByte::kEnd) break;
    if (kind == UrlByte::kNonAscii) {
      const CodePoint cp = DecodeAt(text, end);
      if (!IsNonAsciiWord(cp.value)) break;
      end += cp.length;
      continue;
    }
    if (const std::size_t open = kOpeners.find(c); open != kNpos) {
      if (open == kBrace && depth[kBrace] == 0) open_brace = end;
      ++depth[open];
    }
    if (const std::size_t close = kClosers.find(c); close != kNpos) {
      if (depth[close] == 0) break;
      --depth[close];
    }
    ++end;
  }
  if (depth[kBrace] > 0) end = open_brace;
  while (end > from && std::string_view(".,;:!?").find(text[end - 1]) != kNpos) --end;
  return end;
}

std::optional<ByteRange> Url(std::string_view text, std::size_t begin, std::size_t body) {
  const std::size_t end = UrlEnd(text, body);
  if (end == body) return std::nullopt;
  return ByteRange{begin, end};
}

bool IsScheme(std::string_view word) {
  return !word.empty() && IsAsciiAlpha(word[0]) &&
         std::all_of(word.begin(), word.end(),
                     [](char c) { return IsAsciiAlnum(c) || c == '+' || c == '.' || c == '-'; });
}

// "empresa.com", "mail.empresa.com.ar": dotted labels ending in a top-level domain of two or
// more letters, so "user@localhost" and "a@b.1" stay text.
std::optional<std::size_t> EmailDomainEnd(std::string_view text, std::size_t from) {
  std::size_t end = from;
  while (end < text.size() && (IsAsciiAlnum(text[end]) || text[end] == '-' || text[end] == '.'))
    ++end;
  while (end > from && (text[end - 1] == '.' || text[end - 1] == '-')) --end;
  const std::string_view domain = text.substr(from, end - from);
  const std::size_t last_dot = domain.rfind('.');
  if (domain.empty() || !IsAsciiAlnum(domain[0]) || last_dot == kNpos ||
      domain.find("..") != kNpos) {
    return std::nullopt;
  }
  const std::string_view tld = domain.substr(last_dot + 1);
  if (tld.size() < 2 || !std::all_of(tld.begin(), tld.end(), IsAsciiAlpha)) return std::nullopt;
  return end;
}

// URLs and e-mail addresses are recognised from the start of their first word only: trying
// at every position inside a long word would rescan the word once per letter.
bool AtWordStart(std::string_view text, std::size_t pos) {
  if (!IsLocalPartChar(text[pos])) return false;
  if (pos == 0) return true;
  const char before = text[pos - 1];
  if (IsAscii(before)) return !IsLocalPartChar(before);
  return !IsNonAsciiWord(CodePointBefore(text, pos));
}

// A URL (scheme://..., www...., mailto:..., tel:...) or an e-mail address starting at the
// word that begins at `pos`.
std::size_t LocalPartEnd(std::string_view text, std::size_t pos) {
  while (pos < text.size() && IsLocalPartChar(text[pos])) ++pos;
  return pos;
}

// Whether AddressAt can find something at `pos`, whose word ends at `word_end` (LocalPartEnd):
// the word is followed by '@' or ':' (scheme://, mailto:, tel:) or begins with "www.". A cheap
// test for most words, which are none of these.
bool MayStartAddress(std::string_view text, std::size_t pos, std::size_t word_end) {
  return (word_end < text.size() && (text[word_end] == '@' || text[word_end] == ':')) ||
         ((text[pos] == 'w' || text[pos] == 'W') && StartsWithIgnoreCase(text.substr(pos), "www."));
}

std::optional<ByteRange> AddressAt(std::string_view text, std::size_t pos) {
  const std::size_t word_end = LocalPartEnd(text, pos);
  const std::string_view word = text.substr(pos, word_end - pos);
  const std::string_view rest = text.substr(word_end);
  if (rest.starts_with("://") && IsScheme(word)) return Url(text, pos, word_end + 3);
  if (rest.starts_with('@')) {
    // A local part holds no "..", and leading dots and signs are the sentence's:
    // "gracias...ana@x.com" masks "ana@x.com".
    const std::size_t double_dot = word.rfind("..");
    const auto after_dots = word.begin() + (double_dot == kNpos ? 0 : double_dot + 2);
    const std::size_t local = std::find_if(after_dots, word.end(), IsAsciiAlnum) - word.begin();
    const auto domain_end = EmailDomainEnd(text, word_end + 1);
    if (local < word.size() && domain_end) return ByteRange{pos + local, *domain_end};
    return std::nullopt;
  }
  if (rest.starts_with(':') &&
      (EqualsIgnoreCase(word, "mailto") || EqualsIgnoreCase(word, "tel"))) {
    return Url(text, pos, word_end + 1);
  }
  if (StartsWithIgnoreCase(word, "www.")) return Url(text, pos, pos + 4);
  return std::nullopt;
}

class Scanner {
 public:
  explicit Scanner(std::string_view text)
      : text_(text),
        newline_(text, "\n"),
        straight_quote_(text, "\""),
        close_guillemet_(text, kCloseGuillemet),
        open_curly_(text, kOpenCurly),
        close_curly_(text, kCloseCurly),
        mustache_close_(text, "}}"),
        handlebars_comment_close_(text, "--}}"),
        statement_close_(text, "%}"),
        jinja_comment_close_(text, "#}"),
        html_comment_close_(text, "-->") {}

  // Stops only at the bytes where something may start, which are few: the kStopBytes. An
  // address starts at the first byte of a word (a run of kWordBytes), but only at a word
  // followed by '@', ':' or '%' (all of them kStopBytes, from which the scan looks back for
  // the word) or beginning with "www." (a 'w', where the scan stops too). At a 'w' that does
  // not begin "www." the scan goes on at once: whatever address its word may start, the look
  // back from the '@', ':' or '%' after the word finds it as the word's first byte would. Every
  // other byte (the rest of a word, blanks, line ends, other punctuation and the other bytes of
  // a UTF-8 sequence) starts nothing, and NextStop passes it sixteen bytes at a time.
  std::vector<ByteRange> Run() {
    // A copy the compiler need not reload after every store to ranges_.
    const std::string_view text = text_;
    std::size_t pos = 0;
    // Where the scan last went on after a stop: a word may start there whatever precedes it
    // (the end of a mask, or of a word passed whole), and after it only after a non-word byte.
    std::size_t resumed = 0;
    for (;;) {
      pos = NextStop(text, pos);
      if (pos == text.size()) break;
      if (text[pos] == 'w' || text[pos] == 'W') {
        if ((pos > resumed && IsWordByte(text[pos - 1])) ||
            !StartsWithIgnoreCase(text.substr(pos), "www.")) {
          ++pos;  // inside a word, or no "www."
          continue;
        }
        pos = PastWord(pos);
      } else {
        pos = PastOpener(pos, resumed);
      }
      resumed = pos;
    }
    return std::move(ranges_);
  }

 private:
  // The first kStopByte at or after `pos`, or text.size(): the loop most bytes go through,
  // sixteen bytes at a time.
  static std::size_t NextStop(std::string_view text, std::size_t pos) {
    return FindFirstByteInBlocks(
        text, pos, [](unsigned char c) { return (kByteFlags[c] & kStopByte) != 0; },
        [](ByteBlock block) {
          // Setting a bit that only one other byte lacks tests for both at once: 'w' and 'W',
          // '<' and '>', and 0xC2 and 0xE2, the first bytes of « and of “ „.
          static_assert(kAsciiOpeners == "\"`{$%:<@#>~" && kOpenGuillemet[0] == '\xC2' &&
                        kOpenCurly[0] == '\xE2' && kOpenLow[0] == '\xE2');
          const ByteBlock from_quote = block - '"';  // '"' '#' '$' '%' become 0 to 3
          return ((block | 0x20) == 'w') | (from_quote <= 3) | (block == '`') | (block == '{') |
                 (block == ':') | ((block | 2) == '>') | (block == '@') | (block == '~') |
                 ((block | 0x20) == 0xE2);
        });
  }

  static bool IsWordByte(char c) {
    return (kByteFlags[static_cast<unsigned char>(c)] & kWordByte) != 0;
  }

  // `pos` is the first byte of a word that begins "www.". Masks the address that starts there,
  // if any, and returns where the scan goes on: past the address, or past the word, inside
  // which nothing starts (no kWordByte opens anything, and none after the first is at a word
  // start).
  std::size_t PastWord(std::size_t pos) {
    const std::string_view text = text_;
    std::size_t word_end = pos + 1;
    while (word_end < text.size() && IsWordByte(text[word_end])) ++word_end;
    if (const auto range = AddressOfWord(pos, word_end)) {
      Emit(*range);
      return range->end;
    }
    return word_end;
  }

  // `pos` holds a kMayOpenByte, and the scan passed only bytes that start nothing since
  // `resumed`. Masks the address whose word ends at `pos` ('@', ':', or a '%' inside its local
  // part), else what opens at `pos`; returns where the scan goes on.
  std::size_t PastOpener(std::size_t pos, std::size_t resumed) {
    const char c = text_[pos];
    if (c == '@' || c == ':' || c == '%') {
      std::size_t word = pos;
      while (word > resumed && IsWordByte(text_[word - 1])) --word;
      if (word < pos) {
        if (const auto range = AddressOfWord(word, pos)) {
          Emit(*range);
          return range->end;
        }
      }
    }
    if (const auto range = MatchAt(pos)) {
      Emit(*range);
      return range->end;
    }
    return pos + 1;
  }

  // The address that starts at `word`, the first byte of a word whose kWordBytes end at
  // `run_end`.
  std::optional<ByteRange> AddressOfWord(std::size_t word, std::size_t run_end) const {
    const std::string_view text = text_;
    const std::size_t word_end =
        run_end < text.size() && text[run_end] == '%' ? LocalPartEnd(text, run_end) : run_end;
    if (!MayStartAddress(text, word, word_end) || !AtWordStart(text, word)) return std::nullopt;
    return AddressAt(text, word);
  }

  std::optional<ByteRange> MatchAt(std::size_t pos) {
    if (const auto end = LineStartEnd(pos)) return ByteRange{pos, *end};
    if (AtWordStart(text_, pos)) {
      if (const auto range = AddressAt(text_, pos)) return range;
    }
    if (const auto end = OpenerEnd(pos)) return ByteRange{pos, *end};
    return std::nullopt;
  }

  // Whether only blanks come before `pos` on its line. Asked of the few bytes that open a
  // line-start construct, it looks back over the blanks before them, each of which it passes
  // at most once (the next look back stops at the byte it asked about).
  bool FirstNonBlankOfLine(std::size_t pos) const {
    while (pos > 0 && IsBlank(text_[pos - 1])) --pos;
    return pos == 0 || text_[pos - 1] == '\n';
  }

  // Constructs that count only as the first non-blank of a line.
  std::optional<std::size_t> LineStartEnd(std::size_t pos) {
    const char mark = text_[pos];
    if ((mark != '>' && mark != '`' && mark != '~') || !FirstNonBlankOfLine(pos)) {
      return std::nullopt;
    }
    return mark == '>' ? LineEnd(pos) : FencedBlockEnd(text_, pos);
  }

  std::optional<std::size_t> OpenerEnd(std::size_t pos) {
    switch (text_[pos]) {
      case '"': return SameLineCloserEnd(straight_quote_, pos, 1);
      case '`': return CodeSpanEnd(pos);
      case '{': return BraceEnd(pos);
      case '$':
        return text_.substr(pos + 1).starts_with('{') ? PlaceholderEnd(text_, pos + 2)
                                                      : std::nullopt;
      case '%': return PrintfEnd(text_, pos);
      case ':': return EmojiCodeEnd(text_, pos);
      case '<': return AngleEnd(pos);
      case '@': return HandleEnd(text_, pos);
      case '#': return HashtagEnd(text_, pos);
      default: return QuotationMarkEnd(pos);
    }
  }

  std::optional<std::size_t> QuotationMarkEnd(std::size_t pos) {
    const std::string_view rest = text_.substr(pos);
    if (rest.starts_with(kOpenGuillemet))
      return SameLineCloserEnd(close_guillemet_, pos, kOpenGuillemet.size());
    if (rest.starts_with(kOpenCurly))
      return SameLineCloserEnd(close_curly_, pos, kOpenCurly.size());
    if (!rest.starts_with(kOpenLow)) return std::nullopt;
    // „...“ in German and „...” in Polish or Romanian: whichever comes first closes.
    const auto low_curly = SameLineCloserEnd(open_curly_, pos, kOpenLow.size());
    const auto low_close = SameLineCloserEnd(close_curly_, pos, kOpenLow.size());
    if (low_curly && low_close) return std::min(*low_curly, *low_close);
    return low_curly ? low_curly : low_close;
  }

  std::optional<std::size_t> CodeSpanEnd(std::size_t pos) {
    // Only a whole run opens a span; the rest of a run that found no closer is text.
    if (pos > 0 && text_[pos - 1] == '`') return std::nullopt;
    return backticks_.CodeSpanEnd(text_, pos, LineEnd(pos));
  }

  std::optional<std::size_t> BraceEnd(std::size_t pos) {
    const std::string_view rest = text_.substr(pos);
    if (rest.starts_with("{{!--")) {
      if (const auto end = CloserEnd(handlebars_comment_close_, pos + 5)) return end;
    }
    if (rest.starts_with("{{")) return MustacheEnd(pos);
    if (rest.starts_with("{%")) return CloserEnd(statement_close_, pos + 2);
    if (rest.starts_with("{#")) return CloserEnd(jinja_comment_close_, pos + 2);
    return PlaceholderEnd(text_, pos + 1);
  }

  std::optional<std::size_t> MustacheEnd(std::size_t pos) {
    const auto end = CloserEnd(mustache_close_, pos + 2);
    // Handlebars' triple-stash {{{raw}}} closes with one brace more.
    if (end && text_.substr(pos).starts_with("{{{") && text_.substr(*end).starts_with('}'))
      return *end + 1;
    return end;
  }

  std::optional<std::size_t> AngleEnd(std::size_t pos) {
    if (text_.substr(pos).starts_with("<!--")) {
      if (const auto end = CloserEnd(html_comment_close_, pos + 4)) return end;
    }
    return TagEnd(text_, pos);
  }

  // End of the closer found at or after `from`, on any line.
  static std::optional<std::size_t> CloserEnd(ForwardFinder& closer, std::size_t from) {
    const std::size_t found = closer.Find(from);
    if (found == kNpos) return std::nullopt;
    return found + closer.NeedleSize();
  }

  // End of the closer of the opener at `pos`, if it is on the opener's line.
  std::optional<std::size_t> SameLineCloserEnd(ForwardFinder& closer, std::size_t pos,
                                               std::size_t opener_size) {
    const std::size_t found = closer.Find(pos + opener_size);
    if (found == kNpos || found >= LineEnd(pos)) return std::nullopt;
    return found + closer.NeedleSize();
  }

  std::size_t LineEnd(std::size_t pos) {
    const std::size_t newline = newline_.Find(pos);
    return newline == kNpos ? text_.size() : newline;
  }

  // Ranges arrive in order, since the scan only moves forward; touching ones are joined.
  void Emit(ByteRange range) {
    if (!ranges_.empty() && range.begin <= ranges_.back().end) {
      ranges_.back().end = std::max(ranges_.back().end, range.end);
    } else {
      ranges_.push_back(range);
    }
  }

  std::string_view text_;
  ForwardFinder newline_;
  ForwardFinder straight_quote_;
  ForwardFinder close_guillemet_;
  ForwardFinder open_curly_;
  ForwardFinder close_curly_;
  ForwardFinder mustache_close_;
  ForwardFinder handlebars_comment_close_;
  ForwardFinder statement_close_;
  ForwardFinder jinja_comment_close_;
  ForwardFinder html_comment_close_;
  BacktickRuns backticks_;
  std::vector<ByteRange> ranges_;
};

}  // namespace

std::vector<ByteRange> FindMaskedRanges(std::string_view reply) { return Scanner(reply).Run(); }

void AddDelimitedRanges(std::string_view reply,
                        const std::vector<std::pair<std::string, std::string>>& delimiters,
                        std::vector<ByteRange>* masks) {
  if (delimiters.empty()) return;
  for (const auto& [open, close] : delimiters) {
    if (open.empty() || close.empty()) continue;
    std::size_t at = reply.find(open);
    while (at != std::string_view::npos) {
      const std::size_t end = reply.find(close, at + open.size());
      if (end == std::string_view::npos) break;
      masks->push_back({at, end + close.size()});
      at = reply.find(open, end + close.size());
    }
  }
  std::sort(masks->begin(), masks->end(),
            [](const ByteRange& a, const ByteRange& b) { return a.begin < b.begin; });
  std::vector<ByteRange> merged;
  for (const ByteRange& range : *masks) {
    if (!merged.empty() && range.begin <= merged.back().end) {
      merged.back().end = std::max(merged.back().end, range.end);
    } else {
      merged.push_back(range);
    }
  }
  *masks = std::move(merged);
}

}  // namespace tonelint
