// The command, as a library function: options in, exit status out. main.cpp only turns argv
// into Options (it is the one file that sees CLI11); everything else happens here, writing to
// the streams it is given so that tests can run it in memory.
#pragma once

#include <cstddef>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "chunker.h"
#include "reporter.h"
#include "rule_loader.h"
#include "rule_selection.h"
#include "types.h"

namespace tonelint {

// Exit statuses (DESIGN.md §1).
enum ExitCode : int {
  kExitClean = 0,        // no finding at or above --fail-on
  kExitFindings = 1,     // at least one such finding
  kExitInputError = 2,   // an input could not be read (the others were still linted)
  kExitUsageError = 3,   // bad command line or config
  kExitRuleError = 4,    // a rule file is invalid, or --test-rules failed
};

enum class Action { kLint, kListRules, kExplain, kTestRules, kPrintConfig };

// Which settings the command line gave explicitly: those beat the config file's.
struct GivenOptions {
  bool lang = false;
  bool each_line = false;
  bool fail_on = false;
  bool min_severity = false;
};

struct Options {
  Action action = Action::kLint;
  std::vector<std::string> paths;  // empty or "-": standard input
  OutputFormat format = OutputFormat::kText;
  std::optional<Lang> lang;        // nullopt: auto
  bool each_line = false;
  std::string context_path;        // --context, empty when not given
  std::optional<Severity> fail_on = Severity::kWarning;  // nullopt: --fail-on none
  Severity min_severity = Severity::kInfo;
  RuleSources rule_sources;
  RuleSelection selection;
  std::string explain;             // --explain ID
  std::string test_rules_path;     // --test-rules PATH (empty: all loaded rules)
  bool color = false;
  std::size_t jobs = 1;            // -j N: files linted on N threads, output in input order
  // Standard input, and files larger than this, are read and linted a piece of about this
  // size at a time (stream_lint.h), unless --fix, --diff or a baseline needs the whole text.
  // The output is the same whatever the size; no flag sets it, tests do.
  std::size_t piece_bytes = kDefaultPieceBytes;
  // The CLI, whose process ends right after Run, sets this: the rules are then kept until the
  // exit instead of being freed one allocation at a time, ~10% of a run on one reply. They
  // stay reachable, so leak checkers do not report them.
  bool rules_live_until_exit = false;


  // Config, suppressions, fixes, baseline (issue 5).
  std::string config_path;           // --config FILE; empty: nearest .tonelint of each input
  bool no_config = false;            // --no-config
  std::string print_config_path;     // --print-config FILE (Action::kPrintConfig)
  GivenOptions given;
  bool fix = false;                  // --fix: apply the safe rewrites in place
  bool diff = false;                 // --diff: print them as a unified diff
  std::string baseline_path;         // --baseline FILE
  std::string write_baseline_path;   // --write-baseline FILE
};

// Runs tonelint. `in` is standard input; findings go to `out`, notes and errors to `err`.
int Run(const Options& options, std::istream& in, std::ostream& out, std::ostream& err);

}  // namespace tonelint
