// ASCII character classes and case folding shared by the stages. Internal.
// Locale-free on purpose: <cctype> follows the global locale (under
// tr_TR.UTF-8, 'I' does not lower to 'i'), and output must not depend on it.
// Comparison forms keep case; these helpers fold only where a rule says case
// does not matter (titles, acronyms, abbreviations, watched terms, word
// bags). Non-ASCII bytes are kept.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace strata::ascii {

// Eight bytes at a time, as one word (bit tricks: exact for "some byte",
// not for which one). Most of a page, and of a report, is printable ASCII.
inline constexpr uint64_t kOnes = 0x0101010101010101ull;
inline constexpr uint64_t kHighBits = 0x8080808080808080ull;

// Nonzero when some byte of `x` is outside printable ASCII (0x20 to 0x7E).
constexpr uint64_t unprintable_in(uint64_t x) {
  const uint64_t below = (x - kOnes * 0x20) & ~x & kHighBits;
  const uint64_t above = ((x + kOnes) | x) & kHighBits;  // 0x7F + 1 and 0x80.. set the high bit
  return below | above;
}

// Nonzero when some byte of `x` is `c`.
constexpr uint64_t has_byte(uint64_t x, char c) {
  const uint64_t zero_where_c = x ^ (kOnes * static_cast<unsigned char>(c));
  return (zero_where_c - kOnes) & ~zero_where_c & kHighBits;
}

constexpr bool upper(char c) { return c >= 'A' && c <= 'Z'; }
constexpr bool lower_case(char c) { return c >= 'a' && c <= 'z'; }
constexpr bool alpha(char c) { return upper(c) || lower_case(c); }
constexpr bool digit(char c) { return c >= '0' && c <= '9'; }
constexpr bool alnum(char c) { return alpha(c) || digit(c); }
constexpr bool space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
constexpr char lower(char c) { return upper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

inline std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = lower(c);
  return out;
}

// `text` starts with `prefix`, ASCII letters compared without case. The one
// case-insensitive comparison: non-ASCII bytes must match exactly.
constexpr bool istarts_with(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (lower(text[i]) != lower(prefix[i])) return false;
  }
  return true;
}

// Equal strings, the common case where titles and words are matched, are
// compared whole before byte by byte.
constexpr bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && (a == b || istarts_with(a, b));
}

}  // namespace strata::ascii
