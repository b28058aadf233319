// Rule sets for tests and fuzz targets: the bundled rules as a run loads them, and a set
// built from one rule file's text.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "bundled_rules.h"
#include "rule_loader.h"
#include "rule_parser.h"
#include "rule_set.h"

namespace tonelint {

// The bundled rules, without their examples, with the build's precompiled patterns and
// keyword indexes, as LoadRuleSet (app.cpp) makes them for a lint run. Null on failure, with
// the problems in `errors`.
inline std::unique_ptr<RuleSet> BuildBundledRules(std::vector<Diagnostic>* errors) {
  RuleSources sources;
  sources.examples = false;
  std::vector<RuleFile> files = LoadRuleFiles(sources, errors, &BundledPrebuiltRules());
  if (!errors->empty()) return nullptr;
  return RuleSet::Build(std::move(files), errors, Compilation::kLazy,
                        &BundledPrecompiledPatterns(), BundledKeywordIndexes());
}

// The rules of one file's `text` (named test.rules). Null on failure, with the problems in
// `errors`.
inline std::unique_ptr<RuleSet> BuildRulesFromText(std::string_view text,
                                                   std::vector<Diagnostic>* errors) {
  RuleFile file;
  ParseRuleFile("test.rules", text, &file, errors);
  std::vector<RuleFile> files;
  files.push_back(std::move(file));
  return RuleSet::Build(std::move(files), errors);
}

}  // namespace tonelint
