#include "keyword_index.h"

#include <doctest/doctest.h>

#include <random>
#include <string>
#include <utility>
#include <vector>

#include "normalizer.h"

using tonelint::Keyword;
using tonelint::KeywordIndex;

namespace {

tonelint::CompiledPattern Compiled(std::string_view pattern) {
  tonelint::Normalizer normalizer;
  tonelint::CompiledPattern compiled;
  tonelint::PatternError error;
  REQUIRE(tonelint::CompilePhrasePattern(pattern, tonelint::PatternMode::kPlain, normalizer,
                                         &compiled, &error));
  return compiled;
}

std::vector<Keyword> KeywordsOf(std::string_view pattern) { return Compiled(pattern).keywords; }

std::vector<std::vector<Keyword>> AlsoRequiredOf(std::string_view pattern) {
  return Compiled(pattern).also_required;
}

void FindCandidates(const KeywordIndex& index, std::string_view text, KeywordIndex::Cache* cache,
                    std::vector<int>* out) {
  std::vector<KeywordIndex::Word> words;
  KeywordIndex::SplitWords(text, &words);
  index.FindCandidates(text, words, cache, out);
}

// The words SplitWords finds in `text` (into `words`), as `text` spells them.
std::vector<std::string_view> SpelledWords(std::string_view text,
                                           std::vector<KeywordIndex::Word>* words) {
  KeywordIndex::SplitWords(text, words);
  std::vector<std::string_view> spelled;
  for (const KeywordIndex::Word& word : *words) {
    spelled.push_back(text.substr(word.begin, word.end - word.begin));
  }
  return spelled;
}

std::vector<int> Candidates(const KeywordIndex& index, std::string_view text) {
  std::vector<int> out;
  KeywordIndex::Cache cache;
  FindCandidates(index, text, &cache, &out);
  std::vector<int> again;
  FindCandidates(index, text, &cache, &again);  // now from the cache
  CHECK(again == out);
  return out;
}

}  // namespace

TEST_CASE("a pattern's keywords: the most selective required word or group") {
  CHECK(KeywordsOf("no es (nuestro|mi) problema") == std::vector<Keyword>{{"problema", false}});
  CHECK(KeywordsOf("(idiota|imbecil*)") ==
        std::vector<Keyword>{{"idiota", false}, {"imbecil", true}});
  CHECK(KeywordsOf("[muy] tonto") == std::vector<Keyword>{{"tonto", false}});
  // Punctuation inside a word may be left out: a match starts with one of its joins.
  CHECK(KeywordsOf("don't") == std::vector<Keyword>{{"don", false}, {"dont", false}});
  CHECK(KeywordsOf("y'all") == std::vector<Keyword>{{"y", false}, {"yall", false}});
  CHECK(KeywordsOf("e-mail*") == std::vector<Keyword>{{"e", false}, {"email", true}});
  CHECK(KeywordsOf("ok.") == std::vector<Keyword>{{"ok", false}});
  // Words frequent in customer service are poor keywords even when long.
  CHECK(KeywordsOf("card number") == std::vector<Keyword>{{"card", false}});
  CHECK(KeywordsOf("ÉSTÚPIDO") == std::vector<Keyword>{{"estupido", false}});
  // An alternative of optional words only gives the group no keyword; another item is used.
  CHECK(KeywordsOf("te ([ya]|[muy]) bloqueo") == std::vector<Keyword>{{"bloqueo", false}});
}

TEST_CASE("a word with punctuation inside is a candidate however it is written, not for others") {
  KeywordIndex index;
  index.Add(0, KeywordsOf("y'all"));
  for (std::string_view text : {"y'all", "y all", "yall"}) {
    CAPTURE(text);
    CHECK(Candidates(index, text) == std::vector<int>{0});
  }
  CHECK(Candidates(index, "you all").empty());
  CHECK(Candidates(index, "yallow").empty());
}

TEST_CASE("candidates are the patterns whose keyword is a word of the text") {
  KeywordIndex index;
  index.Add(0, {{"problema", false}});
  index.Add(1, {{"idiot", true}});
  index.Add(2, {});  // no keyword: always a candidate
  CHECK(Candidates(index, "no es nuestro problema") == std::vector<int>{0, 2});
  CHECK(Candidates(index, "you idiots") == std::vector<int>{1, 2});
  CHECK(Candidates(index, "problemas") == std::vector<int>{2});  // exact keyword, longer word
  CHECK(Candidates(index, "an idio") == std::vector<int>{2});    // shorter than the prefix
}

