// Telling Spanish from English, sentence by sentence, with a small built-in method: function
// words ("el", "que", "the", "you"), Spanish-only letters and marks (ñ ¿ ¡) and accented vowels.
// No model files, no allocation per call beyond a small token buffer.
#pragma once

#include <string_view>

#include "types.h"

namespace tonelint {

struct LanguageScore {
  int es = 0;  // evidence for Spanish
  int en = 0;  // evidence for English
};

// Scores `sentence`, original UTF-8 text (any case, accents present). Tokens are compared
// case-insensitively. Never throws.
LanguageScore ScoreLanguage(std::string_view sentence);

// Lang::kEs or Lang::kEn when the score says so clearly, Lang::kUnknown when the sentence is
// too short or too neutral (e.g. "OK", "Gracias!" is Spanish, "DM" is unknown). The caller
// resolves kUnknown from the surrounding reply.
Lang DetectLanguage(std::string_view sentence);

}  // namespace tonelint
