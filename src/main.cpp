// The command line: argv → Options, then tonelint::Run. The only file that includes CLI11, and
// the only place exceptions are caught.
#include <CLI/CLI.hpp>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <iostream>

#include "app.h"
#include "suggest_name.h"

namespace {

using tonelint::Options;

constexpr const char* kDescription =
    "tonelint: lint customer-service replies in Spanish and English for insults, profanity,\n"
    "discrimination, threats, mockery, dismissive, defensive or blaming phrasing, and for a\n"
    "missing apology, empathy, follow-up or thanks. Each finding points at the exact words and\n"
    "suggests a rewrite.\n";

constexpr const char* kFooter = R"(Examples:
  tonelint draft.txt                      lint one reply
  pbpaste | tonelint                      lint standard input
  tonelint --context complaint.txt reply.txt
                                          also check what the reply lacks, given the complaint
  tonelint --each-line --format json templates.txt
                                          one reply per line, machine-readable
  tonelint --explain TL1001               what a rule checks, with examples
  tonelint --rules team.rules --test-rules team.rules
                                          check your own rules' bad/good examples

Exit status: 0 clean, 1 findings at or above --fail-on, 2 an input could not be read,
3 bad command line or config, 4 invalid rule file or --test-rules failed.
Rule format: docs/rule-format.md. Colour only on a terminal; NO_COLOR turns it off.)";

std::optional<tonelint::Severity> ParseFailOn(const std::string& value) {
  if (value == "none") return std::nullopt;
  return tonelint::ParseSeverity(value);
}

void SplitList(const std::vector<std::string>& values, std::vector<std::string>* out) {
  for (const std::string& value : values) {
    std::size_t begin = 0;
    while (begin <= value.size()) {
      std::size_t end = value.find(',', begin);
      if (end == std::string::npos) end = value.size();
      std::string item = value.substr(begin, end - begin);
      item.erase(0, item.find_first_not_of(' '));
      item.erase(item.find_last_not_of(' ') + 1);
      if (!item.empty()) out->push_back(item);
      begin = end + 1;
    }
  }
}

