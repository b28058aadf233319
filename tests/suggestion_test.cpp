#include "suggestion.h"

#include <doctest/doctest.h>

using tonelint::ExpandSuggestion;

TEST_CASE("groups are substituted; missing groups are empty; $$ is a dollar") {
  CHECK(ExpandSuggestion("revisamos $1 caso", {"tu"}, "No") == "Revisamos tu caso");
  CHECK(ExpandSuggestion("a $2 b", {"x"}, "no") == "a  b");
  CHECK(ExpandSuggestion("cuesta $$5", {}, "no") == "cuesta $5");
}

TEST_CASE("the first letter follows the case of the match") {
  CHECK(ExpandSuggestion("Vamos a revisarlo", {}, "no es") == "vamos a revisarlo");
  CHECK(ExpandSuggestion("vamos a revisarlo", {}, "No es") == "Vamos a revisarlo");
  CHECK(ExpandSuggestion("¿podemos ayudarle?", {}, "Eso") == "¿Podemos ayudarle?");
  CHECK(ExpandSuggestion("énfasis", {}, "ÉL") == "Énfasis");
}
