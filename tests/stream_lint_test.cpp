// An input linted a piece at a time prints what it prints when linted whole, byte for byte, in
// every format: the golden inputs, the example replies and a few hard cases, cut into tiny pieces.
#include "stream_lint.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <limits>
#include <random>
#include <sstream>

#include "app.h"
#include "rule_loader.h"

using namespace tonelint;
namespace fs = std::filesystem;

namespace {

struct RunResult {
  int exit_code;
  std::string out;
  std::string err;
  bool operator==(const RunResult&) const = default;
};

RunResult RunOnce(const Options& options, const std::string& stdin_text) {
  std::istringstream in(stdin_text);
  std::ostringstream out, err;
  const int code = Run(options, in, out, err);
  return {code, out.str(), err.str()};
}

// Runs `options` with every input read whole, then cut into pieces of a few sizes, in every
// output format; each output must equal the whole one.
void CheckSameInPieces(Options options, const std::string& stdin_text = "",
                       std::initializer_list<std::size_t> piece_sizes = {1, 40, 300}) {
  for (OutputFormat format :
       {OutputFormat::kText, OutputFormat::kJson, OutputFormat::kSarif, OutputFormat::kGithub}) {
    options.format = format;
    options.piece_bytes = std::numeric_limits<std::size_t>::max();
    const RunResult whole = RunOnce(options, stdin_text);
    for (std::size_t piece_bytes : piece_sizes) {
      CAPTURE(piece_bytes);
      CAPTURE(static_cast<int>(format));
      options.piece_bytes = piece_bytes;
      const RunResult pieces = RunOnce(options, stdin_text);
      CHECK(pieces.exit_code == whole.exit_code);
      CHECK(pieces.out == whole.out);
      CHECK(pieces.err == whole.err);
    }
  }
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream contents;
  contents << in.rdbuf();
  return contents.str();
}

std::string WriteTemp(const std::string& name, const std::string& contents) {
  const fs::path path = fs::temp_directory_path() / ("tonelint_stream_test_" + name);
  std::ofstream(path, std::ios::binary) << contents;
  return path.string();
}

// The inputs of the golden tests, with the options of their .args files.
std::vector<Options> GoldenCases() {
  std::vector<Options> cases;
  for (const auto& entry : fs::directory_iterator(TONELINT_TEST_CASES_DIR)) {
    const std::string name = entry.path().filename().string();
    if (!name.ends_with(".txt") || name.ends_with(".expected.txt") ||
        name.ends_with(".context.txt")) {
      continue;
    }
    Options options;
    options.paths = {entry.path().string()};
    fs::path args_path = entry.path();
    std::istringstream args(ReadFile(args_path.replace_extension(".args")));
    for (std::string arg; args >> arg;) {
      if (arg == "--each-line") options.each_line = true;
      if (arg == "--context") {
        args >> arg;
        options.context_path = (fs::path(TONELINT_TEST_CASES_DIR) / arg).string();
      }
    }
    cases.push_back(options);
  }
  return cases;
}

// Suppressions across pieces (one unused, one without a reason), a template over two lines,
// "\r\n" and lone "\r" line ends, invalid UTF-8, a byte-order mark at the start and one inside,
// sentences too short to tell their language, and a reply mostly in Spanish.
const std::string kHardCases =
    "\xEF\xBB\xBF"
    "Hola, {{ nombre\n"
    "}}, jajaja.\r\n"
    "<!-- tonelint-disable-next-line TL1001 -->\n"
    "Es usted un idiota.\n"
    "WTF\n"
    "{# tonelint-disable insult -- citamos al cliente #}\n"
    "Qué pendejo, you idiot.\rNo es nuestro problema.\n"
    "{# tonelint-enable insult #}\n"
    "Es usted un idiota, \xFF\xFE de verdad.\n"
    "\xEF\xBB\xBF"
    "lol\n"
    "# tonelint-disable-next-line TL9999 -- nada que cubrir\n"
    "Lamentamos la demora; revisamos su pedido y le escribimos mañana.\n";

const RuleSet& BundledRules() {
  static const std::unique_ptr<RuleSet> rules = [] {
    std::vector<Diagnostic> errors;
    return RuleSet::Build(LoadRuleFiles(RuleSources{}, &errors), &errors, Compilation::kLazy);
  }();
  REQUIRE(rules);
  return *rules;
}

}  // namespace

