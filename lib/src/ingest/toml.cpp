#include "ingest/toml.hpp"

#include <fmt/format.h>
#include <optional>
#include <utility>
#include <vector>

#include "strata/ingest.hpp"
#include "text/utf8.hpp"

namespace strata {
namespace {

// toml++ 3.3 (Debian's) reaches a point it marks unreachable, undefined
// behaviour, when it tests a code point of three ranges for Unicode
// whitespace, which it does wherever it reads outside a string: in a
// comment-free line of garbage after a number, too (found by the manifest
// fuzz program). Rather than guess where toml++ reads, no such code point
// reaches it: each is replaced by a stand-in from a private-use block before
// parsing, and put back in every key and string after it (and in an error
// message).
bool untestable(char32_t cp) {
  return (cp >= 0xA1 && cp <= 0x499) || (cp >= 0x2C5E && cp <= 0x3057 && cp != 0x3000) ||
         (cp >= 0xFB26 && cp <= 0xFEFE);
}

// Stand-ins: U+F0000 onwards (plane 15, private use, which toml++ tests
// safely), the code point's offset from U+00A0 in a compact numbering.
constexpr char32_t kStandInFirst = 0xF0000;
constexpr char32_t kSecondRange = 0x2C5E;
constexpr char32_t kThirdRange = 0xFB26;
constexpr char32_t kSecondOffset = 0x499 - 0xA1 + 1;
constexpr char32_t kThirdOffset = kSecondOffset + (0x3057 - kSecondRange + 1);
constexpr char32_t kStandInLast = kStandInFirst + kThirdOffset + (0xFEFE - kThirdRange);

char32_t stand_in(char32_t cp) {
  if (cp < kSecondRange) return kStandInFirst + (cp - 0xA1);
  if (cp < kThirdRange) return kStandInFirst + kSecondOffset + (cp - kSecondRange);
  return kStandInFirst + kThirdOffset + (cp - kThirdRange);
}

char32_t original(char32_t s) {
  const char32_t n = s - kStandInFirst;
  if (n < kSecondOffset) return 0xA1 + n;
  if (n < kThirdOffset) return kSecondRange + (n - kSecondOffset);
  return kThirdRange + (n - kThirdOffset);
}

// `text` with every code point `from` maps replaced; nullopt when none is.
template <typename Map>
std::optional<std::string> replaced(std::string_view text, Map from) {
  std::optional<std::string> out;
  size_t pos = 0;
  size_t copied = 0;
  while (pos < text.size()) {
    if (static_cast<unsigned char>(text[pos]) < 0x80) {
      ++pos;
      continue;
    }
    const size_t at = pos;
    const char32_t cp = utf8::decode(text, pos);
    if (const auto to = from(cp)) {
      if (!out) out.emplace();
      out->append(text.substr(copied, at - copied));
      utf8::append(*out, *to);
      copied = pos;
    }
  }
  if (out) out->append(text.substr(copied));
  return out;
}

std::optional<char32_t> to_stand_in(char32_t cp) {
  return untestable(cp) ? std::optional<char32_t>(stand_in(cp)) : std::nullopt;
}
std::optional<char32_t> from_stand_in(char32_t cp) {
  return cp >= kStandInFirst && cp <= kStandInLast ? std::optional<char32_t>(original(cp)) : std::nullopt;
}

void restore(toml::node& node) {
  if (auto* text = node.as_string()) {
    if (auto out = replaced(text->get(), from_stand_in)) text->get() = std::move(*out);
  } else if (auto* array = node.as_array()) {
    for (toml::node& item : *array) restore(item);
  } else if (auto* table = node.as_table()) {
    std::vector<std::pair<std::string, std::string>> renamed;  // key with stand-ins, key restored
    for (auto&& [key, value] : *table) {
      restore(value);
      if (auto out = replaced(key.str(), from_stand_in)) renamed.emplace_back(key.str(), std::move(*out));
    }
    for (auto& [from, to] : renamed) {
      const auto it = table->find(from);
      table->insert(std::move(to), std::move(it->second));
      table->erase(from);
    }
  }
}

}  // namespace

Result<toml::table> parse_toml(std::string_view text, std::string_view source) {
  // A stand-in already in the file would be read back as another character.
  size_t pos = 0;
  size_t line = 1;
  while (pos < text.size()) {
    if (text[pos] == '\n') ++line;
    if (static_cast<unsigned char>(text[pos]) < 0x80) {
      ++pos;
      continue;
    }
    const char32_t cp = utf8::decode(text, pos);
    if (cp >= kStandInFirst && cp <= kStandInLast) {
      return make_error(ErrorCode::kInvalidInput,
                        fmt::format("{}:{}: private-use character U+{:X} is not read in this file", source, line,
                                    static_cast<uint32_t>(cp)));
    }
  }
  const std::optional<std::string> safe = replaced(text, to_stand_in);
  toml::parse_result parsed = toml::parse(safe ? std::string_view(*safe) : text, source);
  if (!parsed) {
    const toml::parse_error& error = parsed.error();
    return make_error(
        ErrorCode::kInvalidInput,
        fmt::format("{}:{}: {}", source, error.source().begin.line,
                    replaced(error.description(), from_stand_in).value_or(std::string(error.description()))));
  }
  toml::table table = std::move(parsed).table();
  if (safe) restore(table);
  return table;
}

Result<toml::table> load_toml(const std::string& path) {
  auto bytes = read_file_bytes(path);
  if (!bytes) return bytes.error();
  return parse_toml(*bytes, path);
}

}  // namespace strata
