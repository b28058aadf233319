#include "suggest_name.h"

#include <doctest/doctest.h>

using tonelint::DidYouMean;

TEST_CASE("the closest candidate is suggested, transpositions count once") {
  const std::vector<std::string> keys = {"match", "message", "severity", "suggest"};
  CHECK(DidYouMean("mathc", keys) == "; did you mean 'match'?");
  CHECK(DidYouMean("severty", keys) == "; did you mean 'severity'?");
  CHECK(DidYouMean("sugest", keys) == "; did you mean 'suggest'?");
}

TEST_CASE("nothing is suggested when nothing is close") {
  CHECK(DidYouMean("banana", {"match", "message"}).empty());
  CHECK(DidYouMean("x", {}).empty());
}
