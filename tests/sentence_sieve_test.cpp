#include "sentence_sieve.h"

#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "linter.h"
#include "normalizer.h"
#include "rule_set.h"
#include "rule_sets.h"
#include "sieve_oracle.h"
#include "source_text.h"

using namespace tonelint;

namespace {

constexpr std::string_view kRules = R"(
rule TL1001 insult-direct
lang es
category insult
severity error
message Insulto.
match (idiota|idiotas|imbecil*)
obfuscated yes

rule TL1002 insult-direct-en
lang en
category insult
severity error
message Insult.
match (idiot|idiots|moron*)
obfuscated yes

rule TL1201 dismissive-not-our-problem
lang es
category dismissive
severity warning
message No es nuestro problema.
match no es (nuestro|mi) problema

rule TL1301 shouting
lang es
category mockery
severity warning
message Mayúsculas.
caps-words 2
)";

std::unique_ptr<RuleSet> Checked(std::unique_ptr<RuleSet> rules,
                                 const std::vector<Diagnostic>& errors) {
  for (const auto& error : errors) MESSAGE(error.ToString());
  REQUIRE(rules);
  return rules;
}

std::unique_ptr<RuleSet> BuildRules(std::string_view text) {
  std::vector<Diagnostic> errors;
  auto rules = BuildRulesFromText(text, &errors);
  return Checked(std::move(rules), errors);
}

std::unique_ptr<RuleSet> BundledRules() {
  std::vector<Diagnostic> errors;
  auto rules = BuildBundledRules(&errors);
  return Checked(std::move(rules), errors);
}

// What sieve.Sift says of `sentence` for `question`.
bool May(SentenceSieve& sieve, std::string_view sentence, const SieveQuestion& question) {
  static Normalizer normalizer;
  return sieve.Sift(sentence, &normalizer).MayFindSomething(question);
}

SieveQuestion Phrases(bool es, bool en) {
  SieveQuestion question;
  question.phrases_es = es;
  question.phrases_en = en;
  return question;
}

}  // namespace

TEST_CASE("SentenceSieve: a sentence without keywords can match nothing") {
  const auto rules = BuildRules(kRules);
  SentenceSieve sieve(*rules);
  CHECK_FALSE(May(sieve, "Su pedido llega el lunes.", EveryCheck()));
  CHECK_FALSE(May(sieve, "  \t ", EveryCheck()));
  CHECK_FALSE(May(sieve, "", EveryCheck()));
  // Asked about nothing, it has nothing to say.
  CHECK_FALSE(May(sieve, "Eres un idiota.", SieveQuestion{}));
}

TEST_CASE("SentenceSieve: a keyword makes a sentence worth matching, in its language's rules") {
  const auto rules = BuildRules(kRules);
  SentenceSieve sieve(*rules);
  CHECK(May(sieve, "Eres un IDIOTA.", Phrases(true, false)));
  CHECK(May(sieve, "¿imbéciles?", Phrases(true, false)));
  CHECK_FALSE(May(sieve, "Eres un idiota.", Phrases(false, true)));
  CHECK(May(sieve, "What a moron", Phrases(false, true)));
  // Remembered chunks answer the same way a second time.
  CHECK(May(sieve, "Eres un IDIOTA.", Phrases(true, false)));
  CHECK_FALSE(May(sieve, "Su pedido llega el lunes.", EveryCheck()));
}

TEST_CASE("SentenceSieve: also-required keywords count wherever they are in the sentence") {
  const auto rules = BuildRules(kRules);
  SentenceSieve sieve(*rules);
  CHECK(May(sieve, "Eso no es nuestro problema.", Phrases(true, false)));
  CHECK(May(sieve, "problema: no es MI", Phrases(true, false)));
  // "problema" without "nuestro" or "mi": the pattern is no candidate.
  CHECK_FALSE(May(sieve, "No es un problema.", Phrases(true, false)));
}

TEST_CASE("SentenceSieve: obfuscation across chunks is for the full match to judge") {
  const auto rules = BuildRules(kRules);
  SentenceSieve sieve(*rules);
  CHECK(May(sieve, "eres un i d i o t a", Phrases(true, false)));
  CHECK(May(sieve, "eres un i - d - i - o - t - a", Phrases(true, false)));
  CHECK(May(sieve, "eres 1d10t4", Phrases(true, false)));
  CHECK(May(sieve, "eres un id*ota", Phrases(true, false)));
  // Two one-letter words in a row are no run.
  CHECK_FALSE(May(sieve, "y a la casa, o a la mesa", Phrases(true, false)));
  // Obfuscation says nothing about capitals.
  SieveQuestion capitals;
  capitals.capitals = true;
  CHECK_FALSE(May(sieve, "eres un i d i o t a", capitals));
}

TEST_CASE("SentenceSieve: capitals only when asked about") {
  const auto rules = BuildRules(kRules);
  SentenceSieve sieve(*rules);
  SieveQuestion capitals;
  capitals.capitals = true;
  CHECK(May(sieve, "POR FAVOR espere", capitals));
  CHECK(May(sieve, "espere ÉL", capitals));
  CHECK_FALSE(May(sieve, "Por favor espere", capitals));
  CHECK_FALSE(May(sieve, "POR FAVOR espere", Phrases(true, true)));
}

