// Fuzzes the normalizer and its offset map, with the masks a reply would get, and the two
// obfuscation forms made from it. Properties, for every form: one map entry per byte; each
// entry is a non-empty source range inside the source, starting and ending on code-point
// boundaries; begins and ends never decrease; a masked range maps to exactly that range; and
// every code point of the matching form is a word character for RE2 (kWordClassBody) exactly
// when IsWordCodePoint says so, which is what makes the RE2 classes and the linter's word
// boundaries agree.
#include <re2/re2.h>

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "fuzz_check.h"
#include "mask.h"
#include "normalizer.h"
#include "source_text.h"

namespace {

bool RegexSaysWord(int32_t code_point, std::string_view encoded) {
  static std::unordered_map<int32_t, bool>* cache = new std::unordered_map<int32_t, bool>;
  static const RE2* word = new RE2("[" + std::string(tonelint::kWordClassBody) + "]");
  auto found = cache->find(code_point);
  if (found != cache->end()) return found->second;
  const bool is_word = RE2::FullMatch(re2::StringPiece(encoded.data(), encoded.size()), *word);
  cache->emplace(code_point, is_word);
  return is_word;
}

void CheckForm(const char* name, const tonelint::NormalizedText& form, std::string_view source) {
  FUZZ_CHECK(form.source_begin.size() == form.text.size() &&
                 form.source_end.size() == form.text.size(),
             "%s: %zu bytes but %zu/%zu map entries", name, form.text.size(),
             form.source_begin.size(), form.source_end.size());
  for (std::size_t i = 0; i < form.text.size(); ++i) {
    const std::size_t begin = form.source_begin[i], end = form.source_end[i];
    FUZZ_CHECK(begin < end && end <= source.size(), "%s: byte %zu maps to [%zu, %zu) of %zu",
               name, i, begin, end, source.size());
    FUZZ_CHECK(fuzz::IsCodePointBoundary(source, begin) && fuzz::IsCodePointBoundary(source, end),
               "%s: byte %zu maps to [%zu, %zu), inside a code point", name, i, begin, end);
    if (i > 0) {
      FUZZ_CHECK(form.source_begin[i - 1] <= begin && form.source_end[i - 1] <= end,
                 "%s: map not monotonic at byte %zu: [%u, %u) then [%zu, %zu)", name, i,
                 form.source_begin[i - 1], form.source_end[i - 1], begin, end);
    }
  }
  for (std::size_t i = 0; i < form.text.size();) {
    const std::size_t start = i;
    const int32_t c = tonelint::NextCodePoint(form.text, &i);
    const std::string_view encoded(form.text.data() + start, i - start);
    FUZZ_CHECK(RegexSaysWord(c, encoded) == tonelint::IsWordCodePoint(c),
               "%s: U+%04X is%s a word character for RE2 but IsWordCodePoint says %d", name, c,
               RegexSaysWord(c, encoded) ? "" : " not", tonelint::IsWordCodePoint(c));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static tonelint::Normalizer* normalizer = new tonelint::Normalizer;
  FUZZ_CHECK(normalizer->ok(), "%s", normalizer->error().c_str());
  const tonelint::SourceText source{std::string(reinterpret_cast<const char*>(data), size)};
  const std::string& text = source.text();
  const std::vector<tonelint::ByteRange> masks = tonelint::FindMaskedRanges(text);
  for (std::size_t m = 0; m < masks.size(); ++m) {
    FUZZ_CHECK(masks[m].begin < masks[m].end && masks[m].end <= text.size() &&
                   (m == 0 || masks[m - 1].end < masks[m].begin),
               "mask %zu [%zu, %zu) is empty, out of range, or not sorted and merged", m,
               masks[m].begin, masks[m].end);
    FUZZ_CHECK(fuzz::IsCodePointBoundary(text, masks[m].begin) &&
                   fuzz::IsCodePointBoundary(text, masks[m].end),
               "mask %zu [%zu, %zu) splits a code point", m, masks[m].begin, masks[m].end);
  }

  tonelint::NormalizedText plain;
  normalizer->Normalize(text, masks, &plain);
  CheckForm("plain", plain, text);
  for (const tonelint::ByteRange mask : masks) {
    bool found = false;
    for (std::size_t i = 0; i < plain.text.size() && !found; ++i) {
      found = plain.source_begin[i] == mask.begin && plain.source_end[i] == mask.end &&
              plain.text[i] == ' ';
    }
    FUZZ_CHECK(found, "mask [%zu, %zu) is not one space of the matching form", mask.begin,
               mask.end);
  }

  tonelint::NormalizedText obfuscated;
  const tonelint::SpacedRunReading choices = tonelint::MakeObfuscationForm(plain, {}, &obfuscated);
  CheckForm("obfuscated", obfuscated, text);
  for (const tonelint::SpacedRunReading& reading : tonelint::AlternativeReadings(choices)) {
    tonelint::MakeObfuscationForm(plain, reading, &obfuscated);
    CheckForm("obfuscated (another reading of spaced letters)", obfuscated, text);
  }
  return 0;
}
