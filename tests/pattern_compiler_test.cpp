#include "pattern_compiler.h"

#include <doctest/doctest.h>
#include <re2/re2.h>

#include "normalizer.h"

using tonelint::PatternMode;

namespace {

// Whether `pattern` matches `text` (both normalized as the linter does), and what group 1 is.
std::string FirstMatch(std::string_view pattern, std::string_view text,
                       PatternMode mode = PatternMode::kPlain) {
  tonelint::Normalizer normalizer;
  tonelint::CompiledPattern compiled;
  tonelint::PatternError error;
  REQUIRE_MESSAGE(tonelint::CompilePhrasePattern(pattern, mode, normalizer, &compiled, &error),
                  error.message);
  tonelint::NormalizedText plain, form;
  normalizer.Normalize(text, {}, &plain);
  if (mode == PatternMode::kObfuscated) {
    tonelint::MakeObfuscationForm(plain, {}, &form);
  } else {
    form = plain;
  }
  RE2 regex(compiled.regex);
  REQUIRE(regex.ok());
  std::string phrase;
  if (!RE2::PartialMatch(form.text, regex, &phrase)) return "<none>";
  return phrase;
}

std::string CompileError(std::string_view pattern) {
  tonelint::Normalizer normalizer;
  tonelint::CompiledPattern compiled;
  tonelint::PatternError error;
  if (tonelint::CompilePhrasePattern(pattern, PatternMode::kPlain, normalizer, &compiled, &error)) {
    return "";
  }
  return std::to_string(error.offset) + ": " + error.message;
}

}  // namespace

TEST_CASE("words match across any run of spaces and punctuation") {
  CHECK(FirstMatch("no es nuestro problema", "Eso no es... nuestro   problema!") ==
        "no es... nuestro   problema");
  CHECK(FirstMatch("no es nuestro problema", "no es nuestroproblema") == "<none>");
}

TEST_CASE("case and accents are ignored on both sides") {
  CHECK(FirstMatch("estúpido", "ESTUPIDO") == "estupido");
  CHECK(FirstMatch("estupido", "Estúpido") == "estupido");
}

TEST_CASE("word boundaries understand Unicode") {
  CHECK(FirstMatch("ni", "el niño") == "<none>");
  CHECK(FirstMatch("ano", "este año") == "<none>");
  CHECK(FirstMatch("peque", "un pequeño") == "<none>");
  CHECK(FirstMatch("puta", "una disputa") == "<none>");
  CHECK(FirstMatch("ni", "ni idea") == "ni");
}

TEST_CASE("alternatives, optional words, gaps and stems") {
  CHECK(FirstMatch("no es (nuestro|mi) problema", "no es mi problema") == "no es mi problema");
  CHECK(FirstMatch("es [muy] tonto", "es muy tonto") == "es muy tonto");
  CHECK(FirstMatch("es [muy] tonto", "es tonto") == "es tonto");
  CHECK(FirstMatch("[muy|tan] tonto", "tan tonto") == "tan tonto");
  CHECK(FirstMatch("te ~ bloquear", "te vamos a bloquear") == "te vamos a bloquear");
  CHECK(FirstMatch("te ~ bloquear", "te uno dos tres cuatro bloquear") == "<none>");
  CHECK(FirstMatch("idiot*", "you idiots") == "idiots");
  CHECK(FirstMatch("(no es|nunca fue) culpa [nuestra]", "nunca fue culpa") == "nunca fue culpa");
}

TEST_CASE("apostrophes and hyphens inside a word are optional") {
  CHECK(FirstMatch("don't", "I don’t know") == "don’t");
  CHECK(FirstMatch("don't", "I dont know") == "dont");
  CHECK(FirstMatch("e-mail", "send an email") == "email");
}

TEST_CASE("obfuscated patterns accept repeated letters and starred letters") {
  CHECK(FirstMatch("idiota", "idiotaaaa", PatternMode::kObfuscated) == "idiotaaaa");
  CHECK(FirstMatch("fuck", "f*ck you", PatternMode::kObfuscated) == "f*ck");
  CHECK(FirstMatch("fuck", "fuuuuck", PatternMode::kObfuscated) == "fuuuuck");
  CHECK(FirstMatch("idiota", "1d10t4", PatternMode::kObfuscated) == "idiota");
  CHECK(FirstMatch("fuck", "****", PatternMode::kObfuscated) == "<none>");
}

TEST_CASE("malformed patterns are rejected with the offending offset") {
  CHECK(CompileError("no es (nuestro|mi problema") == "6: unclosed '('");
  CHECK(CompileError("no es nuestro) problema") == "13: unbalanced ')'");
  CHECK(CompileError("(a||b)").find("empty phrase") != std::string::npos);
  CHECK(CompileError("[muy]").find("not optional") != std::string::npos);
  CHECK(CompileError("~ hola").find("between words") != std::string::npos);
  CHECK(CompileError("id*ota").find("may only end a word") != std::string::npos);
  CHECK(CompileError("hola *").find("needs a stem") != std::string::npos);
  CHECK(CompileError("no es (nuestro|mi) problema").empty());
}

// Regression (issue 7, hostile rules): 30,000 nested groups overflowed the recursive parser's
// stack and crashed tonelint while loading the rule file.
TEST_CASE("deeply nested groups are an error, not a stack overflow") {
  const auto nested = [](int depth, char open, char close) {
    return std::string(static_cast<std::size_t>(depth), open) + "hola" +
           std::string(static_cast<std::size_t>(depth), close) + (open == '[' ? " x" : "");
  };
  CHECK(CompileError(nested(100, '(', ')')).empty());
  CHECK(CompileError(nested(101, '(', ')')) == "100: groups nested more than 100 deep");
  CHECK(CompileError(nested(100000, '(', ')')) == "100: groups nested more than 100 deep");
  CHECK(CompileError(nested(100000, '[', ']')) == "100: groups nested more than 100 deep");
}

// Regression (issue 7, hostile rules): a `regex` with 20,000 nested groups took RE2 34 s and
// 6 GB to compile.
TEST_CASE("regex lines: nesting deeper than 100 is refused, classes and escapes are not groups") {
  tonelint::PatternError error;
  const std::string deep = std::string(101, '(') + "a" + std::string(101, ')');
  CHECK_FALSE(tonelint::CheckRegexNesting(deep, &error));
  CHECK(error.offset == 100);
  CHECK(error.message == "parentheses nested more than 100 deep");
  CHECK(tonelint::CheckRegexNesting(std::string(100, '(') + "a" + std::string(100, ')'), &error));
  CHECK(tonelint::CheckRegexNesting("[(]{200}" + std::string(150, '\\') + std::string(150, '('), &error) == false);
  CHECK(tonelint::CheckRegexNesting("[" + std::string(300, '(') + "]x", &error));
  CHECK(tonelint::CheckRegexNesting("[]" + std::string(300, '(') + "]x", &error));
  std::string escaped;
  for (int i = 0; i < 300; ++i) escaped += "\\(";
  CHECK(tonelint::CheckRegexNesting(escaped, &error));
  CHECK(tonelint::CheckRegexNesting("(a|(b|c))+ (?:x)", &error));
}