// A write error on standard output (a full disk, a closed pipe when SIGPIPE is ignored) must not
// pass for success: the findings were lost. Exit 2 like an input that could not be read, as grep
// does. A reader that went away (`tonelint big.txt | head -1`) is not worth a message: with the
// default SIGPIPE disposition tonelint dies quietly of SIGPIPE before it gets here, like grep.
int CheckOutputWritten(int status) {
  std::cout.flush();
  if (std::cout.good()) return status;
  const int error = errno;
  if (error != EPIPE) std::cerr << "tonelint: cannot write the output: " << std::strerror(error) << "\n";
  return tonelint::kExitInputError;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app(kDescription, "tonelint");
  app.footer(kFooter);
  app.get_formatter()->column_width(34);

  Options options;
  std::string format = "text", lang = "auto", fail_on = "warning", min_severity = "info";
  std::vector<std::string> enable, disable;
  bool list_rules = false, no_default_rules = false, show_version = false;
  std::string explain;
  std::optional<std::string> test_rules;

  app.add_option("paths", options.paths, "Reply files or directories to lint (walked, .gitignore and .tonelintignore respected); none or \"-\" reads standard input")
      ->type_name("PATH");
  app.add_option("--format", format, "Output format")->check(CLI::IsMember({"text", "json", "sarif", "github"}))->capture_default_str();
  app.add_option("--lang", lang, "Language: auto decides per sentence")->check(CLI::IsMember({"auto", "es", "en"}))->capture_default_str();
  app.add_flag("--each-line", options.each_line, "Every input line is a separate reply");
  app.add_option("--context", options.context_path, "The customer's message this reply answers (enables the \"missing ...\" checks)")
      ->type_name("FILE");
  app.add_option("--fail-on", fail_on, "Findings that make the exit status 1")->check(CLI::IsMember({"error", "warning", "info", "none"}))->capture_default_str();
  app.add_option("--min-severity", min_severity, "Findings that are printed")->check(CLI::IsMember({"error", "warning", "info"}))->capture_default_str();
  app.add_option("--rules", options.rule_sources.paths, "Extra rule file or directory (repeatable)")
      ->allow_extra_args(false)
      ->type_name("PATH");
  app.add_flag("--no-default-rules", no_default_rules, "Only the rules given with --rules");
  app.add_option("--enable", enable, "Re-enable rules by id, name or category (comma-separated)")
      ->allow_extra_args(false)
      ->type_name("ID,NAME,CATEGORY");
  app.add_option("--disable", disable, "Disable rules by id, name or category (comma-separated)")
      ->allow_extra_args(false)
      ->type_name("ID,NAME,CATEGORY");
  app.add_flag("--list-rules", list_rules, "List the rules and the languages each covers");
  app.add_option("--explain", explain, "Explain a rule (id or name) with its examples")
      ->type_name("ID");
  app.add_option("--test-rules", test_rules, "Check the bad/good examples of all rules, or of the rules in PATH")
      ->expected(0, 1)
      ->type_name("PATH");
  app.add_option("-j", options.jobs, "Lint files on N threads; output stays in input order")
      ->check(CLI::Range(1, 1024))->type_name("N")->capture_default_str();
  app.add_flag("--version", show_version, "Print the version");
  // Config, suppressions, fixes, baseline (issue 5).
  app.add_option("--config", options.config_path, "Use this config file instead of the nearest .tonelint")
      ->type_name("FILE");
  app.add_flag("--no-config", options.no_config, "Ignore .tonelint files");
  app.add_option("--print-config", options.print_config_path, "Print the effective config for FILE and exit")
      ->type_name("FILE");
  app.add_flag("--fix", options.fix, "Apply the safe rewrites in place (standard input: print the fixed text)");
  app.add_flag("--diff", options.diff, "Print the safe rewrites as a unified diff");
  app.add_option("--baseline", options.baseline_path, "Report only findings not recorded in FILE")
      ->type_name("FILE");
  app.add_option("--write-baseline", options.write_baseline_path, "Record the current findings in FILE")
      ->type_name("FILE");

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    std::cout << app.help();
    return tonelint::kExitClean;
  } catch (const CLI::ParseError& error) {
    std::cerr << "tonelint: " << error.what() << "\nTry 'tonelint --help'.\n";
    return tonelint::kExitUsageError;
  }
  if (show_version) {
    std::cout << "tonelint " << TONELINT_VERSION << "\n";
    return tonelint::kExitClean;
  }

  options.format = *tonelint::ParseOutputFormat(format);
  if (lang != "auto") options.lang = tonelint::ParseLang(lang);
  options.fail_on = ParseFailOn(fail_on);
  options.min_severity = *tonelint::ParseSeverity(min_severity);
  options.rule_sources.bundled = !no_default_rules;
  SplitList(enable, &options.selection.enable);
  SplitList(disable, &options.selection.disable);
  options.color = isatty(STDOUT_FILENO) != 0 && std::getenv("NO_COLOR") == nullptr;
  options.given = {app.count("--lang") > 0, app.count("--each-line") > 0,
                   app.count("--fail-on") > 0, app.count("--min-severity") > 0};
  if (!options.print_config_path.empty()) {
    options.action = tonelint::Action::kPrintConfig;
  } else if (list_rules) {
    options.action = tonelint::Action::kListRules;
  } else if (!explain.empty()) {
    options.action = tonelint::Action::kExplain;
    options.explain = explain;
  } else if (test_rules) {
    options.action = tonelint::Action::kTestRules;
    options.test_rules_path = *test_rules;
    auto& paths = options.rule_sources.paths;
    if (!test_rules->empty() && std::find(paths.begin(), paths.end(), *test_rules) == paths.end()) {
      paths.push_back(*test_rules);
    }
  }
  options.rules_live_until_exit = true;
  try {
    const int status = tonelint::Run(options, std::cin, std::cout, std::cerr);
    return CheckOutputWritten(status);
  } catch (const std::exception& error) {
    std::cerr << "tonelint: internal error: " << error.what() << "\n";
    return tonelint::kExitInputError;
  }
}