TEST_CASE("golden inputs linted in pieces print what they print whole") {
  for (const Options& options : GoldenCases()) {
    CAPTURE(options.paths.front());
    CheckSameInPieces(options);
  }
}

TEST_CASE("example replies and hard cases, as one file, as standard input, one per line") {
  Options options;
  for (const auto& entry : fs::directory_iterator(TONELINT_EXAMPLE_REPLIES_DIR)) {
    options.paths.push_back(entry.path().string());
  }
  options.paths.push_back(WriteTemp("hard.txt", kHardCases));
  CheckSameInPieces(options);
  options.each_line = true;
  CheckSameInPieces(options);

  // Everything as one reply: the document checks and the language see all of it.
  std::string all;
  for (const std::string& path : options.paths) all += ReadFile(path) + "\n";
  Options one;
  one.paths = {WriteTemp("all.txt", all)};
  CheckSameInPieces(one);
  Options from_stdin;
  CheckSameInPieces(from_stdin, all);
  from_stdin.each_line = true;
  CheckSameInPieces(from_stdin, all);
}

TEST_CASE("a line longer than every piece, with findings shown as windows of it") {
  std::string line = "Señora, gracias por su paciencia.";
  for (int i = 0; i < 20; ++i) {
    line += " Revisamos el pedido número " + std::to_string(i) + " con el almacén, añadimos " +
            "la factura y le escribimos mañana; es usted un idiota.";
  }
  REQUIRE(line.size() > 2000);
  Options options;
  options.paths = {WriteTemp("long-line.txt", "Hola.\n" + line + "\nUn saludo.\n")};
  CheckSameInPieces(options);
  Options from_stdin;
  CheckSameInPieces(from_stdin, line);
}

namespace {

// A line of about `bytes` bytes with no line end: sentences with findings (some of them at a
// sentence's start, where a cut may go), accents, a template, quotations, a suppression and a
// sentence too short to tell its language.
std::string LongLine(std::size_t bytes) {
  static const std::string kSentences[] = {
      "Idiota. ", "Gracias por su paciencia, revisamos el pedido con el almacén. ",
      "You are an idiot! ", "ñandú, es usted un idiota. ", "Hola, {{ nombre }}. ",
      "Nos dijo \"eres un idiota\" y lo sentimos. ", "WTF? ", "no es nuestro problema. ",
      "{# tonelint-disable insult -- citamos #} Es usted un idiota. {# tonelint-enable #} ",
      "Qué pendejo, you idiot. ", "Le escribimos mañana sin falta. "};
  std::string line;
  for (std::size_t i = 0; line.size() < bytes; ++i) {
    line += kSentences[(i * 7 + i / 11) % std::size(kSentences)];
  }
  return line;
}

}  // namespace

TEST_CASE("lines longer than the bytes read ahead, cut inside, print what they print whole") {
  // Past one read (64 KiB), so that the reader has to cut them inside.
  const std::string line = LongLine(150000);
  const std::string text = "Hola.\n" + line + "\nUn saludo. " + line + "\rAdios.";
  for (bool each_line : {false, true}) {
    CAPTURE(each_line);
    Options options;
    options.each_line = each_line;
    options.paths = {WriteTemp("long-lines.txt", text)};
    CheckSameInPieces(options, "", {700, 5000});
    Options from_stdin;
    from_stdin.each_line = each_line;
    CheckSameInPieces(from_stdin, line, {3000});
  }
}

TEST_CASE("LintStreamed: a line cut inside keeps only windows of itself around its findings") {
  std::string line;
  while (line.size() < 2000000) {
    for (int i = 0; i < 30; ++i) line += "Gracias por su paciencia, revisamos el pedido. ";
    line += "Es usted un idiota. ";
  }
  Linter linter(BundledRules());
  std::istringstream in(line);
  const StreamedInput streamed = LintStreamed(in, linter, LintOptions{}, 20000);
  REQUIRE(streamed.status == ReadStatus::kOk);
  REQUIRE(streamed.findings.size() > 1000);  // a finding every 1.4 KB
  // Each finding keeps its line's code points up to kExcerptColumns on each side of its begin.
  CHECK(streamed.source->text().size() < streamed.findings.size() * 4 * kExcerptColumns);
  CHECK(streamed.source->text().size() < line.size() / 2);
  const Finding& last = streamed.findings.back();
  const SourceText::LinePart part = streamed.source->LinePartAt(1, last.span.begin);
  CHECK(part.to_end);
  CHECK(part.begin > 0);
  CHECK(last.begin.column == CountCodePoints(std::string_view(line).substr(0, last.span.begin)) + 1);
}

