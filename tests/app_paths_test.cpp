// Run() with directories, -j and the new output formats, in memory.
#include <doctest/doctest.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "app.h"

using namespace tonelint;
namespace fs = std::filesystem;

namespace {

struct Output {
  int exit_code;
  std::string out;
  std::string err;
};

class TempTree {
 public:
  TempTree() : root_(fs::temp_directory_path() / "tonelint_app_paths_test") {
    fs::remove_all(root_);
    fs::create_directories(root_);
  }
  ~TempTree() { fs::remove_all(root_); }
  std::string Write(const std::string& path, const std::string& text) const {
    fs::create_directories((root_ / path).parent_path());
    std::ofstream(root_ / path, std::ios::binary) << text;
    return (root_ / path).string();
  }
  std::string root() const { return root_.string(); }

 private:
  fs::path root_;
};

const char* kRules = R"(rule TL1001 insult-direct
lang es
category insult
severity error
message Insulto.
match idiota

rule TL1801 shouting-exclamations
lang es
category shouting
severity info
message Demasiados signos.
regex !{3,}
)";

// Directories nested in `parent` until their absolute path is longer than PATH_MAX, made a level
// at a time from the one above (the whole path cannot be given): listing the deepest fails with
// "File name too long", a walk error even when the tests run as root. Removed the same way, as
// std::filesystem cannot; declare it after the TempTree it is in.
class TooDeep {
 public:
  explicit TooDeep(const std::string& parent) : parent_(parent) {
    int dir = ::open(parent.c_str(), O_RDONLY | O_DIRECTORY);
    for (int level = 0; level < 25 && dir >= 0; ++level) {
      ::mkdirat(dir, kName.c_str(), 0700);
      const int below = ::openat(dir, kName.c_str(), O_RDONLY | O_DIRECTORY);
      ::close(dir);
      dir = below;
    }
    if (dir >= 0) ::close(dir);
  }
  ~TooDeep() {
    const int dir = ::open(parent_.c_str(), O_RDONLY | O_DIRECTORY);
    Remove(dir);
    ::close(dir);
  }

 private:
  static void Remove(int parent) {
    const int dir = ::openat(parent, kName.c_str(), O_RDONLY | O_DIRECTORY);
    if (dir < 0) return;
    Remove(dir);
    ::close(dir);
    ::unlinkat(parent, kName.c_str(), AT_REMOVEDIR);
  }
  inline static const std::string kName = std::string(200, 'd');
  std::string parent_;
};

Output RunOn(const TempTree& tree, Options options) {
  options.rule_sources.bundled = false;
  options.rule_sources.paths = {tree.Write("rules/test.rules", kRules)};
  std::istringstream in;
  std::ostringstream out, err;
  const int code = Run(options, in, out, err);
  return {code, out.str(), err.str()};
}

}  // namespace

TEST_CASE("a directory is linted file by file, in sorted order; ignore files apply") {
  const TempTree tree;
  tree.Write("replies/b.txt", "Usted es un idiota.\n");
  tree.Write("replies/a.txt", "Listo!!!\n");
  tree.Write("replies/skip.bak", "Usted es un idiota.\n");
  tree.Write("replies/.gitignore", "*.bak\n");
  Options options;
  options.paths = {tree.root() + "/replies"};
  const Output result = RunOn(tree, options);
  CHECK(result.exit_code == kExitFindings);
  const std::size_t a = result.out.find("replies/a.txt:1:6: info:");
  const std::size_t b = result.out.find("replies/b.txt:1:13: error:");
  CHECK(a != std::string::npos);
  CHECK(b != std::string::npos);
  CHECK(a < b);
  CHECK(result.out.find("skip.bak") == std::string::npos);
  CHECK(result.err == "1 error, 1 info in 2 files\n");
}

TEST_CASE("-j 4 gives the same output, notes and exit status as -j 1") {
  const TempTree tree;
  for (int i = 0; i < 40; ++i) {
    std::string text = i % 3 == 0 ? "Usted es un idiota.\n" : "Gracias por escribirnos.\n";
    if (i % 7 == 0) text = "Hola\xff usted es un idiota!!!\n";  // a note on stderr
    if (i % 11 == 0) text = std::string("bin\0ary", 7);         // skipped with a note
    tree.Write("corpus/r" + std::to_string(100 + i) + ".txt", text);
  }
  for (OutputFormat format : {OutputFormat::kText, OutputFormat::kJson, OutputFormat::kSarif,
                              OutputFormat::kGithub}) {
    Options options;
    options.format = format;
    options.paths = {tree.root() + "/corpus", tree.root() + "/missing.txt"};
    const Output one = RunOn(tree, options);
    options.jobs = 4;
    const Output four = RunOn(tree, options);
    CHECK(one.exit_code == kExitInputError);
    CHECK(four.exit_code == one.exit_code);
    CHECK(four.out == one.out);
    CHECK(four.err == one.err);
    CHECK(one.err.find("binary file") != std::string::npos);
    CHECK(one.err.find("invalid UTF-8") != std::string::npos);
  }
}

