#include "text/utf8.hpp"

namespace strata::utf8 {

size_t find_invalid(std::string_view s) {
  size_t pos = 0;
  while (pos < s.size()) {
    // Skip ASCII eight bytes at a time: the common case by far.
    while (pos + 8 <= s.size()) {
      uint64_t word = 0;
      for (size_t i = 0; i < 8; ++i) word |= static_cast<uint64_t>(static_cast<unsigned char>(s[pos + i])) << (8 * i);
      if (word & 0x8080808080808080ULL) break;
      pos += 8;
    }
    if (pos >= s.size()) break;
    const size_t at = pos;
    if (decode(s, pos) == kInvalid) return at;
  }
  return std::string_view::npos;
}

}  // namespace strata::utf8
