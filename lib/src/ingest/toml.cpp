#include "ingest/toml.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <cstddef>
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
struct Range {
  char32_t first;
  char32_t last;
};
constexpr Range kUntestable[] = {{0xA1, 0x499}, {0x2C5E, 0x3057}, {0xFB26, 0xFEFE}};
// In the second range, but a space toml++ tests safely.
constexpr char32_t kIdeographicSpace = 0x3000;
// Stand-ins: U+F0000 onwards (plane 15, private use, which toml++ tests
// safely), one for each code point of kUntestable in order.
constexpr char32_t kStandInFirst = 0xF0000;

std::optional<char32_t> to_stand_in(char32_t cp) {
  if (cp == kIdeographicSpace) return std::nullopt;
  char32_t next = kStandInFirst;
  for (const Range& r : kUntestable) {
    if (cp >= r.first && cp <= r.last) return next + (cp - r.first);
    next += r.last - r.first + 1;
  }
  return std::nullopt;
}

std::optional<char32_t> from_stand_in(char32_t cp) {
  char32_t next = kStandInFirst;
  for (const Range& r : kUntestable) {
    const char32_t size = r.last - r.first + 1;
    if (cp >= next && cp < next + size) return r.first + (cp - next);
    next += size;
  }
  return std::nullopt;
}

// Calls `visit(at, end, cp)` for each code point of `text` outside ASCII,
// from byte `at` to `end`.
template <typename Visit>
void each_non_ascii(std::string_view text, Visit visit) {
  for (size_t pos = 0; pos < text.size();) {
    if (static_cast<unsigned char>(text[pos]) < 0x80) {
      ++pos;
      continue;
    }
    const size_t at = pos;
    const char32_t cp = utf8::decode(text, pos);
    visit(at, pos, cp);
  }
}

// `text` with every code point `map` maps replaced; nullopt when none is.
template <typename Map>
std::optional<std::string> replaced(std::string_view text, Map map) {
  std::optional<std::string> out;
  size_t copied = 0;
  each_non_ascii(text, [&](size_t at, size_t end, char32_t cp) {
    const std::optional<char32_t> to = map(cp);
    if (!to) return;
    if (!out) out.emplace();
    out->append(text.substr(copied, at - copied));
    utf8::append(*out, *to);
    copied = end;
  });
  if (out) out->append(text.substr(copied));
  return out;
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
  std::optional<std::pair<size_t, char32_t>> stand_in;  // its first byte, its code point
  each_non_ascii(text, [&](size_t at, size_t, char32_t cp) {
    if (!stand_in && from_stand_in(cp)) stand_in.emplace(at, cp);
  });
  if (stand_in) {
    const auto line = 1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(stand_in->first), '\n');
    return make_error(ErrorCode::kInvalidInput,
                      fmt::format("{}:{}: private-use character U+{:X} is not read in this file", source, line,
                                  static_cast<uint32_t>(stand_in->second)));
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

std::optional<int64_t> whole_number(const toml::node& node) {
  if (const auto* integer = node.as_integer()) return integer->get();
  const auto* real = node.as_floating_point();
  // 2^63 is the first double past int64_t's range; NaN fails every test.
  if (real == nullptr || !(real->get() >= -0x1p63 && real->get() < 0x1p63)) return std::nullopt;
  const double value = real->get();
  if (static_cast<double>(static_cast<int64_t>(value)) != value) return std::nullopt;
  return static_cast<int64_t>(value);
}

}  // namespace strata
