// Fuzzes the whole lint pipeline: Linter::Lint over a SourceText made from the input, with the
// bundled rules (compiled once). The first byte picks the options (bit 0: --each-line;
// bits 1-2: --lang auto/es/en); the rest is the reply. Properties of every finding: its span lies
// inside the text and begins and ends on code-point and grapheme-cluster boundaries; a phrase
// finding is non-empty, and its own source text, normalized again, contains a word character
// (it is a word, not a stray mark or separator; for `obfuscated yes` rules a leet symbol will
// do); a document finding is empty; line and column
// agree with SourceText::PositionOf and lie inside the text; findings come sorted.
// --fix in memory (SafeEdits + ApplyEdits, as `--fix` does): every edit is the span of a reported
// `fix safe` finding, replaced by its first suggestion; edits are sorted and disjoint; the fixed
// text equals the input outside the edits (before the first, between them, after the last),
// byte for byte, and is valid UTF-8 (the input, as SourceText holds it, always is).
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "bundled_rules.h"
#include "fix.h"
#include "fuzz_check.h"
#include "linter.h"
#include "normalizer.h"
#include "rule_parser.h"
#include "rule_set.h"
#include "source_text.h"

namespace {

const tonelint::RuleSet& BundledRules() {
  static const tonelint::RuleSet* rules = [] {
    std::vector<tonelint::Diagnostic> errors;
    std::vector<tonelint::RuleFile> files;
    for (const tonelint::EmbeddedFile& embedded : tonelint::BundledRuleFiles()) {
      tonelint::RuleFile file;
      tonelint::ParseRuleFile(embedded.path, embedded.contents, &file, &errors);
      files.push_back(std::move(file));
    }
    auto built = tonelint::RuleSet::Build(std::move(files), &errors);
    FUZZ_CHECK(built != nullptr && errors.empty(), "bundled rules do not build (%zu errors)",
               errors.size());
    return built.release();
  }();
  return *rules;
}

bool HasWordCodePoint(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    if (tonelint::IsWordCodePoint(tonelint::NextCodePoint(text, &i))) return true;
  }
  return false;
}

// Rules marked `obfuscated yes` read leet symbols as letters inside a word that has a real
// letter ("$h1t", "@**hole"); such a span may be symbols only when its letters are glued on
// outside it ("@@@***" in "—@@@****WWWW", a fuzzer find that was accepted: see
// docs/reliability.md). It must still not be bare punctuation or space.
bool HasWordOrLeetCodePoint(std::string_view text) {
  return HasWordCodePoint(text) || text.find_first_of("@$!|*") != std::string_view::npos;
}

bool UsesRegex(const tonelint::Rule& rule) {
  for (const tonelint::PatternLine& line : rule.matches) {
    if (line.is_regex) return true;
  }
  return false;
}

// True when `text` is well-formed UTF-8 (no overlong forms, surrogates or values past U+10FFFF).
bool IsValidUtf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > text.size()) return false;
    char32_t cp = n == 1 ? c : c & (0x7F >> n);
    for (std::size_t k = 1; k < n; ++k) {
      const unsigned char d = static_cast<unsigned char>(text[i + k]);
      if ((d & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (d & 0x3F);
    }
    static constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += n;
  }
  return true;
}

