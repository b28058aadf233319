// Telling Spanish from English, sentence by sentence, with a small built-in method: function
// words ("el", "que", "the", "you"), Spanish-only letters and marks (ñ ¿ ¡), accented vowels,
// English contractions and a few telling word endings ("-ción", "-mente", "-tion", "-ing").
// No model files. It runs on every sentence of every reply: a caller that remembers the chunks
// of text it has scored (ScoreChunk, LanguageTally) gets the same answers faster.
#pragma once

#include <cstdint>
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

// The verdict of DetectLanguage for a sentence whose score is `score`.
Lang LanguageOf(LanguageScore score);

// A sentence's score a chunk at a time, for a caller that walks the chunks itself (runs of
// bytes from 0x21 up, between white space) and remembers what each did, as it depends on the
// chunk's bytes alone (SentenceSieve does, with the other facts it keeps of each chunk): one
// lookup then replaces a decoding and a word lookup per word. Added in order, a sentence's
// chunks give ScoreLanguage(sentence), provided it has no control character (a byte below
// 0x21 other than white space), which the scorer takes as part of a chunk: score such a
// sentence whole.
struct ChunkLanguage {
  // How the chunk meets its neighbours: three or more one-letter chunks in a row ("i d i o t
  // a") spell a word out and count for neither language.
  enum class Kind : std::uint8_t {
    kLeavesLetterRunOpen,  // no words ("¿", "--"): adds `score`
    kJoinsLetterRun,       // one one-letter word ("i", "a."): `score` waits in the letter run
    kEndsLetterRun,        // other words: ends the letter run, then adds `score`
  };
  LanguageScore score;
  Kind kind = Kind::kLeavesLetterRunOpen;
};

// What `chunk` does to its sentence's score. False when the scorer reads it as more than one
// chunk (a no-break space inside): then LanguageTally::AddChunkText it every time.
bool ScoreChunk(std::string_view chunk, ChunkLanguage* effect);

// Adds up a sentence's chunks, in order.
class LanguageTally {
 public:
  // Inline: it runs for every chunk of every sentence.
  void Add(const ChunkLanguage& chunk) {
    switch (chunk.kind) {
      case ChunkLanguage::Kind::kJoinsLetterRun:
        letter_run_.es += chunk.score.es;
        letter_run_.en += chunk.score.en;
        ++letter_run_chunks_;
        return;
      case ChunkLanguage::Kind::kEndsLetterRun: EndLetterRun(); break;
      case ChunkLanguage::Kind::kLeavesLetterRunOpen: break;
    }
    total_.es += chunk.score.es;
    total_.en += chunk.score.en;
  }
  // Scores `chunk` and adds it, whatever it holds.
  void AddChunkText(std::string_view chunk);
  // The sentence's score; the tally is then empty again.
  LanguageScore Finish();

 private:
  void EndLetterRun();

  LanguageScore total_;
  LanguageScore letter_run_;
  int letter_run_chunks_ = 0;
};

}  // namespace tonelint
