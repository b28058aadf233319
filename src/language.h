// Telling Spanish from English, sentence by sentence, with a small built-in method: function
// words ("el", "que", "the", "you"), Spanish-only letters and marks (ñ ¿ ¡), accented vowels,
// English contractions and a few telling word endings ("-ción", "-mente", "-tion", "-ing").
// No model files. It runs on every sentence of every reply: LanguageDetector gives the same
// answers as the functions, faster, by remembering the chunks of text it has scored.
#pragma once

#include <memory>
#include <string_view>

#include "types.h"

namespace tonelint {

// Evidence for each language, in points. Roughly: 2 for a function word only that language
// uses ("gracias", "the"; 1 for weaker ones such as "ya", "favor"), 3 for ñ, ¿, ¡ or an
// English contraction ("don't", "we're"), 1 for an accented vowel or a telling ending on a word
// that is not in the list. Words both languages use ("no", "me", "a") score nothing. The exact
// weights are not a contract; compare the two fields, not their values.
struct LanguageScore {
  int es = 0;  // evidence for Spanish
  int en = 0;  // evidence for English
};

// Scores `sentence`, original UTF-8 text (any case, accents present, composed or decomposed).
// Words are compared case-insensitively. Chunks (runs without white space) that are URLs,
// e-mail addresses, @handles, #hashtags or /paths, and tokens containing digits ("mp3", "24h"),
// contribute nothing. Ill-formed UTF-8 is treated as punctuation. Linear in sentence.size();
// no allocation; never throws.
LanguageScore ScoreLanguage(std::string_view sentence);

// Lang::kEs or Lang::kEn when the score says so clearly: the winner has at least 2 points and
// leads by at least 2 ("Gracias!" is Spanish, "Thanks!" English). Lang::kUnknown when the
// sentence is too short or too neutral ("OK", "DM", "Perú"), or mixed ("Thank you por tu
// paciencia"). The caller resolves kUnknown from the surrounding reply.
Lang DetectLanguage(std::string_view sentence);

// ScoreLanguage and DetectLanguage, with a memory: a chunk's contribution to the score depends
// on its bytes alone, and replies repeat their words, so each chunk seen before costs one hash
// and one comparison instead of a decoding and a word lookup per word. Score(s) ==
// ScoreLanguage(s) and Detect(s) == DetectLanguage(s) for every s, whatever came before.
// The memory is bounded (about 160 KB, allocated on the first call; chunks longer than 24 bytes
// are not remembered) and forgotten whole when full. Not thread-safe: one detector per thread
// (each Linter keeps its own). Never throws but for std::bad_alloc on the first call.
class LanguageDetector {
 public:
  LanguageDetector();
  ~LanguageDetector();
  LanguageDetector(const LanguageDetector&) = delete;
  LanguageDetector& operator=(const LanguageDetector&) = delete;

  LanguageScore Score(std::string_view sentence);
  Lang Detect(std::string_view sentence);

 private:
  class ChunkMemo;
  std::unique_ptr<ChunkMemo> memo_;
};

}  // namespace tonelint
