// The rule files under rules/, compiled into the binary (see cmake/embed_rules.cmake), and
// their patterns compiled at build time (tools/precompile_rules.cpp).
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "precompiled_patterns.h"

namespace tonelint {

struct EmbeddedFile {
  std::string_view path;      // relative to the source tree, e.g. "rules/es/insult.rules"
  std::string_view contents;  // the file's bytes
};

// Every bundled rule file, sorted by path. The storage is static; the views never dangle.
const std::vector<EmbeddedFile>& BundledRuleFiles();

// Every pattern line of BundledRuleFiles() that compiles, precompiled. Defined in a file the
// build generates after the library itself (tonelint_core) is built: only tonelint_lib and
// what links it may call this.
const PrecompiledPatterns& BundledPrecompiledPatterns();

struct PrebuiltRuleFiles;

// Written by tools/prebuild_bundled_rules.cpp, in a file generated after the table above: only
// tonelint_lib and what links it may call these.
// BundledRuleFiles() as ParseRuleFile reads them (prebuilt_rules.h); no files if one of them
// has errors.
const PrebuiltRuleFiles& BundledPrebuiltRules();
// The keyword indexes of the bundled rules as a run without options loads them, made with
// BundledPrecompiledPatterns().
std::span<const PrebuiltKeywordIndex> BundledKeywordIndexes();

}  // namespace tonelint