TEST_CASE("SentenceSieve: never says nothing where the full lookups find something, and scores "
          "the language as ScoreLanguage does") {
  // Random sentences of common words, keywords of the bundled rules, inflections, accents,
  // capitals, leetspeak and spaced letters, and numbers that no memo holds for long. Wherever
  // the lookups the sieve spares find a candidate (or obfuscation, or capitals), the sieve must
  // have said "maybe"; and it must say "nothing" often, or it spares nothing.
  const auto rules = BundledRules();
  SentenceSieve sieve(*rules);
  Normalizer normalizer;
  const std::vector<std::string> vocabulary = {
      "su", "pedido", "llega", "el", "lunes", "gracias", "por", "esperar", "lo", "sentimos",
      "mucho", "no", "es", "nuestro", "problema", "mi", "culpa", "usted", "tú", "te", "que",
      "den", "le", "os", "idiota", "IDIOTA", "imbécil", "imbecil", "estúpido", "estupida",
      "tonto", "cállate", "calmate", "cálmese", "política", "lamentablemente", "ya", "le",
      "dije", "como", "dijimos", "obviamente", "your", "order", "ships", "on", "monday",
      "thanks", "for", "waiting", "we", "are", "sorry", "not", "our", "problem", "you",
      "idiot", "idiots", "moron", "stupid", "dumb", "calm", "down", "policy", "unfortunately",
      "as", "I", "said", "obviously", "read", "the", "manual", "fault", "shut", "up", "a",
      "y", "o", "i", "d", "t", "s", "1d10t", "stup1d", "f*ck", "m0r0n", "id-iot", "¡", "!",
      "?", "¿", "...", ",", ":", "(", ")", "😀", "🎉", "POR", "FAVOR", "NO", "OK", "ÉL",
      "ñandú", "año", "café", "naïve", "\xC2\xA0", "don't", "can't", "l'eau", "\x01", "\t",
      "https://example.com/orders/12345?ref=mail", "supercalifragilisticoespialidoso", "¿Cómo",
      "está?", "i\u00a0d\u00a0i\u00a0o\u00a0t"};
  std::mt19937 random(20261125);
  int nothing = 0;
  constexpr int kSentences = 30000;
  for (int n = 0; n < kSentences; ++n) {
    std::string sentence;
    const int words = 1 + static_cast<int>(random() % 12);
    for (int w = 0; w < words; ++w) {
      if (w > 0) sentence += random() % 8 == 0 ? "  " : " ";
      if (random() % 10 == 0) {
        sentence += "#" + std::to_string(random() % 1000000);
      } else {
        sentence += vocabulary[random() % vocabulary.size()];
      }
      if (random() % 6 == 0) sentence += random() % 2 == 0 ? "," : ".";
    }
    SieveQuestion question;
    question.phrases_es = random() % 4 != 0;
    question.phrases_en = random() % 4 != 0;
    question.capitals = random() % 2 == 0;
    question.keyed_document = question.unkeyed_document = random() % 3 == 0;
    const SiftedSentence sifted = sieve.Sift(sentence, &normalizer);
    const bool maybe = sifted.MayFindSomething(question);
    const LanguageScore language = ScoreLanguage(sentence);
    REQUIRE(sifted.language.es == language.es);
    REQUIRE(sifted.language.en == language.en);
    if (LongWayFindsSomething(*rules, sentence, question, &normalizer)) {
      INFO("sentence: \"" << sentence << "\"");
      REQUIRE(maybe);
    }
    nothing += maybe ? 0 : 1;
  }
  CHECK(nothing > kSentences / 5);
}

TEST_CASE("a Linter finds the same in a sentence before it starts sifting and after") {
  // The linter sifts only after its first sentences; a block of lines repeated finds the same
  // in its first copy, matched in full, as in its last, sifted.
  const auto rules = BundledRules();
  const std::vector<std::string> block = {
      "Eres un idiota.",
      "Eso no es nuestro problema.",
      "You are an IDIOT.",
      "Calm down.",
      "Just calm down and read the manual.",
      "eres un i d i o t a, y un 1mb3c1l.",
      "Thank you for waiting, your order ships Monday.",
      "POR FAVOR NO ESCRIBA EN MAYUSCULAS, gracias.",
      "Visite https://example.com/idiota o escriba a {{correo}} hoy, estupido.",
      "Lamentablemente es nuestra politica, ya se lo dije.",
      "ok",
      "What a m0r0n, read the manual.",
      "Gracias por su paciencia, lo sentimos mucho.",
  };
  std::string text;
  constexpr int kCopies = 12;
  for (int copy = 0; copy < kCopies; ++copy) {
    for (const std::string& line : block) text += line + "\n";
  }
  Linter linter(*rules);
  const SourceText source{text};
  std::vector<std::vector<std::string>> by_copy(kCopies);
  for (const Finding& finding : linter.Lint(source, {})) {
    if (finding.document_level) continue;
    const std::size_t line = finding.begin.line - 1;
    by_copy[line / block.size()].push_back(
        finding.rule->id + "@" + std::to_string(line % block.size()) + ":" +
        std::to_string(finding.begin.column) + ":" +
        source.text().substr(finding.span.begin, finding.span.end - finding.span.begin));
  }
  CHECK(by_copy.front().size() >= 8);
  for (int copy = 1; copy < kCopies; ++copy) {
    CAPTURE(copy);
    CHECK(by_copy[copy] == by_copy.front());
  }
}