// The --fix property: see the top of the file.
void CheckSafeFixes(std::string_view text, const std::vector<tonelint::Finding>& findings) {
  const std::vector<tonelint::Edit> edits = tonelint::SafeEdits(text, findings);
  for (std::size_t e = 0; e < edits.size(); ++e) {
    const tonelint::Edit& edit = edits[e];
    bool reported = false;
    for (const tonelint::Finding& finding : findings) {
      if (finding.span.begin == edit.span.begin && finding.span.end == edit.span.end &&
          finding.rule != nullptr && finding.rule->fix_safe && !finding.suggestions.empty() &&
          finding.suggestions.front() == edit.replacement) {
        reported = true;
        break;
      }
    }
    FUZZ_CHECK(reported, "edit %zu [%zu, %zu) -> \"%s\" is not a reported fix-safe finding", e,
               edit.span.begin, edit.span.end, edit.replacement.c_str());
    FUZZ_CHECK(edit.span.begin < edit.span.end && edit.span.end <= text.size(),
               "edit %zu [%zu, %zu) empty or outside a %zu-byte text", e, edit.span.begin,
               edit.span.end, text.size());
    FUZZ_CHECK(e == 0 || edits[e - 1].span.end <= edit.span.begin,
               "edit %zu [%zu, %zu) overlaps or precedes edit %zu [%zu, %zu)", e,
               edit.span.begin, edit.span.end, e - 1, edits[e - 1].span.begin,
               edits[e - 1].span.end);
  }
  const std::string fixed = tonelint::ApplyEdits(text, edits);
  // Walk input and output together: untouched bytes must be identical, edited spans must hold
  // exactly the replacement.
  std::size_t in = 0, out = 0;
  for (std::size_t e = 0; e <= edits.size(); ++e) {
    const std::size_t until = e < edits.size() ? edits[e].span.begin : text.size();
    const std::size_t length = until - in;
    FUZZ_CHECK(out + length <= fixed.size() &&
                   fixed.compare(out, length, text.substr(in, length)) == 0,
               "fixed text differs from the input outside the edits, in input bytes [%zu, %zu)",
               in, until);
    in += length;
    out += length;
    if (e == edits.size()) break;
    const std::string& replacement = edits[e].replacement;
    FUZZ_CHECK(fixed.compare(out, replacement.size(), replacement) == 0,
               "edit %zu: the fixed text does not hold its replacement", e);
    in = edits[e].span.end;
    out += replacement.size();
  }
  FUZZ_CHECK(out == fixed.size(), "fixed text has %zu extra bytes at its end", fixed.size() - out);
  if (IsValidUtf8(text)) {
    FUZZ_CHECK(IsValidUtf8(fixed), "the fixed text is not valid UTF-8 (%zu edits)", edits.size());
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  static tonelint::Linter* linter = new tonelint::Linter(BundledRules());
  static tonelint::Normalizer* normalizer = new tonelint::Normalizer;
  tonelint::LintOptions options;
  options.each_line = (data[0] & 1) != 0;
  switch ((data[0] >> 1) & 3) {
    case 1: options.lang = tonelint::Lang::kEs; break;
    case 2: options.lang = tonelint::Lang::kEn; break;
    default: break;
  }
  const tonelint::SourceText source{std::string(reinterpret_cast<const char*>(data + 1), size - 1)};
  const std::string& text = source.text();
  const std::vector<tonelint::Finding> findings = linter->Lint(source, options);
  if (findings.empty()) return 0;

  fuzz::GraphemeBoundaries graphemes(text);
  FUZZ_CHECK(graphemes.ok(), "ICU character break iterator unavailable");
  tonelint::NormalizedText form;
  for (std::size_t f = 0; f < findings.size(); ++f) {
    const tonelint::Finding& finding = findings[f];
    const tonelint::ByteRange span = finding.span;
    FUZZ_CHECK(finding.rule != nullptr, "finding %zu has no rule", f);
    const char* id = finding.rule->id.c_str();
    FUZZ_CHECK(span.begin <= span.end && span.end <= text.size(),
               "%s: span [%zu, %zu) outside a %zu-byte text", id, span.begin, span.end,
               text.size());
    FUZZ_CHECK(fuzz::IsCodePointBoundary(text, span.begin) &&
                   fuzz::IsCodePointBoundary(text, span.end),
               "%s: span [%zu, %zu) splits a code point", id, span.begin, span.end);
    FUZZ_CHECK(graphemes.IsBoundary(span.begin) && graphemes.IsBoundary(span.end),
               "%s: span [%zu, %zu) splits a grapheme cluster: \"%s\"", id, span.begin,
               span.end, text.substr(span.begin, span.end - span.begin).c_str());
    if (finding.document_level) {
      FUZZ_CHECK(span.begin == span.end, "%s: document finding with a non-empty span", id);
    } else {
      FUZZ_CHECK(span.begin < span.end, "%s: empty phrase span at %zu", id, span.begin);
      if (!UsesRegex(*finding.rule)) {
        const std::string_view matched(text.data() + span.begin, span.end - span.begin);
        normalizer->Normalize(matched, {}, &form);
        FUZZ_CHECK(finding.rule->obfuscated ? HasWordOrLeetCodePoint(form.text)
                                            : HasWordCodePoint(form.text),
                   "%s: span [%zu, %zu) \"%.*s\" normalizes to \"%s\", which has no word", id,
                   span.begin, span.end, static_cast<int>(matched.size()), matched.data(),
                   form.text.c_str());
      }
    }
    const tonelint::Position begin = source.PositionOf(span.begin);
    const tonelint::Position end = source.PositionOf(span.end);
    FUZZ_CHECK(begin.line == finding.begin.line && begin.column == finding.begin.column &&
                   end.line == finding.end.line && end.column == finding.end.column,
               "%s: positions %zu:%zu-%zu:%zu, PositionOf says %zu:%zu-%zu:%zu", id,
               finding.begin.line, finding.begin.column, finding.end.line, finding.end.column,
               begin.line, begin.column, end.line, end.column);
    FUZZ_CHECK(finding.end.line <= source.line_count(), "%s: line %zu of %zu", id,
               finding.end.line, source.line_count());
    if (f > 0) {
      FUZZ_CHECK(findings[f - 1].span.begin <= span.begin, "findings not sorted at %zu", f);
    }
  }
  CheckSafeFixes(text, findings);
  return 0;
}
