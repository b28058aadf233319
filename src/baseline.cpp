#include "baseline.h"

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <utility>

#include <fmt/format.h>

#include "fix.h"

namespace tonelint {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view kHeader = "# tonelint baseline 1\n";

std::uint64_t Fnv1a(std::string_view bytes) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (unsigned char c : bytes) {
    hash ^= c;
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

// Lower-cased (ASCII; other letters are kept as written), blanks and line ends made one space.
std::string NormalizeText(std::string_view text) {
  std::string out;
  bool blank = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      blank = true;
      continue;
    }
    if (blank && !out.empty()) out += ' ';
    blank = false;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

bool IsFingerprint(std::string_view field) {
  if (field.size() != 16) return false;
  for (char c : field) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

}  // namespace

Baseline::Baseline(std::string path) : path_(std::move(path)) {
  std::error_code ec;
  dir_ = fs::absolute(fs::path(path_).parent_path().empty() ? fs::path(".")
                                                             : fs::path(path_).parent_path(),
                      ec)
             .lexically_normal()
             .string();
}

std::string Baseline::RelativePath(const std::string& input_path) const {
  if (input_path == "-") return "<stdin>";
  std::error_code ec;
  const fs::path absolute = fs::absolute(input_path, ec).lexically_normal();
  return absolute.lexically_relative(dir_).generic_string();
}

bool Baseline::Load(std::vector<Diagnostic>* errors) {
  std::ifstream file(path_, std::ios::binary);
  if (!file) {
    errors->push_back(DiagnosticAt(path_, 0, "cannot read the baseline file"));
    return false;
  }
  const std::string text((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  bool ok = true;
  std::size_t number = 0, begin = 0;
  while (begin < text.size()) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string::npos) end = text.size();
    std::string_view line(text.data() + begin, end - begin);
    ++number;
    begin = end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    const std::string_view field = line.substr(0, line.find('\t'));
    if (!IsFingerprint(field)) {
      errors->push_back(DiagnosticAt(path_, number,
                         "not a baseline line (expected a 16-digit hex fingerprint, a tab, then "
                         "the path, rule and text); write the file with --write-baseline"));
      ok = false;
      continue;
    }
    known_.emplace(field);
  }
  return ok;
}

std::vector<std::string> Baseline::Fingerprints(const std::string& input_path,
                                                const SourceText& source,
                                                const std::vector<Finding>& findings) const {
  const std::string relative = RelativePath(input_path);
  std::map<std::pair<std::string, std::string>, std::size_t> seen;
  std::vector<std::string> out;
  out.reserve(findings.size());
  for (const Finding& finding : findings) {
    const std::string id = finding.rule ? finding.rule->id : "";
    const std::string text = NormalizeText(std::string_view(source.text()).substr(
        finding.span.begin, finding.span.end - finding.span.begin));
    const std::size_t occurrence = seen[{id, text}]++;
    const std::string key = fmt::format("{}\n{}\n{}\n{}", relative, id, text, occurrence);
    out.push_back(fmt::format("{:016x}", Fnv1a(key)));
  }
  return out;
}

void Baseline::Filter(const std::string& input_path, const SourceText& source,
                      std::vector<Finding>* findings) const {
  if (findings->empty()) return;
  const std::vector<std::string> fingerprints = Fingerprints(input_path, source, *findings);
  std::vector<Finding> kept;
  for (std::size_t i = 0; i < findings->size(); ++i) {
    if (!known_.contains(fingerprints[i])) kept.push_back(std::move((*findings)[i]));
  }
  *findings = std::move(kept);
}

void Baseline::Record(const std::string& input_path, const SourceText& source,
                      const std::vector<Finding>& findings) {
  const std::vector<std::string> fingerprints = Fingerprints(input_path, source, findings);
  const std::string relative = RelativePath(input_path);
  for (std::size_t i = 0; i < findings.size(); ++i) {
    const Finding& finding = findings[i];
    std::string text = source.text().substr(finding.span.begin, finding.span.end - finding.span.begin);
    for (char& c : text) {
      if (c == '\t' || c == '\n' || c == '\r') c = ' ';
    }
    lines_.push_back(fmt::format("{}\t{}\t{}\t{}", fingerprints[i], relative,
                                 finding.rule ? finding.rule->id : "", text));
  }
}

bool Baseline::Save(std::string* error) const {
  std::string contents(kHeader);
  for (const std::string& line : lines_) contents += line + "\n";
  std::error_code ec;
  if (!fs::exists(path_, ec)) {
    // WriteFileAtomically replaces an existing file; create it first so it has one.
    std::ofstream create(path_, std::ios::binary);
    if (!create) {
      *error = "cannot create the baseline file";
      return false;
    }
  }
  return WriteFileAtomically(path_, contents, error);
}

}  // namespace tonelint