TEST_CASE("replies ended by lone carriage returns, an opener never closed or closed far on") {
  std::string replies;
  for (const auto& entry : fs::directory_iterator(TONELINT_EXAMPLE_REPLIES_DIR)) {
    replies += ReadFile(entry.path()) + "\n";
  }
  replies += kHardCases;
  std::string old_mac = replies;
  std::replace(old_mac.begin(), old_mac.end(), '\n', '\r');
  const std::string unclosed = "Hola, {{ nombre\n" + replies + "<!-- sin cerrar\n" + replies;
  const std::string closed_far = "Hola, {{ nombre\n" + replies + "}}\n" + replies;
  for (const std::string& text : {old_mac, unclosed, closed_far}) {
    for (bool each_line : {false, true}) {
      CAPTURE(each_line);
      Options options;
      options.each_line = each_line;
      options.paths = {WriteTemp("line-ends.txt", text)};
      CheckSameInPieces(options);
      Options from_stdin;
      from_stdin.each_line = each_line;
      CheckSameInPieces(from_stdin, text);
    }
  }
}

TEST_CASE("LintStreamed: offsets, lines and columns continue across pieces") {
  Linter linter(BundledRules());
  const std::string text = "Gracias.\n{{ a\nb }} ñandú, es usted un idiota.\n";
  std::istringstream in(text);
  const StreamedInput streamed = LintStreamed(in, linter, LintOptions{}, 1);
  REQUIRE(streamed.status == ReadStatus::kOk);
  CHECK(streamed.text_size == text.size());
  const auto insult = std::find_if(streamed.findings.begin(), streamed.findings.end(),
                                   [](const Finding& f) { return f.rule->id == "TL1001"; });
  REQUIRE(insult != streamed.findings.end());
  CHECK(insult->span.begin == text.find("idiota"));
  CHECK(insult->begin.line == 3);
  CHECK(insult->begin.column == 25);  // "ñ" and "ú" are one column each
  // Only the lines findings point at are kept, with the input's numbers and offsets.
  CHECK(streamed.source->LinePartAt(3, insult->span.begin).text ==
        "b }} ñandú, es usted un idiota.");
  CHECK(streamed.source->LineStart(3) == text.find("b }}"));
  CHECK(streamed.source->Slice(insult->span) == "idiota");
}

TEST_CASE("LintStreamed: a NUL byte in a later piece makes the input binary, with no findings") {
  Linter linter(BundledRules());
  std::istringstream in(std::string("Es usted un idiota.\nok\n") + '\0' + "\n");
  const StreamedInput streamed = LintStreamed(in, linter, LintOptions{}, 1);
  CHECK(streamed.status == ReadStatus::kBinary);
  CHECK(streamed.findings.empty());
}

