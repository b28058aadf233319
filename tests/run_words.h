// For tests of phrases whose large group of alternatives is cut into runs (pattern_compiler.h).
#pragma once

#include <string>
#include <vector>

#include "pattern_compiler.h"

namespace tonelint {

// How many of RunWords() fill one run.
inline constexpr std::size_t kWordsPerRun = (kRunBytes + 8) / 9;

// Distinct words of nine bytes, enough of them for two runs and one word of a third.
inline std::vector<std::string> RunWords() {
  std::vector<std::string> words;
  while (words.size() < 2 * kWordsPerRun + 1) {
    words.push_back("palabra" + std::string(1, static_cast<char>('a' + words.size() / 26)) +
                    static_cast<char>('a' + words.size() % 26));
  }
  return words;
}

// `words` as a group's alternatives: "a|b|c".
inline std::string Alternatives(const std::vector<std::string>& words) {
  std::string alternatives;
  for (const std::string& word : words) alternatives += (alternatives.empty() ? "" : "|") + word;
  return alternatives;
}

}  // namespace tonelint
