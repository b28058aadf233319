#include "normalizer.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "keyword_index.h"

using tonelint::ByteRange;
using tonelint::NormalizedText;
using tonelint::Normalizer;

namespace {

std::string Fold(std::string_view text) {
  Normalizer normalizer;
  REQUIRE(normalizer.ok());
  return normalizer.NormalizeString(text);
}

std::string Obfuscated(std::string_view text, tonelint::SpacedRunReading reading = {}) {
  Normalizer normalizer;
  NormalizedText plain, obfuscated;
  normalizer.Normalize(text, {}, &plain);
  tonelint::MakeObfuscationForm(plain, reading, &obfuscated);
  return obfuscated.text;
}

// Every reading of the spaced-letter runs in `text`, the default first.
std::vector<std::string> AllReadings(std::string_view text) {
  Normalizer normalizer;
  NormalizedText plain, obfuscated;
  normalizer.Normalize(text, {}, &plain);
  const tonelint::SpacedRunReading choices = tonelint::MakeObfuscationForm(plain, {}, &obfuscated);
  std::vector<std::string> forms{obfuscated.text};
  for (const tonelint::SpacedRunReading& reading : tonelint::AlternativeReadings(choices)) {
    tonelint::MakeObfuscationForm(plain, reading, &obfuscated);
    forms.push_back(obfuscated.text);
  }
  return forms;
}

constexpr tonelint::SpacedRunReading kKeepLeadingWord{true, false, false};
constexpr tonelint::SpacedRunReading kKeepTrailingWord{false, true, false};
constexpr tonelint::SpacedRunReading kJoinSuffix{false, false, true};

}  // namespace

TEST_CASE("case and accents fold, ñ stays distinct") {
  CHECK(Fold("PROBLEMÁ Él está") == "problema el esta");
  CHECK(Fold("AÑO año") == "año año");
  CHECK(Fold("ano") != Fold("año"));
  CHECK(Fold("n\xCC\x83o") == "ño");  // n + combining tilde is ñ
  CHECK(Fold("Ü çà") == "u ca");
}

TEST_CASE("compatibility forms, soft hyphens and zero-width characters") {
  CHECK(Fold("ＩＤＩＯＴＡ") == "idiota");
  CHECK(Fold("\xF0\x9D\x90\xA2\xF0\x9D\x90\x9D") == "id");  // mathematical bold i, d
  CHECK(Fold("id\xE2\x80\x8Biota") == "idiota");              // ZERO WIDTH SPACE
  CHECK(Fold("idi\xC2\xADota") == "idiota");                  // SOFT HYPHEN
  CHECK(Fold("ﬁn") == "fin");
  CHECK(Fold("Straße") == "strasse");
}

TEST_CASE("every matching-form byte maps back to its source code point") {
  Normalizer normalizer;
  NormalizedText out;
  const std::string source = "ÁB\xE2\x80\x8B" "c";
  normalizer.Normalize(source, {}, &out);
  REQUIRE(out.text == "abc");
  CHECK(out.SourceRange(0, 1) == ByteRange{0, 2});  // Á is two bytes
  CHECK(out.SourceRange(1, 2) == ByteRange{2, 3});
  CHECK(out.SourceRange(2, 3) == ByteRange{6, 7});  // after the 3-byte zero-width space
  CHECK(out.SourceRange(0, 3) == ByteRange{0, 7});
}

TEST_CASE("masked ranges become one space mapped to the whole range") {
  Normalizer normalizer;
  NormalizedText out;
  const std::string source = "Hola {{nombre}}, adiós";
  normalizer.Normalize(source, {{5, 15}}, &out);
  CHECK(out.text == "hola  , adios");
  CHECK(out.SourceRange(5, 6) == ByteRange{5, 15});
}

TEST_CASE("the obfuscation form undoes leetspeak and spaced letters") {
  CHECK(Obfuscated("1d10t4") == "idiota");
  CHECK(Obfuscated("eres un i.d.i.o.t.a") == "eres un idiota");
  CHECK(Obfuscated("you are s t u p i d") == "you are stupid");
  CHECK(Obfuscated("$h1t") == "shit");
  CHECK(Obfuscated("f*ck") == "f*ck");  // '*' is left for the pattern
  CHECK(Obfuscated("idiota!") == "idiota!");
}

