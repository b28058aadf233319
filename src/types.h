// Small value types shared by every module.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace tonelint {

// The languages tonelint has rules for. kUnknown is only ever a detection result: a sentence
// too short or too neutral to tell; the linter then uses the reply's language.
enum class Lang { kUnknown, kEs, kEn };

// "es", "en", or "" for kUnknown.
std::string_view LangCode(Lang lang);
// Parses "es" / "en"; nullopt otherwise.
std::optional<Lang> ParseLang(std::string_view code);

// Ordered: a finding "at or above" warning is warning or error.
enum class Severity { kInfo = 0, kWarning = 1, kError = 2 };

std::string_view SeverityName(Severity severity);  // "info", "warning", "error"
std::optional<Severity> ParseSeverity(std::string_view name);

// A half-open range [begin, end) of byte offsets into some text.
struct ByteRange {
  std::size_t begin = 0;
  std::size_t end = 0;
  bool operator==(const ByteRange&) const = default;
};

}  // namespace tonelint
