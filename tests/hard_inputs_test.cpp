// Inputs made to break the diff: Unicode traps, control characters, and
// degenerate shapes. Each must finish with a sensible answer.
#include <gtest/gtest.h>

#include <algorithm>

#include "align/claims.hpp"
#include "strata/compare.hpp"
#include "strata/load.hpp"
#include "strata/render.hpp"
#include "test_util.hpp"

namespace strata {
namespace {

Document doc(const std::string& text) { return test::parse(text, "x.txt"); }

long count(const ChangeSet& c, ChangeStatus s) {
  return std::count_if(c.claims.begin(), c.claims.end(), [&](const ClaimChange& x) { return x.status == s; });
}

TEST(HardInputs, InvisibleCharactersAreNotChanges) {
  for (const char* invisible : {"\u200B", "\uFEFF", "\u00AD", "\u200D"}) {
    const ChangeSet c = compare(doc("T\n\nS\n\nThe partner\u00A0country agreed.\n"),
                                doc(std::string("T\n\nS\n\nThe part") + invisible + "ner country agreed.\n"));
    EXPECT_FALSE(c.has_changes()) << invisible;
    ASSERT_EQ(c.claims.size(), 1u);
    EXPECT_EQ(c.claims[0].status, ChangeStatus::kEquivalent);
  }
}

TEST(HardInputs, NfcAndNfdCompareEqual) {
  const ChangeSet c = compare(doc("T\n\nS\n\nThe caf\u00E9 is open.\n"), doc("T\n\nS\n\nThe cafe\u0301 is open.\n"));
  EXPECT_FALSE(c.has_changes());
}

TEST(HardInputs, ControlCharactersAreComparedAndShownSafely) {
  const ChangeSet c = compare(doc("T\n\nS\n\nAlert \x1b[31mred\x1b[0m text here.\n"),
                              doc("T\n\nS\n\nAlert \x1b[32mred\x1b[0m text here.\n"));
  EXPECT_TRUE(c.has_changes());
  RenderOptions options;
  const std::string text = render_diff_text(c, options);
  EXPECT_EQ(text.find('\x1b'), std::string::npos);
  EXPECT_NE(text.find("^[[0m"), std::string::npos);  // caret notation instead
  const std::string bidi = terminal_safe("abc\u202Edef");
  EXPECT_EQ(bidi, "abc<U+202E>def");
}

TEST(HardInputs, MarkdownInjectionIsEscaped) {
  const ChangeSet c = compare(doc("T\n\nS\n\nPlain text.\n"),
                              doc("T\n\nS\n\nPlain text.\n<script>alert(1)</script> and **bold** | pipe.\n"));
  const std::string md = render_diff_markdown(c);
  EXPECT_EQ(md.find("<script>"), std::string::npos);
  EXPECT_NE(md.find("&lt;script&gt;"), std::string::npos);
  EXPECT_NE(md.find("\\*\\*bold\\*\\*"), std::string::npos);
}

TEST(HardInputs, NoHeadingsAtAll) {
  const ChangeSet c = compare(doc("First sentence here. Second one follows.\n"),
                              doc("First sentence here. Second one changed follows.\n"));
  EXPECT_EQ(count(c, ChangeStatus::kModified), 1);
  EXPECT_TRUE(c.sections.empty());
}

TEST(HardInputs, OnlyHeadings) {
  // Without body text, short lines are not headings: they are claims.
  const ChangeSet c = compare(doc("Alpha\n\nBeta\n\nGamma\n"), doc("Alpha\n\nGamma\n\nDelta\n"));
  EXPECT_EQ(count(c, ChangeStatus::kRemoved), 1);
  EXPECT_EQ(count(c, ChangeStatus::kAdded), 1);
}

TEST(HardInputs, TenThousandTinySections) {
  std::string a = "T\n\n", b = "T\n\n";
  for (int i = 0; i < 10000; ++i) {
    const std::string body = "Body number " + std::to_string(i) + " is short.\n\n";
    a += "Part " + std::to_string(i) + "\n\n" + body;
    b += "Part " + std::to_string(i) + (i == 5000 ? " renamed" : "") + "\n\n" + body;
  }
  const ChangeSet c = compare(doc(a), doc(b));
  long renamed = std::count_if(c.sections.begin(), c.sections.end(),
                               [](const SectionChange& s) { return s.status == ChangeStatus::kRenamed; });
  EXPECT_EQ(renamed, 1);
  EXPECT_EQ(count(c, ChangeStatus::kUnchanged), 10000);
}

TEST(HardInputs, OneTenMegabyteLine) {
  std::string a;
  int k = 0;
  while (a.size() < (10u << 20)) a += "Sentence number " + std::to_string(k++) + " says something. ";
  std::string b = a;
  b.replace(b.find("Sentence number 777 says"), 24, "Sentence number 777 said");
  const ChangeSet c = compare(doc(a + "\n"), doc(b + "\n"));
  EXPECT_EQ(count(c, ChangeStatus::kModified), 1);
  EXPECT_EQ(count(c, ChangeStatus::kAdded), 0);
}

TEST(HardInputs, HugeClaimHitsTheCapAndSaysSo) {
  // Edits all along a claim of 700 words from a vocabulary of 20: no word
  // found once on each side to cut it at (strata/diff.hpp), so one stretch
  // over the cap.
  std::string a = "T\n\nS\n\nA short first claim. ", b = "T\n\nS\n\nA short first claim. ";
  for (int i = 0; i < 700; ++i) {
    a += "W" + std::to_string(i % 10) + ", ";
    b += (i % 4 ? "W" : "V") + std::to_string(i % 10) + ", ";
  }
  a += "end.\n";
  b += "end.\n";
  const ChangeSet c = compare(doc(a), doc(b));
  ASSERT_EQ(c.claims.size(), 2u);
  EXPECT_EQ(c.claims[0].status, ChangeStatus::kUnchanged);
  EXPECT_EQ(c.claims[1].status, ChangeStatus::kModified);
  EXPECT_EQ(c.claims[1].diff.size(), 2u);
  // One warning, naming the claim by its index (claims[].index in the JSON).
  std::vector<std::string> capped;
  for (const std::string& w : c.warnings) {
    if (w.find("word diff skipped") != std::string::npos) capped.push_back(w);
  }
  ASSERT_EQ(capped.size(), 1u);
  EXPECT_EQ(capped[0].rfind("claim 1: word diff skipped", 0), 0u) << capped[0];
  EXPECT_NE(capped[0].find("reported as rewritten"), std::string::npos);
}

bool has_warning(const ChangeSet& c, const std::string& part) {
  return std::any_of(c.warnings.begin(), c.warnings.end(),
                     [&](const std::string& w) { return w.find(part) != std::string::npos; });
}

// Lines that differ in every word, so that no claim has an exact partner.
std::string numbered_lines(size_t n, const std::string& stem) {
  std::string out = "T\n\nS\n\nA claim that stays. A claim that is edited once here.\n\n";
  for (size_t i = 0; i < n; ++i) out += stem + std::to_string(i) + " " + stem + "x.\n";
  return out;
}

TEST(HardInputs, TooManyInexactClaimsSkipMoveDetectionAndSaySo) {
  CompareOptions options;
  options.classify = false;
  const size_t n = align::kMaxInexactClaims + 1;
  std::string a = numbered_lines(n, "alpha");
  std::string b = numbered_lines(n, "beta");
  b.replace(b.find("edited once here"), 16, "edited once there");
  const ChangeSet c = compare(doc(a), doc(b), options);
  EXPECT_TRUE(has_warning(c, "over the cap of 100000; moves, splits, merges and edits not looked for"));
  // Exact pairs stay paired; the edited claim is no longer looked for. (The
  // changes past the listing cap are counted, not listed.)
  const auto counts = count_claim_changes(c);
  EXPECT_EQ(counts.at("unchanged"), 1);
  EXPECT_FALSE(counts.contains("modified"));
  EXPECT_EQ(counts.at("added"), static_cast<int>(n) + 1);
  EXPECT_EQ(counts.at("removed"), static_cast<int>(n) + 1);
  EXPECT_EQ(c.claims.size(), kMaxListedClaims + 1);  // the unchanged claim does not count
}

TEST(HardInputs, ListingStopsAtTheCapCountsTheRestAndSaysSoInEveryFormat) {
  // 30 lines that share no word with the other side's: 30 removed, 30 added.
  std::string a = "T\n\nS\n\n";
  std::string b = a;
  for (int i = 0; i < 30; ++i) {
    a += "Alpha" + std::to_string(i) + " holds.\n\n";
    b += "Beta" + std::to_string(i) + " states.\n\n";
  }
  CompareOptions options;
  options.max_listed_claims = 10;
  const ChangeSet c = compare(doc(a), doc(b), options);
  ASSERT_EQ(c.claims.size(), 10u);
  // The first ten in report order, numbered as in the full report.
  for (size_t k = 0; k < c.claims.size(); ++k) EXPECT_EQ(c.claims[k].index, static_cast<int>(k));
  const auto counts = count_claim_changes(c);
  EXPECT_EQ(counts.at("added"), 30);
  EXPECT_EQ(counts.at("removed"), 30);
  const std::string notice = "claims: 50 more claim changes not listed, past the cap of 10";
  EXPECT_TRUE(has_warning(c, notice));
  EXPECT_NE(c.narrative.find("30 statements were removed and 30 added"), std::string::npos) << c.narrative;
  const RenderOptions render;
  EXPECT_NE(render_diff_text(c, render).find(notice), std::string::npos);
  const std::string md = render_diff_markdown(c, render);
  EXPECT_NE(md.find("50 more claim changes not listed"), std::string::npos);
  EXPECT_NE(md.find("10 of 60 changed claims shown; the JSON report (`--format json`) lists 10 of them"),
            std::string::npos);
  EXPECT_NE(render_diff_html(c, render).find(notice), std::string::npos);
  const std::string json = render_diff_json(c, render);
  EXPECT_NE(json.find(notice), std::string::npos);
  EXPECT_NE(json.find("\"claims_not_listed\": 50"), std::string::npos);
  // Nothing listed at all: the changes still count.
  options.max_listed_claims = 0;
  const ChangeSet none = compare(doc(a), doc(b), options);
  EXPECT_TRUE(none.claims.empty());
  EXPECT_TRUE(none.has_changes());
}

TEST(HardInputs, InexactClaimsWithinTheCapArePairedWithoutWarning) {
  CompareOptions options;
  options.classify = false;
  std::string a = numbered_lines(1000, "alpha");
  std::string b = numbered_lines(1000, "beta");
  b.replace(b.find("edited once here"), 16, "edited once there");
  const ChangeSet c = compare(doc(a), doc(b), options);
  EXPECT_FALSE(has_warning(c, "over the cap"));
  EXPECT_EQ(count(c, ChangeStatus::kModified), 1);
}

TEST(HardInputs, OverlongSentenceIsNotReadAndSaysSo) {
  // A changed claim over 64 KiB, and beside it an ordinary claim whose
  // wording changes: the phrase of the ordinary one is still found.
  std::string line;
  for (int i = 0; line.size() < 70'000; ++i) line += "word" + std::to_string(i) + " ";
  const std::string a = "T\n\nS\n\nWe support the partnership programme.\n\n" + line + "end.\n";
  const std::string b = "T\n\nS\n\nWe support the enhanced opportunities programme.\n\nX" + line + "end.\n";
  const ChangeSet c = compare(doc(a), doc(b));
  EXPECT_TRUE(
      has_warning(c, "classify: 2 sentences longer than 65536 bytes not read for programmes, figures or wording"));
  bool found = false;
  for (const WordingShift& w : c.wording) {
    EXPECT_LT(w.examples.front().size(), 1000u);  // never the long claim
    found = found || (w.to && w.to->find("enhanced opportunities") != std::string::npos);
  }
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace strata
