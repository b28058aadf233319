// The rule files under rules/, compiled into the binary (see cmake/embed_rules.cmake).
#pragma once

#include <string_view>
#include <vector>

namespace tonelint {

struct EmbeddedFile {
  std::string_view path;      // relative to the source tree, e.g. "rules/es/insult.rules"
  std::string_view contents;  // the file's bytes
};

// Every bundled rule file, sorted by path. The storage is static; the views never dangle.
const std::vector<EmbeddedFile>& BundledRuleFiles();

}  // namespace tonelint
