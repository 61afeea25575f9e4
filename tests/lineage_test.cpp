// Claim identity across a whole history (store/lineage): claims that vanish
// for some versions and come back keep their origin, in blame and in one
// claim's chain.
#include <gtest/gtest.h>

#include <string>

#include "align/claims.hpp"
#include "strata/history.hpp"
#include "strata/render.hpp"
#include "strata/store.hpp"
#include "test_util.hpp"

namespace strata {
namespace {

// Four versions: the first sentence is missing from b and c and comes back
// in d reworded; the second is missing from b only and comes back verbatim;
// the third is always there.
const char* const kA =
    "Title\n\nIntro\n\nRelations date back to the early 1990s and have since developed into one of the most "
    "substantive partnerships. The Comprehensive Assistance Package was agreed at the Warsaw Summit in 2016. "
    "Cooperation covers many areas.\n";
const char* const kB = "Title\n\nIntro\n\nCooperation covers many areas.\n";
const char* const kC =
    "Title\n\nIntro\n\nThe Comprehensive Assistance Package was agreed at the Warsaw Summit in 2016. Cooperation "
    "covers many areas.\n";
const char* const kD =
    "Title\n\nIntro\n\nRelations between NATO and Ukraine date back to the early 1990s and have since developed "
    "into one of the most substantial partnerships. The Comprehensive Assistance Package was agreed at the "
    "Warsaw Summit in 2016. Cooperation covers many areas.\n";

struct Gaps {
  test::TempDir tmp;
  Store store = Store::init(tmp.path() + "/store").value();
  Gaps() {
    auto out = store.import({test::snapshot(kA, "2015", "a", "a.txt"), test::snapshot(kB, "2016", "b", "b.txt"),
                             test::snapshot(kC, "2017", "c", "c.txt"), test::snapshot(kD, "2018", "d", "d.txt")});
    EXPECT_TRUE(out) << out.error().message;
  }
};

const BlameEntry* find_claim(const Blame& b, std::string_view start) {
  for (const auto& c : b.claims) {
    if (c.text.starts_with(start)) return &c;
  }
  return nullptr;
}

TEST(Lineage, BlameKeepsTheFirstOriginOfAClaimThatCameBack) {
  Gaps g;
  auto b = blame(g.store, "HEAD");
  ASSERT_TRUE(b) << b.error().message;
  const BlameEntry* reworded = find_claim(*b, "Relations between NATO");
  ASSERT_NE(reworded, nullptr);
  EXPECT_EQ(reworded->origin, 0);
  EXPECT_EQ(reworded->last_changed, 3);
  EXPECT_EQ(reworded->absent_from, 1);
  EXPECT_EQ(reworded->absent_to, 2);
  const BlameEntry* verbatim = find_claim(*b, "The Comprehensive");
  ASSERT_NE(verbatim, nullptr);
  EXPECT_EQ(verbatim->origin, 0);
  EXPECT_EQ(verbatim->last_changed, 0);
  EXPECT_EQ(verbatim->absent_from, 1);
  EXPECT_EQ(verbatim->absent_to, 1);
  const BlameEntry* kept = find_claim(*b, "Cooperation");
  ASSERT_NE(kept, nullptr);
  EXPECT_EQ(kept->origin, 0);
  EXPECT_EQ(kept->absent_from, -1);

  const std::string text = render_blame(*b, "text");
  EXPECT_NE(text.find("reappeared after absent in b .. c (2 versions)"), std::string::npos) << text;
  EXPECT_NE(text.find("reappeared after absent in b\n"), std::string::npos) << text;
  const std::string json = render_blame(*b, "json");
  EXPECT_NE(json.find("\"absent\": [\n        \"b\",\n        \"c\"\n      ]"), std::string::npos) << json;
}

TEST(Lineage, ClaimChainListsTheVersionsWithoutIt) {
  Gaps g;
  auto steps = claim_history(g.store, "HEAD", "date back to the early 1990s");
  ASSERT_TRUE(steps) << steps.error().message;
  ASSERT_EQ(steps->size(), 2u);
  EXPECT_EQ((*steps)[0].version.id, "a");
  EXPECT_EQ((*steps)[1].version.id, "d");
  EXPECT_TRUE((*steps)[1].changed);
  ASSERT_EQ((*steps)[1].absent_before.size(), 2u);
  EXPECT_EQ((*steps)[1].absent_before[0].id, "b");
  EXPECT_EQ((*steps)[1].absent_before[1].id, "c");
  const std::string text = render_claim_history(*steps, "text");
  EXPECT_NE(text.find("2016 b  absent\n2017 c  absent\n2018 d  reappeared, changed"), std::string::npos) << text;
}

TEST(Lineage, UnrelatedClaimsDoNotContinueAVanishedOne) {
  Gaps g;
  const char* const kE = "Title\n\nIntro\n\nThe early years of the partnership saw little cooperation.\n";
  ASSERT_TRUE(g.store.import({test::snapshot(kE, "2019", "e", "e.txt")}));
  auto b = blame(g.store, "HEAD");
  ASSERT_TRUE(b) << b.error().message;
  ASSERT_EQ(b->claims.size(), 1u);
  EXPECT_EQ(b->claims[0].origin, 4);
  EXPECT_EQ(b->claims[0].absent_from, -1);
}

// A claim that vanished and returned more often than the word index keeps
// postings for (WordIndex::kMaxPostings) is still found when it returns
// reworded: returned claims leave the index.
TEST(Lineage, AClaimThatFlickeredManyTimesStillContinuesWhenReworded) {
  test::TempDir tmp;
  Store store = Store::init(tmp.path() + "/store").value();
  const std::string kept = "Cooperation covers many areas.";
  const std::string flicker =
      "Relations date back to the early 1990s and have since developed into one of the most "
      "substantive partnerships.";
  const std::string reworded =
      "Relations between NATO and Ukraine date back to the early 1990s and have since "
      "developed into one of the most substantial partnerships.";
  std::vector<Snapshot> versions;
  const int flips = 2 * static_cast<int>(align::WordIndex::kMaxPostings) + 10;
  for (int v = 0; v <= flips; ++v) {
    const std::string body = v == flips ? reworded + " " + kept : v % 2 == 0 ? flicker + " " + kept : kept;
    const std::string id = "v" + std::to_string(v);
    versions.push_back(test::snapshot("Title\n\nIntro\n\n" + body + "\n", std::to_string(1800 + v), id, id + ".txt"));
  }
  ImportOptions fast;
  fast.sync = false;  // a throwaway store
  ASSERT_TRUE(store.import(std::move(versions), fast));
  auto b = blame(store, "HEAD");
  ASSERT_TRUE(b) << b.error().message;
  const BlameEntry* back = find_claim(*b, "Relations between NATO");
  ASSERT_NE(back, nullptr);
  EXPECT_EQ(back->origin, 0);
  EXPECT_EQ(back->last_changed, flips);
}

}  // namespace
}  // namespace strata
