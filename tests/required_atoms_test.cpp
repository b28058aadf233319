#include "required_atoms.h"

#include <doctest/doctest.h>
#include <re2/re2.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace tonelint;

namespace {

using Atoms = std::vector<std::string>;

bool ContainsOne(std::string_view text, const Atoms& atoms) {
  return std::any_of(atoms.begin(), atoms.end(),
                     [&](const std::string& atom) { return text.find(atom) != std::string_view::npos; });
}

}  // namespace

TEST_CASE("required atoms of literal alternatives are the alternatives") {
  CHECK(RequiredAtoms("(?:😂|🤣|😹)") == Atoms{"😂", "😹", "🤣"});
  CHECK(RequiredAtoms("\\bque (?:te|le) den\\b") == Atoms{"que le den", "que te den"});
}

TEST_CASE("of several required parts, the one likely rarest is kept") {
  // Emoji before the words in front of them.
  CHECK(RequiredAtoms("\\b(?:tu|su) (?:pedido|queja)s?\\b[^.!?]{0,40}(?:😂|🤣)") == Atoms{"😂", "🤣"});
  // A word before a blank.
  CHECK(RequiredAtoms("\\bpinches? +[a-z]+") == Atoms{"pinche"});
}

TEST_CASE("no atoms where a match needs no literal, for a cased non-ASCII letter, or a bad regex") {
  CHECK(RequiredAtoms("[a-z]+").empty());
  CHECK(RequiredAtoms(".").empty());
  CHECK(RequiredAtoms("(?:hola|[^x]+)").empty());
  // RE2 lowercases atoms, which case folding does not always agree with outside ASCII.
  CHECK(RequiredAtoms("ñandú").empty());
  CHECK(RequiredAtoms("(unbalanced").empty());
}

TEST_CASE("every text a regex matches holds one of its required atoms") {
  const std::vector<std::string> regexes = {
      "!{3,}", "\\?{3,}", "[!?]*(?:\\?!|!\\?)[!?]*", "¡{3,}", "(?:😂|🤣|😹|😆)",
      "\\bque (?:te|le|les|os) den(?: por (?:culo|saco))? *(?:[.!,;]|$)",
      "\\b(?:tu|su) (?:pedido|queja)s?\\b[^.!?]{0,40}(?:😂|🤣)", "\\bpinches? +[a-z]+",
      "ab(?:cd|ef)*gh", "x{2}y?z"};
  const std::vector<std::string> texts = {
      "hola!!!", "que??? no", "¿¡en serio?!", "¡¡¡ya!!!", "jaja 😆", "pues que te den.",
      "que les den por saco", "tu pedido llega mañana 🤣", "su queja 😂", "pinche promo",
      "pinches  cosas", "abgh", "abcdefgh", "xxz", "xxyz", "nada aquí", "!!", "??", "ab gh"};
  for (const std::string& regex : regexes) {
    const Atoms atoms = RequiredAtoms(regex);
    CAPTURE(regex);
    CHECK(!atoms.empty());
    const RE2 compiled(regex);
    REQUIRE(compiled.ok());
    for (const std::string& text : texts) {
      CAPTURE(text);
      if (RE2::PartialMatch(text, compiled)) CHECK(ContainsOne(text, atoms));
    }
  }
}

TEST_CASE("a regex longer than 512 bytes has no required atoms: too long to look for") {
  std::string alternatives = "(?:alpha|bravo)";
  CHECK(RequiredAtoms(alternatives) == Atoms{"alpha", "bravo"});
  while (alternatives.size() <= 512) alternatives.insert(3, "alpha|");
  CHECK(RequiredAtoms(alternatives).empty());
  alternatives.erase(3, 6);
  CHECK(alternatives.size() <= 512);
  CHECK(RequiredAtoms(alternatives) == Atoms{"alpha", "bravo"});
}
