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

std::vector<Keyword> PrecompiledPatterns::Keywords(PrecompiledKeywordSet set) const {
  std::vector<Keyword> out;
  out.reserve(set.count);
  for (const PrecompiledKeyword& keyword : keywords_.subspan(set.first, set.count)) {
    out.push_back({std::string(keyword.text), keyword.prefix});
  }
  return out;
}

std::vector<Keyword> PrecompiledPatterns::KeywordsOf(const PrecompiledPattern& pattern) const {
  return Keywords(pattern.keywords);
}

std::vector<std::vector<Keyword>> PrecompiledPatterns::AlsoRequiredOf(
    const PrecompiledPattern& pattern) const {
  std::vector<std::vector<Keyword>> out;
  for (const PrecompiledKeywordSet& set :
       keyword_sets_.subspan(pattern.first_also_required, pattern.also_required_count)) {
    out.push_back(Keywords(set));
  }
  return out;
}

}  // namespace tonelint
