#include "classify/item_index.hpp"

#include <cstdlib>

#include "text/words.hpp"

namespace strata::classify_detail {

ItemIndex::ItemIndex(std::span<const std::string_view> items) : table_(slots_.slots()) {
  // A list longer than the bits of a flag word is a programming error.
  if (items.size() > kMaxItems) std::abort();
  for (size_t k = 0; k < items.size(); ++k) {
    parts_.push_back(words_of(items[k]));
    if (!parts_.back().empty()) slots_.add(parts_.back().front(), uint32_t{1} << k);
  }
}

}  // namespace strata::classify_detail
