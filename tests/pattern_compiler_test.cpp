#include "pattern_compiler.h"

#include <doctest/doctest.h>
#include <re2/re2.h>

#include <random>
#include <vector>

#include "normalizer.h"

using tonelint::PatternMode;

namespace {

// The form of `text` that patterns of `mode` are matched against, as the linter makes it.
std::string MatchedForm(tonelint::Normalizer& normalizer, std::string_view text,
                        PatternMode mode) {
  tonelint::NormalizedText plain, form;
  normalizer.Normalize(text, {}, &plain);
  if (mode == PatternMode::kPlain) return plain.text;
  tonelint::MakeObfuscationForm(plain, {}, &form);
  return form.text;
}

// Whether `pattern` matches `text` (both normalized as the linter does), and what group 1 is.
std::string FirstMatch(std::string_view pattern, std::string_view text,
                       PatternMode mode = PatternMode::kPlain) {
  tonelint::Normalizer normalizer;
  tonelint::CompiledPattern compiled;
  tonelint::PatternError error;
  REQUIRE_MESSAGE(tonelint::CompilePhrasePattern(pattern, mode, normalizer, &compiled, &error),
                  error.message);
  RE2 regex(compiled.regex);
  REQUIRE(regex.ok());
  std::string phrase;
  if (!RE2::PartialMatch(MatchedForm(normalizer, text, mode), regex, &phrase)) return "<none>";
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

// The separator class lists what is not a word character, surrogates aside (valid UTF-8 has none):
// the characters on either side of that gap still separate words.
TEST_CASE("words are separated by every character outside the word ranges") {
  for (const std::string_view separator :
       {"\u00BF", "\u2014", "\u303F", "\uE000", "\uF8FF", "\uFFFD", "\U0001F600",
        "\U00040000", "\U0010FFFD"}) {
    CAPTURE(separator);
    const std::string text = "no" + std::string(separator) + "es";
    CHECK(FirstMatch("no es", text) == text);
    CHECK(FirstMatch("es", text) == "es");
  }
  for (const std::string_view letter : {"\u00E9", "\u3042", "\uD7A3", "\uFA0E", "\U00020000"}) {
    CAPTURE(letter);
    CHECK(FirstMatch("no es", "no" + std::string(letter) + "es") == "<none>");
  }
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

namespace {

// The regex of `pattern` between the word boundaries that WrapWithWordBoundaries adds.
std::string PhraseBody(std::string_view pattern, PatternMode mode) {
  tonelint::Normalizer normalizer;
  tonelint::CompiledPattern compiled;
  tonelint::PatternError error;
  REQUIRE_MESSAGE(tonelint::CompilePhrasePattern(pattern, mode, normalizer, &compiled, &error),
                  error.message);
  const std::string empty = tonelint::WrapWithWordBoundaries("");
  const std::size_t group = empty.find("()");
  REQUIRE(compiled.regex.starts_with(empty.substr(0, group + 1)));
  REQUIRE(compiled.regex.ends_with(empty.substr(group + 1)));
  return compiled.regex.substr(group + 1, compiled.regex.size() - empty.size());
}

// The separator class of phrase regexes: "(?:^|" + it + ")()(?:" + it + "|$)" wraps nothing.
std::string NonWordClass() {
  const std::string empty = tonelint::WrapWithWordBoundaries("");
  return empty.substr(5, empty.find(")()") - 5);
}

// Every match of `regex` in `text` after the previous one, as the spans of all its groups.
std::vector<std::vector<std::string_view>> AllMatches(const RE2& regex, std::string_view text) {
  std::vector<std::vector<std::string_view>> matches;
  std::vector<re2::StringPiece> groups(regex.NumberOfCapturingGroups() + 1);
  std::size_t from = 0;
  while (from <= text.size() &&
         regex.Match(text, from, text.size(), RE2::UNANCHORED, groups.data(),
                     static_cast<int>(groups.size()))) {
    std::vector<std::string_view>& spans = matches.emplace_back();
    for (const re2::StringPiece& group : groups) {
      spans.push_back(group.data() == nullptr
                          ? std::string_view("<unset>")
                          : text.substr(group.data() - text.data(), group.size()));
    }
    from = groups[0].data() - text.data() + std::max<std::size_t>(groups[0].size(), 1);
  }
  return matches;
}

}  // namespace

// A group whose adjacent alternatives end alike is compiled with the ending written once; the
// matches, and which one RE2 prefers, must be those of the plain alternation: compared here on
// random texts of the phrases' words, misspellings, obfuscations and other characters.
TEST_CASE("alternatives with a shared ending match exactly as written out") {
  struct Case {
    std::vector<std::string> alternatives;  // of the group
    std::string rest;                       // the phrase after the group
  };
  const std::vector<Case> cases = {
      {{"a llorar", "vaya a llorar", "ve a llorar", "vete a llorar", "anda a llorar"}, "ya"},
      {{"idiota perdido", "tonto perdido", "idiota", "tonto del todo"}, "total"},
      {{"eres (muy|tan) tonto", "es (muy|tan) tonto", "son tontos"}, "hoy"},
      {{"dej* de molestar", "para de molestar", "no [me] molestar", "molestar"}, "ya"},
      {{"fuck off", "f off", "fuck you", "screw you"}, "now"},
      {{"te ~ bloquear", "nos ~ bloquear", "a bloquear"}, "ya"},
  };
  const std::vector<std::string> vocabulary = {
      "a", "ya", "vaya", "ve", "vete", "anda", "llorar", "llorár", "LLORAR", "idiota", "idiotaaa",
      "i.d.i.o.t.a", "1d10t4", "tonto", "t*nto", "perdido", "total", "del", "todo", "eres", "es",
      "muy", "tan", "son", "tontos", "hoy", "deja", "dejes", "de", "molestar", "m*lestar",
      "para", "no", "me", "fuck", "f*ck", "fuuuck", "f", "off", "you", "screw", "now", "te",
      "nos", "bloquear", "ñandú", "слово", "日本"};
  const std::vector<std::string> separators = {" ", " ", " ", ", ", "... ", " — ", "¡", "😀",
                                               "*", "-", ".", ""};
  std::mt19937 random(20261125);
  for (const Case& c : cases) {
    for (const PatternMode mode : {PatternMode::kPlain, PatternMode::kObfuscated}) {
      std::string pattern = "(";
      std::string written_out;  // the group's alternatives each in full, as before the factoring
      for (const std::string& alternative : c.alternatives) {
        pattern += (pattern.size() > 1 ? "|" : "") + alternative;
        written_out += (written_out.empty() ? "" : "|") + PhraseBody(alternative, mode);
      }
      pattern += ") " + c.rest;
      CAPTURE(pattern);
      CAPTURE(static_cast<int>(mode));
      written_out = tonelint::WrapWithWordBoundaries("(" + written_out + ")" + NonWordClass() +
                                                     "+" + PhraseBody(c.rest, mode));
      tonelint::Normalizer normalizer;
      tonelint::CompiledPattern compiled;
      tonelint::PatternError error;
      REQUIRE(tonelint::CompilePhrasePattern(pattern, mode, normalizer, &compiled, &error));
      CHECK(compiled.regex.size() < written_out.size());  // the ending is shared
      const RE2 factored(compiled.regex);
      const RE2 reference(written_out);
      REQUIRE(factored.ok());
      REQUIRE(reference.ok());
      REQUIRE(factored.NumberOfCapturingGroups() == reference.NumberOfCapturingGroups());
      for (int i = 0; i < 2000; ++i) {
        std::string text;
        const int words = 1 + static_cast<int>(random() % 7);
        for (int w = 0; w < words; ++w) {
          if (w > 0) text += separators[random() % separators.size()];
          text += vocabulary[random() % vocabulary.size()];
        }
        const std::string form = MatchedForm(normalizer, text, mode);
        CAPTURE(form);
        CHECK(AllMatches(factored, form) == AllMatches(reference, form));
      }
    }
  }
}
