// Fuzzes the phrase-pattern compiler. The first byte picks the mode (plain or obfuscated), the
// rest is the pattern. Properties: no crash; an error's offset lies inside the pattern; a
// pattern the compiler accepts is valid RE2 (RE2 may only refuse it as too large); and in plain
// mode a pattern made of words only (no ( ) [ ] | ~ *) matches its own text, normalized like a
// reply, with group 1 non-empty.
#include <re2/re2.h>

#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "normalizer.h"
#include "pattern_compiler.h"
#include "source_text.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  static tonelint::Normalizer* normalizer = new tonelint::Normalizer;
  const auto mode = (data[0] & 1) ? tonelint::PatternMode::kObfuscated : tonelint::PatternMode::kPlain;
  const std::string_view pattern(reinterpret_cast<const char*>(data + 1), size - 1);

  tonelint::CompiledPattern compiled;
  tonelint::PatternError error;
  if (!tonelint::CompilePhrasePattern(pattern, mode, *normalizer, &compiled, &error)) {
    FUZZ_CHECK(error.offset <= pattern.size(), "error offset %zu past a %zu-byte pattern",
               error.offset, pattern.size());
    FUZZ_CHECK(!error.message.empty(), "empty error message");
    return 0;
  }
  RE2::Options options;
  options.set_log_errors(false);
  options.set_case_sensitive(true);
  const RE2 regex(compiled.regex, options);
  FUZZ_CHECK(regex.ok() || regex.error_code() == RE2::ErrorPatternTooLarge,
             "accepted pattern is not valid RE2: %s\n  regex: %s", regex.error().c_str(),
             compiled.regex.c_str());
  if (!regex.ok() || mode != tonelint::PatternMode::kPlain) return 0;
  if (pattern.find_first_of("()[]|~*") != std::string_view::npos) return 0;

  // Rule files are read as bytes; replies are decoded first. Compare like with like.
  const tonelint::SourceText source{std::string(pattern)};
  if (source.replaced_sequences() > 0 || source.text() != pattern) return 0;
  tonelint::NormalizedText form;
  normalizer->Normalize(source.text(), {}, &form);
  re2::StringPiece groups[2];
  FUZZ_CHECK(regex.Match(form.text, 0, form.text.size(), RE2::UNANCHORED, groups, 2) &&
                 !groups[1].empty(),
             "a words-only pattern does not match its own text\n  form: %s\n  regex: %s",
             form.text.c_str(), compiled.regex.c_str());
  return 0;
}
