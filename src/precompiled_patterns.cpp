#include "precompiled_patterns.h"

#include <algorithm>
#include <tuple>

namespace tonelint {

bool PrecompiledPatterns::Before(const PrecompiledPattern& a, const PrecompiledPattern& b) const {
  return std::tuple(Text(a.source), a.mode, a.is_regex) < std::tuple(Text(b.source), b.mode, b.is_regex);
}

bool PrecompiledPatterns::Sorted() const {
  return std::is_sorted(patterns_.begin(), patterns_.end(),
                        [this](const auto& a, const auto& b) { return Before(a, b); });
}

const PrecompiledPattern* PrecompiledPatterns::Find(std::string_view source, PatternMode mode,
                                                    bool is_regex, int hint) const {
  const auto wanted = std::tuple(source, mode, is_regex);
  if (hint >= 0 && static_cast<std::size_t>(hint) < patterns_.size()) {
    const PrecompiledPattern& hinted = patterns_[static_cast<std::size_t>(hint)];
    if (std::tuple(Text(hinted.source), hinted.mode, hinted.is_regex) == wanted) return &hinted;
  }
  const auto found = std::lower_bound(
      patterns_.begin(), patterns_.end(), wanted, [this](const PrecompiledPattern& entry, const auto& key) {
        return std::tuple(Text(entry.source), entry.mode, entry.is_regex) < key;
      });
  if (found == patterns_.end() ||
      std::tuple(Text(found->source), found->mode, found->is_regex) != wanted) {
    return nullptr;
  }
  return &*found;
}

std::vector<Keyword> PrecompiledPatterns::Keywords(PrecompiledKeywordSet set) const {
  std::vector<Keyword> out;
  out.reserve(set.count);
  for (const PrecompiledKeyword& keyword : keywords_.subspan(set.first, set.count)) {
    out.push_back({std::string(Text(keyword.text)), keyword.prefix});
  }
  return out;
}

std::vector<Keyword> PrecompiledPatterns::KeywordsOf(const PrecompiledPattern& pattern) const {
  return Keywords(pattern.keywords);
}

std::vector<std::vector<Keyword>> PrecompiledPatterns::KeywordSets(std::uint32_t first,
                                                                   std::uint32_t count) const {
  std::vector<std::vector<Keyword>> out;
  out.reserve(count);
  for (const PrecompiledKeywordSet& set : keyword_sets_.subspan(first, count)) {
    out.push_back(Keywords(set));
  }
  return out;
}

std::vector<std::vector<Keyword>> PrecompiledPatterns::AlsoRequiredOf(
    const PrecompiledPattern& pattern) const {
  return KeywordSets(pattern.first_also_required, pattern.also_required_count);
}

std::vector<std::string_view> PrecompiledPatterns::RequiredAtomsOf(
    const PrecompiledPattern& pattern) const {
  std::vector<std::string_view> out;
  for (const PrecompiledKeyword& atom :
       keywords_.subspan(pattern.required_atoms.first, pattern.required_atoms.count)) {
    out.push_back(Text(atom.text));
  }
  return out;
}

}  // namespace tonelint
