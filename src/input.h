// Reading the texts to lint: files and standard input.
#pragma once

#include <cstddef>
#include <istream>
#include <limits>
#include <string>
#include <string_view>

namespace tonelint {

// kLarge: a regular file larger than the caller reads whole (ReadInputFile's `whole_limit`),
// left unread for it to stream.
enum class ReadStatus { kOk, kBinary, kError, kLarge };

struct InputText {
  ReadStatus status = ReadStatus::kOk;
  std::string bytes;  // the contents when kOk
  std::string error;  // why it could not be read (kError), e.g. "No such file or directory"
};

// ReadInputFile's `whole_limit` for a file read whole whatever its size.
inline constexpr std::size_t kReadWhole = std::numeric_limits<std::size_t>::max();

// Reads a whole file. A file with a NUL byte is kBinary (replies are text; a NUL means an image,
// an archive or UTF-16). A directory is kError ("is a directory"): file_walker.h expands them.
// A regular file of more than `whole_limit` bytes is kLarge and not read; the size is the
// opened file's, so the caller needs no stat of the path to decide. A regular file is read up
// to the size it had when opened: one read for a small one, none more to see its end.
InputText ReadInputFile(const std::string& path, std::size_t whole_limit = kReadWhole);

// Reads all of `in` (standard input, a pipe or a FIFO) with the same binary check.
InputText ReadInputStream(std::istream& in);

}  // namespace tonelint
