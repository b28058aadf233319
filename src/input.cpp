#include "input.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
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

InputText ReadInputFile(const std::string& path, std::size_t whole_limit) {
  // One open, one fstat and the reads: with -j over many small files, looking the path up again
  // for its type and size (and stdio's own fstat) cost as many system calls as the reading.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Failure(std::strerror(errno));
  struct stat info {};
  const bool stated = ::fstat(fd, &info) == 0;
  if (stated && S_ISDIR(info.st_mode)) {
    ::close(fd);
    return Failure("is a directory");
  }
  // A regular file's size is known (zero may mean unknown, as in /proc: read those to the end);
  // a FIFO or /dev/stdin is read in blocks until its end.
  constexpr std::size_t kBlock = std::size_t{1} << 16;
  const std::size_t size =
      stated && S_ISREG(info.st_mode) ? static_cast<std::size_t>(info.st_size) : 0;
  if (size > whole_limit) {
    ::close(fd);
    InputText large;
    large.status = ReadStatus::kLarge;
    return large;
  }
  std::string bytes(size > 0 ? size : kBlock, '\0');
  std::size_t used = 0;
  for (;;) {
    if (used == bytes.size()) {
      if (size > 0) break;  // a further read would only confirm the end
      bytes.resize(used + std::max(used, kBlock));
    }
    const ssize_t got = ::read(fd, bytes.data() + used, bytes.size() - used);
    if (got == 0) break;
    if (got < 0) {
      if (errno == EINTR) continue;
      const int error = errno;
      ::close(fd);
      return Failure(std::strerror(error));
    }
    used += static_cast<std::size_t>(got);
  }
  ::close(fd);
  bytes.resize(used);
  return Classify(std::move(bytes));
}

InputText ReadInputStream(std::istream& in) {
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return Failure("read error");
  return Classify(std::move(bytes));
}

}  // namespace tonelint
