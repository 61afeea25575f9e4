// Rules read every claim change, those past the cap on listed claims too
// (compare_and_check): a watched sentence changed after 20,000 other changes
// is still found.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "strata/check.hpp"
#include "strata/compare.hpp"
#include "test_util.hpp"

namespace strata {
namespace {

using test::rule;

// A policy whose first section holds `n` sentences, all reworded in the new
// version, and whose last section holds the watched refund sentence, so the
// refund change comes last in report order (after the n changes before it).
std::string policy(int n, bool revised) {
  std::string text = "# Terms\n\n## General\n\n";
  for (int i = 0; i < n; ++i) {
    text += revised ? "New rule " + std::to_string(i) + " holds for every member.\n\n"
                    : "Old clause " + std::to_string(i) + " applies to the account.\n\n";
  }
  text += "## Refunds\n\n";
  text += revised ? "Refunds are paid within 90 days.\n\n" : "Refunds are paid within 30 days.\n\n";
  text += "Returns are free of charge.\n";
  return text;
}

// Every rule kind that reads claim changes and not what classify found in them.
std::vector<Rule> claim_rules() {
  return {rule(RuleKind::kWatchPhrase, "paid within"), rule(RuleKind::kWatchClaim, "Refunds are paid within 30 days."),
          rule(RuleKind::kWatchSection, "Refunds"),    rule(RuleKind::kChangeKind, "", {"claim-removed"}),
          rule(RuleKind::kClaimsRemoved, "", {}, 3),   rule(RuleKind::kSectionRewritten, "", {}, 50)};
}

std::vector<std::string> described(const DocumentCheck& check) {
  std::vector<std::string> out;
  for (const Finding& f : check.findings) {
    std::string line = f.key + " | " + f.summary + " | " + f.old_text + " | " + f.new_text;
    for (const std::string& d : f.details) line += " | " + d;
    out.push_back(line);
  }
  return out;
}

TEST(CheckUnlisted, RulesFindTheSameWithAndWithoutTheListingCap) {
  const Document old_doc = test::parse(policy(40, false), "old.md");
  const Document new_doc = test::parse(policy(40, true), "new.md");
  CompareOptions options;
  options.keep_unchanged_claims = false;
  const DocumentCheck whole = compare_and_check(old_doc, new_doc, options, claim_rules(), "");
  options.max_listed_claims = 10;  // the refund change is the 81st or so
  const DocumentCheck capped = compare_and_check(old_doc, new_doc, options, claim_rules(), "");
  EXPECT_EQ(described(capped), described(whole));
  bool refund = false;
  for (const Finding& f : capped.findings) refund |= f.new_text == "Refunds are paid within 90 days.";
  EXPECT_TRUE(refund);
  // compare() lists only 10 of them; check_document reads only those.
  const ChangeSet listed = compare(old_doc, new_doc, options);
  ASSERT_FALSE(listed.claims_not_listed.empty());
  EXPECT_LT(check_document(old_doc, new_doc, listed, claim_rules(), "").findings.size(), capped.findings.size());
  // Every rule read every change: no work limit to report.
  EXPECT_TRUE(capped.bailouts.empty()) << capped.bailouts.front();
}

TEST(CheckUnlisted, RulesReadingClassifySayWhatTheyCouldNotRead) {
  const Document old_doc = test::parse(policy(40, false), "old.md");
  const Document new_doc = test::parse(policy(40, true), "new.md");
  CompareOptions options;
  options.keep_unchanged_claims = false;
  options.max_listed_claims = 10;
  const DocumentCheck check =
      compare_and_check(old_doc, new_doc, options, {rule(RuleKind::kChangeKind, "", {"figure-changed"})}, "");
  ASSERT_EQ(check.bailouts.size(), 1u);
  EXPECT_NE(check.bailouts[0].find("past the cap of 10 not read for figures"), std::string::npos) << check.bailouts[0];
}

TEST(CheckUnlisted, CliFindsAWatchedChangePastTwentyThousand) {
  test::TempDir tmp;
  const int n = static_cast<int>(kMaxListedClaims) + 50;  // over the cap, paired or not
  const std::string old_path = tmp.file("old.md", policy(n, false));
  const std::string new_path = tmp.file("new.md", policy(n, true));
  const auto diff = test::run_strata("diff --format json " + old_path + " " + new_path);
  EXPECT_NE(diff.out.find("\"claims_not_listed\""), std::string::npos);
  const auto r =
      test::run_strata("check --no-config --fail-on-bailout --watch 'paid within' " + old_path + " " + new_path);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.out.find("Refunds are paid within 90 days."), std::string::npos) << r.out.substr(0, 2000);
  EXPECT_EQ(r.out.find("not listed"), std::string::npos);
}

// `check --max-listed-claims` is compare()'s cap: the watched change past
// it is still found, and a rule on figures says it could not read it.
TEST(CheckUnlisted, CliTakesTheListingCap) {
  test::TempDir tmp;
  const std::string pair = tmp.file("old.md", policy(40, false)) + " " + tmp.file("new.md", policy(40, true));
  const auto watched =
      test::run_strata("check --no-config --fail-on-bailout --max-listed-claims 10 --watch 'paid within' " + pair);
  EXPECT_EQ(watched.exit_code, 1) << watched.err;
  EXPECT_NE(watched.out.find("Refunds are paid within 90 days."), std::string::npos) << watched.out;
  const auto figures =
      test::run_strata("check --no-config --fail-on-bailout --max-listed-claims 10 --fail-on figure-changed " + pair);
  EXPECT_EQ(figures.exit_code, 2) << figures.err;
  EXPECT_NE(figures.out.find("past the cap of 10 not read for figures"), std::string::npos) << figures.out;
  const auto uncapped = test::run_strata("check --no-config --fail-on-bailout --fail-on figure-changed " + pair);
  EXPECT_EQ(uncapped.exit_code, 1) << uncapped.err;
}

}  // namespace
}  // namespace strata
