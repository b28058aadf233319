#include "fix.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include <fmt/format.h>

namespace tonelint {
namespace {

// Splits `text` into lines that keep their "\n" (the last one may lack it).
std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t end = text.find('\n', begin);
    end = end == std::string_view::npos ? text.size() : end + 1;
    lines.push_back(text.substr(begin, end - begin));
    begin = end;
  }
  return lines;
}

// A run of old lines [first, last] replaced by `lines`.
struct Change {
  std::size_t first = 0;
  std::size_t last = 0;
  std::vector<std::string> lines;
};

void AppendLine(char prefix, std::string_view line, std::string* out) {
  *out += prefix;
  out->append(line);
  if (line.empty() || line.back() != '\n') *out += "\n\\ No newline at end of file\n";
}

}  // namespace

std::vector<Edit> SafeEdits(std::string_view text, const std::vector<Finding>& findings) {
  std::vector<Edit> edits;
  for (const Finding& finding : findings) {
    if (finding.rule == nullptr || !finding.rule->fix_safe || finding.document_level ||
        finding.suggestions.empty() || finding.span.end <= finding.span.begin ||
        finding.span.end > text.size()) {
      continue;
    }
    const std::string_view current = text.substr(finding.span.begin, finding.span.end - finding.span.begin);
    if (current == finding.suggestions.front()) continue;
    edits.push_back({finding.span, finding.suggestions.front()});
  }
  std::stable_sort(edits.begin(), edits.end(),
                   [](const Edit& a, const Edit& b) { return a.span.begin < b.span.begin; });
  std::vector<Edit> kept;
  for (Edit& edit : edits) {
    if (!kept.empty() && edit.span.begin < kept.back().span.end) continue;
    kept.push_back(std::move(edit));
  }
  return kept;
}

std::string ApplyEdits(std::string_view text, const std::vector<Edit>& edits) {
  std::string out;
  out.reserve(text.size());
  std::size_t at = 0;
  for (const Edit& edit : edits) {
    out.append(text.substr(at, edit.span.begin - at));
    out += edit.replacement;
    at = edit.span.end;
  }
  out.append(text.substr(at));
  return out;
}

std::string UnifiedDiff(std::string_view before, const std::vector<Edit>& edits,
                        const std::string& path) {
  if (edits.empty()) return "";
  const std::vector<std::string_view> old_lines = SplitLines(before);
  std::vector<std::size_t> starts;  // byte offset of each old line
  for (std::size_t i = 0, offset = 0; i < old_lines.size(); offset += old_lines[i].size(), ++i) {
    starts.push_back(offset);
  }
  auto line_of = [&](std::size_t offset) {
    return static_cast<std::size_t>(std::upper_bound(starts.begin(), starts.end(), offset) -
                                    starts.begin()) - 1;
  };

  // Group the edits by the old lines they touch, and rewrite each group's lines.
  std::vector<Change> changes;
  for (std::size_t i = 0; i < edits.size();) {
    const std::size_t first = line_of(edits[i].span.begin);
    std::size_t last = line_of(std::max(edits[i].span.begin, edits[i].span.end - 1));
    std::size_t j = i + 1;
    while (j < edits.size() && line_of(edits[j].span.begin) <= last) {
      last = std::max(last, line_of(std::max(edits[j].span.begin, edits[j].span.end - 1)));
      ++j;
    }
    const std::size_t base = starts[first];
    const std::size_t end = starts[last] + old_lines[last].size();
    std::vector<Edit> local(edits.begin() + i, edits.begin() + j);
    for (Edit& edit : local) edit.span = {edit.span.begin - base, edit.span.end - base};
    const std::string rewritten = ApplyEdits(before.substr(base, end - base), local);
    Change change{first, last, {}};
    for (std::string_view line : SplitLines(rewritten)) change.lines.emplace_back(line);
    changes.push_back(std::move(change));
    i = j;
  }

  constexpr std::size_t kContext = 3;
  // "a//tmp/x" would be odd: an absolute path is shown without its leading '/'.
  const std::string_view shown = std::string_view(path).substr(path.find_first_not_of('/') == std::string::npos ? 0 : path.find_first_not_of('/'));
  std::string out = fmt::format("--- a/{}\n+++ b/{}\n", shown, shown);
  long delta = 0;  // new line number minus old line number before the current hunk
  for (std::size_t c = 0; c < changes.size();) {
    // A hunk: changes whose context would touch or overlap.
    std::size_t d = c + 1;
    while (d < changes.size() && changes[d].first - changes[d - 1].last - 1 <= 2 * kContext) ++d;
    const std::size_t old_first = changes[c].first >= kContext ? changes[c].first - kContext : 0;
    const std::size_t old_last = std::min(old_lines.size() - 1, changes[d - 1].last + kContext);
    std::string body;
    std::size_t old_count = 0, new_count = 0;
    std::size_t line = old_first;
    for (std::size_t k = c; k < d; ++k) {
      for (; line < changes[k].first; ++line, ++old_count, ++new_count) AppendLine(' ', old_lines[line], &body);
      for (; line <= changes[k].last; ++line, ++old_count) AppendLine('-', old_lines[line], &body);
      for (const std::string& added : changes[k].lines) {
        AppendLine('+', added, &body);
        ++new_count;
      }
    }
    for (; line <= old_last; ++line, ++old_count, ++new_count) AppendLine(' ', old_lines[line], &body);
    const long new_first = static_cast<long>(old_first) + delta;
    out += fmt::format("@@ -{},{} +{},{} @@\n", old_first + 1, old_count,
                       new_count == 0 ? new_first : new_first + 1, new_count);
    out += body;
    delta += static_cast<long>(new_count) - static_cast<long>(old_count);
    c = d;
  }
  return out;
}

bool WriteFileAtomically(const std::string& given_path, std::string_view bytes, std::string* error) {
  // Write through a symlink to its target rather than replacing the link by a file.
  std::error_code ec;
  const std::filesystem::path canonical = std::filesystem::canonical(given_path, ec);
  const std::string path = ec ? given_path : canonical.string();
  struct stat original {};
  if (::stat(path.c_str(), &original) != 0) {
    *error = std::strerror(errno);
    return false;
  }
  std::filesystem::path dir = std::filesystem::path(path).parent_path();
  if (dir.empty()) dir = ".";
  std::string temp = (dir / ("." + std::filesystem::path(path).filename().string() + ".tonelint-XXXXXX")).string();
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) {
    *error = std::string("cannot create a temporary file: ") + std::strerror(errno);
    return false;
  }
  auto fail = [&](const char* what) {
    *error = std::string(what) + ": " + std::strerror(errno);
    ::close(fd);
    ::unlink(temp.c_str());
    return false;
  };
  for (std::size_t written = 0; written < bytes.size();) {
    const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail("write failed");
    }
    written += static_cast<std::size_t>(n);
  }
  if (::fchmod(fd, original.st_mode & 07777) != 0) return fail("cannot keep the permissions");
  // Keep the owner where we may (as root, or a group we belong to); failure is not fatal.
  [[maybe_unused]] const int chown_result = ::fchown(fd, original.st_uid, original.st_gid);
  if (::fsync(fd) != 0) return fail("fsync failed");
  if (::close(fd) != 0) {
    *error = std::string("close failed: ") + std::strerror(errno);
    ::unlink(temp.c_str());
    return false;
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    *error = std::string("rename failed: ") + std::strerror(errno);
    ::unlink(temp.c_str());
    return false;
  }
  const int dir_fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (dir_fd >= 0) {
    ::fsync(dir_fd);
    ::close(dir_fd);
  }
  return true;
}

}  // namespace tonelint
