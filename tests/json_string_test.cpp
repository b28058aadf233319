#include "json_string.h"

#include <doctest/doctest.h>

#include <string>

using tonelint::JsonString;

TEST_CASE("a JSON string escapes quotes, backslashes and control characters, and nothing else") {
  CHECK(JsonString("") == "\"\"");
  CHECK(JsonString("hola, ¿qué tal? 😀") == "\"hola, ¿qué tal? 😀\"");
  CHECK(JsonString("say \"hi\"") == "\"say \\\"hi\\\"\"");
  CHECK(JsonString("a\\b") == "\"a\\\\b\"");
  CHECK(JsonString("one\ntwo\r\n\tthree") == "\"one\\ntwo\\r\\n\\tthree\"");
  CHECK(JsonString(std::string("\x01\x1F\x7F", 3)) == "\"\\u0001\\u001f\\u007f\"");
  CHECK(JsonString(std::string("x\0y", 3)) == "\"x\\u0000y\"");
  CHECK(JsonString("\"\"") == "\"\\\"\\\"\"");  // escapes in a row, at both ends
}

TEST_CASE("AppendJsonString appends what JsonString returns") {
  std::string out = "[";
  tonelint::AppendJsonString("a\"b", &out);
  out += ", ";
  tonelint::AppendJsonString("", &out);
  CHECK(out == "[\"a\\\"b\", \"\"");
}
