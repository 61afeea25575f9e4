// check_document(): each rule kind over crafted pairs and the bundled one.
#include <gtest/gtest.h>

#include "strata/check.hpp"
#include "strata/compare.hpp"
#include "strata/load.hpp"
#include "test_util.hpp"

namespace strata {
namespace {

using test::rule;

Document doc(const std::string& markdown, const std::string& name) {
  LoadOptions options;
  options.format = InputFormat::kMarkdown;
  auto parsed = parse_document(markdown, name, options);
  EXPECT_TRUE(parsed.has_value()) << parsed.error().message;
  return parsed.has_value() ? std::move(*parsed) : Document{};
}

std::vector<Finding> run(const Document& old_doc, const Document& new_doc, const Rule& r) {
  CompareOptions options;
  options.keep_unchanged_claims = false;
  const ChangeSet changes = compare(old_doc, new_doc, options);
  return check_document(old_doc, new_doc, changes, {r}, "").findings;
}

const char* kOld = R"(# Policy

## Commitments

The Agency must publish its accounts every year.

The Agency supports open data.

Members will not accept late reports.

The budget is EUR 20 million.

## Partners

We work with the Comprehensive Assistance Package (CAP) on training.

The CAP funds fuel and medical supplies.

Partners meet twice a year.
)";

TEST(CheckDocument, SameDocumentBreaksNoRule) {
  const Document a = doc(kOld, "old.md");
  for (const Rule& r : {rule(RuleKind::kWatchPhrase, "will not accept"), rule(RuleKind::kWatchSection, "**"),
                        rule(RuleKind::kChangeKind, "", {std::begin(kChangeKinds), std::end(kChangeKinds)}),
                        rule(RuleKind::kClaimsRemoved, "", {}, 0), rule(RuleKind::kSectionRewritten, "", {}, 0),
                        rule(RuleKind::kProgrammes)}) {
    EXPECT_TRUE(run(a, a, r).empty()) << r.id;
  }
}

TEST(CheckDocument, WatchPhraseNamesTheClaimAndItsLine) {
  std::string edited = kOld;
  edited.replace(edited.find("will not accept"), 15, "do not accept");
  const auto findings =
      run(doc(kOld, "old.md"), doc(edited, "new.md"), rule(RuleKind::kWatchPhrase, "WILL not\naccept"));
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].summary, "claim modified holding 'WILL not\naccept' (1 -> 0 times)");
  EXPECT_EQ(findings[0].old_text, "Members will not accept late reports.");
  EXPECT_EQ(findings[0].new_text, "Members do not accept late reports.");
  EXPECT_EQ(findings[0].section, "Commitments");
  EXPECT_EQ(findings[0].line, 9u);
  EXPECT_EQ(findings[0].rule, "watch:WILL not\naccept");
  EXPECT_TRUE(
      run(doc(kOld, "old.md"), doc(edited, "new.md"), rule(RuleKind::kWatchPhrase, "late submissions")).empty());
}

TEST(CheckDocument, WatchedClaimAndSection) {
  std::string edited = kOld;
  edited.replace(edited.find("twice a year"), 12, "once a year");
  const Document a = doc(kOld, "old.md");
  const Document b = doc(edited, "new.md");
  const auto claim = run(a, b, rule(RuleKind::kWatchClaim, "partners meet TWICE a year."));
  ASSERT_EQ(claim.size(), 1u);
  EXPECT_EQ(claim[0].summary, "watched claim modified");
  EXPECT_TRUE(run(a, b, rule(RuleKind::kWatchClaim, "The Agency supports open data.")).empty());

  EXPECT_EQ(run(a, b, rule(RuleKind::kWatchSection, "Partners")).size(), 1u);
  EXPECT_TRUE(run(a, b, rule(RuleKind::kWatchSection, "Commitments")).empty());
  EXPECT_TRUE(run(a, b, rule(RuleKind::kWatchSection, "Partners", {"modified"})).empty());

  std::string renamed = kOld;
  renamed.replace(renamed.find("## Partners"), 11, "## Our partners");
  const auto section = run(a, doc(renamed, "new.md"), rule(RuleKind::kWatchSection, "** > Partners"));
  ASSERT_EQ(section.size(), 1u);
  EXPECT_EQ(section[0].summary, "section renamed");
  EXPECT_EQ(section[0].old_text, "Partners");
  EXPECT_EQ(section[0].new_text, "Our partners");
  EXPECT_EQ(section[0].line, 13u);
}

