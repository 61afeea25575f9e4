// Word-level helpers shared by the classify units: a tokenizer over the
// comparison form, case tests and folding, and a hash for words.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

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

inline std::string_view token_text(std::string_view text, const Token& token) {
  return text.substr(token.begin, token.end - token.begin);
}

// Words only, as views into `text`.
std::vector<std::string_view> words_of(std::string_view text);

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

// A 64-bit hash of `bytes`, never 0 (0 stands for "no word"). Fast on the
// short strings it is mostly given (folded words, sentences), so inline.
inline uint64_t word_hash(std::string_view bytes) {
  constexpr uint64_t kMul = 0x9e3779b97f4a7c15ULL;
  uint64_t h = bytes.size() * kMul;
  size_t i = 0;
  for (; i + 8 <= bytes.size(); i += 8) {
    uint64_t v = 0;
    std::memcpy(&v, bytes.data() + i, 8);
    h = (h ^ v) * kMul;
    h ^= h >> 29;
  }
  if (i < bytes.size()) {
    uint64_t v = 0;
    std::memcpy(&v, bytes.data() + i, bytes.size() - i);
    h = (h ^ v) * kMul;
  }
  // The finalizer of MurmurHash3: every input bit reaches every output bit.
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h != 0 ? h : 1;
}

// Joins words with single spaces.
std::string join(const std::vector<std::string_view>& words, size_t begin, size_t end);

}  // namespace strata::classify_detail
