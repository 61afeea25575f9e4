// Two sides with the same claims under the same titles (align/same): paired
// in one pass, exactly as the full pairing pairs them.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "align/claims.hpp"
#include "align/same.hpp"
#include "align/sections.hpp"
#include "strata/load.hpp"
#include "test_util.hpp"

namespace strata::align {
namespace {

struct Sides {
  Document a, b;
  Side o, n;
};

std::unique_ptr<Sides> sides(const std::string& old_text, const std::string& new_text) {
  auto s = std::make_unique<Sides>();
  s->a = test::parse(old_text, "x.md");
  s->b = test::parse(new_text, "x.md");
  s->o = prepare(s->a);
  s->n = prepare(s->b);
  return s;
}

SamePairs full(Sides& s) {
  SamePairs p;
  p.claims = pair_claims(s.o, s.n, anchor_sections(s.o, s.n));
  p.sections = pair_sections(s.o, s.n, p.claims);
  return p;
}

void expect_same_pairs(const SamePairs& fast, const SamePairs& slow) {
  EXPECT_EQ(fast.claims.old_to_new, slow.claims.old_to_new);
  EXPECT_EQ(fast.claims.new_to_old, slow.claims.new_to_old);
  EXPECT_EQ(fast.claims.old_kind, slow.claims.old_kind);
  EXPECT_EQ(fast.claims.new_kind, slow.claims.new_kind);
  EXPECT_EQ(fast.claims.old_score, slow.claims.old_score);
  EXPECT_EQ(fast.claims.split_rest, slow.claims.split_rest);
  EXPECT_EQ(fast.claims.merge_rest, slow.claims.merge_rest);
  EXPECT_EQ(fast.claims.inexact_over_cap, slow.claims.inexact_over_cap);
  EXPECT_EQ(fast.sections.old_to_new, slow.sections.old_to_new);
  EXPECT_EQ(fast.sections.new_to_old, slow.sections.new_to_old);
  // Bit for bit: the scores are reported as section similarities.
  EXPECT_EQ(fast.sections.score, slow.sections.score);
  EXPECT_EQ(fast.sections.split_into, slow.sections.split_into);
  EXPECT_EQ(fast.sections.merged_from, slow.sections.merged_from);
}

void replace_all(std::string& text, const std::string& from, const std::string& to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
}

// Facebook's privacy policy changed most often only in its links' targets
// and its markup: such a pair takes the one pass.
TEST(SamePairs, RealPolicyWithOtherLinksAndMarkup) {
  const std::string text =
      test::read_file(std::string(STRATA_SOURCE_DIR) + "/tests/fixtures/facebook/privacy-policy-2026-08-22.md");
  std::string changed = text;
  replace_all(changed, "link-collection-", "link-collection-9");
  replace_all(changed, "*   ", "-   ");
  ASSERT_NE(changed, text);
  auto s = sides(text, changed);
  const auto fast = pair_same(s->o, s->n);
  ASSERT_TRUE(fast.has_value());
  EXPECT_GT(s->o.claims.size(), 20u);
  expect_same_pairs(*fast, full(*s));
}

// Titles twice (anchoring neither), repeated sentences in one section and
// across sections, a heading over subsections: the full pairing still pairs
// each with itself.
TEST(SamePairs, RepeatsAndUnanchoredTitles) {
  const std::string text =
      "# Terms\n\nSee below. See below.\n\n## Notes\n\nSee below.\n\nA short note. See below.\n\n"
      "## Notes\n\nSee below.\n\nA short note.\n\n## Parts\n\n### One\n\nSee below.\n\n### Two\n\nSee below.\n";
  std::string spaced = text;
  replace_all(spaced, "A short note.", "A  *short*  note.");
  auto s = sides(text, spaced);
  const auto fast = pair_same(s->o, s->n);
  ASSERT_TRUE(fast.has_value());
  const SamePairs slow = full(*s);
  expect_same_pairs(*fast, slow);
  // The titles said twice were paired with themselves, not by their titles.
  EXPECT_EQ(anchor_sections(s->o, s->n)[2], -1);
  EXPECT_EQ(slow.sections.old_to_new[2], 2);
}

// A bundled snapshot against itself: hundreds of claims, nested sections.
TEST(SamePairs, BundledSnapshotAgainstItself) {
  Document a = test::load_snapshot("page-2023");
  Document b = test::load_snapshot("page-2023");
  Side o = prepare(a);
  Side n = prepare(b);
  const auto fast = pair_same(o, n);
  ASSERT_TRUE(fast.has_value());
  Sides s{std::move(a), std::move(b), {}, {}};
  s.o = prepare(s.a);
  s.n = prepare(s.b);
  expect_same_pairs(*fast, full(s));
}

// Sections without claims under a title more sections share than a title
// proposes: the full pairing leaves them unpaired, so the one pass declines.
TEST(SamePairs, DeclinesWhereTitlesProposeNothing) {
  std::string text = "# Terms\n\nIntro.\n\n";
  for (size_t k = 0; k <= kMaxTitlePostings; ++k)
    text += "## Part\n\n### Detail " + std::to_string(k) + "\n\nText.\n\n";
  auto s = sides(text, text);
  EXPECT_FALSE(pair_same(s->o, s->n).has_value());
  const SamePairs slow = full(*s);
  size_t unpaired = 0;
  for (size_t a = 0; a < s->a.sections.size(); ++a) {
    if (slow.sections.old_to_new[a] < 0) {
      EXPECT_EQ(s->a.sections[a].title, "Part");
      ++unpaired;
    }
  }
  EXPECT_EQ(unpaired, kMaxTitlePostings + 1);
}

// Any difference in the claims or titles: the full pairing.
TEST(SamePairs, DeclinesAnyOtherChange) {
  const std::string text = "# Terms\n\n## Scope\n\nA. B.\n\n## Data\n\nC.\n";
  for (const std::string& other : {std::string("# Terms\n\n## Scope\n\nA. B.\n\n## Data\n\nC, reworded.\n"),
                                   std::string("# Terms\n\n## Scope\n\nA.\n\n## Data\n\nB. C.\n"),
                                   std::string("# Terms\n\n## Scope\n\nA. B.\n\n## Your data\n\nC.\n"),
                                   std::string("# Terms\n\n## Scope\n\nA. B.\n\n## Data\n\nC.\n\nD.\n")}) {
    auto s = sides(text, other);
    EXPECT_FALSE(pair_same(s->o, s->n).has_value()) << other;
  }
}

}  // namespace
}  // namespace strata::align
