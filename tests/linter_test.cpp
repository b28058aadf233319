#include "linter.h"

#include <doctest/doctest.h>

#include <set>
#include <string>

#include "rule_parser.h"
#include "rule_sets.h"
#include "run_words.h"

using namespace tonelint;

namespace {

constexpr std::string_view kRules = R"(
rule TL1001 insult-direct
lang es
category insult
severity error
message Insulto.
match (idiota|idiotas|imbecil*)
obfuscated yes
unless (libro|novela) [el] idiota
suggest Entendemos su molestia

rule TL1001 insult-direct
lang en
category insult
severity error
message Insult.
match (idiot|idiots|moron*)
obfuscated yes

rule TL1201 dismissive-not-our-problem
lang es
category dismissive
severity warning
message No es nuestro problema.
match no es (nuestro|mi) problema
suggest Vamos a revisar $1 caso.

rule TL1201 dismissive-not-our-problem
lang en
category dismissive
severity warning
message Not our problem.
match not (our|my) problem

signal complaint
lang es
match no funciona

signal bad-news
lang es
match lamentablemente

signal laughter
lang es
regex (?:😂|🤣)

rule TL1505 mockery-laughter-at-complaint
lang es
category mockery
severity warning
message Risas ante una queja.
when context:complaint
when reply:laughter

rule TL3001 missing-apology
lang es
category missing-apology
severity warning
message Falta una disculpa.
when context:complaint
require (lo sentimos|disculp*)

rule TL3002 missing-apology-bad-news
lang es
category missing-apology
severity info
message Mala noticia sin disculpa.
when reply:bad-news
require (lo sentimos|disculp*)
)";

std::unique_ptr<RuleSet> BuildRules(std::string_view text = kRules) {
  std::vector<Diagnostic> errors;
  auto rules = BuildRulesFromText(text, &errors);
  for (const auto& error : errors) MESSAGE(error.ToString());
  REQUIRE(rules);
  return rules;
}

struct Result {
  std::string id;
  std::string text;
  std::size_t line, column, end_column;
};

std::vector<Result> Lint(std::string_view text, LintOptions options = {}) {
  static const std::unique_ptr<RuleSet> rules = BuildRules();
  Linter linter(*rules);
  const SourceText source{std::string(text)};
  std::vector<Result> out;
  for (const Finding& f : linter.Lint(source, options)) {
    out.push_back({f.rule->id,
                   source.text().substr(f.span.begin, f.span.end - f.span.begin),
                   f.begin.line, f.begin.column, f.end.column});
  }
  return out;
}

std::vector<std::string> Ids(std::string_view text, LintOptions options = {}) {
  std::vector<std::string> ids;
  for (const Result& r : Lint(text, options)) ids.push_back(r.id + ":" + r.text);
  return ids;
}

using Ids_t = std::vector<std::string>;

}  // namespace

TEST_CASE("a finding has the exact source span and code-point columns") {
  const auto results = Lint("Mire, usted es un idiota si no leyó las condiciones.");
  REQUIRE(results.size() == 1);
  CHECK(results[0].id == "TL1001");
  CHECK(results[0].text == "idiota");
  CHECK(results[0].line == 1);
  CHECK(results[0].column == 19);
  CHECK(results[0].end_column == 25);
}

TEST_CASE("spans map back through accents, fullwidth letters and zero-width characters") {
  CHECK(Ids("Señor, es usted un ＩＤＩＯＴＡ.") == Ids_t{"TL1001:ＩＤＩＯＴＡ"});
  CHECK(Ids("Señor, es usted un id\u200Biota.") == Ids_t{"TL1001:id\u200Biota"});
  CHECK(Ids("Es usted un imbécil.") == Ids_t{"TL1001:imbécil"});
  const auto results = Lint("¡Qué año! Ñandú, eres un 1d10t4 total.");
  REQUIRE(results.size() == 1);
  CHECK(results[0].text == "1d10t4");
  CHECK(results[0].column == 26);
}

TEST_CASE("obfuscations of an obfuscated rule are found, once each") {
  CHECK(Ids("Eres un i.d.i.o.t.a y un idiotaaaa.") == Ids_t{"TL1001:i.d.i.o.t.a", "TL1001:idiotaaaa"});
  CHECK(Ids("You are an 1d10t and a m0r0n, you know.") == Ids_t{"TL1001:1d10t", "TL1001:m0r0n"});
}

