// The registry across versions (programmes/registry.cpp) and what it
// reads to join rows: names split at a known name, owners in front, a
// class of programmes consolidated into one, a name that skipped a version.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "strata/load.hpp"
#include "strata/programmes.hpp"
#include "test_util.hpp"

namespace strata {
namespace {

using test::load_snapshot;

Document doc_of(const std::string& text) { return test::parse(text, "registry.txt"); }

std::vector<std::string> names_in(const std::string& text) {
  std::vector<std::string> out;
  for (const auto& p : extract_programmes(doc_of("Topic\n\n" + text + "\n"), {})) out.push_back(p.name);
  return out;
}

TEST(Registry, SplitsALongerNameAtANameWrittenOnItsOwn) {
  // Alone, the run is one name: nothing tells where the first one ends.
  EXPECT_EQ(names_in("Ukraine takes part under the Military Committee with Ukraine Work Plan."),
            (std::vector<std::string>{"Military Committee with Ukraine Work Plan"}));
  // Once the document names the Military Committee on its own, two names.
  EXPECT_EQ(names_in("The Military Committee meets twice a year. Ukraine takes part under the Military Committee "
                     "with Ukraine Work Plan."),
            (std::vector<std::string>{"Military Committee", "Ukraine Work Plan"}));
  // The rename inside the longer name is found when the other version
  // names the body on its own.
  const auto changes = compare_programmes(
      doc_of("Work\n\nUkraine takes part under the Military Committee with Ukraine Work Plan.\n"),
      doc_of("Work\n\nThe Military Committee met in Kyiv. Ukraine takes part under the Military Committee with "
             "Ukraine Work Roadmap.\n"),
      {});
  auto renamed = std::find_if(changes.begin(), changes.end(), [](const ProgrammeChange& c) {
    return c.status == ChangeStatus::kRenamed && c.old_side->name == "Ukraine Work Plan" &&
           c.new_side->name == "Ukraine Work Roadmap";
  });
  EXPECT_NE(renamed, changes.end());
}

TEST(Registry, OwnerInFrontOfOneNameOnlyIsThatName) {
  // One name extends "Audience Network" with a word in front: the same
  // network, its owner written.
  EXPECT_EQ(names_in("Partners use Meta Audience Network technologies. Publishers who use Audience Network get "
                     "paid. Meta Audience Network is free."),
            (std::vector<std::string>{"Meta Audience Network"}));
  // Two do: "Trust Fund" is their kind, with no word telling which one.
  EXPECT_EQ(names_in("The PfP Trust Fund helps. The Partnership Trust Fund helps too. The Trust Fund project "
                     "ended."),
            (std::vector<std::string>{"Partnership Trust Fund", "PfP Trust Fund"}));
}

TEST(Registry, QuotedDesignatorIsPartOfTheName) {
  EXPECT_EQ(names_in("Ukraine serves in the Multinational Task Force \"East\" in Kosovo."),
            (std::vector<std::string>{"Multinational Task Force \"East\""}));
}

TEST(Registry, ConsolidationOfAClassIsAMerge) {
  const auto changes = compare_programmes(load_snapshot("guide-2016-2018"), load_snapshot("page-2023"), {});
  auto merged = std::find_if(changes.begin(), changes.end(), [](const ProgrammeChange& c) {
    return c.status == ChangeStatus::kMerged && c.old_side->name == "PfP Trust Fund" &&
           c.new_side->name == "Ukraine CAP Trust Fund";
  });
  ASSERT_NE(merged, changes.end());
  ASSERT_EQ(merged->evidence.size(), 1u);
  EXPECT_NE(merged->evidence[0].find("succession statement ('consolidated ... into') in the new version"),
            std::string::npos)
      << merged->evidence[0];
  // A class needs two words: "Funds" alone says nothing of which.
  const auto none = compare_programmes(doc_of("Funds\n\nThe Science Fund and the Trust Fund on Demining help.\n"),
                                       doc_of("Funds\n\nNATO merged all Funds into the Ukraine Support Fund.\n"), {});
  EXPECT_TRUE(std::none_of(none.begin(), none.end(),
                           [](const ProgrammeChange& c) { return c.status == ChangeStatus::kMerged; }));
}

TEST(Registry, NameThatSkippedAVersionKeepsItsEarlierName) {
  std::vector<Document> docs;
  for (const char* id : {"page-2015", "guide-2016-2018", "page-2023"}) docs.push_back(load_snapshot(id));
  const auto series = programme_series(docs, {"2015", "2018", "2023"}, {});
  auto row = std::find_if(series.rows.begin(), series.rows.end(),
                          [](const auto& r) { return r.name == "Building Integrity Initiative"; });
  ASSERT_NE(row, series.rows.end());
  EXPECT_EQ(row->mentions, (std::vector<int>{1, 0, 1}));
  EXPECT_EQ(row->earlier, (std::vector<std::string>{"NATO Building Integrity Programme"}));
}

}  // namespace
}  // namespace strata
