// --fix and --diff: the safe rewrites (rules with `fix safe`), as edits, a unified diff, and an
// atomic in-place write.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "finding.h"
#include "types.h"

namespace tonelint {

// Replace the bytes `span` of the text by `replacement`.
struct Edit {
  ByteRange span;
  std::string replacement;
};

// The edits of `findings` (found in `text`): each finding of a `fix safe` rule with a suggestion
// and a non-empty span becomes "replace the span by the first suggestion", unless the span
// already reads so.
// Sorted by position; an edit overlapping an earlier one is dropped (the next --fix run, on the
// fixed text, may apply it).
std::vector<Edit> SafeEdits(std::string_view text, const std::vector<Finding>& findings);

// `text` with `edits` (sorted, not overlapping, inside the text) applied. Bytes outside the
// edited spans are copied unchanged.
std::string ApplyEdits(std::string_view text, const std::vector<Edit>& edits);

// The unified diff (as `diff -u`: `--- a/PATH` / `+++ b/PATH` headers, 3 lines of context)
// from `before` to ApplyEdits(before, edits), or "" when there are no edits. Lines are split at
// "\n"; a "\r" stays part of its line; a last line without "\n" is followed by
// "\ No newline at end of file". Only the lines the edits touch are compared, so the cost is
// linear in the text.
std::string UnifiedDiff(std::string_view before, const std::vector<Edit>& edits,
                        const std::string& path);

// Replaces the contents of `path` by `bytes` atomically: writes a temporary file in the same
// directory (of the symlink's target when `path` is a symlink), gives it the original's permission bits, fsyncs it, renames it over `path` and
// fsyncs the directory. On failure the original is untouched, the temporary file is removed,
// `*error` says why and false is returned.
bool WriteFileAtomically(const std::string& path, std::string_view bytes, std::string* error);

}  // namespace tonelint
