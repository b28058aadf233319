#include "file_walker.h"

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "ignore_rules.h"

namespace tonelint {
namespace {

namespace fs = std::filesystem;

constexpr const char* kIgnoreFiles[] = {".gitignore", ".tonelintignore"};

// The ignore rules of one directory, for the paths under it.
struct Layer {
  std::string base;  // absolute, ending in '/'
  IgnoreRules rules;
};

// The patterns of `dir`'s ignore files, .tonelintignore after (so over) .gitignore.
IgnoreRules LoadIgnoreRules(const std::string& dir) {
  IgnoreRules rules;
  for (const char* name : kIgnoreFiles) {
    std::ifstream file(dir + "/" + name, std::ios::binary);
    if (!file) continue;
    const std::string text((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    rules.Append(IgnoreRules::Parse(text));
  }
  return rules;
}

std::string Join(const std::string& dir, const std::string& name) {
  if (dir.empty() || dir.back() == '/') return dir + name;
  return dir + "/" + name;
}

struct Entry {
  std::string name;
  bool is_dir;
};

// Appends the entries of `dir_abs` that are walked: subdirectories (not links to them) and
// regular files (or links to them), not hidden ones. Returns 0, or the errno that stopped the
// listing. readdir's own type (d_type) is used as it is: a stat per entry, or an fs::path built
// for each as directory_iterator does, was most of the walk's cost, which is serial time for -j.
// Only a link (followed) or an entry of unknown type is stat'ed.
int ListEntries(const std::string& dir_abs, std::vector<Entry>* entries) {
  DIR* dir = ::opendir(dir_abs.c_str());
  if (dir == nullptr) return errno;
  int error = 0;
  for (;;) {
    errno = 0;
    const dirent* entry = ::readdir(dir);
    if (entry == nullptr) {
      error = errno;
      break;
    }
    if (entry->d_name[0] == '.') continue;
    unsigned char type = entry->d_type;
    bool link = type == DT_LNK;
    if (link || type == DT_UNKNOWN) {
      struct stat info {};
      const std::string path = Join(dir_abs, entry->d_name);
      if (!link) {
        if (::lstat(path.c_str(), &info) != 0) continue;
        link = S_ISLNK(info.st_mode);
      }
      if (link && ::stat(path.c_str(), &info) != 0) continue;  // a dangling link
      type = S_ISDIR(info.st_mode) ? DT_DIR : S_ISREG(info.st_mode) ? DT_REG : DT_UNKNOWN;
    }
    if (type == DT_DIR && !link) {
      entries->push_back({entry->d_name, true});
    } else if (type == DT_REG) {
      entries->push_back({entry->d_name, false});
    }
  }
  ::closedir(dir);
  return error;
}

class Walker {
 public:
  Walker(std::vector<std::string>* files, std::vector<std::string>* errors)
      : files_(files), errors_(errors) {}

  void Walk(const std::string& root) {
    std::error_code ec;
    std::string root_abs = fs::absolute(root, ec).lexically_normal().string();
    while (root_abs.size() > 1 && root_abs.back() == '/') root_abs.pop_back();
    layers_.clear();
    PushAncestors(root_abs);
    Recurse(root, root_abs);
  }

 private:
  // The ignore files of the directories above `dir_abs`, up to its git repository's root; none
  // when it is not in a repository.
  void PushAncestors(const std::string& dir_abs) {
    std::vector<fs::path> above;
    std::error_code ec;
    if (fs::exists(fs::path(dir_abs) / ".git", ec)) return;
    for (fs::path p = fs::path(dir_abs).parent_path();; p = p.parent_path()) {
      above.push_back(p);
      if (fs::exists(p / ".git", ec)) break;
      if (p == p.root_path() || p.empty()) return;  // not in a repository
    }
    std::reverse(above.begin(), above.end());
    for (const fs::path& dir : above) Push(dir.string());
  }

  void Push(const std::string& dir_abs) {
    IgnoreRules rules = LoadIgnoreRules(dir_abs);
    if (!rules.empty()) layers_.push_back({Join(dir_abs, ""), std::move(rules)});
  }

  bool Ignored(const std::string& path_abs, bool is_dir) const {
    for (auto layer = layers_.rbegin(); layer != layers_.rend(); ++layer) {
      const std::string_view relative = std::string_view(path_abs).substr(layer->base.size());
      switch (layer->rules.Match(relative, is_dir)) {
        case IgnoreRules::Verdict::kIgnore: return true;
        case IgnoreRules::Verdict::kInclude: return false;
        case IgnoreRules::Verdict::kNone: break;
      }
    }
    return false;
  }

  void Recurse(const std::string& shown, const std::string& dir_abs) {
    const std::size_t depth = layers_.size();
    Push(dir_abs);
    std::vector<Entry> entries;
    if (const int error = ListEntries(dir_abs, &entries)) {
      errors_->push_back(shown + ": " + std::strerror(error));
    }
    std::sort(entries.begin(), entries.end(),
              [](const Entry& a, const Entry& b) { return a.name < b.name; });
    for (const Entry& entry : entries) {
      const std::string path_abs = Join(dir_abs, entry.name);
      if (Ignored(path_abs, entry.is_dir)) continue;
      if (entry.is_dir) {
        Recurse(Join(shown, entry.name), path_abs);
      } else {
        files_->push_back(Join(shown, entry.name));
      }
    }
    layers_.resize(depth);
  }

  std::vector<std::string>* files_;
  std::vector<std::string>* errors_;
  std::vector<Layer> layers_;
};

}  // namespace

std::vector<std::string> ExpandPaths(const std::vector<std::string>& paths,
                                     std::vector<std::string>* errors) {
  std::vector<std::string> files;
  Walker walker(&files, errors);
  for (const std::string& path : paths) {
    std::error_code ec;
    if (path != "-" && fs::is_directory(path, ec)) {
      walker.Walk(path);
    } else {
      files.push_back(path);
    }
  }
  return files;
}

}  // namespace tonelint