TEST_CASE("spaced letters: ñ is one letter; a leading one-letter word has two readings") {
  CHECK(Obfuscated("c o ñ o") == "coño");
  CHECK(Obfuscated("you are a i d i o t") == "you are aidiot");
  CHECK(Obfuscated("you are a i d i o t", kKeepLeadingWord) == "you are a idiot");
  CHECK(Obfuscated("a s s", kKeepLeadingWord) == "ass");
}

// Regression (issue 4): "z o q u e t e o qué" was only read "zoqueteo", and "b a s t a r ds"
// only "bastar ds", so neither insult was found.
TEST_CASE("spaced letters: a trailing one-letter word and an unspaced ending have two readings") {
  CHECK(Obfuscated("eres z o q u e t e o que") == "eres zoqueteo que");
  CHECK(Obfuscated("eres z o q u e t e o que", kKeepTrailingWord) == "eres zoquete o que");
  CHECK(Obfuscated("you are b a s t a r ds") == "you are bastar ds");
  CHECK(Obfuscated("you are b a s t a r ds", kJoinSuffix) == "you are bastards");
  CHECK(Obfuscated("you are s.l.u.ts", kJoinSuffix) == "you are sluts");
  // The ending must use the run's separator: "d.u.m.b es" keeps "es" apart.
  CHECK(AllReadings("d.u.m.b es") == std::vector<std::string>{"dumb es"});
  // Only the edges that exist give readings: this run has a trailing word and nothing else.
  CHECK(AllReadings("t o n t o y") == std::vector<std::string>{"tontoy", "tonto y"});
  // Both edges at once: "a" before and "y" after the spelled-out word.
  const std::vector<std::string> readings = AllReadings("es a t o n t o y ya");
  CHECK(std::find(readings.begin(), readings.end(), "es a tonto y ya") != readings.end());
  // Too short to lose a letter: "a s s" stays "ass" in every reading.
  for (const std::string& form : AllReadings("you a s s")) CHECK(form == "you ass");
}

TEST_CASE("spaced letters: a separator of up to three spaces, dots, hyphens or underscores") {
  CHECK(Obfuscated("eres un i. d. i. o. t. a.") == "eres un idiota.");
  CHECK(Obfuscated("eres un i - d - i - o - t - a") == "eres un idiota");
  CHECK(Obfuscated("eres un i_d_i_o_t_a") == "eres un idiota");
  CHECK(Obfuscated("eres un i-d-i-o-t-a") == "eres un idiota");
  // Mixed separators are not one run; neither is a gap of four.
  CHECK(Obfuscated("i.d-i_o") == "i.d-i_o");
  CHECK(Obfuscated("i    d    i") == "i    d    i");
  CHECK(tonelint::MayBeObfuscated("eres un i. d. i. o. t. a."));
}

TEST_CASE("the obfuscation form leaves ordinary text alone") {
  CHECK(Obfuscated("cooperar leer") == "cooperar leer");
  CHECK(Obfuscated("a las 10:30 del 2024") == "a las 10:30 del 2024");
  CHECK(Obfuscated("pedido 12345") == "pedido 12345");
  // Single letters joined only with one separator kind: "i.d.i.o.t.a" stops before " y".
  CHECK(Obfuscated("i.d.i.o.t.a y o") == "idiota y o");
}

TEST_CASE("word code points are letters, marks and numbers in any script") {
  CHECK(tonelint::IsWordCodePoint('a'));
  CHECK(tonelint::IsWordCodePoint(0x00F1));  // ñ
  CHECK(tonelint::IsWordCodePoint(0x4E2D));  // 中
  CHECK(tonelint::IsWordCodePoint('7'));
  CHECK_FALSE(tonelint::IsWordCodePoint(' '));
  CHECK_FALSE(tonelint::IsWordCodePoint('-'));
  CHECK_FALSE(tonelint::IsWordCodePoint(0x1F600));  // emoji
}

