// JSON string literals, shared by the JSON and SARIF reporters.
#pragma once

#include <string>
#include <string_view>

namespace tonelint {

// `text` as a JSON string literal, quotes included. The input must be valid UTF-8 (SourceText
// guarantees it for everything read from inputs); only quotes, backslashes and control
// characters are escaped, everything else is copied as is.
std::string JsonString(std::string_view text);
// Appends JsonString(text) to `out`, for a writer that builds its output in one buffer.
void AppendJsonString(std::string_view text, std::string* out);

}  // namespace tonelint
