#include "ingest/toml.hpp"

#include <fmt/format.h>
#include <optional>

#include "strata/ingest.hpp"
#include "text/utf8.hpp"

namespace strata {
namespace {

// toml++ 3.3 (Debian's) reaches a point it marks unreachable, undefined
// behaviour, when it tests some code points for whitespace (U+00A1 to
// U+049A, U+2C5E to U+3057, U+FB26 to U+FEFE, found by the fuzz programs),
// which it does outside strings and comments. TOML allows nothing but ASCII
// there (a byte order mark opening the file aside), so every other
// character is refused before toml++ sees the file; strings and comments
// may hold any.
constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

struct BareCharacter {
  char32_t code_point = 0;
  size_t line = 1;
};

// A multi-line string may end with one or two quotes of its own before its
// closing three: the run of quotes that closes it, 3 to 5 long.
size_t closing_quotes(std::string_view rest) {
  size_t n = 0;
  while (n < 5 && n < rest.size() && rest[n] == rest[0]) ++n;
  return n;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// A quote after `last` (the character before it, spaces aside) opens a
// string only where TOML allows one: a key at the start of a line or after
// a dot, a value after '=', in an array or an inline table. Elsewhere the
// file is wrong and toml++ may read on past the quote testing characters
// (after "-" it reads a number to its end), so the text after it stays
// bare; a comment likewise starts only after a space or a line end. Reading
// less as strings only refuses more.
bool opens_string(char last) {
  return last == '\n' || last == '=' || last == '[' || last == ',' || last == '{' || last == '.';
}

// The first character outside strings and comments that is not ASCII, if any
// (utf8::kInvalid for bytes that are not UTF-8).
std::optional<BareCharacter> non_ascii_outside_strings(std::string_view text) {
  enum class In { kBare, kComment, kBasic, kBasicLines, kLiteral, kLiteralLines } in = In::kBare;
  size_t line = 1;
  const size_t start = text.starts_with(kByteOrderMark) ? kByteOrderMark.size() : 0;
  size_t pos = start;
  char last = '\n';  // the last character outside strings but spaces
  while (pos < text.size()) {
    const std::string_view rest = text.substr(pos);
    const char c = text[pos];
    if (c == '\n') ++line;
    switch (in) {
      case In::kBare:
        if (c == ' ' || c == '\t') {
          // Spaces neither open nor end anything.
        } else if (c == '#' && (pos == start || is_space(text[pos - 1]))) {
          in = In::kComment;
        } else if ((c == '"' || c == '\'') && !opens_string(last)) {
          last = c;  // read as toml++ reads garbage after a number or a word: bare
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
          return BareCharacter{utf8::decode(text, next), line};
        } else {
          last = c;
        }
        break;
      case In::kComment:
        if (c == '\n') {
          in = In::kBare;
          last = c;
        }
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
          pos += in == In::kBasic ? 1 : closing_quotes(rest);
          in = In::kBare;
          last = '"';
          continue;
        }
        break;
      case In::kLiteral:
      case In::kLiteralLines:
        if (in == In::kLiteral ? (c == '\'' || c == '\n') : rest.starts_with("'''")) {
          pos += in == In::kLiteral ? 1 : closing_quotes(rest);
          in = In::kBare;
          last = '"';
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
  if (auto bare = non_ascii_outside_strings(text)) {
    return make_error(ErrorCode::kInvalidInput,
                      bare->code_point == utf8::kInvalid
                          ? fmt::format("{}:{}: bytes that are not UTF-8 outside a string", source, bare->line)
                          : fmt::format("{}:{}: unexpected character U+{:04X} outside a string", source, bare->line,
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