TEST_CASE("the quick check agrees with the obfuscation form") {
  for (const char* text : {"hola, ¿cómo está?", "cooperar y leer", "eres un 1d10t4", "i.d.i.o.t.a",
                           "c o ñ o", "a y o", "f*ck", "pedido 123", "a b", "niño"}) {
    CAPTURE(text);
    if (!tonelint::MayBeObfuscated(Fold(text))) CHECK(Obfuscated(text) == Fold(text));
  }
  CHECK_FALSE(tonelint::MayBeObfuscated("hola, como esta usted"));
  CHECK(tonelint::MayBeObfuscated("c o ñ o"));
  CHECK(tonelint::MayBeObfuscated("eres un 1d10t4"));
}

TEST_CASE("the quick check: numbers, prices and punctuation are not obfuscation") {
  for (const char* plain : {"a las 10:30 del 2024", "pedido 12345", "de 3-5 dias", "$100 o 50%",
                            "6pm", "hola! gracias!!", "!hola", "a|", "f*ck", "* lista", "1 2"}) {
    CAPTURE(plain);
    CHECK_FALSE(tonelint::MayBeObfuscated(plain));
    CHECK(Obfuscated(plain) == plain);
  }
  for (const char* plain : {"h0la", "$hit", "a@b", "h!la", "!!a", "|ol", "ñ!a", "1 2 3", "3 a 5",
                            "* * *", "h1"}) {
    CAPTURE(plain);
    CHECK(tonelint::MayBeObfuscated(plain));
    CHECK(Obfuscated(plain) != plain);
  }
}

TEST_CASE("the quick check agrees with the obfuscation form on random text") {
  // Letters, leet digits and symbols, separators, a non-ASCII letter and an emoji.
  const std::vector<std::string> pieces = {"a", "i", "o", "x", "ñ", "0", "1", "3", "6", "!", "|",
                                           "*", "@", "$", " ", ".", "-", "_", ":", "\xF0\x9F\x98\x80",
                                           "\xD1\x96"};  // Cyrillic і
  std::mt19937 random(7);
  std::size_t disagreements = 0;
  std::size_t quick_false = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    const int length = 1 + static_cast<int>(random() % 10);
    for (int k = 0; k < length; ++k) text += pieces[random() % pieces.size()];
    if (tonelint::MayBeObfuscated(text)) continue;
    ++quick_false;
    for (int flags = 0; flags < 8; ++flags) {
      const tonelint::SpacedRunReading reading{(flags & 1) != 0, (flags & 2) != 0,
                                               (flags & 4) != 0};
      if (Obfuscated(text, reading) != text) {
        ++disagreements;
        CAPTURE(text);
        CAPTURE(flags);
        CHECK(Obfuscated(text, reading) == text);
      }
    }
  }
  CHECK(disagreements == 0);
  CHECK(quick_false > 1000);  // the check does spare sentences
}

TEST_CASE("the quick check from a text's words answers as the byte scan does") {
  // Words, symbols of leetspeak between and inside them, capitals, a Cyrillic і, Greek ο, é,
  // ñ decomposed, an emoji, a fullwidth 1 and an ill-formed byte.
  const std::vector<std::string> pieces = {
      "a", "i", "Y", "xo", "Hola", "\xC3\xB1", "\xC3\xA9", "n\xCC\x83", "0", "1", "2", "5", "6",
      "!", "|", "*", "@", "$", " ", " ", "  ", ".", "-", ", ", ":", "Q", "\xF0\x9F\x98\x80",
      "\xD1\x96", "\xCE\xBF", "\xEF\xBC\x91", "\xFF"};
  std::mt19937 random(11);
  Normalizer normalizer;
  NormalizedText plain;
  std::vector<tonelint::KeywordIndex::Word> words;
  int obfuscated = 0;
  for (int round = 0; round < 50000; ++round) {
    std::string text;
    const int length = 1 + static_cast<int>(random() % 12);
    for (int k = 0; k < length; ++k) text += pieces[random() % pieces.size()];
    CAPTURE(text);
    // Unnormalized, with capitals, and as a matching form.
    tonelint::KeywordIndex::SplitWords(text, &words);
    CHECK(tonelint::MayBeObfuscated(text, words) == tonelint::MayBeObfuscated(text));
    normalizer.Normalize(text, {}, &plain);
    tonelint::KeywordIndex::SplitWords(plain.text, &words);
    const bool expected = tonelint::MayBeObfuscated(plain.text);
    CHECK(tonelint::MayBeObfuscated(plain.text, words) == expected);
    obfuscated += expected ? 1 : 0;
  }
  CHECK(obfuscated > 5000);
  CHECK(obfuscated < 45000);
}

