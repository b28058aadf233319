#include "input.h"

#include <cerrno>
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
  std::ifstream file(path, std::ios::binary);
  if (!file) return Failure(std::strerror(errno));
  std::string bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  if (file.bad()) return Failure(std::strerror(errno));
  return Classify(std::move(bytes));
}

InputText ReadInputStream(std::istream& in) {
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return Failure("read error");
  return Classify(std::move(bytes));
}

}  // namespace tonelint