TEST_CASE("-j 2 walks during the rule load; a rule or config error ends the run as with -j 1") {
  const TempTree tree;
  for (int i = 0; i < 20; ++i) {
    tree.Write("corpus/sub" + std::to_string(i % 3) + "/r" + std::to_string(i) + ".txt",
               "Usted es un idiota.\n");
  }
  Options options;
  options.paths = {tree.root() + "/corpus"};
  options.rule_sources.bundled = false;
  options.rule_sources.paths = {tree.Write("rules/bad.rules", "rule TL1001\nmatch (\n")};
  for (const bool bad_config : {false, true}) {
    CAPTURE(bad_config);
    if (bad_config) {
      options.rule_sources.paths = {tree.Write("rules/test.rules", kRules)};
      tree.Write("corpus/.tonelint", "no such key = 1\n");
    }
    std::vector<Output> outputs;
    for (std::size_t jobs : {1, 2}) {
      options.jobs = jobs;
      std::istringstream in;
      std::ostringstream out, err;
      const int code = Run(options, in, out, err);
      outputs.push_back({code, out.str(), err.str()});
    }
    CHECK(outputs[0].exit_code == (bad_config ? kExitUsageError : kExitRuleError));
    CHECK(outputs[1].exit_code == outputs[0].exit_code);
    CHECK(outputs[0].out.empty());
    CHECK(outputs[1].out.empty());
    CHECK(!outputs[0].err.empty());
    CHECK(outputs[1].err == outputs[0].err);
  }
}

TEST_CASE("-j 2 prints the walk's errors where -j 1 does, though it walks while the rules load") {
  const TempTree tree;
  tree.Write("corpus/a.txt", "Usted es un idiota.\n");
  tree.Write("corpus/z.txt", "Listo!!!\n");
  const TooDeep too_deep(tree.root() + "/corpus");  // sorts between a.txt and z.txt
  Options options;
  options.paths = {tree.root() + "/corpus", tree.root() + "/missing.txt"};
  const Output one = RunOn(tree, options);
  options.jobs = 2;
  const Output two = RunOn(tree, options);
  CHECK(one.exit_code == kExitInputError);
  CHECK(one.err.find(": File name too long\n") != std::string::npos);
  CHECK(one.out.find("z.txt") != std::string::npos);
  CHECK(two.exit_code == one.exit_code);
  CHECK(two.out == one.out);
  CHECK(two.err == one.err);
}

TEST_CASE("--format github and sarif through Run") {
  const TempTree tree;
  const std::string path = tree.Write("r.txt", "Usted es un idiota.\n");
  Options options;
  options.paths = {path};
  options.format = OutputFormat::kGithub;
  Output result = RunOn(tree, options);
  CHECK(result.out == "::error file=" + path + ",line=1,col=13,endLine=1,endColumn=18,"
                      "title=TL1001 insult-direct::Insulto.\n");
  options.format = OutputFormat::kSarif;
  result = RunOn(tree, options);
  CHECK(result.out.find("\"columnKind\": \"unicodeCodePoints\"") != std::string::npos);
  CHECK(result.out.find("\"region\": {\"startLine\": 1, \"startColumn\": 13, \"endLine\": 1, "
                        "\"endColumn\": 19") != std::string::npos);
  CHECK(result.err.empty());
}

TEST_CASE("files without notes do not flush the output, which std::cerr is tied to") {
  // An output that counts its flushes.
  struct CountingBuffer : std::stringbuf {
    int syncs = 0;
    int sync() override {
      ++syncs;
      return std::stringbuf::sync();
    }
  };
  const TempTree tree;
  for (int i = 0; i < 30; ++i) {
    tree.Write("corpus/r" + std::to_string(100 + i) + ".txt", "Usted es un idiota.\n");
  }
  Options options;
  options.paths = {tree.root() + "/corpus"};
  options.rule_sources.bundled = false;
  options.rule_sources.paths = {tree.Write("rules/test.rules", kRules)};
  for (std::size_t jobs : {1, 2}) {
    options.jobs = jobs;
    CountingBuffer out_buffer;
    std::ostream out(&out_buffer);
    std::ostringstream err;
    err.tie(&out);
    std::istringstream in;
    CHECK(Run(options, in, out, err) == kExitFindings);
    CHECK(out_buffer.str().find("r129.txt:1:13: error:") != std::string::npos);
    CHECK(out_buffer.syncs <= 2);  // the summary on err, and the end of the run
  }
}
