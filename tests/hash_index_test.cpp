// util::HashIndex: the numbers of word hashes, as the claim pairing's word
// tables keep them.
#include "sys/hash_index.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <unordered_map>

#include "text/hash.hpp"

namespace strata {
namespace {

TEST(HashIndex, NumbersEachKeyOnceInOrderOfInsertion) {
  util::HashIndex index;
  EXPECT_EQ(index.find(util::word_hash("treaty")), util::HashIndex::kNone);
  EXPECT_EQ(index.insert(util::word_hash("treaty")), std::make_pair(uint32_t{0}, true));
  EXPECT_EQ(index.insert(util::word_hash("fund")), std::make_pair(uint32_t{1}, true));
  EXPECT_EQ(index.insert(util::word_hash("treaty")), std::make_pair(uint32_t{0}, false));
  EXPECT_EQ(index.find(util::word_hash("fund")), 1u);
  EXPECT_EQ(index.find(util::word_hash("council")), util::HashIndex::kNone);
  EXPECT_EQ(index.size(), 2u);
}

// Through many growths, and with keys that share their low bits (the slot
// a key starts from) so that probes run past each other, every key keeps
// its number and an absent one is found absent: checked against a map.
TEST(HashIndex, KeepsEveryNumberThroughGrowthAndCollisions) {
  util::HashIndex index;
  std::unordered_map<uint64_t, uint32_t> expected;
  for (uint32_t k = 0; k < 20000; ++k) {
    const uint64_t key = k % 2 == 0 ? util::word_hash("word " + std::to_string(k)) : (uint64_t{k} << 32) | 0x40;
    const auto [number, added] = index.insert(key);
    ASSERT_TRUE(added) << k;
    ASSERT_EQ(number, expected.size()) << k;
    expected.emplace(key, number);
  }
  EXPECT_EQ(index.size(), expected.size());
  for (const auto& [key, number] : expected) ASSERT_EQ(index.find(key), number) << key;
  for (uint32_t k = 0; k < 1000; ++k) {
    EXPECT_EQ(index.find(util::word_hash("absent " + std::to_string(k))), util::HashIndex::kNone);
    EXPECT_EQ(index.find((uint64_t{k + 20000} << 32) | 0x40), util::HashIndex::kNone);
  }
}

}  // namespace
}  // namespace strata
