// Shared helpers for the fuzz targets: a property check that aborts with a message (so that
// libFuzzer saves the input as a crash), and UTF-8 / grapheme boundary tests.
#pragma once

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string_view>

#define FUZZ_CHECK(condition, ...)                                               \
  do {                                                                           \
    if (!(condition)) {                                                          \
      std::fprintf(stderr, "%s:%d: property failed: %s\n  ", __FILE__, __LINE__, \
                   #condition);                                                  \
      std::fprintf(stderr, __VA_ARGS__);                                         \
      std::fprintf(stderr, "\n");                                                \
      std::abort();                                                              \
    }                                                                            \
  } while (false)

namespace fuzz {

// True when `offset` (<= text.size()) does not point into the middle of a UTF-8 sequence.
inline bool IsCodePointBoundary(std::string_view text, std::size_t offset) {
  return offset == text.size() || (static_cast<unsigned char>(text[offset]) & 0xC0) != 0x80;
}

// Grapheme-cluster boundaries of a UTF-8 text, by ICU's character BreakIterator.
class GraphemeBoundaries {
 public:
  explicit GraphemeBoundaries(std::string_view text) {
    UErrorCode status = U_ZERO_ERROR;
    iterator_.reset(icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status)) iterator_.reset();
    text_ = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
    if (iterator_ && U_SUCCESS(status)) iterator_->setText(text_, status);
    ok_ = iterator_ != nullptr && U_SUCCESS(status);
  }
  ~GraphemeBoundaries() { utext_close(text_); }
  bool ok() const { return ok_; }
  bool IsBoundary(std::size_t offset) {
    return iterator_->isBoundary(static_cast<int32_t>(offset)) != 0;
  }

 private:
  std::unique_ptr<icu::BreakIterator> iterator_;
  UText* text_ = nullptr;
  bool ok_ = false;
};

}  // namespace fuzz