TEST_CASE("an index moved to another keeps its keywords and can still grow") {
  // Enough long keywords that the index's memory outgrows its first arena block.
  auto long_word = [](int n) { return "palabrademasiadolarga" + std::to_string(n); };
  KeywordIndex built;
  for (int n = 0; n < 2000; ++n) {
    built.Add(n, {{long_word(n), false}}, {{{"ya" + std::to_string(n), true}}});
  }
  KeywordIndex index(std::move(built));
  index.Add(2000, {{long_word(2000), false}});
  CHECK(index.size() == 2001);
  CHECK(Candidates(index, long_word(7) + " ya7") == std::vector<int>{7});
  CHECK(Candidates(index, long_word(7)).empty());  // lacks its also-required word
  CHECK(Candidates(index, long_word(2000)) == std::vector<int>{2000});
}

TEST_CASE("with collapsed repeats, stretched letters and stars still find the pattern") {
  KeywordIndex index(/*collapse_repeats=*/true);
  index.Add(0, {{"idiota", false}});
  index.Add(1, {{"fuck", false}});
  CHECK(Candidates(index, "eres un idiotaaaa") == std::vector<int>{0});
  CHECK(Candidates(index, "fuuuuck") == std::vector<int>{1});
  CHECK(Candidates(index, "f*ck") == std::vector<int>{1});
  CHECK(Candidates(index, "f**k") == std::vector<int>{1});
  CHECK(Candidates(index, "eres*idiot*") == std::vector<int>{0});  // a match may follow a star
  CHECK(Candidates(index, "eres*ediot*").empty());  // a star never stands for a first letter
  CHECK(Candidates(index, "* lista").empty());  // a bullet is not a starred word
}

TEST_CASE("the cache gives the index's answer as it grows, and after it is cleared") {
  KeywordIndex index;
  index.Add(0, {{"w700", false}});
  index.Add(1, {{"pre", true}});
  KeywordIndex::Cache cache;
  std::vector<int> found;
  std::size_t wrong = 0;
  // Past kMaxWords distinct words the cache starts over; w700 is then looked up afresh.
  for (std::size_t pass = 0; pass < 2; ++pass) {
    for (std::size_t n = 0; n < KeywordIndex::Cache::kMaxWords + 1000; n += 1 + pass * 99) {
      FindCandidates(index, "w" + std::to_string(n) + " prefix", &cache, &found);
      wrong += found != (n == 700 ? std::vector<int>{0, 1} : std::vector<int>{1});
    }
  }
  CHECK(wrong == 0);
}

TEST_CASE("the cache holds a bounded number of bytes, and stays right past the bound") {
  KeywordIndex index;
  index.Add(0, {{"pre", true}});
  KeywordIndex::Cache cache;
  std::vector<int> found;
  // Nine distinct two-megabyte words overflow the cache's byte budget.
  for (char first = 'a'; first < 'j'; ++first) {
    const std::string word = std::string(1, first) + std::string(2 << 20, 'x');
    FindCandidates(index, word, &cache, &found);
    CHECK(found.empty());
    FindCandidates(index, "prefix " + word, &cache, &found);
    CHECK(found == std::vector<int>{0});
  }
}

TEST_CASE("a text's words: runs of word code points, each with the same hash wherever it is") {
  std::vector<KeywordIndex::Word> words;
  CHECK(SpelledWords("¡hola, niño! 2x hola", &words) ==
        std::vector<std::string_view>{"hola", "niño", "2x", "hola"});
  CHECK(words[0].hash == words[3].hash);
  CHECK(words[0].hash != words[1].hash);
  KeywordIndex::SplitWords("", &words);
  CHECK(words.empty());
}

TEST_CASE("long words and words mixing ASCII with other letters split and hash whole") {
  std::vector<KeywordIndex::Word> words;
  CHECK(SpelledWords("desafortunadamente, niñatos—desafortunadamentE desafortunadamente",
                     &words) == std::vector<std::string_view>{"desafortunadamente", "niñatos",
                                                              "desafortunadamentE",
                                                              "desafortunadamente"});
  CHECK(words[0].hash == words[3].hash);
  CHECK(words[0].hash != words[2].hash);  // they differ in the last of eighteen bytes only
  CHECK(SpelledWords("¿qué tal? ½ camión", &words) ==
        std::vector<std::string_view>{"qué", "tal", "camión"});
}