TEST_CASE("spaced letters after a one-letter word, and stars that leave too few letters") {
  CHECK(Ids("You are a i d i o t, sir.") == Ids_t{"TL1001:i d i o t"});
  CHECK(Ids("The m**** is here.").empty());
  CHECK(Ids("You m*ron.") == Ids_t{"TL1001:m*ron"});
  CHECK(Ids("You are a m*r0n.") == Ids_t{"TL1001:m*r0n"});
}

// Regression (issue 4): the edges of a spaced run were read one way only, so a trailing "o",
// an unspaced "ts" and a dot-and-space separator each hid the insult.
TEST_CASE("spaced letters: every reading of a run's edges is matched, once") {
  LintOptions spanish;
  spanish.lang = Lang::kEs;
  CHECK(Ids("¿Eres i d i o t a o no lo entiendes?", spanish) == Ids_t{"TL1001:i d i o t a"});
  CHECK(Ids("You are all i d i o ts, sadly.") == Ids_t{"TL1001:i d i o ts"});
  CHECK(Ids("You are an i. d. i. o. t, sadly.") == Ids_t{"TL1001:i. d. i. o. t"});
  CHECK(Ids("You are a b!tch and an 1d!0t.") == Ids_t{"TL1001:1d!0t"});
  CHECK(Ids("Plan a o b y c, sadly.", spanish).empty());
}

TEST_CASE("a Cyrillic lookalike letter inside an insult is seen through, and reported whole") {
  CHECK(Ids("You are an \xD1\x96" "diot, sadly.") == Ids_t{"TL1001:\xD1\x96" "diot"});
}

TEST_CASE("innocent words that contain a rule's word are not reported") {
  CHECK(Ids("La computadora del niño tiene un problema de análisis este año.").empty());
  CHECK(Ids("We talked to the idiomatic translator in Scunthorpe.").empty());
}

TEST_CASE("unless cancels a match it overlaps, and only that one") {
  CHECK(Ids("Le recomiendo el libro El idiota de Dostoievski.").empty());
  CHECK(Ids("No eres idiota.") == Ids_t{"TL1001:idiota"});
}

TEST_CASE("an unless is looked for only where its keywords are, prefix keywords included") {
  RuleFile file;
  std::vector<Diagnostic> errors;
  ParseRuleFile("unless.rules",
                "rule TL1001 insult-direct\nlang en\ncategory insult\nseverity error\n"
                "message Insult.\nmatch (idiot|idiots)\nunless idiot savant*\n",
                &file, &errors);
  std::vector<RuleFile> files;
  files.push_back(std::move(file));
  const auto rules = RuleSet::Build(std::move(files), &errors);
  REQUIRE(rules);
  Linter linter(*rules);
  auto count = [&](std::string_view text) {
    return linter.Lint(SourceText{std::string(text)}, {}).size();
  };
  CHECK(count("He is an idiot savants' friend.") == 0);
  CHECK(count("He is an idiot, savants say.") == 1);
  CHECK(count("You idiot.") == 1);
}

// Regression (issue 4): an `unless` matched across a comma, so "no es el libro, idiota"
// read as the book title and the insult was cancelled.
TEST_CASE("unless stays inside its clause") {
  CHECK(Ids("No te recomiendo el libro, idiota.") == Ids_t{"TL1001:idiota"});
  CHECK(Ids("No te recomiendo el libro; idiota.") == Ids_t{"TL1001:idiota"});
  CHECK(Ids("No te recomiendo el libro (idiota).") == Ids_t{"TL1001:idiota"});
  CHECK(Ids("No te recomiendo el libro — idiota.") == Ids_t{"TL1001:idiota"});
  CHECK(Ids("Le recomiendo el libro El idiota, de Dostoievski.").empty());
}

