// The .tonelint config: parsing, errors with file:line, discovery, ignore globs, overrides.
#include "config.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "file_pipeline.h"

using namespace tonelint;
namespace fs = std::filesystem;

namespace {

Config Parse(const std::string& text, std::vector<Diagnostic>* errors) {
  Config config;
  ParseConfig(text, "dir/.tonelint", &config, errors);
  return config;
}

Rule MakeRule(std::string id, std::string name, std::string category) {
  Rule rule;
  rule.id = std::move(id);
  rule.name = std::move(name);
  rule.category = std::move(category);
  return rule;
}

}  // namespace

TEST_CASE("config: every key of DESIGN §1") {
  std::vector<Diagnostic> errors;
  const Config config = Parse(R"(# comment
[tonelint]
lang = es
fail-on = error
min-severity = warning
each-line = true
rules = team-rules/, /abs/x.rules
disable = mockery, TL1204
enable = TL1501
ignore = drafts/**, *.bak
placeholders = [[ ]], <% %>
[severity]
missing-follow-up = warning
)", &errors);
  REQUIRE(errors.empty());
  CHECK(config.dir == "dir");
  REQUIRE(config.lang.has_value());
  CHECK(*config.lang == Lang::kEs);
  CHECK(*config.fail_on == Severity::kError);
  CHECK(*config.min_severity == Severity::kWarning);
  CHECK(*config.each_line);
  CHECK(config.rules == std::vector<std::string>{"dir/team-rules/", "/abs/x.rules"});
  REQUIRE(config.disable.size() == 2);
  CHECK(config.disable[1].name == "TL1204");
  CHECK(config.disable[1].location.line == 8);
  CHECK(config.enable[0].name == "TL1501");
  CHECK(config.ignore == std::vector<std::string>{"drafts/**", "*.bak"});
  REQUIRE(config.placeholders.size() == 2);
  CHECK(config.placeholders[1] == std::pair<std::string, std::string>{"<%", "%>"});
  REQUIRE(config.severity.size() == 1);
  CHECK(config.severity[0].selector.name == "missing-follow-up");
  CHECK(config.severity[0].severity == Severity::kWarning);
}

TEST_CASE("config: inline comments after a blank") {
  std::vector<Diagnostic> errors;
  const Config config = Parse("[tonelint]\nlang = es   # auto | es | en\nignore = a#b, c\t# x\n", &errors);
  REQUIRE(errors.empty());
  CHECK(*config.lang == Lang::kEs);
  CHECK(config.ignore == std::vector<std::string>{"a#b", "c"});
}

TEST_CASE("config: auto and none are values, not absence") {
  std::vector<Diagnostic> errors;
  const Config config = Parse("[tonelint]\nlang = auto\nfail-on = none\n", &errors);
  REQUIRE(errors.empty());
  REQUIRE(config.lang.has_value());
  CHECK_FALSE(config.lang->has_value());
  REQUIRE(config.fail_on.has_value());
  CHECK_FALSE(config.fail_on->has_value());
}

TEST_CASE("config: errors say file:line and suggest the key") {
  std::vector<Diagnostic> errors;
  Parse("[tonelint]\nlangg = es\nfail-on = sometimes\nmin-severity = eror\n[sevrity]\nx = y\n"
        "just text\n",
        &errors);
  REQUIRE(errors.size() == 5);
  CHECK(errors[0].ToString() == "dir/.tonelint:2: unknown key 'langg' in [tonelint]; did you mean 'lang'?");
  CHECK(errors[1].ToString().starts_with("dir/.tonelint:3: bad fail-on 'sometimes'"));
  CHECK(errors[2].ToString().find("did you mean 'error'") != std::string::npos);
  CHECK(errors[3].ToString() == "dir/.tonelint:5: unknown section '[sevrity]'; did you mean 'severity'?");
  CHECK(errors[4].ToString() == "dir/.tonelint:7: expected 'key = value'");
}

TEST_CASE("config: key outside a section, bad severity, bad placeholder") {
  std::vector<Diagnostic> errors;
  Parse("lang = es\n[severity]\ninsult = loud\n[tonelint]\nplaceholders = [[\n", &errors);
  REQUIRE(errors.size() == 3);
  CHECK(errors[0].location.line == 1);
  CHECK(errors[1].message.starts_with("bad severity 'loud'"));
  CHECK(errors[2].location.line == 5);
}

TEST_CASE("config: unknown selectors are reported at their line") {
  std::vector<Diagnostic> errors;
  const Config config = Parse("[tonelint]\ndisable = insult-dirct\n[severity]\nTL1001 = info\n", &errors);
  REQUIRE(errors.empty());
  CHECK_FALSE(ValidateConfigSelectors(config, {"insult", "TL1001", "insult-direct"}, &errors));
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].ToString() ==
        "dir/.tonelint:2: unknown rule, name or category 'insult-dirct'; did you mean 'insult-direct'?");
}

TEST_CASE("config: severity overrides, specific beats category") {
  std::vector<Diagnostic> errors;
  const Config config =
      Parse("[severity]\ninsult-direct = info\ninsult = warning\nmockery = error\n", &errors);
  CHECK(SeverityOverrideFor(config, MakeRule("TL1001", "insult-direct", "insult")) == Severity::kInfo);
  CHECK(SeverityOverrideFor(config, MakeRule("TL1002", "insult-stupid", "insult")) == Severity::kWarning);
  CHECK_FALSE(SeverityOverrideFor(config, MakeRule("TL1201", "x", "dismissive")).has_value());
}

TEST_CASE("config: enable wins over disable") {
  std::vector<Diagnostic> errors;
  const Config config = Parse("[tonelint]\ndisable = mockery\nenable = TL1502\n", &errors);
  CHECK(ConfigDisables(config, MakeRule("TL1501", "a", "mockery")));
  CHECK_FALSE(ConfigDisables(config, MakeRule("TL1502", "b", "mockery")));
  CHECK_FALSE(ConfigDisables(config, MakeRule("TL1001", "c", "insult")));
}

TEST_CASE("config: glob matching") {
  CHECK(IgnoreGlobMatches("drafts/**", "drafts/a.txt"));
  CHECK(IgnoreGlobMatches("drafts/**", "drafts/x/y/a.txt"));
  CHECK_FALSE(IgnoreGlobMatches("drafts/**", "sub/drafts/a.txt"));
  CHECK(IgnoreGlobMatches("*.bak", "a.bak"));
  CHECK(IgnoreGlobMatches("*.bak", "x/y/a.bak"));  // no '/': any depth
  CHECK_FALSE(IgnoreGlobMatches("*.bak", "a.bak.txt"));
  CHECK(IgnoreGlobMatches("drafts/", "drafts/a.txt"));  // a directory: everything below
  CHECK_FALSE(IgnoreGlobMatches("drafts/", "drafts"));
  CHECK(IgnoreGlobMatches("tmp", "x/tmp/a.txt"));        // a parent directory's name
  CHECK(IgnoreGlobMatches("a/*/c.txt", "a/b/c.txt"));
  CHECK_FALSE(IgnoreGlobMatches("a/*/c.txt", "a/b/x/c.txt"));
  CHECK(IgnoreGlobMatches("a/**/c.txt", "a/c.txt"));
  CHECK_FALSE(IgnoreGlobMatches("r?ply.txt", "rply.txt"));
  CHECK(IgnoreGlobMatches("r?ply.txt", "rxply.txt"));
}

TEST_CASE("config: discovery stops at the repository root") {
  const fs::path root = fs::temp_directory_path() / "tonelint_config_test";
  fs::remove_all(root);
  fs::create_directories(root / "repo/.git");
  fs::create_directories(root / "repo/a/b");
  std::ofstream(root / ".tonelint") << "[tonelint]\n";  // above the repository: never used
  CHECK(FindConfigFile((root / "repo/a/b").string()).empty());
  std::ofstream(root / "repo/.tonelint") << "[tonelint]\n";
  CHECK(FindConfigFile((root / "repo/a/b").string()) == (root / "repo/.tonelint").string());
  std::ofstream(root / "repo/a/.tonelint") << "[tonelint]\n";
  CHECK(FindConfigFile((root / "repo/a/b").string()) == (root / "repo/a/.tonelint").string());
  fs::remove_all(root);
}

TEST_CASE("config: the command line beats the config; ignore is relative to the config") {
  const fs::path root = fs::temp_directory_path() / "tonelint_config_test2";
  fs::remove_all(root);
  fs::create_directories(root / ".git");
  fs::create_directories(root / "drafts");
  std::ofstream(root / ".tonelint") << "[tonelint]\nlang = en\nfail-on = error\nignore = drafts/**\n";
  Options options;
  options.lang = Lang::kEs;
  options.given.lang = true;
  ConfigResolver resolver(options);
  std::vector<Diagnostic> errors;
  FileSettings settings = resolver.SettingsFor((root / "a.txt").string(), &errors);
  REQUIRE(errors.empty());
  REQUIRE(settings.config != nullptr);
  CHECK(settings.lang == Lang::kEs);                 // from the command line
  CHECK(settings.fail_on == Severity::kError);       // from the config
  CHECK_FALSE(settings.ignored);
  CHECK(resolver.SettingsFor((root / "drafts/b.txt").string(), &errors).ignored);
  options.no_config = true;
  CHECK(resolver.SettingsFor((root / "a.txt").string(), &errors).config == nullptr);
  fs::remove_all(root);
}

TEST_CASE("config: each input finds the config of its own directory, however its path is spelled") {
  // A repository whose top says English and whose sub/ says Spanish.
  const fs::path root = fs::temp_directory_path() / "tonelint_config_test3";
  fs::remove_all(root);
  for (const char* directory : {".git", "sub/deeper"}) fs::create_directories(root / directory);
  for (const auto& [where, lang] : {std::pair{"", "en"}, std::pair{"sub/", "es"}}) {
    std::ofstream(root / (std::string(where) + ".tonelint"))
        << "[tonelint]\nlang = " << lang << "\n";
  }
  const Options defaults;
  ConfigResolver resolver(defaults);
  std::vector<Diagnostic> errors;
  auto lang_of = [&](const std::string& path) {
    const FileSettings settings = resolver.SettingsFor(path, &errors);
    return settings.config ? settings.lang : std::nullopt;
  };
  const std::string top = root.string();
  CHECK(lang_of(top + "/a.txt") == Lang::kEn);
  CHECK(lang_of(top + "/sub/b.txt") == Lang::kEs);
  CHECK(lang_of(top + "//sub//b.txt") == Lang::kEs);
  CHECK(lang_of(top + "/sub/deeper/c.txt") == Lang::kEs);
  CHECK(lang_of(top + "/sub/../a.txt") == Lang::kEn);
  CHECK(lang_of(fs::relative(root / "sub/b.txt").string()) == Lang::kEs);
  CHECK(lang_of(top + "/sub") == Lang::kEs);  // a directory: searched from itself
  CHECK(lang_of(top + "/sub/") == Lang::kEs);
  // An input that ExpandPaths gave is not a directory: it is searched from its parent, unlooked at.
  auto lang_of_file = [&](const std::string& path) {
    const FileSettings settings = resolver.SettingsFor(path, &errors, InputKind::kNotDirectory);
    return settings.config ? settings.lang : std::nullopt;
  };
  CHECK(lang_of_file(top + "/sub/b.txt") == Lang::kEs);
  CHECK(lang_of_file(top + "/a.txt") == Lang::kEn);
  CHECK(lang_of_file(top + "/sub") == Lang::kEn);
  CHECK(errors.empty());
  fs::remove_all(root);
}
