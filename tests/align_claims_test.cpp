// Claim pairing (align/claims): exact pairs in document order, inside
// title-anchored sections first; the word index behind near pairs.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "align/claims.hpp"
#include "align/sections.hpp"
#include "strata/compare.hpp"
#include "strata/load.hpp"
#include "test_util.hpp"

namespace strata::align {
namespace {

Document doc(const std::string& text) { return test::parse(text, "x.txt"); }

ClaimPairs pair(const Document& a, const Document& b) {
  Side o = prepare(a);
  Side n = prepare(b);
  return pair_claims(o, n, anchor_sections(o, n));
}

std::string repeated(int n, const std::string& line) {
  std::string out;
  for (int i = 0; i < n; ++i) out += line + "\n\n";
  return out;
}

TEST(ClaimPairing, RepeatedLinesPairInOrderAroundAnInsertion) {
  const Document a = doc(repeated(6, "The same line again."));
  const Document b =
      doc(repeated(3, "The same line again.") + "One inserted line.\n\n" + repeated(3, "The same line again."));
  const ClaimPairs p = pair(a, b);
  EXPECT_EQ(p.old_to_new, (std::vector<int>{0, 1, 2, 4, 5, 6}));
  EXPECT_EQ(p.new_to_old[3], -1);
  for (PairKind k : p.old_kind) EXPECT_EQ(k, PairKind::kExact);
}

TEST(ClaimPairing, RepeatedLinesLeaveTheExtraOldOnesUnpaired) {
  const Document a = doc(repeated(5, "The same line again."));
  const Document b = doc(repeated(2, "The same line again."));
  const ClaimPairs p = pair(a, b);
  EXPECT_EQ(p.old_to_new, (std::vector<int>{0, 1, -1, -1, -1}));
}

TEST(ClaimPairing, ExactTextPrefersTheClaimInTheSameSection) {
  // "Shared line." is in both sections; the copy in "Beta" stays in "Beta"
  // although the first free copy in document order is the one in "Alpha".
  const Document a = doc("Title\n\nBeta\n\nShared line.\n\nAlpha\n\nOther text here.\n");
  const Document b = doc("Title\n\nAlpha\n\nShared line.\n\nOther text here.\n\nBeta\n\nShared line.\n");
  Side o = prepare(a);
  Side n = prepare(b);
  const ClaimPairs p = pair_claims(o, n, anchor_sections(o, n));
  ASSERT_EQ(o.claims.size(), 2u);
  const int j = p.old_to_new[0];
  ASSERT_GE(j, 0);
  EXPECT_EQ(n.doc->sections[static_cast<size_t>(n.claims[static_cast<size_t>(j)].section)].title, "Beta");
}

TEST(ClaimPairing, ARepeatedTextPairsWithTheCopyBesideItsNeighboursPartner) {
  // "Shared opening sentence here." is once in the old text, twice in the
  // new; the copy followed by its old neighbour is the one it became.
  const Document a = doc("Title\n\nShared opening sentence here. Its unique follower stays.\n");
  const Document b =
      doc("Title\n\nShared opening sentence here. A sentence that is new.\n\nShared opening sentence here. Its unique "
          "follower stays.\n");
  const ClaimPairs p = pair(a, b);
  EXPECT_EQ(p.old_to_new, (std::vector<int>{2, 3}));
  EXPECT_EQ(p.new_to_old[0], -1);
}

TEST(ClaimPairing, ListItemBecomingParagraphsKeepsItsRepeatedFirstSentence) {
  // Pinterest's terms, 2022-09 -> 2023-01 (tests/fixtures/pinterest): a list
  // item and a paragraph after it both open with "Pinterest helps you
  // discover and do what you love."; in 2023 the item is a paragraph of its
  // six sentences. The paragraph's copy of the sentence used to take the
  // item's, and the item's first sentence came out added.
  const std::string dir = std::string(STRATA_SOURCE_DIR) + "/tests/fixtures/pinterest/";
  const Document a = test::parse(test::read_file(dir + "terms-2022-09-20.md"), "a.md");
  const Document b = test::parse(test::read_file(dir + "terms-2023-01-26.md"), "b.md");
  const ChangeSet c = compare(a, b, {});
  bool split = false;
  for (const ClaimChange& x : c.claims) {
    if (x.status == ChangeStatus::kSplit) {
      split = true;
      ASSERT_EQ(x.new_sides.size(), 6u);
      EXPECT_EQ(x.new_sides[0].text, "Pinterest helps you discover and do what you love.");
    }
    // Only the heading's words, now a paragraph ("1.", "Our service"), are new.
    if (x.status == ChangeStatus::kAdded) {
      EXPECT_LT(x.new_sides[0].text.size(), 12u) << x.new_sides[0].text;
    }
  }
  EXPECT_TRUE(split);
}

// A prepared side lists its claims by text hash, the copies of a text in
// document order, and apart the few claims that may define an acronym.
TEST(PreparedSide, ListsClaimsByKeyAndThoseThatMayDefineAnAcronym) {
  const Document d =
      doc(repeated(3, "Allies meet.") + "The Partnership for Peace (PfP) began in 1994.\n\n" +
          "Costs rose (see below).\n\n" + repeated(2, "Allies meet.") + "It joined the PfP ( Partnership ) later.\n\n");
  const Side side = prepare(d);
  ASSERT_EQ(side.claims.size(), 8u);
  EXPECT_EQ(side.may_define, (std::vector<uint32_t>{3, 7}));
  ASSERT_EQ(side.by_key.size(), side.claims.size());
  std::vector<uint32_t> each(side.by_key);
  std::sort(each.begin(), each.end());
  for (uint32_t c = 0; c < each.size(); ++c) EXPECT_EQ(each[c], c);
  for (size_t k = 1; k < side.by_key.size(); ++k) {
    const Claim& a = side.claims[side.by_key[k - 1]];
    const Claim& b = side.claims[side.by_key[k]];
    EXPECT_TRUE(a.key < b.key || (a.key == b.key && side.by_key[k - 1] < side.by_key[k]));
  }
  const auto first = std::find(side.by_key.begin(), side.by_key.end(), 0u);
  ASSERT_LE(first + 5, side.by_key.end());
  EXPECT_EQ(std::vector<uint32_t>(first, first + 5), (std::vector<uint32_t>{0, 1, 2, 5, 6}));
}

TEST(WordIndex, FindsTheBagsSharingMostRareWords) {
  WordIndex index;
  const std::vector<std::string> texts = {"relations date back to the early 1990s", "allies meet in brussels",
                                          "cooperation began in the early 1990s"};
  for (size_t i = 0; i < texts.size(); ++i) index.add(static_cast<int>(i), bag_of(texts[i]));
  const auto found = index.candidates(bag_of("relations between nato and ukraine date back to the early 1990s"));
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found.front(), 0);
  EXPECT_EQ(std::count(found.begin(), found.end(), 1), 0);
}

TEST(ClaimBags, IgnoreCaseAndPunctuation) {
  EXPECT_EQ(bag_of("NATO, and Ukraine."), bag_of("ukraine and nato"));
  EXPECT_DOUBLE_EQ(dice(bag_of("a b c d"), bag_of("a b c e")), 0.75);
}

}  // namespace
}  // namespace strata::align
