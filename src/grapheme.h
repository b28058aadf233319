// Grapheme clusters: what a reader sees as one character ("é" written e + U+0301, an emoji
// with its skin tone, a family joined by U+200D). A reported span must never cut one in two.
#pragma once

#include <string_view>

#include "types.h"

namespace tonelint {

// Widens `range` (inside valid UTF-8 `text`, on code-point boundaries) to the nearest
// grapheme-cluster boundaries around it, by ICU's character break rules: a span that ends on a
// letter followed by combining marks, U+200D or an emoji modifier takes them along. Returns
// `range` unchanged if ICU's break data is missing. Keeps a per-thread break iterator.
ByteRange ExtendToGraphemeClusters(std::string_view text, ByteRange range);

}  // namespace tonelint
