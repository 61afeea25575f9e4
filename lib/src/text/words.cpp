#include "text/words.hpp"

#include <utf8proc.h>
#include <algorithm>
#include <array>

#include "text/ascii.hpp"
#include "text/utf8.hpp"

namespace strata::classify_detail {
namespace {

// The code point at `pos` through the one UTF-8 decoder (text/utf8.hpp), in
// utf8proc's type; invalid bytes read as U+FFFD, length 1.
utf8proc_int32_t decode(std::string_view text, size_t pos, size_t& length) {
  size_t next = pos;
  const char32_t cp = utf8::decode(text, next);
  length = next - pos;
  return cp == utf8::kInvalid ? 0xFFFD : static_cast<utf8proc_int32_t>(cp);
}

bool is_alnum_cp(utf8proc_int32_t cp) {
  if (cp < 0x80) {
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
  }
  auto category = utf8proc_category(cp);
  return (category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_LO) ||
         (category >= UTF8PROC_CATEGORY_MN && category <= UTF8PROC_CATEGORY_ME) ||
         (category >= UTF8PROC_CATEGORY_ND && category <= UTF8PROC_CATEGORY_NO);
}

// Han characters (with the iteration marks 々 and 〆 and the ideographic
// zero 〇) and kana, the scripts written without spaces between words.
// Hangul is written with spaces; Thai and the other unspaced scripts of
// South-East Asia join letters and marks into syllables, which a character
// would cut: their runs stay words.
bool written_unspaced(utf8proc_int32_t cp) {
  return (cp >= 0x3005 && cp <= 0x3007) || (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x31F0 && cp <= 0x31FF) ||
         (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0xFF66 && cp <= 0xFF9F) || (cp >= 0x20000 && cp <= 0x3134F);
}

}  // namespace

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> tokens;
  tokenize_into(text, tokens);
  return tokens;
}

void tokenize_into(std::string_view text, std::vector<Token>& tokens) {
  tokens.clear();
  for_each_token(text, [&tokens](uint32_t begin, uint32_t end, bool word, uint8_t) {
    tokens.push_back({begin, end, word});
  });
}

namespace token_detail {

bool alnum_at(std::string_view text, size_t pos) {
  if (pos >= text.size()) return false;
  auto c = static_cast<unsigned char>(text[pos]);
  if (c < 0x80) return ascii::alnum(static_cast<char>(c));
  size_t length = 0;
  return high_kind(text, pos, length) == HighKind::kWordPart;
}

HighKind high_kind(std::string_view text, size_t pos, size_t& length) {
  const auto cp = decode(text, pos, length);
  if (cp == 0xA0) return HighKind::kSpace;
  if (!is_alnum_cp(cp)) return HighKind::kOther;  // the middle dot ・ among the kana too
  return written_unspaced(cp) ? HighKind::kWordAlone : HighKind::kWordPart;
}

}  // namespace token_detail

std::vector<std::string_view> words_of(std::string_view text) {
  std::vector<std::string_view> words;
  for_each_token(text, [&](uint32_t begin, uint32_t end, bool word, uint8_t) {
    if (word) words.push_back(text.substr(begin, end - begin));
  });
  return words;
}

bool has_word(std::string_view text) {
  // An ASCII letter or digit is a word; other text needs the tokenizer.
  bool ascii = true;
  for (char c : text) {
    if (ascii::alnum(c)) return true;
    ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  }
  if (ascii) return false;
  bool word = false;
  for_each_token(text, [&word](uint32_t, uint32_t, bool is_word, uint8_t) { word = word || is_word; });
  return word;
}

bool is_capitalized(std::string_view word) {
  if (word.empty()) return false;
  size_t length = 0;
  auto cp = decode(word, 0, length);
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  return utf8proc_isupper(cp);
}

bool is_lowercase_word(std::string_view word) {
  if (word.empty()) return false;
  size_t length = 0;
  auto cp = decode(word, 0, length);
  if (cp < 0x80) return cp >= 'a' && cp <= 'z';
  return utf8proc_islower(cp);
}

bool is_acronym(std::string_view word) {
  if (word.size() < 2 || word.size() > 10 || !(word[0] >= 'A' && word[0] <= 'Z')) return false;
  int upper = 0;
  int digits = 0;
  int lower_run = 0;
  for (char c : word) {
    if (c >= 'A' && c <= 'Z') {
      ++upper;
      lower_run = 0;
    } else if (c >= 'a' && c <= 'z') {
      if (++lower_run > 2) return false;
    } else if (ascii::digit(c)) {
      ++digits;
      lower_run = 0;
    } else if (c != '-') {
      return false;
    }
  }
  return upper >= 2 || (upper == 1 && digits > 0);
}

std::string_view strip_possessive(std::string_view word, bool& possessive) {
  possessive = false;
  if (word.size() > 2 && word.substr(word.size() - 2) == "'s") {
    possessive = true;
    return word.substr(0, word.size() - 2);
  }
  if (word.size() > 4 && word.substr(word.size() - 4) == "\u2019s") {
    possessive = true;
    return word.substr(0, word.size() - 4);
  }
  if (word.size() > 1 && word.back() == '\'') {
    possessive = true;
    return word.substr(0, word.size() - 1);
  }
  return word;
}

std::string fold_case(std::string_view text) {
  std::string out;
  fold_case_into(text, out);
  return out;
}

void fold_case_into(std::string_view text, std::string& out) {
  out.clear();
  fold_case_append(text, out);
}

void fold_case_append(std::string_view text, std::string& out) {
  size_t at = out.size();
  out.resize(at + text.size());
  // Most words are ASCII: folded in place, byte for byte.
  size_t pos = 0;
  for (; pos < text.size() && static_cast<unsigned char>(text[pos]) < 0x80; ++pos) {
    char c = text[pos];
    out[at + pos] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  out.resize(at + pos);
  while (pos < text.size()) {
    auto c = static_cast<unsigned char>(text[pos]);
    if (c < 0x80) {
      out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c));
      ++pos;
      continue;
    }
    size_t length = 0;
    auto cp = decode(text, pos, length);
    if (cp == 0xFFFD) {
      out.append(text.substr(pos, length));
    } else {
      utf8proc_uint8_t buffer[4];
      auto n = utf8proc_encode_char(utf8proc_tolower(cp), buffer);
      out.append(reinterpret_cast<const char*>(buffer), static_cast<size_t>(n));
    }
    pos += length;
  }
}

bool is_number(std::string_view word) {
  if (word.empty() || !ascii::digit(word.front()) || !ascii::digit(word.back())) return false;
  return std::all_of(word.begin(), word.end(), [](char c) { return ascii::digit(c) || c == ',' || c == '.'; });
}

std::string join(const std::vector<std::string_view>& words, size_t begin, size_t end) {
  std::string out;
  for (size_t i = begin; i < end; ++i) {
    if (i > begin) out.push_back(' ');
    out.append(words[i]);
  }
  return out;
}

}  // namespace strata::classify_detail
