#include "ingest/toml.hpp"

#include <fmt/format.h>
#include <optional>

#include "strata/ingest.hpp"
#include "text/utf8.hpp"

namespace strata {
namespace {

// toml++ 3.3 (Debian's) reaches an unreachable point, undefined behaviour,
// when it tests a code point from U+FB26 to U+FEFE (but U+FEFF) for
// whitespace, which it does outside strings and comments. There such a
// character is an error anyway, so it is refused before toml++ sees it;
// within strings and comments it is left alone.
constexpr char32_t kWhitespaceTestFirst = 0xFB26;
constexpr char32_t kWhitespaceTestLast = 0xFEFE;

struct BareCharacter {
  char32_t code_point = 0;
  size_t line = 1;
};

// The first character of that range outside strings and comments, if any.
std::optional<BareCharacter> character_toml_cannot_test(std::string_view text) {
  enum class In { kBare, kComment, kBasic, kBasicLines, kLiteral, kLiteralLines } in = In::kBare;
  size_t line = 1;
  size_t pos = 0;
  while (pos < text.size()) {
    const std::string_view rest = text.substr(pos);
    const char c = text[pos];
    if (c == '\n') ++line;
    switch (in) {
      case In::kBare:
        if (c == '#') {
          in = In::kComment;
        } else if (rest.starts_with(R"(""")")) {
          in = In::kBasicLines;
          pos += 3;
          continue;
        } else if (rest.starts_with("'''")) {
          in = In::kLiteralLines;
          pos += 3;
          continue;
        } else if (c == '"') {
          in = In::kBasic;
        } else if (c == '\'') {
          in = In::kLiteral;
        } else if (static_cast<unsigned char>(c) >= 0x80) {
          size_t next = pos;
          const char32_t cp = utf8::decode(text, next);
          if (cp >= kWhitespaceTestFirst && cp <= kWhitespaceTestLast) return BareCharacter{cp, line};
          pos = next;
          continue;
        }
        break;
      case In::kComment:
        if (c == '\n') in = In::kBare;
        break;
      case In::kBasic:
      case In::kBasicLines:
        if (c == '\\') {
          // An escaped quote or backslash does not end the string; an
          // escaped line end still counts as a line.
          if (pos + 1 < text.size() && text[pos + 1] == '\n') ++line;
          pos += 2;
          continue;
        }
        if (in == In::kBasic ? (c == '"' || c == '\n') : rest.starts_with(R"(""")")) {
          pos += in == In::kBasic ? 1 : 3;
          in = In::kBare;
          continue;
        }
        break;
      case In::kLiteral:
      case In::kLiteralLines:
        if (in == In::kLiteral ? (c == '\'' || c == '\n') : rest.starts_with("'''")) {
          pos += in == In::kLiteral ? 1 : 3;
          in = In::kBare;
          continue;
        }
        break;
    }
    ++pos;
  }
  return std::nullopt;
}

}  // namespace

Result<toml::table> parse_toml(std::string_view text, std::string_view source) {
  if (auto bare = character_toml_cannot_test(text)) {
    return make_error(ErrorCode::kInvalidInput,
                      fmt::format("{}:{}: unexpected character U+{:04X} outside a string", source, bare->line,
                                  static_cast<uint32_t>(bare->code_point)));
  }
  toml::parse_result parsed = toml::parse(text, source);
  if (!parsed) {
    const toml::parse_error& error = parsed.error();
    return make_error(ErrorCode::kInvalidInput,
                      fmt::format("{}:{}: {}", source, error.source().begin.line, error.description()));
  }
  return std::move(parsed).table();
}

Result<toml::table> load_toml(const std::string& path) {
  auto bytes = read_file_bytes(path);
  if (!bytes) return bytes.error();
  return parse_toml(*bytes, path);
}

}  // namespace strata
