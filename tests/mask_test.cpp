#include "mask.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace tonelint {
namespace {

bool IsCodePointStart(std::string_view text, std::size_t pos) {
  return pos == text.size() || (static_cast<unsigned char>(text[pos]) & 0xC0) != 0x80;
}

// The contract every result must meet, whatever the input: sorted, merged, in bounds, and
// on code-point boundaries.
bool WellFormed(std::string_view text, const std::vector<ByteRange>& ranges) {
  for (std::size_t k = 0; k < ranges.size(); ++k) {
    const ByteRange& range = ranges[k];
    if (range.begin >= range.end || range.end > text.size()) return false;
    if (k > 0 && ranges[k - 1].end >= range.begin) return false;
    if (!IsCodePointStart(text, range.begin) || !IsCodePointStart(text, range.end)) return false;
  }
  return true;
}

std::vector<ByteRange> Mask(std::string_view text) {
  std::vector<ByteRange> ranges = FindMaskedRanges(text);
  CHECK(WellFormed(text, ranges));
  return ranges;
}

// The masked substrings, which read better in a failing CHECK than offsets.
std::vector<std::string> Masked(std::string_view text) {
  std::vector<std::string> parts;
  for (const ByteRange& range : Mask(text))
    parts.emplace_back(text.substr(range.begin, range.end - range.begin));
  return parts;
}

using Parts = std::vector<std::string>;

std::string Repeat(std::string_view unit, std::size_t count) {
  std::string text;
  text.reserve(unit.size() * count);
  for (std::size_t k = 0; k < count; ++k) text += unit;
  return text;
}

TEST_CASE("empty and plain replies mask nothing") {
  CHECK(Mask("").empty());
  CHECK(Mask("Hola, ¿en qué puedo ayudarte? 😀").empty());
  CHECK(Mask("\n\n  \n").empty());
}

TEST_CASE("straight double quotes close on the same line") {
  CHECK(Masked("Dijo \"no funciona\" ayer") == Parts{"\"no funciona\""});
  CHECK(Masked("\"a\" y \"b\"") == Parts{"\"a\"", "\"b\""});
}

TEST_CASE("a quote that does not close on its line is text") {
  CHECK(Mask("Dijo \"hola\ny luego\" se fue").empty());
  CHECK(Mask("Una pantalla de 15\" es grande").empty());
}

TEST_CASE("apostrophes and single quotes are not quotations") {
  CHECK(Mask("We don't know, it's John's 'idea'").empty());
  CHECK(Mask("No lo sé, ‘quizá’ mañana").empty());
}

TEST_CASE("byte offsets are right around multi-byte text") {
  // "ñ " is 3 bytes, "«" 2, "ñ" 2, "»" 2.
  const std::string_view text = "ñ «ñ» 😀";
  CHECK(Mask(text) == std::vector<ByteRange>{{3, 9}});
  CHECK(Masked("año “ñandú” 🎉 más") == Parts{"“ñandú”"});
  CHECK(Mask("año “ñandú” 🎉 más") == std::vector<ByteRange>{{5, 18}});
}

TEST_CASE("guillemets, curly quotes and low-high quotes") {
  CHECK(Masked("El cliente escribió «está roto» hoy") == Parts{"«está roto»"});
  CHECK(Masked("Sie schrieb „kaputt“ gestern") == Parts{"„kaputt“"});
  CHECK(Masked("Napisał „zepsute” wczoraj") == Parts{"„zepsute”"});
  CHECK(Masked("«dijo “no” ayer» bien") == Parts{"«dijo “no” ayer»"});
  CHECK(Mask("«sin cierre\n» en otra línea").empty());
  CHECK(Mask("“sin cierre en la línea").empty());
}

TEST_CASE("lines whose first non-blank is '>' are quoted up to the line end") {
  const std::string_view text = "Hola\n  > cita ñ\r\nAdiós";
  CHECK(Masked(text) == Parts{"> cita ñ\r"});
  CHECK(Masked(">primera\nsegunda") == Parts{">primera"});
  CHECK(Mask("a > b y c >= d").empty());
}

TEST_CASE("double-brace templates, including Handlebars comments and blocks") {
  CHECK(Masked("Hola {{ nombre }}, gracias") == Parts{"{{ nombre }}"});
  CHECK(Masked("{{#each items}}x{{/each}}") == Parts{"{{#each items}}", "{{/each}}"});
  CHECK(Masked("a {{! nota }} b") == Parts{"{{! nota }}"});
  CHECK(Masked("a {{!-- con }} dentro --}} b") == Parts{"{{!-- con }} dentro --}}"});
  CHECK(Masked("a {{{ html }}} b") == Parts{"{{{ html }}}"});
  CHECK(Masked("ñ {{ cliente\n  .nombre }} ñ") == Parts{"{{ cliente\n  .nombre }}"});
  CHECK(Mask("abre {{ y nunca cierra").empty());
}

TEST_CASE("Jinja statements and comments may span lines") {
  CHECK(Masked("a {% if vip %}\nhola\n{% endif %} b") == Parts{"{% if vip %}", "{% endif %}"});
  CHECK(Masked("a {# tonelint-disable X\n #} b") == Parts{"{# tonelint-disable X\n #}"});
  CHECK(Mask("a {% sin cierre\n y más").empty());
  CHECK(Mask("a {# sin cierre").empty());
}

TEST_CASE("single-brace and dollar placeholders") {
  CHECK(Masked("Hola {nombre}, tu pedido {pedido.id}") == Parts{"{nombre}", "{pedido.id}"});
  CHECK(Masked("Total: ${importe} y {0}") == Parts{"${importe}", "{0}"});
  CHECK(Masked("el {año} ñ") == Parts{"{año}"});
  CHECK(Mask("{ nombre } {} {a b} $5 {").empty());
}

TEST_CASE("printf conversions") {
  CHECK(Masked("Hola %s, tienes %d puntos (%i) y %f") == Parts{"%s", "%d", "%i", "%f"});
  CHECK(Masked("Hola %(nombre)s, %.2f€ y %-5s.") == Parts{"%(nombre)s", "%.2f", "%-5s"});
  CHECK(Mask("un 50% de descuento, 100%free, 30%dias, %% y %(x").empty());
}

TEST_CASE("emoji codes") {
  CHECK(Masked("Gracias :smile: :+1::thumbs_up:") == Parts{":smile:", ":+1::thumbs_up:"});
  CHECK(Mask("ñ:tada: ñ").empty());
  CHECK(Masked("ñ :tada: ñ") == Parts{":tada:"});
  CHECK(Mask("Son las 10:30:45, Nota:importante: y : a b : y :Smile:").empty());
}

TEST_CASE("URLs end at whitespace, quotes, unmatched brackets and trailing punctuation") {
  CHECK(Masked("Mira https://ejemplo.com/a?b=1&c=ñ.") == Parts{"https://ejemplo.com/a?b=1&c=ñ"});
  CHECK(Masked("(ver https://es.wikipedia.org/wiki/Ñandú_(ave)), gracias") ==
        Parts{"https://es.wikipedia.org/wiki/Ñandú_(ave)"});
  CHECK(Masked("[aquí](https://x.com/doc) ok") == Parts{"https://x.com/doc"});
  CHECK(Masked("\"https://x.com/a\" dijo") == Parts{"\"https://x.com/a\""});
  CHECK(Masked("en www.empresa.es/ayuda?!") == Parts{"www.empresa.es/ayuda"});
  CHECK(Masked("url:https://x.co/y… y") == Parts{"https://x.co/y"});
  CHECK(Masked("ñ http://a.b/c 😀 ñ") == Parts{"http://a.b/c"});
  CHECK(Masked("Llama a tel:+34600111222 o mailto:ana@x.com") ==
        Parts{"tel:+34600111222", "mailto:ana@x.com"});
  CHECK(Mask("https:// nada, ahttps no, www. tampoco").empty());
}

TEST_CASE("e-mail addresses are masked whole") {
  CHECK(Masked("Escribe a soporte.es+vip@empresa.com.ar.") ==
        Parts{"soporte.es+vip@empresa.com.ar"});
  CHECK(Masked("ñ ana@x.io ñ") == Parts{"ana@x.io"});
  CHECK(Masked("...ana@x.io") == Parts{"ana@x.io"});
  CHECK(Masked("gracias...ana.b@x.io") == Parts{"ana.b@x.io"});
  CHECK(Mask("user@localhost, a@b.1, a@ b.com, josé@").empty());
}

TEST_CASE("handles need a non-word character or the start before '@'") {
  CHECK(Masked("@soporte te responde (@ana.b).") == Parts{"@soporte", "@ana.b"});
  CHECK(Masked("ñ @ñu @x_y ñ") == Parts{"@x_y"});
  CHECK(Mask("x @ y, ñ@ana, @").empty());
}

TEST_CASE("hashtags need a letter after '#' and no word character before") {
  CHECK(Masked("#Oferta de #año2024 🎉#fiesta") == Parts{"#Oferta", "#año2024", "#fiesta"});
  CHECK(Mask("Usa C# o F#, el pedido #1, # Título, ##").empty());
  CHECK(Mask("ver faq#envios, C#dev, señal#ñ").empty());
}

TEST_CASE("code spans close with a run of the same length on the line") {
  CHECK(Masked("Ejecuta `make test` ahora") == Parts{"`make test`"});
  CHECK(Masked("ñ ``a ` b`` ñ") == Parts{"``a ` b``"});
  CHECK(Masked("`` no ` sí `") == Parts{"` sí `"});
  CHECK(Mask("un ` suelto\ny otro ` aquí").empty());
}

TEST_CASE("fenced code blocks run to the closing fence or the end of the reply") {
  CHECK(Masked("Texto\n```cpp\nint x; \"a\n```\nFin") == Parts{"```cpp\nint x; \"a\n```"});
  CHECK(Masked("a\n  ~~~~\nx\n~~~\nb\n~~~~~\nc") == Parts{"~~~~\nx\n~~~\nb\n~~~~~"});
  CHECK(Masked("a\n```\nsin cierre\nñ") == Parts{"```\nsin cierre\nñ"});
  CHECK(Masked("```inline``` y más") == Parts{"```inline```"});
  CHECK(Mask("no es ``` valla").empty());
}

TEST_CASE("HTML tags and comments") {
  CHECK(Masked("<p>Hola <b>ñ</b></p>") == Parts{"<p>", "<b>", "</b></p>"});
  CHECK(Masked("ver <a href=\"https://x.com\">aquí</a>") ==
        Parts{"<a href=\"https://x.com\">", "</a>"});
  CHECK(Masked("a<br/>b <!DOCTYPE html>") == Parts{"<br/>", "<!DOCTYPE html>"});
  CHECK(Masked("a <!-- tonelint-disable X\n -- nota --> b") ==
        Parts{"<!-- tonelint-disable X\n -- nota -->"});
  CHECK(Masked("si a < b y b <3, <!-- sin cierre, </ >, <b sin cerrar\n> no") == Parts{"> no"});
}

TEST_CASE("inside a run of letters and digits nothing starts, right after it anything may") {
  CHECK(Masked("pedido123{{id}} y abc\"x\" z") == Parts{"{{id}}", "\"x\""});
  CHECK(Masked("texto9\n> cita") == Parts{"> cita"});
  CHECK(Mask("xwww.a.com, ana2@ b, faq#envios, Xmailto:a").empty());
  // Words of letters and digits that do start an address.
  CHECK(Masked("ver WWW.Ejemplo.com o HTTPS://x.io, Tel:5551234 y ana2@x.io") ==
        Parts{"WWW.Ejemplo.com", "HTTPS://x.io", "Tel:5551234", "ana2@x.io"});
}

TEST_CASE("touching constructs merge into one range") {
  CHECK(Masked("{{a}}{{b}}:ok: y") == Parts{"{{a}}{{b}}:ok:"});
  CHECK(Masked("https://x.com/{{ id }} y") == Parts{"https://x.com/{{ id }}"});
  CHECK(Masked("https://x.com/{{id}}/seguir y") == Parts{"https://x.com/{{id}}/seguir"});
}

TEST_CASE("adversarial inputs of unclosed openers complete without masking") {
  const std::size_t count = 200'000;
  CHECK(Mask(Repeat("{", count)).empty());
  CHECK(Mask(Repeat("\"\n", count)).empty());
  CHECK(Mask(Repeat("«", count)).empty());
  CHECK(Mask(Repeat("„“\n", count)).size() == count);
  CHECK(Mask(Repeat("<a", count)).empty());
  CHECK(Mask(Repeat("`\n", count)).empty());
  CHECK(Mask(Repeat("{{ ", count)).empty());
  CHECK(Mask(Repeat("{% <!-- {# {{!-- ", count)).empty());
  CHECK(Mask(Repeat("a@", count)).empty());
  CHECK(Mask(Repeat("a.", count)).empty());
  CHECK(Mask(Repeat("%(a", count)).empty());
  CHECK(Mask(Repeat(":", count)).empty());
  CHECK(Mask(Repeat("a:", count)).empty());
}

TEST_CASE("adversarial inputs that do close stay linear too") {
  const std::size_t count = 200'000;
  // Every pair of quotes closes, and the touching quotations merge.
  CHECK(Mask(Repeat("\"", count)) == std::vector<ByteRange>{{0, count}});
  // Backtick runs of growing length never close: each length appears once on the line.
  std::string runs;
  for (std::size_t length = 1; runs.size() < count; ++length) runs += Repeat("`", length) + " ";
  CHECK(Mask(runs).empty());
  // Fences pair up line by line.
  CHECK(Mask(Repeat("```\n", count)).size() == count / 2);
  CHECK(Mask(Repeat("http://", count)).size() == 1);
}

TEST_CASE("random mixes of openers, closers and multi-byte text give well-formed ranges") {
  const std::vector<std::string_view> pieces = {
      "{", "}", "{{", "}}", "{%", "%}", "{#", "#}", "<!--", "-->", "<", ">", "</", "b", "\"",
      "«", "»", "“", "”", "„", "`", "```", "~~~", "\n", "  ", "@", "#", "a", "ñ", "😀", ":",
      "smile", "%", "s", "(", ")", "$", "http", "://", "www.", ".", "x.com", "-", "!", "\r"};
  std::mt19937 random(20240501);  // fixed: a failure must reproduce
  bool all_well_formed = true;
  for (int reply = 0; reply < 20'000; ++reply) {
    std::string text;
    for (std::size_t k = random() % 30; k > 0; --k) text += pieces[random() % pieces.size()];
    all_well_formed = all_well_formed && WellFormed(text, FindMaskedRanges(text));
  }
  CHECK(all_well_formed);
}

TEST_CASE("only blanks before a mark make it a line start, whatever came on earlier lines") {
  CHECK(Masked("a\n \t> cita\n>b") == Parts{"> cita", ">b"});
  CHECK(Masked("{{x\n}}  > no\n") == Parts{"{{x\n}}"});
  CHECK(Masked("\r> no") == Parts{});
  CHECK(Masked("x\n  ```\ncode\n```\n> si") == Parts{"```\ncode\n```", "> si"});
}

TEST_CASE("an address starts at the first byte of its word, after a mask too") {
  CHECK(Masked("{{x}}ana@x.com") == Parts{"{{x}}ana@x.com"});
  CHECK(Masked("ab%cd@x.com y 5%s") == Parts{"ab%cd@x.com", "%s"});
  CHECK(Masked("ñana@x.com, .ana@x.com") == Parts{"ana@x.com"});
  CHECK(Masked("www.x.io vs awww.x.io vs www") == Parts{"www.x.io"});
}

// Masks of random replies made of the pieces every construct is built from, hashed (FNV-1a over
// each reply's ranges).
std::uint64_t HashOfRandomMasks() {
  const std::vector<std::string_view> pieces = {
      "\"", "«", "»", "“", "”", "„", "'", ">", " > ", "\n", "\r\n", " ", "\t", "{{", "}}",
      "{{!--", "--}}", "{{{", "}}}", "{%", "%}", "{#", "#}", "{", "}", "${", "$", "%", "%s",
      "%-5d", "%(name)s", ":", ":smile:", "10:30", "http://", "https://x.com/a_(b)", "www.",
      "WWW.", "mailto:", "tel:", "@", "ana@x.com", "a..b@c.de", "a%b", ".", ",", "!", "?", "(",
      ")", "]", "#", "#tag", "C#", "`", "``", "```", "~~~", "<", "</", "<!--", "-->", "<b>", "a",
      "Z", "9", "_", "+", "-", "ñ", "é", "日本", "🎉", "…", "\u00a0", "hola", "x.com", "w", "\f",
      "\v", "[", "https://e.com/ñ?q=(1)&x=[2]{3}"};
  std::mt19937 random(20261125);
  std::uint64_t hash = 14695981039346656037ull;
  auto mix = [&hash](std::size_t value) {
    hash = (hash ^ value) * 1099511628211ull;
  };
  for (int reply = 0; reply < 50'000; ++reply) {
    std::string text;
    for (std::size_t k = random() % 30; k > 0; --k) text += pieces[random() % pieces.size()];
    for (const ByteRange& range : FindMaskedRanges(text)) {
      mix(range.begin);
      mix(range.end);
    }
    mix(reply);
  }
  return hash;
}

// The scan steps over the bytes where nothing can start; it must mask exactly what the scan
// that tried every code point (before issue 6, round 6) masked. The hash was computed with
// that scan, and agreed with the new one on 2 million other random replies and every line of
// the benchmark and corpus files. Round 7 added the pieces that end or nest a URL ("\f", "\v",
// "[", a URL with brackets) and recomputed the hash with round 6's scan (608b572), which had
// agreed with that one. Recompute it only when what is masked changes on purpose.
TEST_CASE("random replies mask as the scan that tried every code point masked them") {
  CHECK(HashOfRandomMasks() == 11964698847441467180ull);
}

}  // namespace
}  // namespace tonelint

namespace tonelint {

TEST_CASE("mask: extra placeholder delimiters from the config") {
  const std::string reply = "Hola [[ nombre ]], <% if x %>idiota<% end %> y [[ sin cierre";
  std::vector<ByteRange> masks = FindMaskedRanges(reply);
  AddDelimitedRanges(reply, {{"[[", "]]"}, {"<%", "%>"}}, &masks);
  REQUIRE(masks.size() == 3);
  CHECK(reply.substr(masks[0].begin, masks[0].end - masks[0].begin) == "[[ nombre ]]");
  CHECK(reply.substr(masks[1].begin, masks[1].end - masks[1].begin) == "<% if x %>");
  CHECK(reply.substr(masks[2].begin, masks[2].end - masks[2].begin) == "<% end %>");
  // Overlapping and touching ranges are merged.
  std::vector<ByteRange> merged = {{0, 4}};
  AddDelimitedRanges("abcdef", {{"d", "e"}, {"b", "d"}}, &merged);
  CHECK(merged == std::vector<ByteRange>{{0, 5}});
}

}  // namespace tonelint
