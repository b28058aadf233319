#include "sentence_splitter.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using tonelint::ByteRange;
using tonelint::SentenceSplitter;

namespace {

std::vector<std::string> Sentences(std::string_view text) {
  SentenceSplitter splitter;
  std::vector<ByteRange> ranges;
  splitter.Split(text, &ranges);
  std::vector<std::string> out;
  for (ByteRange r : ranges) out.emplace_back(text.substr(r.begin, r.end - r.begin));
  return out;
}

}  // namespace

TEST_CASE("sentences end at their punctuation") {
  CHECK(Sentences("Hola. ¿Cómo está? ¡Gracias!") ==
        std::vector<std::string>{"Hola. ", "¿Cómo está? ", "¡Gracias!"});
}

// Regression (issue 4): "b!tch" was split after the '!', so the word was never seen whole.
TEST_CASE("a '!' between letters or digits is part of the word, not a sentence end") {
  CHECK(Sentences("You are a b!tch. Bye.") ==
        std::vector<std::string>{"You are a b!tch. ", "Bye."});
  CHECK(Sentences("Eres un 1d!0t4.") == std::vector<std::string>{"Eres un 1d!0t4."});
  CHECK(Sentences("Done! Thanks.") == std::vector<std::string>{"Done! ", "Thanks."});
}
