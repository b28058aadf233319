#include "file_walker.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

using namespace tonelint;
namespace fs = std::filesystem;

namespace {

// A fresh directory tree under the temporary directory, removed at the end of the test.
class Tree {
 public:
  explicit Tree(const std::string& name)
      : root_(fs::temp_directory_path() / ("tonelint_walker_" + name)) {
    fs::remove_all(root_);
    fs::create_directories(root_);
  }
  ~Tree() { fs::remove_all(root_); }
  void File(const std::string& path, const std::string& text = "hola\n") const {
    fs::create_directories((root_ / path).parent_path());
    std::ofstream(root_ / path, std::ios::binary) << text;
  }
  void Dir(const std::string& path) const { fs::create_directories(root_ / path); }
  std::string root() const { return root_.string(); }
  // The walk of the tree's root, with the root prefix taken off each path.
  std::vector<std::string> Walk(const std::string& sub = "") const {
    std::vector<std::string> errors;
    const std::string start = sub.empty() ? root() : root() + "/" + sub;
    std::vector<std::string> files = ExpandPaths({start}, &errors);
    CHECK(errors.empty());
    for (std::string& file : files) file = file.substr(root().size() + 1);
    return files;
  }

 private:
  fs::path root_;
};

using Files = std::vector<std::string>;

}  // namespace

TEST_CASE("ExpandPaths keeps '-', files and missing paths as given, in order") {
  std::vector<std::string> errors;
  CHECK(ExpandPaths({"b.txt", "-", "no/such/file"}, &errors) == Files{"b.txt", "-", "no/such/file"});
  CHECK(errors.empty());
}

TEST_CASE("directories are walked in sorted order, hidden entries skipped") {
  const Tree tree("sorted");
  tree.File("b.txt");
  tree.File("a/z.txt");
  tree.File("a/b/c.md");
  tree.File("c.txt");
  tree.File(".hidden.txt");
  tree.File(".git/config");
  tree.File("a/.cache/x.txt");
  tree.Dir("empty");
  CHECK(tree.Walk() == Files{"a/b/c.md", "a/z.txt", "b.txt", "c.txt"});
}

TEST_CASE(".gitignore: patterns, negation, directories, subtree files") {
  const Tree tree("gitignore");
  tree.File(".gitignore", "*.bak\n/build/\ndrafts/\n*.txt\n!keep*.txt\n");
  tree.File("a.txt");
  tree.File("keep1.txt");
  tree.File("reply.md");
  tree.File("old.bak");
  tree.File("build/out.md");
  tree.File("sub/build/in-sub.md");  // /build is anchored to the root
  tree.File("sub/drafts/d.md");      // drafts/ matches at any depth
  tree.File("sub/.gitignore", "x.md\n!a.txt\n");
  tree.File("sub/x.md");
  tree.File("sub/a.txt");  // re-included by the deeper file
  tree.File("other/x.md");  // sub/.gitignore does not apply here
  CHECK(tree.Walk() == Files{"keep1.txt", "other/x.md", "reply.md", "sub/a.txt", "sub/build/in-sub.md"});
}

TEST_CASE(".tonelintignore applies too, and wins over .gitignore in the same directory") {
  const Tree tree("tonelintignore");
  tree.File(".gitignore", "*.md\n");
  tree.File(".tonelintignore", "!wanted.md\nnotes/**\n");
  tree.File("wanted.md");
  tree.File("other.md");
  tree.File("notes/a/b.txt");
  tree.File("reply.txt");
  CHECK(tree.Walk() == Files{"reply.txt", "wanted.md"});
}

TEST_CASE("ignore files above the walked directory apply up to the repository root") {
  const Tree tree("ancestors");
  tree.Dir("repo/.git");
  tree.File("repo/.gitignore", "*.bak\nreplies/es/tmp.txt\n");
  tree.File("repo/replies/es/a.txt");
  tree.File("repo/replies/es/a.bak");
  tree.File("repo/replies/es/tmp.txt");
  CHECK(tree.Walk("repo/replies") == Files{"repo/replies/es/a.txt"});
}

TEST_CASE("outside a repository, only the walked directory's own ignore files count") {
  const Tree tree("norepo");
  tree.File(".gitignore", "*.txt\n");
  tree.File("sub/a.txt");
  CHECK(tree.Walk("sub") == Files{"sub/a.txt"});
}

TEST_CASE("symbolic links: files followed, directories not") {
  const Tree tree("symlinks");
  tree.File("real/a.txt");
  std::error_code ec;
  fs::create_symlink(tree.root() + "/real/a.txt", tree.root() + "/link.txt", ec);
  fs::create_directory_symlink(tree.root() + "/real", tree.root() + "/loop", ec);
  fs::create_symlink(tree.root() + "/missing.txt", tree.root() + "/dangling.txt", ec);
  fs::create_symlink(tree.root() + "/real/a.txt", tree.root() + "/real/z-link.txt", ec);
  CHECK(tree.Walk() == Files{"link.txt", "real/a.txt", "real/z-link.txt"});
}

TEST_CASE("shown paths join the argument as given") {
  const Tree tree("shown");
  tree.File("x/a.txt");
  std::vector<std::string> errors;
  CHECK(ExpandPaths({tree.root() + "/x/"}, &errors) == Files{tree.root() + "/x/a.txt"});
}
