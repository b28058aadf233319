// Turns the PATH arguments into the list of files to lint (DESIGN.md §1): directories are walked
// recursively, in sorted order, so that the output is the same on every machine.
#pragma once

#include <string>
#include <vector>

namespace tonelint {

// Expands `paths` in order. "-" (standard input) and every path that is not a directory are
// kept as given, even when they do not exist (reading them reports that). A directory is
// replaced by the files under it:
//   - entries of each directory sorted by name (bytes), subdirectories walked where they sort;
//   - names starting with '.' are skipped (.git, .github, .tonelint, ...);
//   - .gitignore and .tonelintignore (ignore_rules.h) in each walked directory apply to its
//     subtree, the deeper file and .tonelintignore winning; those of the directories above the
//     given one, up to the root of its git repository (the first with a .git), apply too;
//   - symbolic links to files are followed, links to directories are not (no cycles);
//     sockets, FIFOs and devices are skipped;
//   - files are not opened here: binary ones are skipped with a note when read.
// Shown paths join the argument and the names with '/' ("replies" → "replies/es/a.txt").
// A directory that cannot be listed is reported in `errors` as "PATH: reason" and skipped.
std::vector<std::string> ExpandPaths(const std::vector<std::string>& paths,
                                     std::vector<std::string>* errors);

}  // namespace tonelint
