#include "sentence_splitter.h"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

namespace tonelint {

struct SentenceSplitter::Impl {
  std::unique_ptr<icu::BreakIterator> iterator;
};

SentenceSplitter::SentenceSplitter() : impl_(std::make_unique<Impl>()) {
  UErrorCode status = U_ZERO_ERROR;
  impl_->iterator.reset(icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status)) impl_->iterator.reset();
}

SentenceSplitter::~SentenceSplitter() = default;

namespace {

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

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

}  // namespace

void SentenceSplitter::Split(std::string_view text, std::vector<ByteRange>* sentences) {
  sentences->clear();
  if (text.empty()) return;
  if (!impl_->iterator) {
    std::size_t begin = 0;
    while (begin < text.size()) {
      std::size_t end = text.find('\n', begin);
      end = end == std::string_view::npos ? text.size() : end + 1;
      AppendBounded(text, begin, end, sentences);
      begin = end;
    }
    return;
  }
  UErrorCode status = U_ZERO_ERROR;
  UText* utext = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  impl_->iterator->setText(utext, status);
  int32_t begin = impl_->iterator->first();
  for (int32_t end = impl_->iterator->next(); end != icu::BreakIterator::DONE;
       end = impl_->iterator->next()) {
    if (IsLeetExclamation(text, static_cast<std::size_t>(end))) continue;
    AppendBounded(text, static_cast<std::size_t>(begin), static_cast<std::size_t>(end), sentences);
    begin = end;
  }
  // The iterator keeps a pointer to the UText; detach it before the text goes away.
  impl_->iterator->setText(icu::UnicodeString());
  utext_close(utext);
}

}  // namespace tonelint
