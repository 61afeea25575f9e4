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

Document doc_of(const std::string& text) { return test::parse(text, "evidence.txt"); }

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
  EXPECT_EQ(council->evidence.at(0),
            "same sentence, new name: \"The Joint Readiness Council meets every year in Kyiv.\"");
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

TEST(RenameEvidence, MergeAndSplitStatements) {
  const Document old_doc = doc_of(
      "Agreements\n\nUkraine ratified the Host Nation Support Agreement in 2004. Ukraine ratified the Strategic "
      "Airlift Agreement in 2006. Ukraine joined the Air Situation Data Exchange Programme in 2006.\n");
  const Document new_doc = doc_of(
      "Agreements\n\nIn 2024, the Host Nation Support Agreement and the Strategic Airlift Agreement were merged into "
      "the Logistics Support Agreement. In 2024, the Air Situation Data Exchange Programme was split into the Air "
      "Picture Programme and the Air Data Sharing Programme.\n");
  const auto changes = compare_programmes(old_doc, new_doc, {});
  std::vector<std::string> seen;
  for (const auto& c : changes) {
    seen.push_back(std::string(to_string(c.status)) + " " + (c.old_side ? c.old_side->name : "") + " -> " +
                   (c.new_side ? c.new_side->name : ""));
  }
  // The old names are written only in the statements: they are gone, not kept.
  EXPECT_EQ(seen, (std::vector<std::string>{
                      "merged Host Nation Support Agreement -> Logistics Support Agreement",
                      "merged Strategic Airlift Agreement -> Logistics Support Agreement",
                      "split Air Situation Data Exchange Programme -> Air Data Sharing Programme",
                      "split Air Situation Data Exchange Programme -> Air Picture Programme",
                  }));
  EXPECT_EQ(changes[0].evidence.at(0).rfind("succession statement ('merged into') in the new version", 0), 0u);
}

// A centre that a statement says was replaced by a network.
std::vector<Document> centre_then_network() {
  std::vector<Document> docs;
  docs.push_back(doc_of("Rehab\n\nThe Medical Rehabilitation Centre of Excellence opened in Lviv.\n"));
  docs.push_back(
      doc_of("Rehab\n\nIn 2024, the Medical Rehabilitation Centre of Excellence was replaced by the Medical "
             "Rehabilitation Network of Excellence.\n"));
  return docs;
}

TEST(RenameEvidence, SeriesRowContinuesThroughAStatementOnlyName) {
  const auto series = programme_series(centre_then_network(), {"a", "b"}, {});
  ASSERT_EQ(series.rows.size(), 1u);
  EXPECT_EQ(series.rows[0].name, "Medical Rehabilitation Network of Excellence");
  EXPECT_EQ(series.rows[0].earlier, (std::vector<std::string>{"Medical Rehabilitation Centre of Excellence"}));
  ASSERT_EQ(series.renames.size(), 1u);
  EXPECT_EQ(series.renames[0].change.status, ChangeStatus::kRenamed);
}

// Renamed, then renamed back: the name it has now is not among its others.
TEST(RenameEvidence, SeriesRowRenamedBackHasNoEarlierNameOfItsOwn) {
  auto docs = centre_then_network();
  docs.push_back(
      doc_of("Rehab\n\nIn 2025, the Medical Rehabilitation Network of Excellence was replaced by the Medical "
             "Rehabilitation Centre of Excellence.\n"));
  const auto series = programme_series(docs, {"a", "b", "c"}, {});
  ASSERT_EQ(series.rows.size(), 1u);
  EXPECT_EQ(series.rows[0].name, "Medical Rehabilitation Centre of Excellence");
  EXPECT_EQ(series.rows[0].earlier, (std::vector<std::string>{"Medical Rehabilitation Network of Excellence"}));
}

}  // namespace
}  // namespace strata
