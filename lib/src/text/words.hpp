// Word-level helpers shared by the classify units: a tokenizer over the
// comparison form, case tests and folding, and a hash for words.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/ascii.hpp"
#include "text/hash.hpp"

namespace strata::classify_detail {

// A token of comparison-form text: a word ([letters digits] joined by
// internal '-', '\'', and by '.' or ',' between digits) or one punctuation
// character. Byte range [begin, end) of the input. Offsets are 32-bit, to
// keep the readings of whole documents small: text past 4 GiB is not read.
struct Token {
  uint32_t begin = 0;
  uint32_t end = 0;
  bool word = false;
};

std::vector<Token> tokenize(std::string_view text);
// The same into `tokens` (cleared first), reusing its buffer.
void tokenize_into(std::string_view text, std::vector<Token>& tokens);
// The same as calls of `on_token(begin, end, word, seen)` (a Token's fields,
// and for a word the or of the token_detail::ByteClass of its bytes), in
// order, with no buffer: the sentence readings of whole documents are made
// this way.
template <typename OnToken>
void for_each_token(std::string_view text, OnToken&& on_token);

namespace token_detail {

// What a byte is, for the tokenizer's ASCII path, as bits so that a word's
// bytes can be or-ed together; bytes from 0x80 on start a code point that
// must be decoded. kAlone marks a word of one Han character or kana
// (HighKind::kWordAlone) in what a word has seen.
enum ByteClass : uint8_t { kPunct = 0, kSpace = 1, kUpper = 2, kLower = 4, kDigit = 8, kHigh = 16, kAlone = 32 };
constexpr uint8_t kAsciiAlnum = kUpper | kLower | kDigit;

constexpr std::array<uint8_t, 256> kByteClass = [] {
  std::array<uint8_t, 256> table{};
  for (int c = 0; c < 256; ++c) {
    uint8_t k = kPunct;
    if (c >= 0x80)
      k = kHigh;
    else if (c >= 'A' && c <= 'Z')
      k = kUpper;
    else if (c >= 'a' && c <= 'z')
      k = kLower;
    else if (c >= '0' && c <= '9')
      k = kDigit;
    else if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
      k = kSpace;
    table[static_cast<size_t>(c)] = k;
  }
  return table;
}();

inline uint8_t byte_class(char c) { return kByteClass[static_cast<unsigned char>(c)]; }

// What a code point past ASCII is to the tokenizer: white space (U+00A0),
// part of a word (a letter, mark or digit), a word alone (a Han character or
// kana: Chinese and Japanese put no space between words, so each character
// is a word, as wikidiff2 splits them, and a word diff marks the characters
// that changed rather than the whole run between two punctuation marks), or
// neither (punctuation, symbols).
enum class HighKind : uint8_t { kOther, kSpace, kWordPart, kWordAlone };
// The kind of the code point at `pos` (not ASCII), its length in `length`.
HighKind high_kind(std::string_view text, size_t pos, size_t& length);
// The character at `pos` is a letter, mark or digit that a word can go on
// with (false past the end, and for a word alone).
bool alnum_at(std::string_view text, size_t pos);

// How many bytes at `pos`, inside a word, join it to what follows ('-',
// '\'', '.' or ',' between digits, U+2019); 0 when the word ends there.
// Inline: it runs at the end of every word, most of which end at a space.
inline size_t joiner_at(std::string_view text, size_t pos) {
  const char c = text[pos];
  if (c == '-' || c == '\'') return alnum_at(text, pos + 1) ? 1 : 0;
  if (c == '.' || c == ',') {
    return pos > 0 && ascii::digit(text[pos - 1]) && pos + 1 < text.size() && ascii::digit(text[pos + 1]) ? 1 : 0;
  }
  // A typographic apostrophe ("NATO\u2019s"): word diffs carry the original
  // text, where it was not folded to ASCII.
  if (c == '\xE2' && text.substr(pos, 3) == "\u2019") return alnum_at(text, pos + 3) ? 3 : 0;
  return 0;
}

}  // namespace token_detail

template <typename OnToken>
void for_each_token(std::string_view text, OnToken&& on_token) {
  using namespace token_detail;
  text = text.substr(0, UINT32_MAX);
  // Three scalars rather than a Token: a Token built on the stack and copied
  // whole stalls the copy's 8-byte load on the two 4-byte stores.
  auto token = [&](size_t begin, size_t end, bool word, uint8_t seen) {
    on_token(static_cast<uint32_t>(begin), static_cast<uint32_t>(end), word, seen);
  };
  const size_t size = text.size();
  size_t pos = 0;
  while (pos < size) {
    uint8_t k = byte_class(text[pos]);
    if (k == kSpace) {
      ++pos;
      continue;
    }
    if (k == kPunct) {
      token(pos, pos + 1, false, 0);
      ++pos;
      continue;
    }
    const size_t begin = pos;
    uint8_t seen = k;
    if (k == kHigh) {
      size_t length = 0;
      const HighKind kind = high_kind(text, pos, length);
      pos += length;
      if (kind == HighKind::kSpace) continue;
      if (kind != HighKind::kWordPart) {
        token(begin, pos, kind == HighKind::kWordAlone, kind == HighKind::kWordAlone ? kHigh | kAlone : 0);
        continue;
      }
    } else {
      ++pos;
    }
    for (;;) {
      while (pos < size && ((k = byte_class(text[pos])) & kAsciiAlnum) != 0) {
        seen |= k;
        ++pos;
      }
      if (pos == size) break;
      if (k == kHigh) {
        size_t length = 0;
        if (high_kind(text, pos, length) == HighKind::kWordPart) {
          seen |= kHigh;
          pos += length;
          continue;
        }
      }
      size_t joiner = joiner_at(text, pos);
      if (joiner == 0) break;
      if (joiner > 1) seen |= kHigh;
      pos += joiner;
    }
    token(begin, pos, true, seen);
  }
}

inline std::string_view token_text(std::string_view text, const Token& token) {
  return text.substr(token.begin, token.end - token.begin);
}

// Words only, as views into `text`.
std::vector<std::string_view> words_of(std::string_view text);
// `text` has a word.
bool has_word(std::string_view text);

// First letter is an uppercase letter (any script).
bool is_capitalized(std::string_view word);
// Starts with a lowercase letter (any script).
bool is_lowercase_word(std::string_view word);
// Looks like an acronym: 2-10 characters, starts with an uppercase letter,
// at least two uppercase letters or an uppercase letter and a digit, no run
// of more than two lowercase letters ("CAP", "PfP", "C4", "C-IED", "KFOR").
bool is_acronym(std::string_view word);
// Strips a trailing "'s" or "'" (possessive); sets `possessive` when it did.
std::string_view strip_possessive(std::string_view word, bool& possessive);

// Lowercase of any script (utf8proc), ASCII fast path.
std::string fold_case(std::string_view text);
// The same into `out` (cleared first), reusing its buffer.
void fold_case_into(std::string_view text, std::string& out);
// The same appended to `out`.
void fold_case_append(std::string_view text, std::string& out);

// Digits only (with internal ',' or '.').
bool is_number(std::string_view word);

using util::word_hash;

// Joins words with single spaces.
std::string join(const std::vector<std::string_view>& words, size_t begin, size_t end);

}  // namespace strata::classify_detail
