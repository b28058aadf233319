// --baseline: fingerprints survive moved lines, count repeats, and read back.
#include "baseline.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

using namespace tonelint;
namespace fs = std::filesystem;

namespace {

const Rule& Insult() {
  static const Rule rule = [] {
    Rule r;
    r.id = "TL1001";
    r.name = "insult-direct";
    return r;
  }();
  return rule;
}

std::vector<Finding> FindingsOf(const SourceText& source, const std::string& word) {
  std::vector<Finding> findings;
  for (std::size_t at = source.text().find(word); at != std::string::npos;
       at = source.text().find(word, at + 1)) {
    Finding finding;
    finding.rule = &Insult();
    finding.span = {at, at + word.size()};
    finding.begin = source.PositionOf(at);
    findings.push_back(finding);
  }
  return findings;
}

}  // namespace

TEST_CASE("baseline: moved lines keep their fingerprint; case and blanks are normalized") {
  const Baseline baseline((fs::temp_directory_path() / "b.txt").string());
  const SourceText before("Usted es un idiota.\n");
  const SourceText after("Hola.\n\nUsted es un  IDIOTA.\n");
  const auto a = baseline.Fingerprints("r.txt", before, FindingsOf(before, "idiota"));
  auto found = FindingsOf(after, "IDIOTA");
  const auto b = baseline.Fingerprints("r.txt", after, found);
  REQUIRE(a.size() == 1);
  REQUIRE(b.size() == 1);
  CHECK(a[0] == b[0]);
  CHECK(a[0].size() == 16);
  // Another file or another occurrence is another fingerprint.
  CHECK(baseline.Fingerprints("other.txt", before, FindingsOf(before, "idiota"))[0] != a[0]);
  const SourceText twice("idiota idiota\n");
  const auto t = baseline.Fingerprints("r.txt", twice, FindingsOf(twice, "idiota"));
  CHECK(t[0] == a[0]);
  CHECK(t[1] != a[0]);
}

TEST_CASE("baseline: write, load, filter only the recorded findings") {
  const fs::path dir = fs::temp_directory_path() / "tonelint_baseline_test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string path = (dir / "baseline.txt").string();
  const std::string input = (dir / "r.txt").string();
  {
    Baseline writer(path);
    const SourceText source("Usted es un idiota.\n");
    writer.Record(input, source, FindingsOf(source, "idiota"));
    std::string error;
    REQUIRE(writer.Save(&error));
  }
  std::ifstream file(path);
  std::string header, line;
  std::getline(file, header);
  std::getline(file, line);
  CHECK(header == "# tonelint baseline 1");
  CHECK(line.substr(16) == "\tr.txt\tTL1001\tidiota");  // path relative to the baseline's dir

  Baseline reader(path);
  std::vector<Diagnostic> errors;
  REQUIRE(reader.Load(&errors));
  const SourceText grown("Nueva línea.\nUsted es un idiota.\nOtro idiota.\n");
  std::vector<Finding> findings = FindingsOf(grown, "idiota");
  reader.Filter(input, grown, &findings);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].begin.line == 3);
  fs::remove_all(dir);
}

TEST_CASE("baseline: a bad line or a missing file is an error with file:line") {
  const fs::path dir = fs::temp_directory_path() / "tonelint_baseline_test2";
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "b.txt") << "# comment\n\n0123456789abcdef\tx\nnot a fingerprint\n";
  Baseline bad((dir / "b.txt").string());
  std::vector<Diagnostic> errors;
  CHECK_FALSE(bad.Load(&errors));
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].ToString().starts_with((dir / "b.txt").string() + ":4: not a baseline line"));
  Baseline missing((dir / "missing.txt").string());
  CHECK_FALSE(missing.Load(&errors));
  fs::remove_all(dir);
}
