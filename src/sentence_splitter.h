// Splitting a reply into sentences (ICU's sentence break rules, which also end a sentence at a
// line break), so that each sentence can be checked in its own language.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "types.h"

namespace tonelint {

class SentenceSplitter {
 public:
  // Sentences longer than kMaxSentenceBytes are cut at the last space before the limit (or at a
  // code-point boundary), which bounds the memory a 100 MB one-line input needs per sentence.
  static constexpr std::size_t kMaxSentenceBytes = 16 * 1024;
  // Consecutive pieces of a cut sentence overlap by up to this many bytes (whole words).
  static constexpr std::size_t kOverlapBytes = 256;

  SentenceSplitter();
  ~SentenceSplitter();
  SentenceSplitter(const SentenceSplitter&) = delete;
  SentenceSplitter& operator=(const SentenceSplitter&) = delete;

  // Byte ranges of the sentences of `text` (valid UTF-8), in order, covering all of it; the
  // pieces of a cut sentence overlap by up to kOverlapBytes. Falls back to line breaks only if
  // ICU's break data is missing.
  void Split(std::string_view text, std::vector<ByteRange>* sentences);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace tonelint
