#include "input.h"

#include <algorithm>
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
  // One read of the file's size when it has one (a regular file); blocks otherwise (a FIFO,
  // /dev/stdin). A stream iterator costs tens of instructions per byte.
  std::string bytes;
  std::error_code size_error;
  const auto size = std::filesystem::file_size(path, size_error);
  std::size_t block = size_error ? std::size_t{1} << 16 : static_cast<std::size_t>(size) + 1;
  std::size_t used = 0;
  for (;;) {
    bytes.resize(used + block);
    const std::size_t got = std::fread(bytes.data() + used, 1, block, file);
    used += got;
    if (got < block) break;
    block = std::max<std::size_t>(block, std::size_t{1} << 16);
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