// Regression (issue 7, found by fuzz_lint): any non-ASCII character counted as a letter, so
// "—@@@*****" became "—aaa*****" and was reported as an insult and as profanity.
TEST_CASE("the obfuscation form: symbols next to a non-letter are not leetspeak") {
  CHECK(Obfuscated("\xE2\x80\x94@@@*****") == "\xE2\x80\x94@@@*****");        // em dash
  CHECK(Obfuscated("\xEF\xBF\xBD@$$") == "\xEF\xBF\xBD@$$");                  // U+FFFD
  CHECK(Obfuscated("\xF0\x9F\x98\x80@$$ ya") == "\xF0\x9F\x98\x80@$$ ya");    // emoji
  CHECK(Obfuscated("\xC3\xB1@") == "\xC3\xB1" "a");                           // ñ is a letter
  CHECK(Obfuscated("p\xC3\xA9nd3j0") == "pendejo");
}

// Regression (issue 7, found by fuzz_lint): a dash inside a token ("GH—@@@*****") did not end
// it, so the letters before the dash made the symbols after it leetspeak.
TEST_CASE("the obfuscation form: a non-letter ends the word") {
  CHECK(Obfuscated("gh\xE2\x80\x94@@@*****") == "gh\xE2\x80\x94@@@*****");
  CHECK(Obfuscated("hola\xF0\x9F\x98\x80@@@***") == "hola\xF0\x9F\x98\x80@@@***");
  CHECK(Obfuscated("hola\xF0\x9F\x98\x80$h1t") == "hola\xF0\x9F\x98\x80shit");  // a word itself
  CHECK(Obfuscated("c\xC3\xB1@") == "c\xC3\xB1" "a");
}

TEST_CASE("the obfuscation form: Cyrillic and Greek lookalikes inside a Latin word") {
  CHECK(Obfuscated("eres un \xD1\x96" "diota") == "eres un idiota");  // Cyrillic і
  CHECK(Obfuscated("st\xD1\x83pid \xCE\xBF" "k") == "stypid ok");        // у, Greek ο
  // Words wholly in another script are left alone.
  CHECK(Obfuscated("\xD1\x81\xD0\xBE\xD1\x80 ok") == "\xD1\x81\xD0\xBE\xD1\x80 ok");  // сор
  CHECK(tonelint::MayBeObfuscated("\xD1\x96" "diota"));
  // The Latin letter maps back to the whole two-byte source code point.
  Normalizer normalizer;
  NormalizedText plain, obfuscated;
  normalizer.Normalize("x \xD1\x96" "d", {}, &plain);
  tonelint::MakeObfuscationForm(plain, {}, &obfuscated);
  REQUIRE(obfuscated.text == "x id");
  CHECK(obfuscated.SourceRange(2, 3) == ByteRange{2, 4});
}

TEST_CASE("FindSpacedTokenEdges: one-character tokens at the edges, as MayBeObfuscated counts") {
  const tonelint::SpacedTokenEdges none = tonelint::FindSpacedTokenEdges("-- ¿?");
  CHECK_FALSE(none.has_token);
  CHECK(none.leading == 0);
  const tonelint::SpacedTokenEdges letters = tonelint::FindSpacedTokenEdges("i.d");
  CHECK(letters.has_token);
  CHECK_FALSE(letters.has_longer_token);
  CHECK(letters.leading == 2);
  CHECK(letters.trailing == 2);
  CHECK(letters.longest_run == 2);
  const tonelint::SpacedTokenEdges mixed = tonelint::FindSpacedTokenEdges("a-b-casa-$-ñ");
  CHECK(mixed.has_longer_token);
  CHECK(mixed.leading == 2);
  CHECK(mixed.trailing == 2);  // "$" is a token of leetspeak, "ñ" a letter
  CHECK(mixed.longest_run == 2);
  const tonelint::SpacedTokenEdges run = tonelint::FindSpacedTokenEdges("x.i.d.i.o.t.a.yy");
  CHECK(run.leading == 3);  // counts stop at 3
  CHECK(run.longest_run == 3);
  CHECK(run.trailing == 0);
}
