// Section pairing (align/sections): title anchors, the one best matching on
// title and content, and splits and merges among what is left.
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "align/claims.hpp"
#include "align/sections.hpp"
#include "strata/load.hpp"
#include "test_util.hpp"

namespace strata::align {
namespace {

Document md(const std::string& text) { return test::parse(text, "x.md"); }

int section_titled(const Document& doc, const std::string& title) {
  for (size_t i = 0; i < doc.sections.size(); ++i) {
    if (doc.sections[i].title == title) return static_cast<int>(i);
  }
  ADD_FAILURE() << "no section " << title;
  return -1;
}

struct Paired {
  Document a, b;
  Side o, n;
  ClaimPairs claims;
  SectionPairs sections;
};

std::unique_ptr<Paired> pair(const std::string& old_text, const std::string& new_text) {
  auto p = std::make_unique<Paired>();
  p->a = md(old_text);
  p->b = md(new_text);
  p->o = prepare(p->a);
  p->n = prepare(p->b);
  p->claims = pair_claims(p->o, p->n, anchor_sections(p->o, p->n));
  p->sections = pair_sections(p->o, p->n, p->claims);
  return p;
}

TEST(SectionAnchors, OnlyTitlesUniqueOnBothSidesAnchor) {
  // "Notes" appears twice in the new version: which one is meant is left to
  // the content, not decided by the title.
  const auto p =
      pair("# T\n\n## Scope\n\nA.\n\n## Notes\n\nB.\n", "# T\n\n## Notes\n\nC.\n\n## Scope\n\nA.\n\n## Notes\n\nB.\n");
  const std::vector<int> anchors = anchor_sections(p->o, p->n);
  EXPECT_EQ(anchors[0], 0);  // the roots always
  EXPECT_EQ(anchors[section_titled(p->a, "Scope")], section_titled(p->b, "Scope"));
  EXPECT_EQ(anchors[section_titled(p->a, "Notes")], -1);
}

TEST(SectionAnchors, TitlesMatchIgnoringASCIICase) {
  const auto p = pair("# T\n\n## Scope of the terms\n\nA.\n\n## Notes\n\nB.\n",
                      "# T\n\n## Notes\n\nB.\n\n## SCOPE of The Terms\n\nC.\n");
  const std::vector<int> anchors = anchor_sections(p->o, p->n);
  EXPECT_EQ(anchors[section_titled(p->a, "Scope of the terms")], section_titled(p->b, "SCOPE of The Terms"));
  EXPECT_EQ(anchors[section_titled(p->a, "Notes")], section_titled(p->b, "Notes"));
}

// Sections without text of their own pair on their title alone: a title
// shared by kMaxTitlePostings sections still proposes them all (one more, and
// none is proposed: SamePairs.DeclinesWhereTitlesProposeNothing). "§" has no
// word, so only the whole title proposes.
TEST(SectionMatching, ATitleSharedByAsManySectionsAsTheCapStillPairsThem) {
  std::string text = "# Terms\n\nIntro.\n\n";
  for (size_t k = 0; k < kMaxTitlePostings; ++k) text += "## §\n\n### Detail " + std::to_string(k) + "\n\nText.\n\n";
  const auto p = pair(text, text);
  size_t titled = 0;
  for (size_t a = 1; a < p->a.sections.size(); ++a) {
    if (p->a.sections[a].title != "§") continue;
    ++titled;
    EXPECT_EQ(p->sections.old_to_new[a], static_cast<int>(a));
  }
  EXPECT_EQ(titled, kMaxTitlePostings);
}

TEST(SectionMatching, ContentOutweighsATitleWord) {
  // "Partners" keeps its text under a new title; "Partner countries" is new
  // with other text. Content (0.65) beats a shared title word (0.35).
  const std::string text =
      "Cooperation with partner countries covers defence reform and training. "
      "Exercises are held every year with the armed forces of several states.";
  const auto p = pair("# T\n\n## Partners\n\n" + text + "\n",
                      "# T\n\n## Partner countries\n\nA new programme starts.\n\n## Cooperation\n\n" + text + "\n");
  const int old_partners = section_titled(p->a, "Partners");
  EXPECT_EQ(p->sections.old_to_new[old_partners], section_titled(p->b, "Cooperation"));
  EXPECT_GT(p->sections.score[old_partners], 0.6);
  EXPECT_EQ(p->sections.new_to_old[section_titled(p->b, "Partner countries")], -1);
}

TEST(SectionMatching, TitleSimilarityIsDiceOverTitleWords) {
  const auto p = pair("# T\n\n## Relations with Ukraine\n\nA.\n", "# T\n\n## Relations with Georgia\n\nA.\n");
  const int o = section_titled(p->a, "Relations with Ukraine");
  const int n = section_titled(p->b, "Relations with Georgia");
  EXPECT_NEAR(title_similarity(p->o, o, p->n, n), 2.0 * 2 / 6, 1e-9);
  EXPECT_DOUBLE_EQ(title_similarity(p->o, o, p->o, o), 1.0);
}

TEST(SectionMatching, ASectionWhoseTextWentToTwoIsSplit) {
  const std::string first =
      "The council meets twice a year at the level of ministers to review the annual national programme.";
  const std::string second =
      "Trust funds support demining, the destruction of munitions and the retraining of former officers.";
  const auto p = pair("# T\n\n## Cooperation\n\n" + first + "\n\n" + second + "\n",
                      "# T\n\n## Council\n\n" + first + "\n\n## Trust funds\n\n" + second + "\n");
  const int old_section = section_titled(p->a, "Cooperation");
  const int paired = p->sections.old_to_new[old_section];
  ASSERT_GE(paired, 0);
  ASSERT_EQ(p->sections.split_into[old_section].size(), 1u);
  const int other = p->sections.split_into[old_section][0];
  std::vector<std::string> titles{p->b.sections[paired].title, p->b.sections[other].title};
  std::sort(titles.begin(), titles.end());
  EXPECT_EQ(titles, (std::vector<std::string>{"Council", "Trust funds"}));
}

}  // namespace
}  // namespace strata::align
