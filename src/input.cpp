#include "input.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>

namespace tonelint {
namespace {

InputText Classify(std::string bytes) {
  InputText input;
  if (bytes.find('\0') != std::string::npos) {
    input.status = ReadStatus::kBinary;
    return input;
  }
  input.bytes = std::move(bytes);
  return input;
}

InputText Failure(std::string error) {
  InputText input;
  input.status = ReadStatus::kError;
  input.error = std::move(error);
  return input;
}

}  // namespace

InputText ReadInputFile(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    return Failure("is a directory");
  }
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) return Failure(std::strerror(errno));
  // Read in large blocks: a stream iterator costs tens of instructions per byte.
  std::string bytes;
  constexpr std::size_t kBlock = 1 << 20;
  std::size_t used = 0;
  for (;;) {
    bytes.resize(used + kBlock);
    const std::size_t got = std::fread(bytes.data() + used, 1, kBlock, file);
    used += got;
    if (got < kBlock) break;
  }
  const bool failed = std::ferror(file) != 0;
  const int error = errno;
  std::fclose(file);
  if (failed) return Failure(std::strerror(error));
  bytes.resize(used);
  return Classify(std::move(bytes));
}

InputText ReadInputStream(std::istream& in) {
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return Failure("read error");
  return Classify(std::move(bytes));
}

}  // namespace tonelint
