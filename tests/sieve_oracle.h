// What the checks SentenceSieve stands in front of would find in a sentence, the long way: the
// candidates of its matching form in each index, obfuscation, capitals. Shared by the sieve's
// unit test and its fuzz target, which check that the sieve never says "nothing" where this
// finds something.
#pragma once

#include <string_view>
#include <vector>

#include "caps_runs.h"
#include "keyword_index.h"
#include "normalizer.h"
#include "rule_set.h"
#include "sentence_sieve.h"

namespace tonelint {

inline bool LongWayFindsSomething(const RuleSet& rules, std::string_view sentence,
                                  const SieveQuestion& question, Normalizer* normalizer) {
  NormalizedText plain;
  normalizer->Normalize(sentence, {}, &plain);
  std::vector<KeywordIndex::Word> words;
  KeywordIndex::SplitWords(plain.text, &words);
  auto has_candidates = [&](const PatternIndex& index) {
    if (index.empty()) return false;
    KeywordIndex::Cache cache;
    std::vector<int> candidates;
    index.FindCandidates(plain.text, words, &cache, &candidates);
    return !candidates.empty();
  };
  for (const Lang lang : {Lang::kEs, Lang::kEn}) {
    if (!(lang == Lang::kEs ? question.phrases_es : question.phrases_en)) continue;
    if (has_candidates(rules.phrases(lang, PatternMode::kPlain))) return true;
    const PatternIndex& obfuscated = rules.phrases(lang, PatternMode::kObfuscated);
    if (!obfuscated.empty() && (MayBeObfuscated(plain.text) || has_candidates(obfuscated))) {
      return true;
    }
  }
  if (question.capitals && HasCapitalPair(sentence)) return true;
  return (question.keyed_document || question.unkeyed_document) &&
         has_candidates(rules.document_patterns());
}

// Every check at once.
inline SieveQuestion EveryCheck() {
  SieveQuestion question;
  question.phrases_es = question.phrases_en = question.capitals = true;
  question.keyed_document = question.unkeyed_document = true;
  return question;
}

}  // namespace tonelint
