// Writing generated C++ sources, shared by the build tools that write tables.
#pragma once

#include <fmt/format.h>

#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <string_view>

namespace tonelint {

// A C++ string literal for any bytes: printable ASCII as is, the rest as octal escapes
// (which, unlike \x, never swallow the characters after them).
inline std::string Literal(std::string_view bytes) {
  static constexpr char kOctal[] = "01234567";
  std::string out = "\"";
  for (const char c : bytes) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (byte >= 0x20 && byte < 0x7F && c != '?') {  // '?': no trigraphs
      out += c;
    } else {
      out += {'\\', kOctal[byte >> 6], kOctal[(byte >> 3) & 7], kOctal[byte & 7]};
    }
  }
  return out + "\"";
}

// `text` as string literals of at most a few kilobytes each, one per line, which the compiler
// concatenates.
inline std::string Literals(std::string_view text) {
  static constexpr std::size_t kPiece = 4096;
  std::string out;
  for (std::size_t i = 0; i < text.size(); i += kPiece) {
    out += "    " + Literal(text.substr(i, kPiece)) + "\n";
  }
  return out.empty() ? "    \"\"\n" : out;
}

// A generated table's text: every string once, referred to by TextRange initializers.
class TextBlob {
 public:
  std::string Range(const std::string& piece) {
    auto [found, added] = offsets_.emplace(piece, text_.size());
    if (added) text_ += piece;
    return fmt::format("{{{}, {}}}", found->second, piece.size());
  }
  // The text as string literals.
  std::string Literals() const { return tonelint::Literals(text_); }

 private:
  std::string text_;
  std::map<std::string, std::size_t> offsets_;
};

// Writes `text` to `path` unless the file holds it already, so that the build does not
// recompile the generated source after every edit of the library. False if it cannot write.
inline bool WriteIfChanged(const std::string& path, const std::string& text) {
  std::ifstream existing(path, std::ios::binary);
  const std::string old_text((std::istreambuf_iterator<char>(existing)),
                             std::istreambuf_iterator<char>());
  if (old_text == text) return true;
  std::ofstream out(path, std::ios::binary);
  out << text;
  out.close();
  return static_cast<bool>(out);
}

}  // namespace tonelint
