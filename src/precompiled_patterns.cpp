#include "precompiled_patterns.h"

#include <algorithm>
#include <tuple>

namespace tonelint {

bool PrecompiledOrder(const PrecompiledPattern& a, const PrecompiledPattern& b) {
  return std::tie(a.source, a.mode, a.is_regex) < std::tie(b.source, b.mode, b.is_regex);
}

const PrecompiledPattern* PrecompiledPatterns::Find(std::string_view source, PatternMode mode,
                                                    bool is_regex) const {
  PrecompiledPattern wanted;
  wanted.source = source;
  wanted.mode = mode;
  wanted.is_regex = is_regex;
  const auto found = std::lower_bound(patterns_.begin(), patterns_.end(), wanted, PrecompiledOrder);
  if (found == patterns_.end() || PrecompiledOrder(wanted, *found)) return nullptr;
  return &*found;
}

}  // namespace tonelint
