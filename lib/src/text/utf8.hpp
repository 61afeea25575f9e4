// UTF-8 decoding and encoding shared by the stages. Internal.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace strata::utf8 {

inline constexpr char32_t kInvalid = 0xFFFFFFFF;

// Decodes the code point at `pos` and advances `pos` past it. On a malformed
// sequence returns kInvalid and advances by one byte.
inline char32_t decode(std::string_view s, size_t& pos) {
  const auto b0 = static_cast<unsigned char>(s[pos]);
  if (b0 < 0x80) {
    ++pos;
    return b0;
  }
  int len = 0;
  char32_t cp = 0;
  char32_t min = 0;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2;
    cp = b0 & 0x1F;
    min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3;
    cp = b0 & 0x0F;
    min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4;
    cp = b0 & 0x07;
    min = 0x10000;
  } else {
    ++pos;
    return kInvalid;
  }
  if (pos + static_cast<size_t>(len) > s.size()) {
    ++pos;
    return kInvalid;
  }
  for (int i = 1; i < len; ++i) {
    const auto b = static_cast<unsigned char>(s[pos + static_cast<size_t>(i)]);
    if ((b & 0xC0) != 0x80) {
      ++pos;
      return kInvalid;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++pos;
    return kInvalid;
  }
  pos += static_cast<size_t>(len);
  return cp;
}

inline void append(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// Byte offset of the first invalid sequence, or npos when `s` is valid UTF-8.
size_t find_invalid(std::string_view s);

// True for a byte that starts a code point (not a continuation byte).
inline bool is_lead(char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }

// The code point that ends where byte `end` of `s` begins (`end` > 0), and
// in `start` where it begins: a text read backwards.
inline char32_t decode_before(std::string_view s, size_t end, size_t& start) {
  start = end - 1;
  while (start > 0 && !is_lead(s[start])) --start;
  size_t at = start;
  return decode(s, at);
}

// The longest prefix of `s` of at most `max_bytes` that does not end inside a
// code point: a cut never leaves half a character (which a terminal or a
// JSON reader would show as garbage, or take with the byte after it).
inline std::string_view prefix(std::string_view s, size_t max_bytes) {
  if (s.size() <= max_bytes) return s;
  size_t end = max_bytes;
  while (end > 0 && !is_lead(s[end])) --end;
  return s.substr(0, end);
}

// Input quoted in a message: at most `max_bytes` of it, cut at a character
// boundary, "..." marking a cut. Escaping is the printer's job (the CLI's
// terminal_line).
inline std::string excerpt(std::string_view s, size_t max_bytes) {
  std::string out(prefix(s, max_bytes));
  if (out.size() < s.size()) out += "...";
  return out;
}

}  // namespace strata::utf8
