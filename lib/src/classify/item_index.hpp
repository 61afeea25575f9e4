// A list of items (folded words separated by spaces: "call on", "will")
// looked for in a claim's words in one pass instead of one pass per item.
// Internal to classify: significance's marker rules count demands,
// commitments and stances in both sides of every changed claim.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
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

  // `items` (at most kMaxItems) must outlive the index. Not copied: the
  // table views the index's own slots.
  explicit ItemIndex(std::span<const std::string_view> items);
  ItemIndex(const ItemIndex&) = delete;
  ItemIndex& operator=(const ItemIndex&) = delete;

  // Calls found(i) for each item that starts at word i of `folded`, by
  // increasing i (several times for an i where several items start).
  // `hashes[i]` is word_hash(folded[i]).
  template <typename Found>
  void each(const std::vector<std::string>& folded, const std::vector<uint64_t>& hashes, Found&& found) const {
    for (size_t i = 0; i < folded.size(); ++i) {
      for (uint32_t bits = table_.find(folded[i], hashes[i]); bits != 0; bits &= bits - 1) {
        const std::vector<std::string_view>& parts = parts_[static_cast<size_t>(std::countr_zero(bits))];
        if (i + parts.size() > folded.size()) continue;
        bool all = true;
        for (size_t k = 0; k < parts.size() && all; ++k) all = folded[i + k] == parts[k];
        if (all) found(i);
      }
    }
  }

 private:
  std::vector<std::vector<std::string_view>> parts_;  // each item's words, as the tokenizer reads them
  // The items' first words, flags the bits of the items that start with
  // each: four slots an item.
  WordTableBuilder<4 * kMaxItems> slots_;
  WordTable table_;
};

}  // namespace strata::classify_detail