TEST_CASE("quoted customer text, URLs and templates are masked; a placeholder inside a phrase is not a gap") {
  CHECK(Ids("Usted escribió \"son unos idiotas\" y lo entendemos.").empty());
  CHECK(Ids("Visite https://example.com/idiota para más información.").empty());
  CHECK(Ids("Hola {{nombre}}, no es nuestro problema.") == Ids_t{"TL1201:no es nuestro problema"});
  // Beside a masked range, in the same sentence and the same chunk, the words still count.
  CHECK(Ids("Eres un idiota https://example.com/idiota y {{nombre}}imbecil") ==
        Ids_t{"TL1001:idiota", "TL1001:imbecil"});
  CHECK(Ids("no es {{x}}nuestro problema") == Ids_t{"TL1201:no es {{x}}nuestro problema"});
}

TEST_CASE("each sentence is checked with its own language's rules") {
  const std::string mixed =
      "Hola, lamentamos la espera y no es nuestro problema. "
      "Hello, this is not our problem and we are sorry.";
  CHECK(Ids(mixed) == Ids_t{"TL1201:no es nuestro problema", "TL1201:not our problem"});
  LintOptions spanish_only;
  spanish_only.lang = Lang::kEs;
  CHECK(Ids(mixed, spanish_only) == Ids_t{"TL1201:no es nuestro problema"});
}

TEST_CASE("a sentence too short to tell is checked with both languages") {
  CHECK(Ids("Idiots!") == Ids_t{"TL1001:Idiots"});
}

TEST_CASE("suggestions expand groups and follow the case of the match") {
  static const std::unique_ptr<RuleSet> rules = BuildRules();
  Linter linter(*rules);
  const auto findings = linter.Lint(SourceText("Eso no es mi problema, señora."), {});
  REQUIRE(findings.size() == 1);
  REQUIRE(findings[0].suggestions.size() == 1);
  CHECK(findings[0].suggestions[0] == "vamos a revisar mi caso.");
}

TEST_CASE("document rules: context triggers, reply triggers and require") {
  static const std::unique_ptr<RuleSet> rules = BuildRules();
  Linter linter(*rules);
  const CustomerMessage complaint = linter.AnalyzeCustomerMessage("Mi tarjeta no funciona desde ayer.");
  const CustomerMessage thanks = linter.AnalyzeCustomerMessage("Muchas gracias por todo, excelente.");
  LintOptions with_complaint;
  with_complaint.context = &complaint;
  LintOptions with_thanks;
  with_thanks.context = &thanks;

  const std::string terse = "Revisaremos su caso hoy mismo y le escribimos.";
  CHECK(Ids(terse, with_complaint) == Ids_t{"TL3001:"});
  CHECK(Ids(terse, with_thanks).empty());
  CHECK(Ids(terse).empty());
  CHECK(Ids("Lo sentimos mucho. Revisaremos su caso hoy mismo.", with_complaint).empty());
  CHECK(Ids("Lamentablemente no hay reembolso para este pedido.") == Ids_t{"TL3002:"});
  CHECK(Ids("Lamentablemente no hay reembolso; disculpe las molestias.").empty());

  // One linter in turn with and without the message: what a Lint call without it may skip
  // (DecisiveDocumentPatterns), the next call with it still looks for.
  auto ids = [&](std::string_view text, const LintOptions& options) {
    std::vector<std::string> out;
    for (const Finding& finding : linter.Lint(SourceText(std::string(text)), options)) {
      out.push_back(finding.rule->id);
    }
    return out;
  };
  CHECK(ids(terse, {}).empty());
  CHECK(ids(terse, with_complaint) == Ids_t{"TL3001"});
  CHECK(ids("Lo sentimos, revisaremos su caso.", with_complaint).empty());
  CHECK(ids(terse, {}).empty());
  // Without a message, what the previous call without one looked for is kept only for the
  // same context triggers: assumed to hold, TL3001 is decided by the apology.
  const std::string apology = "Lo sentimos, revisaremos su caso.";
  LintOptions assume_hold;
  assume_hold.context_triggers = ContextTriggers::kAssumeHold;
  CHECK(ids(apology, {}).empty());
  CHECK(ids(apology, assume_hold).empty());
  CHECK(ids(terse, assume_hold) == Ids_t{"TL3001"});
  // A signal matched by a pattern without keywords, decisive only with a complaint.
  CHECK(ids("Lo sentimos, ya quedó 😂", {}).empty());
  CHECK(ids("Lo sentimos, ya quedó 😂", with_complaint) == Ids_t{"TL1505"});
  LintOptions each_line;
  each_line.each_line = true;
  CHECK(ids("Lamentablemente no hay reembolso.\nLamentablemente, lo sentimos.\n", each_line) ==
        Ids_t{"TL3002"});
  // A reply whose evidence settled the rules (the apology, before its second sentence) leaves
  // the next reply's evidence to be looked for.
  const std::string settled = "Lo sentimos mucho. Le escribimos hoy mismo.";
  const std::string bad_news = "Lamentablemente no hay reembolso.";
  CHECK(ids(settled + "\n" + bad_news + "\n", each_line) == Ids_t{"TL3002"});
  CHECK(ids(settled, {}).empty());
  CHECK(ids(bad_news, {}) == Ids_t{"TL3002"});
  auto streamed_ids = [&](const std::string& text) {
    std::vector<Finding> findings;
    linter.BeginStream({});
    linter.LintPiece(SourceText(text), 0, 1, &findings);
    linter.FinishStream(&findings);
    std::vector<std::string> out;
    for (const Finding& finding : findings) out.push_back(finding.rule->id);
    return out;
  };
  CHECK(streamed_ids(settled).empty());
  CHECK(streamed_ids(bad_news) == Ids_t{"TL3002"});
}

