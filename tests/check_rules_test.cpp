// Rules: phrase and section matching, the rule file and its errors, baselines.
#include <gtest/gtest.h>

#include "check/match.hpp"
#include "strata/check.hpp"
#include "test_util.hpp"

namespace strata {
namespace {

using check_detail::count_phrase;
using check_detail::match_words;
using check_detail::SectionPattern;

TEST(CheckMatch, PhrasesIgnoreTypographyCaseAndLineBreaks) {
  struct Case {
    const char* text;
    const char* phrase;
    int count;
  } cases[] = {
      {"NATO will not recognise Russia\u2019s claim.", "recognise Russia's claim", 1},  // curly vs plain apostrophe
      {"NATO WILL NOT\nrecognise them", "will not recognise", 1},                       // case, line break
      {"a\u00A0b \u2013 c", "a b - c", 1},                                              // NBSP, en dash
      {"zero\u200Bwidth", "zerowidth", 1},                                              // zero-width space dropped
      {"recognised borders", "recognise", 0},                                           // whole words only
      {"will not, will not", "will not", 2},
      {"", "will", 0},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(count_phrase(match_words(c.text), match_words(c.phrase)), c.count) << c.text << " / " << c.phrase;
  }
}

TEST(CheckMatch, SectionPatterns) {
  const std::vector<std::string> path = {"Key areas of cooperation", "Capability development"};
  struct Case {
    const char* pattern;
    bool matches;
  } cases[] = {
      {"Key areas of cooperation", true},  // a section and everything inside it
      {"key AREAS of cooperation > capability development", true},
      {"Key areas * > Capability*", true},
      {"** > Capability development", true},
      {"Capability development", false},  // levels start at the top
      {"Key areas of cooperation > Training", false},
      {"K?y areas of cooperation", true},
  };
  for (const Case& c : cases) {
    auto pattern = SectionPattern::parse(c.pattern);
    ASSERT_TRUE(pattern.has_value()) << c.pattern;
    EXPECT_EQ(pattern->matches(path), c.matches) << c.pattern;
  }
  for (const char* bad : {"", "A >", "> B", "A > > B", "A**"}) {
    EXPECT_FALSE(SectionPattern::parse(bad).has_value()) << bad;
  }
}

TEST(CheckRules, PrepareGivesIdsAndRefusesMistakes) {
  Rule watch;
  watch.pattern = "will not recognise";
  ASSERT_TRUE(prepare_rule(watch).has_value());
  EXPECT_EQ(watch.id, "watch:will not recognise");

  Rule programmes;
  programmes.kind = RuleKind::kProgrammes;
  ASSERT_TRUE(prepare_rule(programmes).has_value());
  EXPECT_EQ(programmes.kinds, (std::vector<std::string>{"removed", "renamed"}));

  struct Bad {
    RuleKind kind;
    const char* pattern;
    std::vector<std::string> kinds;
    double limit;
    const char* message;
  } cases[] = {
      {RuleKind::kWatchPhrase, " \u2013 ", {}, 0, "no word"},
      {RuleKind::kWatchSection, "A > > B", {}, 0, "empty level"},
      {RuleKind::kWatchSection, "A", {"rewritten"}, 0, "unknown change status 'rewritten'"},
      {RuleKind::kChangeKind, "", {}, 0, "at least one kind"},
      {RuleKind::kChangeKind, "", {"modality-weakend"}, 0, "unknown change kind 'modality-weakend'"},
      {RuleKind::kProgrammes, "", {"added"}, 0, "unknown programme change"},
      {RuleKind::kClaimsRemoved, "", {}, -1, "negative"},
      {RuleKind::kSectionRewritten, "", {}, 150, "percentage"},
  };
  for (const Bad& c : cases) {
    Rule rule;
    rule.kind = c.kind;
    rule.pattern = c.pattern;
    rule.kinds = c.kinds;
    rule.limit = c.limit;
    auto ok = prepare_rule(rule);
    ASSERT_FALSE(ok.has_value()) << c.message;
    EXPECT_NE(ok.error().message.find(c.message), std::string::npos) << ok.error().message;
  }
}

TEST(CheckConfig, ReadsEveryKindInTheOrderWritten) {
  const char* text = R"(baseline = "accepted.txt"
fail_on_bailout = true

[[watch]]
phrase = "will not recognise"
severity = "warning"
message = "Ask legal first."

[[claim]]
text = "These lands are Ukraine and will always be Ukraine."

[[section]]
path = "Key areas > *"
allow = ["moved", "added"]

[[programmes]]
names = ["Comprehensive Assistance Package"]
changes = ["removed"]

[[changes]]
id = "meaning"
kinds = ["modality-weakened", "negation-removed"]

[[threshold]]
claims_removed = 10

[[threshold]]
section_rewritten = 50.5
section = "Milestones*"
)";
  auto set = parse_check_config(text, "ci.toml");
  ASSERT_TRUE(set.has_value()) << set.error().message;
  EXPECT_EQ(set->baseline, "accepted.txt");
  EXPECT_TRUE(set->fail_on_bailout);
  ASSERT_EQ(set->rules.size(), 7u);
  const RuleKind order[] = {RuleKind::kWatchPhrase,     RuleKind::kWatchClaim, RuleKind::kWatchSection,
                            RuleKind::kProgrammes,      RuleKind::kChangeKind, RuleKind::kClaimsRemoved,
                            RuleKind::kSectionRewritten};
  for (size_t i = 0; i < 7; ++i) EXPECT_EQ(set->rules[i].kind, order[i]) << i;
  EXPECT_EQ(set->rules[0].severity, Severity::kWarning);
  EXPECT_EQ(set->rules[0].message, "Ask legal first.");
  EXPECT_EQ(set->rules[2].kinds, (std::vector<std::string>{"moved", "added"}));
  EXPECT_EQ(set->rules[3].names, (std::vector<std::string>{"Comprehensive Assistance Package"}));
  EXPECT_EQ(set->rules[4].id, "meaning");
  EXPECT_EQ(set->rules[5].limit, 10);
  EXPECT_EQ(set->rules[6].limit, 50.5);
  EXPECT_EQ(set->rules[6].pattern, "Milestones*");
}

TEST(CheckConfig, MistakesNameTheFileLineAndKey) {
  struct Case {
    const char* text;
    const char* message;
  } cases[] = {
      {"[[watch]]\nphrase = \"x\"\nphrasse = \"y\"\n", "ci.toml:3: watch.phrasse: unknown key"},
      {"[[watch]]\nphrase = 3\n", "ci.toml:2: watch.phrase: expected a string"},
      {"[[watch]]\nphrase = \"x\"\nseverity = \"fatal\"\n",
       "ci.toml:3: watch.severity: expected \"error\" or \"warning\""},
      {"\n[[section]]\npath = \"A > > B\"\n", "ci.toml:3: section.path: section pattern 'A > > B' has an empty level"},
      {"[[section]]\npath = \"A\"\nallow = [\"rewritten\"]\n", "ci.toml:3: section.allow: unknown change status"},
      {"[[changes]]\nkinds = [\"modality\"]\n", "ci.toml:2: changes.kinds: unknown change kind 'modality'"},
      {"[[threshold]]\nclaims_removed = \"ten\"\n", "ci.toml:2: threshold.claims_removed: expected a number"},
      {"[[threshold]]\nclaims_removed = 1\nsection_rewritten = 5\n",
       "threshold.section_rewritten: a threshold takes one"},
      {"[[watch]]\nmessage = \"no phrase\"\n", "ci.toml:1: watch: missing key (expected phrase)"},
      {"[watch]\nphrase = \"x\"\n", "ci.toml:1: watch: expected tables: [[watch]]"},
      {"fail_on_bailout = \"yes\"\n", "ci.toml:1: fail_on_bailout: expected true or false"},
      {"[[watches]]\nphrase = \"x\"\n", "ci.toml:1: watches: unknown key"},
      {"[[watch]]\nphrase = \"x\"\n[[watch]]\nphrase = \"x\"\n", "ci.toml:3: watch.id: 'watch:x' names two rules"},
      {"[[watch]\n", "ci.toml:1: "},
  };
  for (const Case& c : cases) {
    auto set = parse_check_config(c.text, "ci.toml");
    ASSERT_FALSE(set.has_value()) << c.text;
    EXPECT_NE(set.error().message.find(c.message), std::string::npos) << set.error().message;
  }
}

TEST(CheckBaseline, WrittenKeysAreAcceptedAndUnknownOnesIgnored) {
  CheckReport report;
  DocumentCheck document;
  Finding kept;
  kept.key = "watch:x/claim/0123456789abcdef";
  kept.summary = "claim modified\tholding 'x'";
  Finding fresh = kept;
  fresh.key = "watch:x/claim/fedcba9876543210";
  document.findings = {kept};
  report.documents = {document};
  const std::string text = render_baseline(report);
  EXPECT_NE(text.find("watch:x/claim/0123456789abcdef\tclaim modified holding 'x'\n"), std::string::npos) << text;

  test::TempDir dir;
  const std::string path = dir.file("baseline.txt", text + "stale/key/0000\tgone\r\n");
  auto keys = load_baseline(path);
  ASSERT_TRUE(keys.has_value()) << keys.error().message;
  report.documents[0].findings = {kept, fresh};
  apply_baseline(report, *keys);
  EXPECT_TRUE(report.documents[0].findings[0].accepted);
  EXPECT_FALSE(report.documents[0].findings[1].accepted);
  EXPECT_TRUE(report.failed());
  EXPECT_EQ(report.count(Severity::kError, true), 1u);
  EXPECT_FALSE(load_baseline(dir.path() + "/missing.txt").has_value());
}

}  // namespace
}  // namespace strata
