#include "text/utf8.hpp"

#include <bit>
#include <cstring>

namespace strata::utf8 {

namespace {

constexpr uint64_t kHighBits = 0x8080808080808080ULL;

uint64_t load8(const char* p) {
  uint64_t word;
  std::memcpy(&word, p, sizeof word);
  return word;
}

}  // namespace

size_t find_invalid(std::string_view s) {
  const char* data = s.data();
  const size_t n = s.size();
  size_t pos = 0;
  while (pos < n) {
    // ASCII, the common case by far, is skipped 32 bytes at a time, then
    // straight to the first byte with its high bit set: text with a curly
    // quote or a dash every sentence spent most of its time decoding the
    // ASCII bytes around them one by one.
    while (pos + 32 <= n &&
           ((load8(data + pos) | load8(data + pos + 8) | load8(data + pos + 16) | load8(data + pos + 24)) &
            kHighBits) == 0) {
      pos += 32;
    }
    while (pos + 8 <= n) {
      const uint64_t high = load8(data + pos) & kHighBits;
      if (high != 0) {
        if constexpr (std::endian::native == std::endian::little)
          pos += static_cast<size_t>(std::countr_zero(high)) / 8;
        break;
      }
      pos += 8;
    }
    if (pos >= n) break;
    if (static_cast<unsigned char>(data[pos]) < 0x80) {
      ++pos;
      continue;
    }
    const size_t at = pos;
    if (decode(s, pos) == kInvalid) return at;
  }
  return std::string_view::npos;
}

}  // namespace strata::utf8