TEST_CASE("a signal cut into runs is looked for with the runs of the reply's words, until seen") {
  const std::vector<std::string> words = RunWords();
  const std::string text = "signal bad-news\nlang es\nmatch (" + Alternatives(words) +
                           ")\nmatch lamentablemente\n\n"
                           "rule TL3002 missing-apology-bad-news\nlang es\n"
                           "category missing-apology\nseverity info\nmessage Sin disculpa.\n"
                           "when reply:bad-news\nrequire (lo sentimos|disculp*)\n";
  const auto rules = BuildRules(text);
  const std::vector<PatternIndex::Entry>& entries = rules->document_patterns().entries;
  REQUIRE(entries.size() == 5);  // the cut line's 3 runs, "lamentablemente", the require
  CHECK(entries[2].run == 2);
  CHECK(entries[3].run == PatternIndex::Entry::kWholePattern);
  auto fired = [&](const RuleSet& rules, const std::string& reply) {
    Linter linter(rules);
    return linter.Lint(SourceText(reply), {}).size() == 1;
  };
  CHECK(fired(*rules, "Ya no hay " + words.front() + "."));
  CHECK_FALSE(fired(*rules, "Ya no hay palabras."));
  CHECK_FALSE(fired(*rules, "Ya no hay " + words[kWordsPerRun] + "; disculpe."));
  const auto fresh = BuildRules(text);
  CHECK(fired(*fresh, "Lamentablemente no hay " + words.back() + "."));
  // Only the run with the reply's word was compiled; once it matched, the signal's other
  // candidate in the sentence was not looked for.
  CHECK_FALSE(fresh->document_pattern(0).IsCompiled());
  CHECK_FALSE(fresh->document_pattern(1).IsCompiled());
  CHECK(fresh->document_pattern(2).IsCompiled());
  CHECK_FALSE(fresh->document_pattern(3).IsCompiled());
}

TEST_CASE("decisive document patterns: those of the rules that may fire in the reply's language") {
  static const std::unique_ptr<RuleSet> rules = BuildRules();
  Linter linter(*rules);
  const CustomerMessage complaint = linter.AnalyzeCustomerMessage("Mi tarjeta no funciona desde ayer.");
  // What each decisive entry stands for: a signal's name, or a rule's id.
  auto decisive = [&](Lang lang, const CustomerMessage* context, ContextTriggers triggers) {
    const std::vector<bool> flags = DecisiveDocumentPatterns(*rules, lang, context, triggers);
    REQUIRE(flags.size() == rules->document_patterns().entries.size());
    std::set<std::string> names;
    for (std::size_t i = 0; i < flags.size(); ++i) {
      if (!flags[i]) continue;
      const auto [is_signal, index] = DocumentEvidence::Slot(*rules, static_cast<int>(i));
      names.insert(is_signal ? rules->signal_names()[index] : rules->rules()[index].id);
    }
    return names;
  };
  using Names = std::set<std::string>;
  const auto from_message = ContextTriggers::kFromMessage;
  // Without a message, TL3001 and TL1505 cannot fire: what they look for decides nothing.
  CHECK(decisive(Lang::kEs, nullptr, from_message) == Names{"TL3002", "bad-news"});
  CHECK(decisive(Lang::kEn, nullptr, from_message).empty());  // no English document rules
  const Names all = {"TL3001", "TL3002", "bad-news", "laughter"};
  CHECK(decisive(Lang::kEs, &complaint, from_message) == all);
  CHECK(decisive(Lang::kEs, nullptr, ContextTriggers::kAssumeHold) == all);
}

