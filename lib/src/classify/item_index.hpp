// A list of items (lowercase words separated by single spaces: "call on",
// "will") looked for in a claim's words in one pass instead of one pass
// per item, laid out by the compiler. Internal to classify: significance's
// marker rules count demands, commitments and stances in both sides of
// every changed claim.
#pragma once

#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "text/lexicon.hpp"

namespace strata::classify_detail {

class ItemIndex {
 public:
  // Items a list may hold: each is a bit of a word's flags.
  static constexpr size_t kMaxItems = 32;
  // Words an item may have ("calls upon": 2).
  static constexpr size_t kMaxItemWords = 4;

  struct Item {
    std::array<std::string_view, kMaxItemWords> words{};
    size_t size = 0;
  };

  // `items` must outlive the index. Each item is split at its spaces (a
  // test checks that the tokenizer reads it as those words); a list too
  // long, or an item of too many words, is not a constant expression and
  // fails the build.
  constexpr explicit ItemIndex(std::span<const std::string_view> items) {
    if (items.size() > kMaxItems) std::abort();
    for (size_t k = 0; k < items.size(); ++k) {
      Item& item = items_[k];
      const std::string_view text = items[k];
      for (size_t begin = 0; begin <= text.size();) {
        const size_t end = std::min(text.find(' ', begin), text.size());
        if (item.size == kMaxItemWords) std::abort();
        item.words[item.size++] = text.substr(begin, end - begin);
        begin = end + 1;
      }
      slots_.add(item.words[0], uint32_t{1} << k);
    }
  }

  // Calls found(i) for each item that starts at word i of `folded`, by
  // increasing i (several times for an i where several items start).
  // `hashes[i]` is word_hash(folded[i]).
  template <typename Found>
  void each(const std::vector<std::string>& folded, const std::vector<uint64_t>& hashes, Found&& found) const {
    const WordTable first_words(slots_.slots());
    for (size_t i = 0; i < folded.size(); ++i) {
      for (uint32_t bits = first_words.find(folded[i], hashes[i]); bits != 0; bits &= bits - 1) {
        const Item& item = items_[static_cast<size_t>(std::countr_zero(bits))];
        if (i + item.size > folded.size()) continue;
        bool all = true;
        for (size_t k = 0; k < item.size && all; ++k) all = folded[i + k] == item.words[k];
        if (all) found(i);
      }
    }
  }

  // The items' words, for the test.
  std::span<const Item> items() const { return items_; }

 private:
  std::array<Item, kMaxItems> items_{};
  // The items' first words; flags: the bits of the items that start with
  // each. Four slots an item.
  WordTableBuilder<4 * kMaxItems> slots_;
};

}  // namespace strata::classify_detail
