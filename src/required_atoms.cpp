#include "required_atoms.h"

#include <re2/filtered_re2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>

namespace tonelint {
namespace {

// RE2's prefilter and the reduction below take time quadratic in the literals of a regex: an
// alternation of 1,000 ten-letter words took 0.37 s, of 5,000 11.7 s, and a run finds a rule
// file's atoms at every start. The bundled lines are under 200 bytes; 512 bytes take ~2 ms.
constexpr std::size_t kLongestRegex = 512;

// RE2 lowercases its atoms, and a text is searched for them as is: an ASCII letter is safe
// because a matching form has no capitals, a non-ASCII character only if it has no case at all.
bool SafeToSearchAsIs(std::string_view atom) {
  std::int32_t i = 0;
  const auto size = static_cast<std::int32_t>(atom.size());
  while (i < size) {
    UChar32 c = 0;
    U8_NEXT(atom.data(), i, size, c);
    if (c < 0) return false;
    if (c >= 0x80 && (u_tolower(c) != c || u_toupper(c) != c)) return false;
  }
  return true;
}

// How rare an atom is likely to be in prose, lowest first: blanks, words, then the rest
// (punctuation, emoji).
int Rarity(std::string_view atom) {
  bool blank = true;
  bool letter = false;
  std::int32_t i = 0;
  const auto size = static_cast<std::int32_t>(atom.size());
  while (i < size) {
    UChar32 c = 0;
    U8_NEXT(atom.data(), i, size, c);
    blank = blank && u_isUWhiteSpace(c);
    letter = letter || u_isalpha(c);
  }
  return blank ? 0 : letter ? 1 : 2;
}

}  // namespace

std::vector<std::string> RequiredAtoms(std::string_view regex) {
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingUTF8);
  options.set_log_errors(false);
  options.set_case_sensitive(true);
  if (regex.size() > kLongestRegex) return {};
  re2::FilteredRE2 filter(/*min_atom_len=*/1);
  int id = 0;
  if (filter.Add(re2::StringPiece(regex.data(), regex.size()), options, &id) != RE2::NoError) {
    return {};
  }
  std::vector<std::string> atoms;
  filter.Compile(&atoms);
  // `kept` is a required set when the prefilter rejects a text holding every other atom: it is
  // a monotone formula of the atoms, so it then rejects any text holding none of `kept`.
  std::vector<bool> kept(atoms.size(), true);
  auto required = [&] {
    std::vector<int> present;
    for (std::size_t i = 0; i < atoms.size(); ++i) {
      if (!kept[i]) present.push_back(static_cast<int>(i));
    }
    std::vector<int> passed;
    filter.AllPotentials(present, &passed);
    return passed.empty();
  };
  if (atoms.empty() || !required()) return {};
  // Drop what can go, the commonest-looking first, short before long.
  std::vector<std::size_t> order(atoms.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return std::pair(Rarity(atoms[a]), atoms[a].size()) <
           std::pair(Rarity(atoms[b]), atoms[b].size());
  });
  for (const std::size_t i : order) {
    kept[i] = false;
    if (!required()) kept[i] = true;
  }
  std::vector<std::string> out;
  for (std::size_t i = 0; i < atoms.size(); ++i) {
    if (!kept[i]) continue;
    if (!SafeToSearchAsIs(atoms[i])) return {};
    out.push_back(std::move(atoms[i]));
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace tonelint
