// Linting one input a piece at a time (chunker.h), with what linting it whole gives: the same
// findings and suppressions, in the same order. Only the lines that findings and suppression
// directives point at are kept, so memory follows the piece size and the number of findings,
// not the input's size (issue 6).
#pragma once

#include <cstddef>
#include <istream>
#include <memory>
#include <string>
#include <vector>

#include "chunker.h"
#include "finding.h"
#include "input.h"
#include "linter.h"
#include "source_text.h"
#include "suppression.h"

namespace tonelint {

struct StreamedInput {
  ReadStatus status = ReadStatus::kOk;
  std::string error;  // kError: why
  bool had_bom = false;
  std::size_t replaced_sequences = 0;  // as SourceText counts them for the whole input
  std::size_t text_size = 0;           // bytes of the decoded input
  // The whole text when the input was one piece; else an excerpt (SourceText::Excerpt) with
  // the lines the findings and suppression directives point at. Null unless kOk.
  std::unique_ptr<SourceText> source;
  std::vector<Finding> findings;          // as Linter::Lint gives them for the whole input
  std::vector<Suppression> suppressions;  // as FindSuppressions gives them for the whole input
};

// Reads `in` to its end in pieces of about `piece_bytes` and lints them with `linter`. A NUL
// byte anywhere makes the input kBinary, with no findings; a failed read makes it kError.
StreamedInput LintStreamed(std::istream& in, Linter& linter, const LintOptions& options,
                           std::size_t piece_bytes = kDefaultPieceBytes);

}  // namespace tonelint
