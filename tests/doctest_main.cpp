#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <stdlib.h>

#include <cstdio>
#include <filesystem>
#include <string>
#include <system_error>

// The tests write under std::filesystem::temp_directory_path() with fixed names. Two runs of the
// suite at once (two checkouts on one machine, a shared CI runner) would then delete each
// other's files, so each run gets a directory of its own through TMPDIR, which that function
// reads, and removes it at the end.
int main(int argc, char** argv) {
  std::string scratch =
      (std::filesystem::temp_directory_path() / "tonelint_tests_XXXXXX").string();
  if (mkdtemp(scratch.data()) == nullptr) {
    std::perror(("tonelint_tests: cannot create " + scratch).c_str());
    return 2;
  }
  setenv("TMPDIR", scratch.c_str(), 1);
  doctest::Context context(argc, argv);
  const int result = context.run();
  std::error_code ignored;
  std::filesystem::remove_all(scratch, ignored);
  return result;
}
