#include "text/tokens.hpp"

#include <utf8proc.h>

#include "text/utf8.hpp"

namespace strata::diff {

namespace {

bool word_char(char32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
  const auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
  return (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
         (cat >= UTF8PROC_CATEGORY_MN && cat <= UTF8PROC_CATEGORY_ME) ||
         (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO);
}

bool digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::vector<Token> tokenize(std::string_view s) {
  std::vector<Token> tokens;
  size_t pos = 0;
  while (pos < s.size()) {
    if (s[pos] == ' ') {
      ++pos;
      continue;
    }
    const size_t start = pos;
    size_t next = pos;
    const char32_t cp = utf8::decode(s, next);
    if (!word_char(cp)) {
      pos = next;
      tokens.push_back(Token{s.substr(start, pos - start), start, pos});
      continue;
    }
    pos = next;
    while (pos < s.size()) {
      size_t after = pos;
      const char32_t c = utf8::decode(s, after);
      if (word_char(c)) {
        pos = after;
        continue;
      }
      // Inner apostrophe ("Russia's") or a separator between digits ("1.5", "133,000").
      if (after < s.size()) {
        size_t peek = after;
        const char32_t following = utf8::decode(s, peek);
        const bool between_digits = (c == '.' || c == ',') && digit(s[pos - 1]) && digit(s[after]);
        if ((c == '\'' && word_char(following)) || between_digits) {
          pos = peek;
          continue;
        }
      }
      break;
    }
    tokens.push_back(Token{s.substr(start, pos - start), start, pos});
  }
  return tokens;
}

}  // namespace strata::diff
