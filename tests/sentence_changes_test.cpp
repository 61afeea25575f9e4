// Sentence pairs inside one edited claim (diff/sentence_changes.cpp).
#include "diff/sentence_changes.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "strata/compare.hpp"
#include "test_util.hpp"

namespace strata {
namespace {

std::string statuses(const std::vector<SentenceChange>& changes) {
  std::string out;
  for (const SentenceChange& c : changes) out += std::string(out.empty() ? "" : " ") + to_string(c.status);
  return out;
}

TEST(SentenceChanges, PairsInOrderAndListsTheRestWhereTheyStand) {
  const auto changes = diff::sentence_changes(
      "Allies met in Vilnius. They agreed on a new fund for Ukraine. The fund opens in May.",
      "Allies met in Vilnius. They agreed on a larger fund for Ukraine. Ukraine welcomed it. The fund opens in May.",
      250'000);
  EXPECT_EQ(statuses(changes), "unchanged modified added unchanged");
  ASSERT_EQ(changes.size(), 4u);
  EXPECT_EQ(changes[1].old_text, "They agreed on a new fund for Ukraine.");
  EXPECT_EQ(changes[1].new_text, "They agreed on a larger fund for Ukraine.");
  std::string rebuilt;
  for (const WordOp& op : changes[1].diff) {
    if (op.op != WordOp::Op::kDelete) rebuilt += op.text;
  }
  EXPECT_EQ(rebuilt, changes[1].new_text);
  EXPECT_EQ(changes[2].new_text, "Ukraine welcomed it.");
  EXPECT_TRUE(changes[2].old_text.empty());
}

TEST(SentenceChanges, NothingWhenOneSentenceEachOrNoSentencePairs) {
  EXPECT_TRUE(diff::sentence_changes("The fund opens in May.", "The fund opens in June.", 250'000).empty());
  EXPECT_TRUE(
      diff::sentence_changes("Allies met. Talks ended.", "Snow fell on the capital. Markets closed early.", 250'000)
          .empty());
}

// 2023 -> 2024: the Vilnius list item of five sentences became one
// sentence; its first sentence carries the rewording ("reaffirmed their
// commitment that ..." -> "reaffirmed that ... when Allies agree and when
// conditions are met"), the others went.
TEST(SentenceChanges, TheMembershipRewordingIsOneModifiedSentence) {
  const ChangeSet changes = compare(test::load_snapshot("page-2023"), test::load_snapshot("page-2024"));
  const auto item = std::find_if(changes.claims.begin(), changes.claims.end(), [](const ClaimChange& c) {
    return !c.old_sides.empty() && c.old_sides[0].text.starts_with("At the 2023 Vilnius Summit, Allies reaffirmed");
  });
  ASSERT_NE(item, changes.claims.end());
  EXPECT_EQ(item->status, ChangeStatus::kModified);
  ASSERT_FALSE(item->sentences.empty());
  const SentenceChange& first = item->sentences[0];
  EXPECT_EQ(first.status, ChangeStatus::kModified);
  EXPECT_TRUE(first.old_text.starts_with("At the 2023 Vilnius Summit, Allies reaffirmed their commitment"));
  EXPECT_EQ(first.new_text, item->new_sides[0].text);
  for (size_t k = 1; k < item->sentences.size(); ++k) EXPECT_EQ(item->sentences[k].status, ChangeStatus::kRemoved);
  bool inserted = false;
  for (const WordOp& op : first.diff) {
    inserted = inserted || (op.op == WordOp::Op::kInsert && op.text.find("when Allies agree") != std::string::npos);
  }
  EXPECT_TRUE(inserted);
}

}  // namespace
}  // namespace strata
