// The command end to end, in memory: options in, exit status and output out.
#include "app.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "source_text.h"

using namespace tonelint;

namespace {

struct RunResult {
  int exit_code;
  std::string out;
  std::string err;
};

std::string WriteTemp(const std::string& name, const std::string& contents) {
  const auto path = std::filesystem::temp_directory_path() / ("tonelint_app_test_" + name);
  std::ofstream(path, std::ios::binary) << contents;
  return path.string();
}

const std::string& RulePath() {
  static const std::string path = WriteTemp("rules.rules", R"(rule TL1001 insult-direct
lang es
category insult
severity error
message Insulto.
match idiota
obfuscated yes

rule TL1801 shouting-exclamations
lang es
category shouting
severity info
message Demasiados signos.
regex !{3,}
)");
  return path;
}

RunResult RunWith(Options options, const std::string& stdin_text = "") {
  options.rule_sources.bundled = false;
  options.rule_sources.paths.push_back(RulePath());
  std::istringstream in(stdin_text);
  std::ostringstream out, err;
  const int code = Run(options, in, out, err);
  return {code, out.str(), err.str()};
}

}  // namespace

TEST_CASE("clean input exits 0 and prints nothing") {
  const RunResult result = RunWith({}, "Gracias por escribirnos.");
  CHECK(result.exit_code == kExitClean);
  CHECK(result.out.empty());
  CHECK(result.err.empty());
}

TEST_CASE("a finding exits 1 and is printed like a compiler diagnostic") {
  const RunResult result = RunWith({}, "Es usted un idiota.");
  CHECK(result.exit_code == kExitFindings);
  CHECK(result.out ==
        "<stdin>:1:13: error: [TL1001 insult-direct] Insulto.\n"
        "  1 | Es usted un idiota.\n"
        "    |             ^^^^^^\n");
  CHECK(result.err == "1 error in 1 file\n");
}

TEST_CASE("a long line is shown as a window that starts 40 code points before the span") {
  // Two-byte letters right before the span: the window is counted in code points, not bytes.
  const std::string before = "Señor, usted es un " + std::string(100, 'x') + " ";
  std::string ene;
  for (int i = 0; i < 50; ++i) ene += "\xC3\xB1";  // ñ
  const RunResult result = RunWith({}, before + ene + " idiota " + std::string(200, 'z'));
  const std::size_t column = CountCodePoints(before) + 50 + 1 + 1;
  // 40 code points before the span (39 ñ and a space), then 120 more.
  CHECK(result.out == "<stdin>:1:" + std::to_string(column) +
                          ": error: [TL1001 insult-direct] Insulto.\n"
                          "  1 | ..." + ene.substr(11 * 2) + " idiota " + std::string(113, 'z') +
                          "...\n"
                          "    |    " + std::string(40, ' ') + "^^^^^^\n");
}

TEST_CASE("rules kept until the exit lint as rules freed at the end of Run") {
  Options keep;
  keep.rules_live_until_exit = true;
  const RunResult kept = RunWith(keep, "Es usted un idiota!!!");
  const RunResult freed = RunWith({}, "Es usted un idiota!!!");
  CHECK(kept.exit_code == kExitFindings);
  CHECK(kept.exit_code == freed.exit_code);
  CHECK(kept.out == freed.out);
  CHECK(kept.err == freed.err);
}

TEST_CASE("--fail-on and --min-severity") {
  Options options;
  options.fail_on = Severity::kError;
  CHECK(RunWith(options, "¡Hola!!!").exit_code == kExitClean);
  options.fail_on = Severity::kInfo;
  CHECK(RunWith(options, "¡Hola!!!").exit_code == kExitFindings);
  options.fail_on = std::nullopt;
  CHECK(RunWith(options, "Es usted un idiota.").exit_code == kExitClean);
  Options quiet;
  quiet.min_severity = Severity::kError;
  const RunResult result = RunWith(quiet, "¡Hola!!!");
  CHECK(result.exit_code == kExitClean);
  CHECK(result.out.empty());
}

TEST_CASE("a missing file exits 2 and the other files are still linted") {
  Options options;
  options.paths = {"/nonexistent/reply.txt", WriteTemp("rude.txt", "idiota")};
  const RunResult result = RunWith(options);
  CHECK(result.exit_code == kExitInputError);
  CHECK(result.err.find("/nonexistent/reply.txt: No such file or directory") != std::string::npos);
  CHECK(result.out.find("rude.txt:1:1: error") != std::string::npos);
}

TEST_CASE("a binary file is skipped with a note") {
  Options options;
  options.paths = {WriteTemp("binary.bin", std::string("idiota\0\x01", 8))};
  const RunResult result = RunWith(options);
  CHECK(result.exit_code == kExitClean);
  CHECK(result.err.find("binary file") != std::string::npos);
}

