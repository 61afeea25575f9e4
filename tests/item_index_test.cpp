// Item lists looked for in one pass (classify/item_index.hpp): every place
// where an item starts, several items sharing a first word, items of
// several words that run past the end.
#include <gtest/gtest.h>

#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "classify/item_index.hpp"
#include "classify/significance_tables.hpp"
#include "text/hash.hpp"
#include "text/words.hpp"

namespace strata {
namespace {

using namespace classify_detail;

// Where items of `index` start in `text` (folded), once per item found.
std::vector<size_t> starts(const ItemIndex& index, std::string_view text) {
  std::vector<std::string> folded;
  std::vector<uint64_t> hashes;
  for (std::string_view word : words_of(text)) {
    folded.push_back(fold_case(word));
    hashes.push_back(util::word_hash(folded.back()));
  }
  std::vector<size_t> out;
  index.each(folded, hashes, [&out](size_t i) { out.push_back(i); });
  return out;
}

TEST(ItemIndex, TheTokenizerReadsEveryItemAsItsWords) {
  const std::pair<std::span<const std::string_view>, const ItemIndex&> lists[] = {
      {demand_words(), demand_index()}, {commitment_words(), commitment_index()}, {stance_words(), stance_index()}};
  for (const auto& [words, index] : lists) {
    for (size_t k = 0; k < words.size(); ++k) {
      const ItemIndex::Item& item = index.items()[k];
      const std::vector<std::string_view> expected(item.words.begin(),
                                                   item.words.begin() + static_cast<long>(item.size));
      EXPECT_EQ(words_of(words[k]), expected) << words[k];
    }
  }
}

TEST(ItemIndex, EveryPlaceAnItemStarts) {
  const ItemIndex& demands = demand_index();
  const ItemIndex& commitments = commitment_index();
  const ItemIndex& stances = stance_index();
  struct Case {
    const ItemIndex& index;
    std::string_view text;
    std::vector<size_t> expected;
  };
  const Case cases[] = {
      // "call on" and "call upon" share their first word.
      {demands, "Allies call on Russia and calls upon all; they urged", {1, 5, 9}},
      {demands, "We Call Upon them", {1}},
      // An item of two words at the last word: none.
      {demands, "the call", {}},
      {demands, "a call to arms", {}},
      {commitments, "will will", {0, 1}},
      {commitments, "Allies reaffirmed their commitment and remain committed", {1, 3, 5, 6}},
      {stances, "NATO condemns and will never recognise it", {1, 5}},
      {stances, "", {}},
  };
  for (const Case& c : cases) EXPECT_EQ(starts(c.index, c.text), c.expected) << c.text;
}

}  // namespace
}  // namespace strata
