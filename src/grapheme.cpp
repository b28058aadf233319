#include "grapheme.h"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <memory>

namespace tonelint {

ByteRange ExtendToGraphemeClusters(std::string_view text, ByteRange range) {
  // Spans are reported rarely; one iterator per thread is cheap and needs no locking.
  thread_local std::unique_ptr<icu::BreakIterator> iterator = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> created(
        icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status)) created.reset();
    return created;
  }();
  if (!iterator || range.end > text.size() || range.begin > range.end) return range;
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
