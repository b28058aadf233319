// The sieve in front of a sentence's matching. Nearly every sentence of a reply matches no
// pattern at all ("Your order ships on Monday."), yet finding that out the long way takes its
// matching form, its words looked up in every pattern index, and a scan for obfuscation: most
// of a large input's time (issue 6). A pattern is a candidate only through the words of the
// sentence (its keywords and also-required keywords) and a few literal atoms, and words never
// span white space. So what a sentence may match follows from its chunks, the runs of bytes
// between white space, each decided once and remembered by its bytes (text_chunks.h).
//
// The sieve answers "certainly nothing" or "maybe", never "yes": a sentence it passes is
// matched in full, exactly as without it. As it reads every chunk anyway, it scores the
// sentence's language too (language.h), from the same memo.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>

#include "language.h"

namespace tonelint {

class Normalizer;
class RuleSet;

// The checks a caller will run on a sentence, whose findings it asks the sieve about.
struct SieveQuestion {
  bool phrases_es = false;  // the Spanish phrase patterns, plain and obfuscated
  bool phrases_en = false;
  bool capitals = false;  // shouting (caps_runs.h)
  bool keyed_document = false;  // document patterns with keywords
  bool unkeyed_document = false;  // and without (PatternIndex::unkeyed_patterns)
};

// What the sieve read in a sentence.
class SiftedSentence {
 public:
  // A sentence not sifted, scored `language`: every check may find something in it.
  static SiftedSentence Unsifted(LanguageScore language);

  // ScoreLanguage(sentence).
  LanguageScore language;

  // False when none of the checks `question` asks about can find anything in the sentence
  // (if it has no masked range): no phrase or document pattern has a candidate there, no two
  // capitals stand side by side. True when one may.
  bool MayFindSomething(const SieveQuestion& question) const;

 private:
  friend class SentenceSieve;
  std::uint8_t may_match_ = 0;  // the checks that may find something, as bits
};

// Reads each sentence once, a chunk at a time, for its language and what it may match.
// Remembers chunks per instance (bounded, about 1 MB once used): one per thread, like the
// Linter that owns it. The rule set must outlive it.
class SentenceSieve {
 public:
  explicit SentenceSieve(const RuleSet& rules);
  ~SentenceSieve();
  SentenceSieve(const SentenceSieve&) = delete;
  SentenceSieve& operator=(const SentenceSieve&) = delete;

  // `sentence` is source text; `normalizer` makes the matching form of each chunk seen for the
  // first time. A sentence with masked ranges is sifted with white space in their place (a
  // masked range is a space in the matching form), and scored with ScoreLanguage below.
  SiftedSentence Sift(std::string_view sentence, Normalizer* normalizer);
  // ScoreLanguage(sentence), from the chunks remembered (others are scored, not remembered).
  LanguageScore ScoreLanguage(std::string_view sentence);

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace tonelint
