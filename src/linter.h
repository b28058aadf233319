// The one entry point of the library: text + rules + options → findings (DESIGN.md §6).
//
//   split into replies → mask → sentences → language per sentence → matching form →
//   candidate rules (RE2::Set) → each candidate's own RE2 → word boundaries → source offsets →
//   document checks → sort
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "document_checks.h"
#include "finding.h"
#include "rule_set.h"
#include "source_text.h"

namespace tonelint {

struct LintOptions {
  std::optional<Lang> lang;  // forced language; nullopt: decided per sentence
  bool each_line = false;    // every non-blank line is a separate reply
  const CustomerMessage* context = nullptr;  // from --context; may be null
  ContextTriggers context_triggers = ContextTriggers::kFromMessage;
  // Extra placeholder delimiters (open, close) masked like {{ }} (config `placeholders =`).
  std::vector<std::pair<std::string, std::string>> placeholders;
};

// Lints texts with one RuleSet. Keeps reusable buffers: one Linter per thread.
class Linter {
 public:
  explicit Linter(const RuleSet& rules);
  ~Linter();
  Linter(const Linter&) = delete;
  Linter& operator=(const Linter&) = delete;

  // Findings in `source`, sorted by position then rule id, with positions filled in.
  std::vector<Finding> Lint(const SourceText& source, const LintOptions& options);

  // One input linted a piece at a time (chunker.h), with the findings Lint() gives on the whole
  // input: BeginStream(), LintPiece() for each piece in order, then FinishStream(). Each piece
  // must start at a safe cut (FindSafeCut): after a line break, or inside a line where a
  // sentence surely begins, in which case the caller adds the columns of the line before the
  // piece to positions on its first line (stream_lint.cpp does); the state of the reply (its
  // language, document checks) carries from piece to piece.
  void BeginStream(const LintOptions& options);
  // Appends the findings of `piece`, which starts at byte `offset` and on line `first_line` of
  // the input, with the input's offsets and positions. Findings of a sentence whose language
  // is unknown are appended for both languages until FinishStream() knows the reply's: `out`
  // must be the same vector for the whole stream, and only appended to.
  void LintPiece(const SourceText& piece, std::size_t offset, std::size_t first_line,
                 std::vector<Finding>* out);
  // Drops the findings of the language the reply turned out not to be in, adds the document
  // findings, and sorts and deduplicates `findings` as Lint() does.
  void FinishStream(std::vector<Finding>* findings);

  // Reads the customer's message given with --context: which signals it raises, its language,
  // its word trigrams.
  CustomerMessage AnalyzeCustomerMessage(std::string_view text);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace tonelint