TEST(CheckDocument, ChangeKinds) {
  std::string edited = kOld;
  edited.replace(edited.find("must publish"), 12, "may publish");
  edited.replace(edited.find("supports open"), 13, "does not support open");
  edited.replace(edited.find("will not accept"), 15, "will accept");
  edited.replace(edited.find("EUR 20 million"), 14, "EUR 25 million");
  edited.erase(edited.find("Partners meet"), std::string("Partners meet twice a year.\n").size());
  const Document a = doc(kOld, "old.md");
  const Document b = doc(edited, "new.md");
  struct Case {
    const char* kind;
    const char* old_claim;
  } cases[] = {
      {"modality-weakened", "The Agency must publish its accounts every year."},
      {"negation-added", "The Agency supports open data."},
      {"negation-removed", "Members will not accept late reports."},
      {"figure-changed", "The budget is EUR 20 million."},
      {"claim-removed", "Partners meet twice a year."},
  };
  for (const Case& c : cases) {
    const auto findings = run(a, b, rule(RuleKind::kChangeKind, "", {c.kind}));
    ASSERT_EQ(findings.size(), 1u) << c.kind;
    EXPECT_EQ(findings[0].old_text, c.old_claim) << c.kind;
    EXPECT_EQ(findings[0].summary.rfind(c.kind == std::string("claim-removed") ? "claim removed" : c.kind, 0), 0u)
        << findings[0].summary;
  }
}

TEST(CheckDocument, ModalityOnlyWeakeningCounts) {
  std::string firmer = kOld;
  firmer.replace(firmer.find("supports open"), 13, "must support open");
  const auto findings =
      run(doc(kOld, "old.md"), doc(firmer, "new.md"), rule(RuleKind::kChangeKind, "", {"modality-weakened"}));
  EXPECT_TRUE(findings.empty());
  std::string softer = kOld;
  softer.replace(softer.find("supports open"), 13, "may support open");
  EXPECT_EQ(
      run(doc(kOld, "old.md"), doc(softer, "new.md"), rule(RuleKind::kChangeKind, "", {"modality-weakened"})).size(),
      1u);
}

TEST(CheckDocument, Programmes) {
  const Document a = doc(kOld, "old.md");
  std::string renamed = kOld;
  renamed.replace(renamed.find("Comprehensive Assistance Package"), 32, "Capability Assistance Package");
  const auto findings = run(a, doc(renamed, "new.md"), rule(RuleKind::kProgrammes));
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].summary,
            "programme renamed: Comprehensive Assistance Package -> Capability Assistance Package");
  EXPECT_FALSE(findings[0].details.empty());  // the evidence

  std::string gone = kOld;
  gone.erase(gone.find("We work with"), gone.find("Partners meet") - gone.find("We work with"));
  Rule removed_only = rule(RuleKind::kProgrammes, "", {"removed"});
  removed_only.names = {"comprehensive ASSISTANCE package"};
  const auto removed = run(a, doc(gone, "new.md"), removed_only);
  ASSERT_EQ(removed.size(), 1u);
  EXPECT_EQ(removed[0].summary, "programme removed: Comprehensive Assistance Package");
  removed_only.names = {"CAP"};  // the acronym names it too
  EXPECT_EQ(run(a, doc(gone, "new.md"), removed_only).size(), 1u);
  removed_only.names = {"Partnership for Peace"};
  EXPECT_TRUE(run(a, doc(gone, "new.md"), removed_only).empty());
  EXPECT_TRUE(run(a, doc(renamed, "new.md"), rule(RuleKind::kProgrammes, "", {"removed"})).empty());
}

