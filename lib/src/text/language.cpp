#include "text/language.hpp"

#include <algorithm>
#include <numeric>

#include "text/ascii.hpp"
#include "text/words.hpp"

namespace strata::classify_detail {

namespace {

struct Language {
  std::string_view name;
  // Frequent words written in ASCII that the other languages of the table
  // rarely write ("la", "de", "en", "des" are shared and left out).
  std::array<std::string_view, 16> words;
};

constexpr std::array<Language, 7> kLanguages = {{
    {"English",
     {"the", "and", "of", "to", "is", "that", "for", "you", "we", "with", "are", "this", "be", "your", "our", "will"}},
    {"French",
     {"le", "les", "et", "est", "vous", "nous", "pour", "une", "du", "que", "dans", "sur", "par", "qui", "aux",
      "votre"}},
    {"German",
     {"der", "die", "das", "und", "ist", "nicht", "sie", "wir", "mit", "den", "von", "zu", "ein", "eine", "auf",
      "werden"}},
    {"Spanish",
     {"el", "los", "las", "y", "para", "por", "con", "una", "del", "se", "su", "sus", "es", "al", "lo", "usted"}},
    {"Italian",
     {"il", "di", "che", "per", "non", "della", "sono", "gli", "dei", "delle", "nel", "alla", "questo", "anche",
      "essere", "nostro"}},
    {"Dutch",
     {"het", "een", "van", "voor", "niet", "wij", "zijn", "worden", "deze", "op", "te", "ook", "uw", "onze", "ons",
      "kunnen"}},
    {"Portuguese",
     {"os", "uma", "do", "da", "em", "com", "seus", "pelo", "pela", "dos", "voce", "nao", "ao", "sua", "nossa",
      "pode"}},
}};

// Every word of the table with its language, sorted when the program is
// compiled: one binary search a word instead of a pass over every list, and
// nothing to build before the first (a short diff's start-up).
struct Entry {
  std::string_view word;
  size_t language = 0;
  constexpr bool operator<(const Entry& other) const { return word < other.word; }
};

constexpr auto kEntries = [] {
  std::array<Entry, kLanguages.size() * std::tuple_size_v<decltype(Language::words)>> out{};
  size_t n = 0;
  for (size_t k = 0; k < kLanguages.size(); ++k) {
    for (const std::string_view word : kLanguages[k].words) out[n++] = {word, k};
  }
  std::sort(out.begin(), out.end());
  return out;
}();

}  // namespace

void LanguageGuess::add(std::string_view text) {
  const auto& table = kEntries;
  for (const std::string_view word : words_of(text)) {
    if (full()) return;
    ++words_;
    if (word.size() > 6) continue;  // the longest word of the table
    char lower[6];
    for (size_t i = 0; i < word.size(); ++i) lower[i] = ascii::lower(word[i]);
    const Entry key{std::string_view(lower, word.size()), 0};
    for (auto it = std::lower_bound(table.begin(), table.end(), key); it != table.end() && it->word == key.word; ++it) {
      ++hits_[it->language];
    }
  }
}

std::string_view LanguageGuess::language() const {
  const auto best = std::ranges::max_element(hits_);
  const size_t all = std::accumulate(hits_.begin(), hits_.end(), size_t{0});
  if (*best < kMinLanguageHits || static_cast<double>(*best) < kMinLanguageShare * static_cast<double>(all)) return {};
  return kLanguages[static_cast<size_t>(best - hits_.begin())].name;
}

}  // namespace strata::classify_detail
