#include "sentence_splitter.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <array>
#include <cstdint>

#include "byte_scan.h"
#include "source_text.h"

namespace tonelint {
namespace {

// What a code point's Sentence_Break property (UAX #29) means for the line check below.
enum class BreakRole : uint8_t {
  kOther,     // never a break next to it on its own
  kTerm,      // ATerm, STerm: . ! ? and the like
  kClose,     // closing punctuation and quotes
  kSpace,     // Sp
  kParaSep,   // Sep, CR, LF: a break always follows
  kTailStop,  // Extend, Format: transparent to the rules, but only plain tails are recognised
};

BreakRole RoleOf(UChar32 c) {
  switch (u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK)) {
    case U_SB_ATERM:
    case U_SB_STERM: return BreakRole::kTerm;
    case U_SB_CLOSE: return BreakRole::kClose;
    case U_SB_SP: return BreakRole::kSpace;
    case U_SB_SEP:
    case U_SB_CR:
    case U_SB_LF: return BreakRole::kParaSep;
    case U_SB_EXTEND:
    case U_SB_FORMAT: return BreakRole::kTailStop;
    default: return BreakRole::kOther;
  }
}

bool IsBody(BreakRole role) { return role != BreakRole::kTerm && role != BreakRole::kParaSep; }

}  // namespace

struct SentenceSplitter::Impl {
  std::unique_ptr<icu::BreakIterator> iterator;
  // RoleOf for the code points of one or two UTF-8 bytes, which are most of any reply.
  std::array<BreakRole, 0x800> short_roles;
  // By code point below U+0800: neither a terminator nor a separator.
  std::array<bool, 0x800> short_body;
  // By byte: whether BodyEnd passes it without a closer look. An ASCII character that is
  // neither a terminator nor a separator; 0xC3, the first byte of À-ÿ, which are all body; and
  // a continuation byte, which BodyEnd meets only after a 0xC3 (it stops at every other first
  // byte and steps over the whole code point).
  std::array<bool, 256> body_bytes{};

  BreakRole RoleAt(std::string_view line, std::size_t* i) const {
    const auto byte = static_cast<unsigned char>(line[*i]);
    if (byte < 0x80) {
      ++*i;
      return short_roles[byte];
    }
    UChar32 c;
    U8_NEXT(line.data(), *i, line.size(), c);
    if (c < 0) return BreakRole::kOther;  // ICU reads ill-formed bytes as U+FFFD
    return c < 0x800 ? short_roles[c] : RoleOf(c);
  }
  // Where the body that starts at line[i] ends: at the first terminator, separator or code
  // point of three or more bytes, or at the end. The body is most of a line, and only a
  // terminator or a separator changes anything there, so its code points of one or two bytes
  // (ASCII, and the accented letters and inverted marks of Spanish) are stepped over without
  // the switch in ScanPiece: sixteen bytes at a time up to a byte that body_bytes leaves out.
  std::size_t BodyEnd(std::string_view line, std::size_t i) const {
    for (;;) {
      i = FindFirstByteInBlocks(
          line, i, [this](unsigned char byte) { return !body_bytes[byte]; },
          [](ByteBlock block) {
            return (block == '.') | (block == '!') | (block == '?') | (block == '\n') |
                   (block == '\r') | ((block >= 0xC0) & (block != 0xC3));
          });
      if (i + 1 >= line.size()) return i;
      const auto lead = static_cast<unsigned char>(line[i]);
      const auto trail = static_cast<unsigned char>(line[i + 1]);
      if (lead < 0xC2 || lead >= 0xE0 || (trail & 0xC0) != 0x80 ||
          !short_body[((lead & 0x1F) << 6) | (trail & 0x3F)]) {
        return i;
      }
      i += 2;
    }
  }
  // The end of the piece of a line that starts at `begin`, and whether the piece is one
  // sentence (see ScanPiece below).
  std::size_t ScanPiece(std::string_view text, std::size_t begin, std::size_t line_end,
                        bool* one_sentence) const;
  void SplitWithIcu(std::string_view text, std::size_t begin, std::size_t end,
                    std::vector<ByteRange>* sentences);
};