TEST(CheckDocument, Thresholds) {
  std::string edited = kOld;
  edited.erase(edited.find("We work with"), edited.find("Partners meet") - edited.find("We work with"));
  const Document a = doc(kOld, "old.md");
  const Document b = doc(edited, "new.md");
  const auto removed = run(a, b, rule(RuleKind::kClaimsRemoved, "", {}, 1));
  ASSERT_EQ(removed.size(), 1u);
  EXPECT_EQ(removed[0].summary, "claims removed: 2, more than 1");
  EXPECT_EQ(removed[0].details.size(), 2u);
  EXPECT_TRUE(run(a, b, rule(RuleKind::kClaimsRemoved, "", {}, 2)).empty());

  const auto rewritten = run(a, b, rule(RuleKind::kSectionRewritten, "", {}, 50));
  ASSERT_EQ(rewritten.size(), 1u);
  EXPECT_EQ(rewritten[0].section, "Partners");
  EXPECT_EQ(rewritten[0].summary, "section rewritten: 2 of 3 claims (67%), more than 50%");
  EXPECT_TRUE(run(a, b, rule(RuleKind::kSectionRewritten, "", {}, 70)).empty());
  EXPECT_TRUE(run(a, b, rule(RuleKind::kSectionRewritten, "Commitments", {}, 50)).empty());
}

TEST(CheckDocument, KeysAreStableAndScoped) {
  std::string edited = kOld;
  edited.replace(edited.find("will not accept"), 15, "do not accept");
  const Document a = doc(kOld, "old.md");
  const Document b = doc(edited, "new.md");
  const Rule r = rule(RuleKind::kWatchPhrase, "will not accept");
  const ChangeSet changes = compare(a, b);
  const auto first = check_document(a, b, changes, {r}, "");
  const auto again = check_document(doc(kOld, "elsewhere.md"), doc(edited, "other.md"), changes, {r}, "");
  const auto scoped = check_document(a, b, changes, {r}, "docs/policy.md");
  ASSERT_EQ(first.findings.size(), 1u);
  EXPECT_EQ(first.findings[0].key, again.findings[0].key);
  EXPECT_EQ(first.findings[0].key.rfind("watch:will not accept/claim/", 0), 0u) << first.findings[0].key;
  EXPECT_EQ(scoped.findings[0].key, "docs/policy.md:" + first.findings[0].key);
}

// The bundled pair: NATO's page on Ukraine in 2023 and in July 2024.
TEST(CheckDocument, BundledPairWatch) {
  const Document a = test::load_snapshot("page-2023");
  const Document b = test::load_snapshot("page-2024");
  const auto findings = run(a, b, rule(RuleKind::kWatchPhrase, "will not recognise"));
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_NE(findings[0].old_text.find("The Allies strongly condemn and will not recognise"), std::string::npos);
  EXPECT_NE(findings[0].new_text.find("The Allies strongly condemn and do not recognise"), std::string::npos);
  EXPECT_EQ(findings[1].old_text, "They have no legitimacy, and NATO will not recognise them.");
  EXPECT_EQ(findings[1].new_text, "They have no legitimacy, and NATO does not recognise them.");
  EXPECT_GT(findings[1].line, findings[0].line);

  // Typed with a plain apostrophe, the watch finds the page's curly one.
  const auto plain = run(a, b, rule(RuleKind::kWatchPhrase, "recognise Russia's illegal and illegitimate annexation"));
  const auto curly =
      run(a, b, rule(RuleKind::kWatchPhrase, "recognise Russia\u2019s illegal and illegitimate annexation"));
  ASSERT_EQ(plain.size(), 1u);
  ASSERT_EQ(curly.size(), 1u);
  EXPECT_EQ(plain[0].old_text, curly[0].old_text);
  EXPECT_NE(plain[0].old_text.find("Russia\u2019s illegal"), std::string::npos);

  EXPECT_TRUE(run(a, b, rule(RuleKind::kWatchPhrase, "Treaty of Westphalia")).empty());
}

}  // namespace
}  // namespace strata
