// .gitignore-style ignore files (.gitignore, .tonelintignore): the common subset of git's syntax.
//
//   # comment            blank lines and lines starting with '#' are skipped ("\#" is a '#')
//   *.bak                '*' any run of characters but '/', '?' one character but '/',
//   draft?.txt           '[a-z]' / '[!a-z]' a character class, '\' escapes the next character
//   /build               a leading '/', or a '/' in the middle, anchors the pattern to the
//   docs/old/*.md        directory of the ignore file; otherwise it matches a name at any depth
//   **/drafts, a/**/b    '**' between slashes matches zero or more directories; a trailing
//   logs/**              "/**" everything inside
//   tmp/                 a trailing '/' matches directories only
//   !keep.txt            '!' re-includes what an earlier pattern ignored ("\!" is a '!')
//
// Later patterns win over earlier ones, and a deeper file's over a shallower one's (see
// FileWalker). As in git, nothing inside an ignored directory can be re-included: the walker
// never enters it. Not supported: git's global excludes and .git/info/exclude.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tonelint {

// Whether `text` matches the glob `pattern` ('*', '?', '[...]', '\\', '**' as above). Both use
// '/' as the separator.
bool GlobMatch(std::string_view pattern, std::string_view text);

class IgnoreRules {
 public:
  enum class Verdict { kNone, kIgnore, kInclude };

  // Parses the contents of one ignore file. Never fails: a line that is not a pattern is skipped.
  static IgnoreRules Parse(std::string_view text);

  // The verdict of the last pattern that matches `path` (relative to the ignore file's
  // directory, '/'-separated, without "./"), kNone when none does.
  Verdict Match(std::string_view path, bool is_dir) const;

  bool empty() const { return patterns_.empty(); }
  // Appends `other`'s patterns after this one's (they win over this one's).
  void Append(const IgnoreRules& other);

 private:
  struct Pattern {
    std::string glob;
    bool negated = false;
    bool dir_only = false;
    bool anchored = false;  // matched against the whole path, not just the last name
  };
  std::vector<Pattern> patterns_;
};

}  // namespace tonelint
