// Renames found from the names and sentences themselves
// (programmes/rename_evidence.cpp): a new head word, the same sentence
// under a new name.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "strata/load.hpp"
#include "strata/programmes.hpp"
#include "test_util.hpp"

namespace strata {
namespace {

Document doc_of(const std::string& text) {
  auto doc = parse_document(text, "evidence.txt");
  EXPECT_TRUE(doc.has_value());
  return doc ? std::move(*doc) : Document{};
}

const ProgrammeChange* renamed(const std::vector<ProgrammeChange>& changes, const std::string& from) {
  for (const auto& c : changes) {
    if (c.status == ChangeStatus::kRenamed && c.old_side && c.old_side->name == from) return &c;
  }
  return nullptr;
}

TEST(RenameEvidence, SameSentenceWithANewName) {
  const auto changes = compare_programmes(
      doc_of("Bodies\n\nThe Joint Readiness Commission meets every year in Kyiv.\n\nThe Ukraine Work Plan of the "
             "Military Committee is updated.\n"),
      doc_of("Bodies\n\nThe Joint Readiness Council meets every year in Kyiv.\n\nThe Ukraine Work Roadmap of the "
             "Military Committee is updated.\n"),
      {});
  const auto* council = renamed(changes, "Joint Readiness Commission");
  ASSERT_NE(council, nullptr);
  EXPECT_EQ(council->new_side->name, "Joint Readiness Council");
  EXPECT_EQ(council->evidence.at(0), "same sentence, new name: \"The Joint Readiness Council meets every year in Kyiv.\"");
  // A name that holds another is renamed as a whole.
  const auto* plan = renamed(changes, "Ukraine Work Plan of the Military Committee");
  ASSERT_NE(plan, nullptr);
  EXPECT_EQ(plan->new_side->name, "Ukraine Work Roadmap of the Military Committee");
}

TEST(RenameEvidence, ADifferentSentenceIsNoEvidence) {
  const auto changes =
      compare_programmes(doc_of("Bodies\n\nThe Joint Readiness Commission meets every year in Kyiv.\n"),
                         doc_of("Bodies\n\nThe Joint Readiness Council was founded in Lviv.\n"), {});
  // Only the weaker rule, near-identical names in similar claims, pairs them.
  const auto* council = renamed(changes, "Joint Readiness Commission");
  ASSERT_NE(council, nullptr);
  EXPECT_EQ(council->evidence.at(0).rfind("near-identical name", 0), 0u) << council->evidence.at(0);
}

TEST(RenameEvidence, NewHeadWordOnTheBundledSnapshots) {
  const auto changes = compare_programmes(test::load_snapshot("page-2015"), test::load_snapshot("page-2023"), {});
  const auto* bi = renamed(changes, "NATO Building Integrity Programme");
  ASSERT_NE(bi, nullptr);
  EXPECT_EQ(bi->new_side->name, "Building Integrity Initiative");
  EXPECT_EQ(bi->evidence.at(0).rfind("new head word: 'Programme' -> 'Initiative'", 0), 0u) << bi->evidence.at(0);
}

TEST(RenameEvidence, AnotherWrittenFormIsNoNewHeadWord) {
  // "programme" in lowercase after the name is the same programme.
  const auto changes =
      compare_programmes(doc_of("Peace\n\nUkraine joined the Partnership for Peace programme in 1994.\n"),
                         doc_of("Peace\n\nUkraine joined the Partnership for Peace in 1994.\n"), {});
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].status, ChangeStatus::kUnchanged);
}

}  // namespace
}  // namespace strata