TEST_CASE("document evidence settles a rule once its require is seen, or every reply trigger") {
  static const std::unique_ptr<RuleSet> rules = BuildRules();
  Linter linter(*rules);
  const CustomerMessage complaint = linter.AnalyzeCustomerMessage("Mi tarjeta no funciona desde ayer.");
  auto ids = [&](const std::vector<std::size_t>& indexes) {
    std::set<std::string> out;
    for (std::size_t r : indexes) out.insert(rules->rules()[r].id);
    return out;
  };
  using Names = std::set<std::string>;
  const auto from_message = ContextTriggers::kFromMessage;
  CHECK(ids(DocumentRulesThatMayFire(*rules, Lang::kEs, nullptr, from_message)) == Names{"TL3002"});
  CHECK(ids(DocumentRulesThatMayFire(*rules, Lang::kEn, nullptr, from_message)).empty());
  const std::vector<std::size_t> may_fire =
      DocumentRulesThatMayFire(*rules, Lang::kEs, &complaint, from_message);
  CHECK(ids(may_fire) == Names{"TL1505", "TL3001", "TL3002"});
  // The document_patterns() entry that stands for `name`: a signal's name or a rule's id.
  auto entry_of = [&](std::string_view name) {
    for (std::size_t i = 0; i < rules->document_patterns().entries.size(); ++i) {
      const auto [is_signal, index] = DocumentEvidence::Slot(*rules, static_cast<int>(i));
      if ((is_signal ? rules->signal_names()[index] : rules->rules()[index].id) == name) {
        return static_cast<int>(i);
      }
    }
    FAIL("no document pattern for " << name);
    return -1;
  };
  auto rule_index = [&](std::string_view id) {
    for (std::size_t r : may_fire) {
      if (rules->rules()[r].id == id) return r;
    }
    FAIL("no rule " << id);
    return std::size_t{0};
  };
  DocumentEvidence evidence;
  evidence.Reset(*rules);
  CHECK(evidence.Settles(*rules, {}));
  const std::vector<std::size_t> bad_news_rule = {rule_index("TL3002")};
  CHECK_FALSE(evidence.Settles(*rules, bad_news_rule));
  evidence.Record(*rules, entry_of("bad-news"));
  CHECK_FALSE(evidence.Settles(*rules, bad_news_rule));  // an apology would still silence it
  evidence.Record(*rules, entry_of("TL3002"));
  CHECK(evidence.Settles(*rules, bad_news_rule));  // it never fires now
  const std::vector<std::size_t> laughter_rule = {rule_index("TL1505")};
  CHECK_FALSE(evidence.Settles(*rules, laughter_rule));
  evidence.Record(*rules, entry_of("laughter"));
  CHECK(evidence.Settles(*rules, laughter_rule));  // it fires whatever follows
  CHECK_FALSE(evidence.Settles(*rules, may_fire));  // TL3001's apology is TL3002's: not seen
}

TEST_CASE("the customer's own words repeated by the reply are not reported") {
  static const std::unique_ptr<RuleSet> rules = BuildRules();
  Linter linter(*rules);
  const CustomerMessage message = linter.AnalyzeCustomerMessage("Ustedes son unos idiotas sin remedio.");
  LintOptions options;
  options.context = &message;
  CHECK(Ids("Lamentamos que piense que somos unos idiotas sin remedio; lo sentimos.", options).empty());
  CHECK(Ids("Usted es un idiota y lo sentimos.", options) == Ids_t{"TL1001:idiota"});
}