TEST_CASE("a pattern may match a text only if a word of it is a keyword, or starts with a prefix one") {
  auto may_match = [](std::string_view pattern, std::string_view text) {
    std::vector<KeywordIndex::Word> words;
    KeywordIndex::SplitWords(text, &words);
    return KeywordIndex::MayMatch(KeywordsOf(pattern), text, words);
  };
  CHECK(may_match("(libro|novela)", "el libro"));
  CHECK(may_match("(libro|novela)", "una novela"));
  CHECK_FALSE(may_match("(libro|novela)", "los libros"));
  CHECK(may_match("care*", "careless"));
  CHECK_FALSE(may_match("care*", "we do not scare"));
  CHECK_FALSE(may_match("care*", ""));
  // No keywords: anything may match.
  CHECK(KeywordIndex::MayMatch({}, "", {}));
}

TEST_CASE("MayMatch agrees with comparing every word with every keyword, on random texts") {
  std::mt19937 random(6);
  auto random_word = [&](std::size_t max_size) {
    std::string word;
    const std::size_t size = random() % (max_size + 1);
    static const std::string_view kLetters[] = {"a", "b", "c", "ñ"};
    for (std::size_t i = 0; i < size; ++i) word += kLetters[random() % 4];
    return word;
  };
  std::size_t wrong = 0;
  for (int round = 0; round < 2000; ++round) {
    std::vector<Keyword> keywords;
    for (std::size_t k = random() % 4; k > 0; --k) {
      keywords.push_back({random_word(3), random() % 2 == 0});
    }
    std::string text;
    for (std::size_t w = random() % 5; w > 0; --w) {
      text += random_word(4) + (random() % 2 == 0 ? " " : ", ");
    }
    std::vector<KeywordIndex::Word> words;
    const std::vector<std::string_view> spelled = SpelledWords(text, &words);
    bool expected = keywords.empty();
    for (const Keyword& keyword : keywords) {
      for (const std::string_view word : spelled) {
        expected = expected ||
                   (keyword.prefix ? word.starts_with(keyword.text) : word == keyword.text);
      }
    }
    wrong += KeywordIndex::MayMatch(keywords, text, words) != expected;
  }
  CHECK(wrong == 0);
}

TEST_CASE("a pattern's other required words and groups are further keyword sets") {
  using Sets = std::vector<std::vector<Keyword>>;
  CHECK(AlsoRequiredOf("no es (nuestro|mi) problema") ==
        Sets{{{"no", false}}, {{"es", false}}, {{"nuestro", false}, {"mi", false}}});
  // Optional words and gaps are not required; a group with an alternative lacking a keyword
  // gives no set.
  CHECK(AlsoRequiredOf("[muy] tonto") == Sets{});
  CHECK(AlsoRequiredOf("te ~ bloqueo") == Sets{{{"te", false}}});
  CHECK(AlsoRequiredOf("te ([ya]|[muy]) bloqueo") == Sets{{{"te", false}}});
  CHECK(AlsoRequiredOf("don't care*") == Sets{{{"don", false}, {"dont", false}}});
}

TEST_CASE("a candidate must also have a word of each set it also requires") {
  KeywordIndex index;
  index.Add(0, {{"problema", false}}, {{{"no", false}}, {{"nuestro", false}, {"mi", false}}});
  index.Add(1, {{"problema", false}});
  index.Add(2, {{"idiot", true}}, {{{"you", false}}});
  CHECK(Candidates(index, "no es nuestro problema") == std::vector<int>{0, 1});
  CHECK(Candidates(index, "no es mi problema") == std::vector<int>{0, 1});
  CHECK(Candidates(index, "es nuestro problema") == std::vector<int>{1});
  CHECK(Candidates(index, "no problema") == std::vector<int>{1});
  CHECK(Candidates(index, "no nuestros problema") == std::vector<int>{1});  // exact words only
  CHECK(Candidates(index, "you idiots") == std::vector<int>{2});
  CHECK(Candidates(index, "your idiots").empty());
}

