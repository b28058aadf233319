#include "types.h"

namespace tonelint {

std::string_view LangCode(Lang lang) {
  switch (lang) {
    case Lang::kEs: return "es";
    case Lang::kEn: return "en";
    case Lang::kUnknown: break;
  }
  return "";
}

std::optional<Lang> ParseLang(std::string_view code) {
  if (code == "es") return Lang::kEs;
  if (code == "en") return Lang::kEn;
  return std::nullopt;
}

std::string_view SeverityName(Severity severity) {
  switch (severity) {
    case Severity::kError: return "error";
    case Severity::kWarning: return "warning";
    case Severity::kInfo: break;
  }
  return "info";
}

std::optional<Severity> ParseSeverity(std::string_view name) {
  if (name == "error") return Severity::kError;
  if (name == "warning") return Severity::kWarning;
  if (name == "info") return Severity::kInfo;
  return std::nullopt;
}

}  // namespace tonelint