namespace {

// Random replies built from pieces that span lines or hide text, for the property below.
std::string RandomReply(std::mt19937* random) {
  static const std::vector<std::string> kFragments = {
      "Es usted un idiota. ", "You are an idiot. ", "No es nuestro problema.\n", "jajaja\n",
      "WTF\n", "Hola, {{ nombre\n}} gracias. ", "{% if x %}\nidiota\n{% endif %}\n",
      "<!-- tonelint-disable-next-line TL1001 -->\n", "{# tonelint-disable insult #}\n",
      "{# tonelint-enable insult #}\n", "# tonelint-disable-next-line -- porque sí\n",
      "```\nidiota\n```\n", "```x``` idiota\n", "~~~~\nstupid\n~~~\n", "\"eres un idiota\"\n",
      "> eres un idiota\n", "\r\n", "\n", "\r", "\xEF\xBB\xBF", "\xFF idiota\n",
      "Lamentamos la demora; revisamos su pedido.\n", "We are sorry for the delay.\n",
      "{{ sin cerrar\n", "<!-- a\n", "Qué pendejo.\n", "s.t.u.p.i.d\n",
      // Lone '\r's inside and around what mask.h pairs up to a '\n'.
      "\"eres\run idiota\" ", "\xC2\xAB" "idiota\r\xC2\xBB ", "`idiota\r` ", "<b\ridiota> ",
      "``", "\r> eres un idiota", "\rEs usted un idiota. ", "\r```\ridiota\r", "\r# tonelint-disable\r"};
  std::string reply;
  const int count = std::uniform_int_distribution<int>(0, 30)(*random);
  for (int i = 0; i < count; ++i) {
    reply += kFragments[std::uniform_int_distribution<std::size_t>(0, kFragments.size() - 1)(
        *random)];
  }
  return reply;
}

// What a finding shows, for comparing two runs.
std::string Describe(const Finding& f) {
  std::string text = f.rule->id + " " + std::to_string(f.span.begin) + "-" +
                     std::to_string(f.span.end) + " " + std::to_string(f.begin.line) + ":" +
                     std::to_string(f.begin.column) + "-" + std::to_string(f.end.line) + ":" +
                     std::to_string(f.end.column) + (f.document_level ? " doc" : "");
  for (const std::string& suggestion : f.suggestions) text += " | " + suggestion;
  return text;
}

}  // namespace

TEST_CASE("random replies: findings and suppressions in pieces equal those of the whole") {
  Linter linter(BundledRules());
  std::mt19937 random(6);
  for (int round = 0; round < 300; ++round) {
    const std::string reply = RandomReply(&random);
    CAPTURE(reply);
    for (bool each_line : {false, true}) {
      LintOptions options;
      options.each_line = each_line;
      const SourceText whole(reply);
      std::vector<Finding> expected = linter.Lint(whole, options);
      ApplySuppressions(whole, &expected);
      for (std::size_t piece_bytes : {1, 13, 50}) {
        CAPTURE(piece_bytes);
        std::istringstream in(reply);
        StreamedInput streamed = LintStreamed(in, linter, options, piece_bytes);
        REQUIRE(streamed.status == ReadStatus::kOk);
        CHECK(streamed.text_size == whole.text().size());
        CHECK(streamed.replaced_sequences == whole.replaced_sequences());
        ApplySuppressions(streamed.suppressions, streamed.text_size, &streamed.findings);
        auto describe_all = [](const std::vector<Finding>& findings) {
          std::string all;
          for (const Finding& finding : findings) all += Describe(finding) + "\n";
          return all;
        };
        REQUIRE(describe_all(streamed.findings) == describe_all(expected));
        for (std::size_t i = 0; i < expected.size(); ++i) {
          if (!expected[i].document_level) {
            const ByteRange span = expected[i].span;
            const SourceText::LinePart part =
                streamed.source->LinePartAt(expected[i].begin.line, span.begin);
            const std::string_view line = whole.Line(expected[i].begin.line);
            CHECK(part.text == line.substr(part.begin, part.text.size()));
            CHECK(part.to_end == (part.begin + part.text.size() == line.size()));
            CHECK(streamed.source->Slice(span) == whole.Slice(span));
          }
        }
      }
    }
  }
}

TEST_CASE("a quotation over lone carriage returns, closed past the first read, stays masked") {
  // The reader reads 64 KB at least: the closing mark is beyond the first window, and a cut
  // before it would leave the opening mark unpaired in its piece.
  std::string quoted;
  while (quoted.size() < 200000) quoted += "Gracias, idiota.\r";
  const std::string text = "Nos dijo: \"" + quoted + "\" y lo sentimos.\rEs usted un idiota.\r";
  Linter linter(BundledRules());
  const SourceText whole(text);
  std::string expected;
  for (const Finding& finding : linter.Lint(whole, LintOptions{})) expected += Describe(finding);
  REQUIRE(expected.find("TL1001") != std::string::npos);
  std::istringstream in(text);
  const StreamedInput streamed = LintStreamed(in, linter, LintOptions{}, 1000);
  std::string found;
  for (const Finding& finding : streamed.findings) found += Describe(finding);
  CHECK(found == expected);
}
