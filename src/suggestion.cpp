#include "suggestion.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "normalizer.h"

namespace tonelint {
namespace {

// Applies `change_case` to the first letter of `text` (skipping leading punctuation like "¿").
void CaseFirstLetter(std::string* text, bool upper) {
  std::size_t i = 0;
  while (i < text->size()) {
    const std::size_t begin = i;
    const int32_t c = NextCodePoint(*text, &i);
    if (!u_isalpha(c)) continue;
    const int32_t changed = upper ? u_toupper(c) : u_tolower(c);
    if (changed == c) return;
    char buffer[U8_MAX_LENGTH];
    int32_t length = 0;
    UBool error = false;
    U8_APPEND(reinterpret_cast<uint8_t*>(buffer), length, U8_MAX_LENGTH, changed, error);
    if (!error) text->replace(begin, i - begin, buffer, length);
    return;
  }
}

bool FirstLetterIsUpper(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const int32_t c = NextCodePoint(text, &i);
    if (u_isalpha(c)) return u_isupper(c);
  }
  return false;
}

}  // namespace

std::string ExpandSuggestion(std::string_view pattern, const std::vector<std::string_view>& groups,
                             std::string_view matched) {
  std::string out;
  out.reserve(pattern.size());
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '$' && i + 1 < pattern.size()) {
      const char next = pattern[i + 1];
      if (next == '$') {
        out.push_back('$');
        ++i;
        continue;
      }
      if (next >= '1' && next <= '9') {
        const std::size_t group = static_cast<std::size_t>(next - '1');
        if (group < groups.size()) out.append(groups[group]);
        ++i;
        continue;
      }
    }
    out.push_back(pattern[i]);
  }
  CaseFirstLetter(&out, FirstLetterIsUpper(matched));
  return out;
}

}  // namespace tonelint
