#include "caps_runs.h"

#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

using tonelint::ByteRange;

namespace {

std::vector<std::string> Runs(std::string_view text, int min_words = 3) {
  std::vector<ByteRange> ranges;
  tonelint::FindCapsRuns(text, min_words, &ranges);
  std::vector<std::string> out;
  for (ByteRange r : ranges) out.emplace_back(text.substr(r.begin, r.end - r.begin));
  return out;
}

using Strings = std::vector<std::string>;

}  // namespace

TEST_CASE("a run of words in capitals, from its first letter to its last") {
  CHECK(Runs("Hola, NO VAMOS A DEVOLVER NADA.") == Strings{"NO VAMOS A DEVOLVER NADA"});
  CHECK(Runs("WE CAN'T DO THAT") == Strings{"WE CAN'T DO THAT"});
  CHECK(Runs("¿ENVÍE SU AÑO YA?") == Strings{"ENVÍE SU AÑO YA"});
  CHECK(Runs("Please READ THE TERMS and STOP WRITING US NOW") ==
        Strings{"READ THE TERMS", "STOP WRITING US NOW"});
}

TEST_CASE("acronyms, codes and short words are not shouting") {
  CHECK(Runs("Envíe su DNI y RFC por privado.").empty());
  CHECK(Runs("Send your SSN, DOB, ZIP and PIN.").empty());  // punctuation ends a run
  CHECK(Runs("The XPS-13 ABC DEF model ships Monday.").empty());  // a code ends the run
  CHECK(Runs("OK, USA and UK stores.").empty());
  CHECK(Runs("I AM A fan").empty());  // one-letter capitals do not count
  CHECK(Runs("NASA API docs").empty());
  CHECK(Runs("NASA API DOCS", 2) == Strings{"NASA API DOCS"});
}

TEST_CASE("one-letter capitals continue a run but neither start nor end it") {
  CHECK(Runs("A NO LE VAMOS A") == Strings{"NO LE VAMOS"});
  CHECK(Runs("Y YA NO ES Y") == Strings{"YA NO ES"});
}

TEST_CASE("a word counts with two capitals side by side, accented ones included") {
  CHECK(Runs("ÉL NO ESTÁ") == Strings{"ÉL NO ESTÁ"});
  CHECK(Runs("AÑO ÑU ÚLTIMO") == Strings{"AÑO ÑU ÚLTIMO"});
  CHECK(Runs("I'M SO SORRY").empty());  // "I'M" has no pair; two words are not three
  CHECK(Runs("¿Cómo está? ¡Hola, Él viene!").empty());
}

TEST_CASE("words in non-Latin capitals only are not seen; ill-formed bytes are skipped") {
  CHECK(Runs("ΝΑΙ ΟΧΙ ΝΑΙ").empty());
  CHECK(Runs("NO \xFF VAMOS A IR YA") == Strings{"VAMOS A IR YA"});
  CHECK(Runs("").empty());
}

// The capital scan takes eight bytes at a time: a pair is found wherever it falls in a chunk,
// across two chunks, and in the bytes after the last whole chunk.
TEST_CASE("a pair of capitals is found at every offset") {
  for (const std::string pair : {"NO", "AZ", "\xC3\x89L", "A\xC3\x91"}) {  // ÉL, AÑ
    for (std::size_t offset = 0; offset <= 20; ++offset) {
      const std::string text =
          std::string(offset, 'z') + " " + pair + " " + std::string(20 - offset, 'a');
      CAPTURE(text);
      CHECK(Runs(text, 1) == Strings{pair});
    }
  }
}

TEST_CASE("the quick check finds a pair of capitals wherever one is, and only then") {
  // ASCII and Latin-1 capitals and lowercase letters, × (not a capital), blanks, an emoji.
  const std::vector<std::string> pieces = {"A", "Z", "a", "z", "@", "[", " ", "\xC3\x89",
                                           "\xC3\xA9", "\xC3\x97", "\xC3\x91",
                                           "\xF0\x9F\x98\x80", "'", "."};
  // A plain capital's length at text[i], or 0.
  auto capital_at = [](const std::string& text, std::size_t i) -> std::size_t {
    if (i < text.size() && text[i] >= 'A' && text[i] <= 'Z') return 1;
    if (i + 1 >= text.size() || text[i] != '\xC3') return 0;
    const auto second = static_cast<unsigned char>(text[i + 1]);
    return second >= 0x80 && second <= 0x9E && second != 0x97 ? 2 : 0;
  };
  std::mt19937 random(5);
  int with_pair = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    const int length = static_cast<int>(random() % 30);
    for (int k = 0; k < length; ++k) text += pieces[random() % pieces.size()];
    bool expected = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
      const std::size_t first = capital_at(text, i);
      expected = expected || (first != 0 && capital_at(text, i + first) != 0);
    }
    CAPTURE(text);
    CHECK(tonelint::HasCapitalPair(text) == expected);
    with_pair += expected ? 1 : 0;
  }
  CHECK(with_pair > 2000);
  CHECK(with_pair < 18000);
}
