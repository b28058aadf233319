// Reading the texts to lint: files and standard input.
#pragma once

#include <istream>
#include <string>
#include <string_view>

namespace tonelint {

enum class ReadStatus { kOk, kBinary, kError };

struct InputText {
  ReadStatus status = ReadStatus::kOk;
  std::string bytes;  // the contents when kOk
  std::string error;  // why it could not be read (kError), e.g. "No such file or directory"
};

// Reads a whole file. A file with a NUL byte is kBinary (replies are text; a NUL means an image,
// an archive or UTF-16). A directory is kError ("is a directory"): file_walker.h expands them.
InputText ReadInputFile(const std::string& path);

// Reads all of `in` (standard input, a pipe or a FIFO) with the same binary check.
InputText ReadInputStream(std::istream& in);

}  // namespace tonelint