SentenceSplitter::SentenceSplitter() : impl_(std::make_unique<Impl>()) {
  UErrorCode status = U_ZERO_ERROR;
  impl_->iterator.reset(icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status)) impl_->iterator.reset();
  for (UChar32 c = 0; c < 0x800; ++c) {
    impl_->short_roles[c] = RoleOf(c);
    impl_->short_body[c] = IsBody(impl_->short_roles[c]);
    if (c < 0x80) impl_->body_bytes[c] = impl_->short_body[c];
  }
  for (std::size_t byte = 0x80; byte < 0xC0; ++byte) impl_->body_bytes[byte] = true;
  impl_->body_bytes[0xC3] = true;
}

SentenceSplitter::~SentenceSplitter() = default;

namespace {

// Appends [begin, end), cut into pieces of at most kMaxSentenceBytes.
void AppendBounded(std::string_view text, std::size_t begin, std::size_t end,
                   std::vector<ByteRange>* out) {
  while (end - begin > SentenceSplitter::kMaxSentenceBytes) {
    std::size_t cut = begin + SentenceSplitter::kMaxSentenceBytes;
    const std::size_t space = text.rfind(' ', cut);
    if (space != std::string_view::npos && space > begin + SentenceSplitter::kMaxSentenceBytes / 2) {
      cut = space + 1;
    } else {
      while (cut > begin && IsContinuationByte(text[cut])) --cut;
    }
    out->push_back({begin, cut});
    // The next piece starts a few words back, so that a phrase across the cut is still seen
    // whole in one of the two pieces (the linter merges a finding seen in both).
    const std::size_t overlap_space = text.find(' ', cut - SentenceSplitter::kOverlapBytes);
    begin = overlap_space != std::string_view::npos && overlap_space + 1 < cut ? overlap_space + 1
                                                                                 : cut;
  }
  if (end > begin) out->push_back({begin, end});
}

bool IsAsciiAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// A break right after a '!' with a letter or digit on both sides is not a sentence end: the
// '!' stands for a letter ("b!tch", "1d!0ta"), and splitting there would hide the word.
bool IsLeetExclamation(std::string_view text, std::size_t end) {
  return end >= 2 && end < text.size() && text[end - 1] == '!' && IsAsciiAlnum(text[end - 2]) &&
         IsAsciiAlnum(text[end]);
}

// What UAX #29 decides after the ASCII terminator at text[term] and one or more spaces.
struct AfterSpaces {
  enum class Rule {
    kUndecided,  // ICU decides
    kBreak,      // a sentence begins at `next`
    kNoBreak,    // no break from the terminator to `next` (SB8): the sentence goes on there
  } rule;
  std::size_t next;  // the offset of the code point after the spaces
};

// At an ASCII capital after the spaces, UAX #29 breaks (SB11): no rule keeps a capital after
// spaces with the terminator before them (SB7 wants no space, SB8 a lowercase letter, SB8a a
// continuation or terminator). And no rule looks across such a break: the left context of a
// later break cannot reach back past the capital, and a look for a lowercase letter ahead (SB8)
// stops at the terminator at the latest. So the text on each side splits as it does within the
// whole.
//
// After other code points the rules decide as follows. SB5 (Extend, Format), SB8a (SContinue,
// terminators) and SB9, SB10 (closing marks, spaces, separators) keep them with the terminator:
// undecided. Otherwise SB11 breaks, except after a '.' (ATerm) when SB8 finds a lowercase
// letter ahead before any other letter, separator or terminator: "3 p.m. today" and ". ¿qué
// tal?" stay whole, while "¿Cómo está? bien", "Hi! ¿Qué tal?" and "Saludos. 🎉" break after the
// spaces. SB8 cannot look past the terminator it stops at, so the pieces still split alone.
// Where SB8 keeps the text whole, no rule breaks inside the terminator and its spaces either
// (SB9, SB10), and none after them can look back past the code point that follows them, which
// is neither a closing mark nor a space: the text from there on is a sentence body again.
AfterSpaces DecideAfterSpaces(std::string_view text, std::size_t term, std::size_t end) {
  using Rule = AfterSpaces::Rule;
  std::size_t next = term + 1;
  if (next >= end || text[next] != ' ') return {Rule::kUndecided, next};
  while (next < end && text[next] == ' ') ++next;
  if (next == end) return {Rule::kUndecided, next};
  if (text[next] >= 'A' && text[next] <= 'Z') return {Rule::kBreak, next};
  const bool after_period = text[term] == '.';
  std::size_t i = next;
  UChar32 c;
  U8_NEXT(text.data(), i, end, c);
  if (c < 0) return {Rule::kUndecided, next};
  switch (u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK)) {
    case U_SB_UPPER:
    case U_SB_OLETTER: return {Rule::kBreak, next};
    case U_SB_LOWER: return {after_period ? Rule::kNoBreak : Rule::kBreak, next};
    case U_SB_NUMERIC:
    case U_SB_OTHER: break;
    default: return {Rule::kUndecided, next};
  }
  if (!after_period) return {Rule::kBreak, next};
  while (i < end) {
    U8_NEXT(text.data(), i, end, c);
    if (c < 0) return {Rule::kUndecided, next};
    switch (u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK)) {
      case U_SB_LOWER: return {Rule::kNoBreak, next};
      case U_SB_OLETTER:
      case U_SB_UPPER:
      case U_SB_SEP:
      case U_SB_CR:
      case U_SB_LF:
      case U_SB_ATERM:
      case U_SB_STERM: return {Rule::kBreak, next};
      default: break;
    }
  }
  // The line ends here, at a separator, or the text does.
  return {Rule::kBreak, next};
}

