// The language a text reads as, from how often it writes the commonest short
// words of each language the table knows. A page captured now in one
// language and now in another (Air France's privacy policy, recorded by
// Open Terms Archive in French and in English by turns) has every claim
// replaced; the narrative says why.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

namespace strata::classify_detail {

// Words read at most: the first few pages tell, and a long document is not
// read twice for it.
inline constexpr size_t kMaxLanguageWords = 600;
// Hits of the leading language's words needed to name it, and the share of
// all hits it must hold: fewer, or a text mixing two languages, names none.
inline constexpr size_t kMinLanguageHits = 20;
inline constexpr double kMinLanguageShare = 0.6;

class LanguageGuess {
 public:
  // Reads the words of `text` until kMaxLanguageWords words are read.
  void add(std::string_view text);
  bool full() const { return words_ >= kMaxLanguageWords; }
  // The language's English name ("French"), or empty when the text does
  // not tell.
  std::string_view language() const;

 private:
  size_t words_ = 0;
  std::array<size_t, 7> hits_{};  // per language of the table in language.cpp, in its order
};

}  // namespace strata::classify_detail
