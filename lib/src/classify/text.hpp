// Word-level helpers shared by the classify units: a tokenizer over the
// comparison form, case tests and folding, and a hash for words.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "util/hash.hpp"

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

using util::word_hash;

// Joins words with single spaces.
std::string join(const std::vector<std::string_view>& words, size_t begin, size_t end);

}  // namespace strata::classify_detail