TEST_CASE("unknown --enable/--disable names exit 3 with a suggestion") {
  Options options;
  options.selection.disable = {"insult-drect"};
  const RunResult result = RunWith(options, "hola");
  CHECK(result.exit_code == kExitUsageError);
  CHECK(result.err.find("did you mean 'insult-direct'?") != std::string::npos);
}

TEST_CASE("--disable by category, --enable wins for the rule it names") {
  Options options;
  options.selection.disable = {"insult"};
  CHECK(RunWith(options, "idiota").exit_code == kExitClean);
  options.selection.enable = {"TL1001"};
  CHECK(RunWith(options, "idiota").exit_code == kExitFindings);
}

TEST_CASE("an invalid rule file exits 4 with file:line:col") {
  Options options;
  options.rule_sources.paths.push_back(WriteTemp("broken.rules", "rule TL1 x\nlang es\n"));
  const RunResult result = RunWith(options, "hola");
  CHECK(result.exit_code == kExitRuleError);
  CHECK(result.err.find("broken.rules:1:6: bad rule id 'TL1'") != std::string::npos);
}

TEST_CASE("JSON output follows DESIGN.md §2") {
  Options options;
  options.format = OutputFormat::kJson;
  const RunResult result = RunWith(options, "Es usted un \"raro\" idiota.");
  CHECK(result.out ==
        "{\"version\": 1,\n \"files\": [\n  {\"path\": \"<stdin>\", \"findings\": [\n"
        "    {\"rule\": \"TL1001\", \"name\": \"insult-direct\", \"category\": \"insult\", "
        "\"severity\": \"error\", \"lang\": \"es\", \"line\": 1, \"column\": 20, \"end_line\": 1, "
        "\"end_column\": 26, \"text\": \"idiota\", \"message\": \"Insulto.\", \"suggestions\": []}\n"
        "  ]}\n],\n \"summary\": {\"files\": 1, \"findings\": 1, \"errors\": 1, \"warnings\": 0, "
        "\"infos\": 0}}\n");
}

// ---------------------------------------------------------------- issue 5, in memory

namespace {

const std::string& FixableRulePath() {
  static const std::string path = WriteTemp("fixable.rules", R"(rule TL1001 insult-direct
lang es
category insult
severity error
message Insulto.
match idiota

rule TL1801 shouting-exclamations
lang es
category shouting
severity warning
message Demasiados signos.
regex !{3,}
suggest !
fix safe
)");
  return path;
}

RunResult RunFixable(Options options, const std::string& stdin_text) {
  options.rule_sources.bundled = false;
  options.rule_sources.paths = {FixableRulePath()};
  options.no_config = true;
  std::istringstream in(stdin_text);
  std::ostringstream out, err;
  const int code = Run(options, in, out, err);
  return {code, out.str(), err.str()};
}

}  // namespace

TEST_CASE("--fix on standard input prints the fixed text, and only it") {
  Options options;
  options.fix = true;
  const RunResult result = RunFixable(options, "\xEF\xBB\xBFListo!!!\r\nUsted es un idiota!!!!\r\n");
  CHECK(result.out == "\xEF\xBB\xBFListo!\r\nUsted es un idiota!\r\n");
  CHECK(result.exit_code == kExitFindings);  // the insult is still there
}

TEST_CASE("--diff on standard input") {
  Options options;
  options.diff = true;
  const RunResult result = RunFixable(options, "Hola.\nListo!!!\n");
  CHECK(result.out == "--- a/<stdin>\n+++ b/<stdin>\n@@ -1,2 +1,2 @@\n Hola.\n-Listo!!!\n+Listo!\n");
  CHECK(result.exit_code == kExitFindings);
  CHECK(RunFixable(options, "Hola.\n").exit_code == kExitClean);
}

TEST_CASE("a suppression comment hides a finding; the reasonless one is reported") {
  Options options;
  const RunResult result =
      RunFixable(options, "<!-- tonelint-disable-next-line insult -->\nUsted es un idiota.\n");
  CHECK(result.out.find("TL1001") == std::string::npos);
  CHECK(result.out.find("<stdin>:1:6: info: [TL0001 suppression-without-reason]") != std::string::npos);
  CHECK(result.exit_code == kExitClean);
}

TEST_CASE("--print-config with --no-config shows the command line's settings") {
  Options options;
  options.action = Action::kPrintConfig;
  options.print_config_path = "reply.txt";
  options.fail_on = Severity::kError;
  const RunResult result = RunFixable(options, "");
  CHECK(result.exit_code == kExitClean);
  CHECK(result.out.find("# from no config file and the command line\n") != std::string::npos);
  CHECK(result.out.find("\nfail-on = error\n") != std::string::npos);
}
