#include "input.h"

#include <doctest/doctest.h>

#include <sys/stat.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

using namespace tonelint;
namespace fs = std::filesystem;

namespace {

// A path in this file's own directory under the temporary one (emptied once per run).
std::string PathOf(const std::string& name) {
  static const fs::path directory = [] {
    const fs::path made = fs::temp_directory_path() / "tonelint_input_test";
    fs::remove_all(made);
    fs::create_directories(made);
    return made;
  }();
  return (directory / name).string();
}

std::string Write(const std::string& name, const std::string& bytes) {
  std::ofstream(PathOf(name), std::ios::binary) << bytes;
  return PathOf(name);
}

}  // namespace

TEST_CASE("ReadInputFile reads a file whole, whatever its size") {
  for (std::size_t size : {0, 1, 4095, 65536, 65537, 300000}) {
    std::string text(size, 'a');
    for (std::size_t i = 0; i < size; i += 7) text[i] = '\n';
    const InputText input = ReadInputFile(Write("f.txt", text));
    CHECK(input.status == ReadStatus::kOk);
    CHECK(input.bytes == text);
  }
}

TEST_CASE("ReadInputFile: a NUL byte is binary; a directory or a missing file is an error") {
  CHECK(ReadInputFile(Write("nul.bin", std::string("ab\0cd", 5))).status ==
        ReadStatus::kBinary);
  const InputText directory = ReadInputFile(PathOf(""));
  CHECK(directory.status == ReadStatus::kError);
  CHECK(directory.error == "is a directory");
  const InputText missing = ReadInputFile(PathOf("missing.txt"));
  CHECK(missing.status == ReadStatus::kError);
  CHECK(missing.error == "No such file or directory");
}

TEST_CASE("ReadInputFile reads a FIFO, which has no size, to its end") {
  const std::string fifo = PathOf("fifo");
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  const std::string text = std::string(200000, 'x') + "\n";
  // A reader that stops early must fail the checks below, not kill the tests with SIGPIPE.
  std::signal(SIGPIPE, SIG_IGN);
  std::thread writer([&] { std::ofstream(fifo, std::ios::binary) << text; });
  const InputText input = ReadInputFile(fifo);
  writer.join();
  CHECK(input.status == ReadStatus::kOk);
  CHECK(input.bytes == text);
}

TEST_CASE("ReadInputFile leaves a regular file over its whole_limit unread, as kLarge") {
  const std::string text(1000, 'a');
  const std::string path = Write("limit.txt", text);
  CHECK(ReadInputFile(path, 999).status == ReadStatus::kLarge);
  CHECK(ReadInputFile(path, 999).bytes.empty());
  CHECK(ReadInputFile(path, 1000).bytes == text);
  CHECK(ReadInputFile(PathOf("missing.txt"), 0).status == ReadStatus::kError);
  CHECK(ReadInputFile(PathOf(""), 0).status == ReadStatus::kError);
}

TEST_CASE("ReadInputFile reads a FIFO whole whatever its whole_limit: it has no size") {
  const std::string fifo = PathOf("fifo-limit");
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  const std::string text(5000, 'y');
  std::signal(SIGPIPE, SIG_IGN);
  std::thread writer([&] { std::ofstream(fifo, std::ios::binary) << text; });
  const InputText input = ReadInputFile(fifo, 10);
  writer.join();
  CHECK(input.status == ReadStatus::kOk);
  CHECK(input.bytes == text);
}
