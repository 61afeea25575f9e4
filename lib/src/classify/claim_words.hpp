// A claim's words as significance reads them: folded, the rule items
// found among them, and the sentence around a word quoted for a reason.
// Internal to classify.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "classify/item_index.hpp"

namespace strata::classify_detail {

// A text's words as written and folded.
struct Words {
  std::vector<std::string_view> original;  // views into the text
  std::vector<std::string> folded;
  std::vector<uint64_t> hashes;  // word_hash of each folded word
};

// The words of `text`, as written and folded.
Words words(std::string_view text);

// The words of `item` (folded words separated by spaces) into `parts`.
void item_words(std::string_view item, std::vector<std::string_view>& parts);

// Calls `found(i)` for each place where `parts` starts in `words`, in order.
template <typename Found>
void find_words(const std::vector<std::string>& words, const std::vector<std::string_view>& parts, Found&& found) {
  for (size_t i = 0; i + parts.size() <= words.size(); ++i) {
    bool all = true;
    for (size_t k = 0; k < parts.size() && all; ++k) all = words[i + k] == parts[k];
    if (all) found(i);
  }
}

// Where `item` (folded words separated by spaces) starts in `words`, each
// occurrence.
std::vector<size_t> occurrences(const std::vector<std::string>& words, std::string_view item);

// Occurrences of any item of `items`; `first` gets the earliest.
size_t count_items(const Words& w, std::span<const std::string_view> items, size_t& first);
// The same for the items of an index, in one pass; with `counts`, only the
// occurrences at a word `i` for which counts(w, i) holds.
size_t count_items(const Words& w, const ItemIndex& items, size_t& first,
                   bool (*counts)(const Words& w, size_t i) = nullptr);

// The sentence of `text` that holds word `at` of `w`, at most a few dozen
// words around it, in typographic quotes.
std::string quote(std::string_view text, const Words& w, size_t at);

// The word of `w` where `piece` starts in `text` (0 when it is not there).
size_t word_at(std::string_view text, const Words& w, std::string_view piece);

}  // namespace strata::classify_detail
