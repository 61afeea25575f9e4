// The history's compare: the unchanged claims in place are only paired, the
// sections only linked, and what it returns says the same as the full
// ChangeSet, on real pages.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "history/derive_steps.hpp"
#include "pipeline/compare_linked.hpp"
#include "strata/compare.hpp"
#include "test_util.hpp"

namespace strata {
namespace {

struct Pair {
  Document older;
  Document newer;
};

// The bundled series and two revisions of GitHub's account terms (CC0).
std::vector<Pair> real_pairs() {
  std::vector<Pair> pairs;
  const std::vector<std::string> series = {"page-2015", "guide-2016-2018", "page-2023", "page-2024"};
  for (size_t k = 1; k < series.size(); ++k)
    pairs.push_back({test::load_snapshot(series[k - 1]), test::load_snapshot(series[k])});
  const std::string dir = std::string(STRATA_SOURCE_DIR) + "/tests/golden/site-policy-accounts/";
  pairs.push_back({test::parse(test::read_file(dir + "terms-2018-04-19.md"), "a.md"),
                   test::parse(test::read_file(dir + "terms-2018-05-10.md"), "b.md")});
  pairs.push_back({test::parse(test::read_file(dir + "terms-2021-12-14.md"), "a.md"),
                   test::parse(test::read_file(dir + "terms-2022-09-01.md"), "b.md")});
  return pairs;
}

// Claim number (claims_in_order) of a side of a claim change.
int number_of(const Document& doc, const ClaimSide& side) {
  const Sentence* at = &doc.sentence_at(side.section, side.block, side.sentence);
  const auto all = store::claims_in_order(doc);
  for (size_t i = 0; i < all.size(); ++i) {
    if (all[i] == at) return static_cast<int>(i);
  }
  return -1;
}

CompareOptions unclassified() {
  CompareOptions options;
  options.classify = false;
  return options;
}

TEST(CompareLinked, LeavesOutExactlyTheUnchangedClaimsAndPairsThem) {
  size_t mostly_unchanged = 0;  // pairs where most claims are unchanged
  size_t continued = 0;         // new sections that continue an old one
  for (const Pair& p : real_pairs()) {
    const ChangeSet full = compare(p.older, p.newer, unclassified());
    const pipeline::LinkedChanges linked = pipeline::compare_linked(p.older, p.newer, unclassified());
    std::set<std::pair<int, int>> unchanged;
    std::vector<const ClaimChange*> rest;
    for (const ClaimChange& c : full.claims) {
      if (c.status != ChangeStatus::kUnchanged) {
        rest.push_back(&c);
        continue;
      }
      ASSERT_EQ(c.old_sides.size(), 1u);
      ASSERT_EQ(c.new_sides.size(), 1u);
      unchanged.emplace(number_of(p.older, c.old_sides[0]), number_of(p.newer, c.new_sides[0]));
    }
    ASSERT_FALSE(rest.empty()) << p.newer.meta.source;
    mostly_unchanged += unchanged.size() > rest.size() ? 1 : 0;
    const std::set<std::pair<int, int>> left_out(linked.unchanged.begin(), linked.unchanged.end());
    EXPECT_EQ(left_out, unchanged);
    EXPECT_EQ(linked.unchanged.size(), unchanged.size());
    EXPECT_EQ(linked.changes.unchanged_claims_left_out, static_cast<int>(unchanged.size()));
    ASSERT_EQ(linked.changes.claims.size(), rest.size());
    for (size_t k = 0; k < rest.size(); ++k) {
      const ClaimChange& a = linked.changes.claims[k];
      EXPECT_EQ(a.status, rest[k]->status);
      EXPECT_EQ(a.index, rest[k]->index);
      ASSERT_EQ(a.old_sides.size(), rest[k]->old_sides.size());
      ASSERT_EQ(a.new_sides.size(), rest[k]->new_sides.size());
      for (size_t s = 0; s < a.new_sides.size(); ++s) EXPECT_EQ(a.new_sides[s].text, rest[k]->new_sides[s].text);
    }
    // Each new section links to the old one of its section change, as the
    // full ChangeSet reports them; the sections themselves are not reported.
    EXPECT_TRUE(linked.changes.sections.empty());
    std::vector<int> expected(p.newer.sections.size(), -1);
    expected[0] = 0;
    for (const SectionChange& c : full.sections) {
      if (c.old_sides.empty() || c.new_sides.empty()) continue;
      for (const SectionSide& n : c.new_sides) expected[static_cast<size_t>(n.index)] = c.old_sides.front().index;
      continued += c.new_sides.size();
    }
    EXPECT_EQ(linked.section_links, expected) << p.newer.meta.source;
  }
  // The NATO pages were rewritten between captures; GitHub's terms were edited in places.
  EXPECT_GE(mostly_unchanged, 1u);
  EXPECT_GE(continued, 10u);
}

// Every claim's link in a history pair is the one the full ChangeSet gives.
TEST(CompareLinked, HistoryPairLinksEveryClaimAsTheFullChangeSet) {
  for (const Pair& p : real_pairs()) {
    const ChangeSet full = compare(p.older, p.newer, unclassified());
    std::map<int, std::vector<int>> expected;
    std::map<int, bool> edited;
    for (const ClaimChange& c : full.claims) {
      if (c.status == ChangeStatus::kAdded) continue;
      for (const ClaimSide& n : c.new_sides) {
        const int to = number_of(p.newer, n);
        for (const ClaimSide& o : c.old_sides) expected[to].push_back(number_of(p.older, o));
        edited[to] = c.status == ChangeStatus::kModified || c.status == ChangeStatus::kSplit ||
                     c.status == ChangeStatus::kMerged;
      }
    }
    const store::PairResult pair = store::derive_pair(p.older, p.newer, {}, nullptr);
    ASSERT_EQ(pair.links.size(), p.newer.sentence_count());
    size_t linked = 0;
    for (const auto& link : pair.links) {
      const auto it = expected.find(link.new_claim);
      EXPECT_EQ(std::vector<int>(link.old_claims.begin(), link.old_claims.end()),
                it == expected.end() ? std::vector<int>{} : it->second)
          << link.new_claim;
      if (edited[link.new_claim]) {
        EXPECT_TRUE(link.text_changed) << link.new_claim;
      }
      linked += link.old_claims.empty() ? 0 : 1;
    }
    EXPECT_EQ(linked, expected.size());
  }
}

}  // namespace
}  // namespace strata