TEST_CASE("with each_line every line is a reply, with its own line number") {
  LintOptions options;
  options.each_line = true;
  const auto results = Lint("Gracias por escribir.\n\nEres un idiota.\nYou idiot.\n", options);
  REQUIRE(results.size() == 2);
  CHECK(results[0].line == 3);
  CHECK(results[1].line == 4);
  CHECK(results[1].column == 5);
}

TEST_CASE("CRLF, BOM and invalid bytes keep columns right") {
  const auto crlf = Lint("Hola.\r\nEres un idiota.\r\n");
  REQUIRE(crlf.size() == 1);
  CHECK(crlf[0].line == 2);
  CHECK(crlf[0].column == 9);
  const auto bom = Lint("\xEF\xBB\xBF" "Eres un idiota.");
  REQUIRE(bom.size() == 1);
  CHECK(bom[0].column == 9);
  const auto invalid = Lint("\xFF\xFE Eres un idiota.");
  REQUIRE(invalid.size() == 1);
  CHECK(invalid[0].column == 12);
}

TEST_CASE("every sentence of a long reply sees its own masks, and only them") {
  std::string text;
  for (int line = 0; line < 300; ++line) {
    text += "Dijo \"eres un idiota\" en https://x.com/idiota. Eres un idiota. Ver {{idiota}}.\n";
  }
  const auto results = Lint(text);
  REQUIRE(results.size() == 300);
  for (std::size_t line = 0; line < results.size(); ++line) {
    CHECK(results[line].line == line + 1);
    CHECK(results[line].column == 56);
  }
}

TEST_CASE("empty and blank input give no findings") {
  CHECK(Lint("").empty());
  CHECK(Lint(" \n\t\r\n").empty());
}

// Regression: a phrase across the 16 KB cut of an unpunctuated sentence was missed.
TEST_CASE("a phrase across the cut of a very long sentence is found once") {
  for (std::size_t words : {2040u, 2046u, 2047u, 2050u}) {
    std::string text;
    for (std::size_t i = 0; i < words; ++i) text += "palabra ";
    text += "y eso no es nuestro problema";
    CAPTURE(words);
    CHECK(Ids(text) == Ids_t{"TL1201:no es nuestro problema"});
  }
}

TEST_CASE("a very long sentence without spaces is cut and linted in bounded pieces") {
  const std::string text(100000, 'x');
  CHECK(Ids(text + " eres un idiota").size() == 1);
}

TEST_CASE("caps-words rules: runs of capitals in the source, not in masked or quoted text") {
  RuleFile file;
  std::vector<Diagnostic> errors;
  ParseRuleFile("caps.rules",
                "rule TL1804 shouting-caps\nlang es\ncategory shouting\nseverity info\n"
                "message Gritos.\ncaps-words 3\nunless (aviso legal)\nsuggest Escríbalo en minúsculas.\n",
                &file, &errors);
  REQUIRE(errors.empty());
  std::vector<RuleFile> files;
  files.push_back(std::move(file));
  const auto rules = RuleSet::Build(std::move(files), &errors);
  REQUIRE(rules);
  Linter linter(*rules);
  LintOptions spanish;
  spanish.lang = Lang::kEs;
  auto texts = [&](std::string_view text) {
    const SourceText source{std::string(text)};
    std::vector<std::string> out;
    for (const Finding& f : linter.Lint(source, spanish)) {
      out.push_back(source.text().substr(f.span.begin, f.span.end - f.span.begin));
      CHECK(f.suggestions == std::vector<std::string>{"Escríbalo en minúsculas."});
    }
    return out;
  };
  CHECK(texts("Hola. NO VAMOS A DEVOLVER NADA.") == std::vector<std::string>{"NO VAMOS A DEVOLVER NADA"});
  CHECK(texts("Usted escribió \"SON UNOS LADRONES\" y lo sentimos.").empty());
  CHECK(texts("Vea {{ AVISO LEGAL COMPLETO }} abajo.").empty());
  CHECK(texts("Lea el AVISO LEGAL COMPLETO abajo.").empty());  // unless
  CHECK(texts("Envíe su DNI y su RFC.").empty());
}
