// --fix / --diff: choosing edits, applying them, the unified diff, the atomic write.
#include "fix.h"

#include <doctest/doctest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <iterator>

using namespace tonelint;
namespace fs = std::filesystem;

namespace {

Rule SafeRule() {
  Rule rule;
  rule.id = "TL1801";
  rule.name = "shouting-exclamations";
  rule.fix_safe = true;
  return rule;
}

Finding At(const Rule& rule, std::size_t begin, std::size_t end, std::string suggestion) {
  Finding finding;
  finding.rule = &rule;
  finding.span = {begin, end};
  finding.suggestions.push_back(std::move(suggestion));
  return finding;
}

std::string ReadAll(const fs::path& path) {
  std::ifstream file(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST_CASE("fix: only safe rules with a suggestion; overlapping edits after the first are skipped") {
  const Rule safe = SafeRule();
  Rule unsafe = SafeRule();
  unsafe.fix_safe = false;
  const std::string text = "Listo!!! Ya!!!! Bien!";
  std::vector<Finding> findings = {At(safe, 11, 15, "!"), At(unsafe, 5, 8, "!"), At(safe, 5, 8, "!"),
                                   At(safe, 6, 10, "?"), At(safe, 20, 21, "!")};
  findings.push_back(At(safe, 0, 0, "x"));  // empty span: nothing to replace
  Finding document = At(safe, 0, 5, "y");
  document.document_level = true;
  findings.push_back(document);
  const std::vector<Edit> edits = SafeEdits(text, findings);
  REQUIRE(edits.size() == 2);  // 6..10 overlaps 5..8; 20..21 already reads "!"
  CHECK(edits[0].span == ByteRange{5, 8});
  CHECK(edits[1].span == ByteRange{11, 15});
  CHECK(ApplyEdits(text, edits) == "Listo! Ya! Bien!");
}

TEST_CASE("fix: bytes outside the edits are kept exactly") {
  const std::string text = "a\r\n\xC3\xB1!!!\tb  \n\n";
  const std::vector<Edit> edits = {{{5, 8}, "!"}};
  CHECK(ApplyEdits(text, edits) == "a\r\n\xC3\xB1!\tb  \n\n");
  CHECK(ApplyEdits(text, {}) == text);
}

TEST_CASE("fix: unified diff with 3 lines of context, hunks merged or split") {
  std::string text;
  for (int i = 1; i <= 20; ++i) text += "line " + std::to_string(i) + (i == 2 || i == 18 ? "!!!" : "") + "\n";
  std::vector<Edit> edits;
  const std::size_t first = text.find("!!!"), second = text.find("!!!", first + 1);
  edits.push_back({{first, first + 3}, "!"});
  edits.push_back({{second, second + 3}, "!"});
  CHECK(UnifiedDiff(text, edits, "r.txt") ==
        "--- a/r.txt\n+++ b/r.txt\n"
        "@@ -1,5 +1,5 @@\n line 1\n-line 2!!!\n+line 2!\n line 3\n line 4\n line 5\n"
        "@@ -15,6 +15,6 @@\n line 15\n line 16\n line 17\n-line 18!!!\n+line 18!\n line 19\n line 20\n");
  // Changes six lines apart share one hunk.
  const std::size_t near = text.find("line 9\n") + 6;
  CHECK(UnifiedDiff(text, {{{first, first + 3}, "!"}, {{near, near}, "?"}}, "r.txt")
            .find("@@ -1,12 +1,12 @@\n") != std::string::npos);
  CHECK(UnifiedDiff(text, {}, "r.txt").empty());
}

TEST_CASE("fix: diff of a last line without a newline, and of a replacement with a newline") {
  CHECK(UnifiedDiff("a\nb!!!", {{{3, 6}, "!"}}, "x") ==
        "--- a/x\n+++ b/x\n@@ -1,2 +1,2 @@\n a\n-b!!!\n\\ No newline at end of file\n+b!\n"
        "\\ No newline at end of file\n");
  CHECK(UnifiedDiff("a!!!\nb\n", {{{1, 4}, "!\nc"}}, "x") ==
        "--- a/x\n+++ b/x\n@@ -1,2 +1,3 @@\n-a!!!\n+a!\n+c\n b\n");
}

TEST_CASE("fix: atomic write keeps permissions and leaves no temporary file") {
  const fs::path dir = fs::temp_directory_path() / "tonelint_fix_test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  const fs::path file = dir / "reply.txt";
  std::ofstream(file, std::ios::binary) << "old";
  ::chmod(file.c_str(), 0640);
  std::string error;
  REQUIRE(WriteFileAtomically(file.string(), "new\r\n", &error));
  CHECK(ReadAll(file) == "new\r\n");
  struct stat info {};
  ::stat(file.c_str(), &info);
  CHECK((info.st_mode & 07777) == 0640);
  CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);
  // Through a symlink: the target changes, the link stays a link.
  const fs::path link = dir / "link.txt";
  fs::create_symlink(file, link);
  REQUIRE(WriteFileAtomically(link.string(), "via link", &error));
  CHECK(fs::is_symlink(link));
  CHECK(ReadAll(file) == "via link");
  CHECK_FALSE(WriteFileAtomically((dir / "missing.txt").string(), "x", &error));
  CHECK_FALSE(error.empty());
  fs::remove_all(dir);
}