// Whether the '.' at text[at - 1] (ATerm) is directly followed by an ASCII lowercase letter or
// digit, as in "example.com" or "$326.45": UAX #29 keeps them together (SB6, SB8), and the
// terminator ends nothing: the text goes on as the sentence's body.
bool PeriodInsideWord(std::string_view text, std::size_t at) {
  if (at == 0 || text[at - 1] != '.') return false;
  const char next = text[at];
  return (next >= 'a' && next <= 'z') || (next >= '0' && next <= '9');
}

}  // namespace

// A line is cut into pieces at its plain breaks (DecideAfterSpaces), where the whole text
// breaks too. UAX #29 breaks a sentence only after a paragraph separator (SB4) or after a
// terminator with its closing marks and spaces (SB11), and never inside a final run
// "terminators and closing marks, then spaces, then \n" (SB8a, SB9, SB10). A piece with no
// terminator before such a run, except where SB8 keeps one with the text after its spaces, and
// no separator but its line's final "\n" or "\r\n" is therefore one sentence, and ICU, which
// costs more than this scan, need not see it. One pass over the piece finds both its end and
// whether it is one sentence.
std::size_t SentenceSplitter::Impl::ScanPiece(std::string_view text, std::size_t begin,
                                              std::size_t line_end, bool* one_sentence) const {
  std::size_t end = line_end;
  if (end > begin && text[end - 1] == '\n') --end;
  if (end > begin && text[end - 1] == '\r') --end;
  const std::string_view line = text.substr(begin, end - begin);
  // kMixed: the piece is not one sentence, and only its end is still looked for.
  enum class Part { kBody, kTerms, kSpaces, kMixed } part = Part::kBody;
  for (std::size_t i = 0; i < line.size();) {
    if (part == Part::kBody || part == Part::kMixed) {
      i = BodyEnd(line, i);
      if (i == line.size()) break;
    }
    if (line[i] == '.' || line[i] == '!' || line[i] == '?') {
      const AfterSpaces after = DecideAfterSpaces(line, i, line.size());
      if (after.rule == AfterSpaces::Rule::kBreak) {
        // The terminator and the spaces after it end the piece as one sentence would.
        *one_sentence = part != Part::kMixed && part != Part::kSpaces;
        return begin + after.next;
      }
      if (after.rule == AfterSpaces::Rule::kNoBreak) {
        if (part != Part::kMixed) part = part == Part::kSpaces ? Part::kMixed : Part::kBody;
        i = after.next;
        continue;
      }
    }
    if (part == Part::kMixed) {
      ++i;
      continue;
    }
    const std::size_t at = i;
    const BreakRole role = RoleAt(line, &i);
    switch (part) {
      case Part::kBody:
        if (role == BreakRole::kTerm) part = Part::kTerms;
        if (role == BreakRole::kParaSep) part = Part::kMixed;
        break;
      case Part::kTerms:
        if (role == BreakRole::kSpace) {
          part = Part::kSpaces;
        } else if (role != BreakRole::kTerm && role != BreakRole::kClose) {
          part = PeriodInsideWord(line, at) ? Part::kBody : Part::kMixed;
        }
        break;
      case Part::kSpaces:
        if (role != BreakRole::kSpace) part = Part::kMixed;
        break;
      case Part::kMixed: break;
    }
  }
  *one_sentence = part != Part::kMixed;
  return line_end;
}

