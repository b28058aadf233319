#include "grapheme.h"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <memory>

namespace tonelint {
namespace {

// Whether a cluster boundary surely falls at `at`, known without ICU: at either end of the
// text, and between two ASCII characters other than CR LF, since no ASCII character extends,
// prepends to or joins another. Nearly every span begins and ends so, and asking ICU costs
// thousands of instructions a span.
bool IsAsciiBoundary(std::string_view text, std::size_t at) {
  if (at == 0 || at == text.size()) return true;
  const auto before = static_cast<unsigned char>(text[at - 1]);
  const auto after = static_cast<unsigned char>(text[at]);
  return before < 0x80 && after < 0x80 && !(before == '\r' && after == '\n');
}

}  // namespace

ByteRange ExtendToGraphemeClusters(std::string_view text, ByteRange range) {
  if (range.end > text.size() || range.begin > range.end) return range;
  if (IsAsciiBoundary(text, range.begin) && IsAsciiBoundary(text, range.end)) return range;
  // Spans are reported rarely; one iterator per thread is cheap and needs no locking.
  thread_local std::unique_ptr<icu::BreakIterator> iterator = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> created(
        icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status)) created.reset();
    return created;
  }();
  if (!iterator) return range;
  UErrorCode status = U_ZERO_ERROR;
  UText utext = UTEXT_INITIALIZER;
  utext_openUTF8(&utext, text.data(), static_cast<int64_t>(text.size()), &status);
  // setText() clones the UText; the clone is only read before this function returns.
  if (U_SUCCESS(status)) iterator->setText(&utext, status);
  if (U_SUCCESS(status)) {
    const auto begin = static_cast<int32_t>(range.begin);
    const auto end = static_cast<int32_t>(range.end);
    if (!iterator->isBoundary(begin)) range.begin = static_cast<std::size_t>(iterator->preceding(begin));
    if (!iterator->isBoundary(end)) range.end = static_cast<std::size_t>(iterator->following(end));
  }
  utext_close(&utext);
  return range;
}

}  // namespace tonelint
