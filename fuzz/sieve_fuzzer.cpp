// Fuzzes SentenceSieve with the bundled rules: each line of the input is a sentence, sifted by
// one sieve that lives across inputs (so that its memo fills and is forgotten). Properties: the
// language score is ScoreLanguage's; wherever the long way (sieve_oracle.h: the candidates of
// the matching form in every index, obfuscation, capitals) finds something, the sieve said
// "maybe". The input is decoded as the linter decodes it (SourceText: ill-formed bytes become
// U+FFFD), since the linter sifts decoded text only.
#include <memory>
#include <string_view>
#include <vector>

#include "fuzz_check.h"
#include "language.h"
#include "normalizer.h"
#include "rule_set.h"
#include "rule_sets.h"
#include "sentence_sieve.h"
#include "sieve_oracle.h"
#include "source_text.h"

namespace {

const tonelint::RuleSet& BundledRules() {
  static const tonelint::RuleSet* rules = [] {
    std::vector<tonelint::Diagnostic> errors;
    auto built = tonelint::BuildBundledRules(&errors);
    FUZZ_CHECK(built != nullptr && errors.empty(), "bundled rules do not build (%zu errors)",
               errors.size());
    return built.release();
  }();
  return *rules;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const tonelint::RuleSet& rules = BundledRules();
  static tonelint::SentenceSieve sieve(rules);
  static tonelint::Normalizer normalizer;
  // SourceText decodes as the linter does: ill-formed bytes become U+FFFD.
  const tonelint::SourceText source{std::string(reinterpret_cast<const char*>(data), size)};
  const std::string_view text = source.text();
  for (std::size_t begin = 0; begin <= text.size();) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view sentence = text.substr(begin, end - begin);
    const tonelint::SiftedSentence sifted = sieve.Sift(sentence, &normalizer);
    const tonelint::LanguageScore language = tonelint::ScoreLanguage(sentence);
    FUZZ_CHECK(sifted.language.es == language.es && sifted.language.en == language.en,
               "sifted language score (%d, %d) is not ScoreLanguage's (%d, %d)",
               sifted.language.es, sifted.language.en, language.es, language.en);
    const tonelint::SieveQuestion every = tonelint::EveryCheck();
    FUZZ_CHECK(sifted.MayFindSomething(every) ||
                   !tonelint::LongWayFindsSomething(rules, sentence, every, &normalizer),
               "the sieve says nothing can be found in a %zu-byte sentence where the full "
               "lookups find something",
               sentence.size());
    begin = end + 1;
  }
  return 0;
}