// Sentences of text[begin, end), which starts and ends at a line boundary or a plain break
// (DecideAfterSpaces): ICU never looks past a paragraph separator, nor across such a break, so
// its breaks there are those of the whole text.
void SentenceSplitter::Impl::SplitWithIcu(std::string_view text, std::size_t begin,
                                          std::size_t end, std::vector<ByteRange>* sentences) {
  const std::string_view part = text.substr(begin, end - begin);
  UErrorCode status = U_ZERO_ERROR;
  UText* utext = utext_openUTF8(nullptr, part.data(), static_cast<int64_t>(part.size()), &status);
  iterator->setText(utext, status);
  int32_t from = iterator->first();
  for (int32_t to = iterator->next(); to != icu::BreakIterator::DONE; to = iterator->next()) {
    const std::size_t cut = begin + static_cast<std::size_t>(to);
    if (IsLeetExclamation(text, cut)) continue;
    AppendBounded(text, begin + static_cast<std::size_t>(from), cut, sentences);
    from = to;
  }
  // The iterator keeps a pointer to the UText; detach it before the text goes away.
  iterator->setText(icu::UnicodeString());
  utext_close(utext);
}

void SentenceSplitter::Split(std::string_view text, std::vector<ByteRange>* sentences) {
  sentences->clear();
  if (text.empty()) return;
  // Pieces that are one sentence are taken as they are, and so is every line without ICU's
  // break data. Runs of the other pieces go to ICU together.
  std::size_t icu_begin = std::string_view::npos;
  auto flush = [&](std::size_t icu_end) {
    if (icu_begin == std::string_view::npos) return;
    impl_->SplitWithIcu(text, icu_begin, icu_end, sentences);
    icu_begin = std::string_view::npos;
  };
  for (std::size_t begin = 0; begin < text.size();) {
    std::size_t end = text.find('\n', begin);
    end = end == std::string_view::npos ? text.size() : end + 1;
    if (!impl_->iterator) {
      AppendBounded(text, begin, end, sentences);
      begin = end;
      continue;
    }
    for (std::size_t piece = begin; piece < end;) {
      bool one_sentence = false;
      const std::size_t piece_end = impl_->ScanPiece(text, piece, end, &one_sentence);
      if (one_sentence) {
        flush(piece);
        AppendBounded(text, piece, piece_end, sentences);
      } else if (icu_begin == std::string_view::npos) {
        icu_begin = piece;
      }
      piece = piece_end;
    }
    begin = end;
  }
  flush(text.size());
}

}  // namespace tonelint