TEST_CASE("with collapsed repeats, required words may be stretched, and stars stand for some") {
  KeywordIndex index(/*collapse_repeats=*/true);
  index.Add(0, {{"idiota", false}}, {{{"eres", false}}});
  index.Add(1, {{"fuck", false}}, {{{"off", false}}});
  CHECK(Candidates(index, "eeeres idiotaaa") == std::vector<int>{0});
  CHECK(Candidates(index, "idiota") == std::vector<int>{});
  CHECK(Candidates(index, "f*ck you").empty());
  CHECK(Candidates(index, "f*ck off") == std::vector<int>{1});
  CHECK(Candidates(index, "f*ck o*f") == std::vector<int>{1});
  CHECK(Candidates(index, "f*ck eres idiota") == std::vector<int>{0});
}

TEST_CASE("an also-required word must be the whole word, an also-required prefix its start") {
  KeywordIndex index;
  index.Add(0, {{"idiot", false}}, {{{"responsabilidad", false}}});
  index.Add(1, {{"idiot", false}}, {{{"insoportabl", true}}});
  CHECK(Candidates(index, "idiot responsabilidad") == std::vector<int>{0});
  CHECK(Candidates(index, "idiot responsabilidades").empty());    // exact: longer is not equal
  CHECK(Candidates(index, "idiot responsabilidaX").empty());
  CHECK(Candidates(index, "idiot insoportables") == std::vector<int>{1});
  CHECK(Candidates(index, "idiot insoportab").empty());           // shorter than the prefix
  CHECK(Candidates(index, "idiot insoportaXle").empty());
}

TEST_CASE("an also-required word counts for the text it is in, not for the texts after it") {
  KeywordIndex index;
  index.Add(0, {{"idiot", false}}, {{{"you", false}}});
  KeywordIndex::Cache cache;
  std::vector<int> found;
  FindCandidates(index, "you idiot", &cache, &found);
  CHECK(found == std::vector<int>{0});
  FindCandidates(index, "idiot", &cache, &found);  // "idiot" now from the cache, "you" absent
  CHECK(found.empty());
  FindCandidates(index, "idiot you", &cache, &found);  // both from the cache
  CHECK(found == std::vector<int>{0});
}

TEST_CASE("an index reserved for fewer or more keywords than it gets finds the same candidates") {
  for (const std::size_t reserved : {std::size_t{0}, std::size_t{1}, std::size_t{1000}}) {
    CAPTURE(reserved);
    KeywordIndex index;
    index.Reserve(reserved, reserved);
    index.Add(0, {{"idiot", false}});
    index.Add(1, {{"stupid", true}, {"idiot", false}});
    index.Add(2, {{"moron", false}});
    CHECK(Candidates(index, "you idiot") == std::vector<int>{0, 1});
    CHECK(Candidates(index, "stupidest moron") == std::vector<int>{1, 2});
    CHECK(Candidates(index, "hello").empty());
  }
}

TEST_CASE("an index made of another's flat arrays finds the same candidates") {
  for (const bool collapse_repeats : {false, true}) {
    CAPTURE(collapse_repeats);
    KeywordIndex built(collapse_repeats);
    built.Add(0, {{"problema", false}}, {{{"no", false}}, {{"nuestro", false}, {"mi", true}}});
    built.Add(1, {{"problema", false}, {"idiot", true}});
    built.Add(2, {});
    built.Add(3, {{"idiota", false}}, {{{"eres", false}}});
    built.Add(4, {{"stupidissimamente", true}});  // longer than the prefixes kept
    for (int n = 5; n < 300; ++n) built.Add(n, {{"w" + std::to_string(n), n % 2 == 0}});
    const tonelint::OwnedFlatKeywordIndex arrays = built.Flatten();
    const KeywordIndex flat(arrays.View());
    CHECK(flat.flat());
    CHECK_FALSE(built.flat());
    CHECK(flat.size() == built.size());
    for (const std::string_view text :
         {"no es nuestro problema", "no es mi problema", "es mio problema", "you idiots",
          "eeeres idiotaaa", "idiota", "f*ck you", "stupidissimamentes", "w7 w8 w80x w9",
          "w299 w298", "nada", "n* es nuestro pr*blema", "id*ot w*"}) {
      CAPTURE(text);
      CHECK(Candidates(flat, text) == Candidates(built, text));
    }
    if (collapse_repeats) {
      // A starred word walks both forms' tables for keywords that begin like it.
      CHECK(Candidates(flat, "n* es nuestro pr*blema") == std::vector<int>{0, 1, 2});
    }
  }
}
