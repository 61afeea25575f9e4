// Significance: one case per rule on hand-built changes, then the
// highlights, the narrative and the options on the bundled 2023 -> 2024 pair.
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <string>
#include <vector>

#include "classify/significance.hpp"
#include "classify/significance_tables.hpp"
#include "strata/compare.hpp"
#include "strata/diff.hpp"
#include "strata/significance.hpp"
#include "test_util.hpp"

namespace strata {
namespace {

ClaimSide side(const std::string& text, const std::string& section = "s") {
  ClaimSide s;
  s.text = text;
  s.norm = text;
  s.section_id = section;
  return s;
}

ClaimChange claim(ChangeStatus status, const std::string& old_text, const std::string& new_text) {
  ClaimChange c;
  c.status = status;
  if (!old_text.empty()) c.old_sides.push_back(side(old_text));
  if (!new_text.empty()) c.new_sides.push_back(side(new_text));
  return c;
}

ClaimChange with_fact(const std::string& kind, const std::string& old_words, const std::string& new_words,
                      const std::string& note) {
  auto c = claim(ChangeStatus::kModified, "Allies " + old_words + " act.", "Allies " + new_words + " act.");
  FactKind parsed{};
  EXPECT_TRUE(parse_fact_kind(kind, parsed)) << kind;
  c.facts.push_back({parsed, old_words, new_words, note});
  return c;
}

SectionChange section(ChangeStatus status, const std::string& old_title, const std::string& new_title) {
  SectionChange s;
  s.status = status;
  if (!old_title.empty()) s.old_sides.push_back({1, "old-id", old_title, {old_title}});
  if (!new_title.empty()) s.new_sides.push_back({1, "new-id", new_title, {new_title}});
  s.renamed = !old_title.empty() && !new_title.empty() && old_title != new_title;
  return s;
}

ProgrammeChange programme(ChangeStatus status, const std::string& old_name, const std::string& new_name) {
  ProgrammeChange p;
  p.status = status;
  if (!old_name.empty()) p.old_side = ProgrammeSide{old_name, "", 3};
  if (!new_name.empty()) p.new_side = ProgrammeSide{new_name, "", 1};
  return p;
}

const Significance& only_score(const ChangeSet& changes) {
  if (!changes.claims.empty()) return changes.claims.front().significance;
  if (!changes.sections.empty()) return changes.sections.front().significance;
  return changes.programmes.front().significance;
}

struct RuleCase {
  std::string rule;
  std::function<ChangeSet()> make;
  std::string in_reason;  // words the reason must quote
};

ChangeSet of_claim(ClaimChange c) {
  ChangeSet changes;
  changes.claims.push_back(std::move(c));
  return changes;
}

std::vector<RuleCase> rule_cases() {
  return {
      // The one side there is, not "'' -> 'not'".
      {"negation-changed", [] { return of_claim(with_fact("negation", "", "not", "negation added: 'not'")); },
       "a negation was added: 'not' in "},
      {"negation-changed", [] { return of_claim(with_fact("negation", "never", "", "negation removed: 'never'")); },
       "a negation was removed: 'never' in "},
      {"modality-weakened", [] { return of_claim(with_fact("modality", "will", "may", "modality changed")); },
       "'will' -> 'may'"},
      {"modality-changed",
       [] { return of_claim(with_fact("modality", "will not recognise", "does not recognise", "modality changed")); },
       "'will not recognise' -> 'does not recognise'"},
      {"modality-removed", [] { return of_claim(with_fact("modality", "will", "", "modality 'will' removed")); },
       "'will'"},
      {"modality-added", [] { return of_claim(with_fact("modality", "", "would", "modality 'would' added")); },
       "'would'"},
      {"hedge-added", [] { return of_claim(with_fact("hedge", "", "some", "hedge added: 'some'")); }, "'some'"},
      {"hedge-removed", [] { return of_claim(with_fact("hedge", "some", "", "hedge removed: 'some'")); }, "'some'"},
      {"intensifier-removed",
       [] { return of_claim(with_fact("intensifier", "fully", "", "intensifier removed: 'fully'")); }, "'fully'"},
      {"intensifier-added",
       [] { return of_claim(with_fact("intensifier", "", "fully", "intensifier added: 'fully'")); }, "'fully'"},
      {"quantifier-changed", [] { return of_claim(with_fact("quantifier", "All", "Most", "quantifier changed")); },
       "'All' -> 'Most'"},
      {"demand-dropped",
       [] { return of_claim(claim(ChangeStatus::kRemoved, "Allies demand that Russia withdraw all its forces.", "")); },
       "“Allies demand that Russia withdraw all its forces.”"},
      {"demand-added", [] { return of_claim(claim(ChangeStatus::kAdded, "", "Allies call on Russia to stop.")); },
       "call on Russia"},
      {"commitment-dropped",
       [] { return of_claim(claim(ChangeStatus::kRemoved, "It rained. Ukraine will become a member.", "")); },
       "“Ukraine will become a member.”"},
      {"commitment-added", [] { return of_claim(claim(ChangeStatus::kAdded, "", "Allies pledged more aid.")); },
       "pledged"},
      {"stance-dropped",
       [] { return of_claim(claim(ChangeStatus::kModified, "NATO condemns the attack.", "NATO notes the attack.")); },
       "condemns"},
      {"figure-changed",
       [] {
         auto changes = of_claim(claim(ChangeStatus::kModified, "Aid of EUR 690 million.", "Aid of EUR 700 million."));
         changes.numbers.push_back({ChangeStatus::kModified, "EUR 690 million", "EUR 700 million", 0, "money", "", 1});
         return changes;
       },
       "EUR 690 million -> EUR 700 million"},
      {"figure-removed",
       [] {
         auto changes = of_claim(claim(ChangeStatus::kModified, "We notify you at least 30 days before any change.",
                                       "We notify you before any change."));
         changes.numbers.push_back({ChangeStatus::kRemoved, "30 days", "", 0, "duration", "", 1});
         return changes;
       },
       "a figure was dropped: 30 days, from “We notify you at least 30 days before any change.”"},
      {"figure-added",
       [] {
         auto changes = of_claim(
             claim(ChangeStatus::kModified, "Requests are answered.", "Requests are answered within 30 days."));
         changes.numbers.push_back({ChangeStatus::kAdded, "", "30 days", 0, "duration", "", 1});
         return changes;
       },
       "30 days, in “Requests are answered within 30 days.”"},
      {"quantifier-removed", [] { return of_claim(with_fact("quantifier", "only", "", "quantifier 'only' removed")); },
       "'only'"},
      {"quantifier-added", [] { return of_claim(with_fact("quantifier", "", "every", "quantifier 'every' added")); },
       "'every'"},
      {"claim-changed", [] { return of_claim(claim(ChangeStatus::kRemoved, "The office is in Kyiv.", "")); },
       "removed: “The office is in Kyiv.”"},
      {"section-removed",
       [] {
         ChangeSet changes;
         changes.sections.push_back(section(ChangeStatus::kRemoved, "Wider cooperation", ""));
         return changes;
       },
       "'Wider cooperation'"},
      {"section-added",
       [] {
         ChangeSet changes;
         changes.sections.push_back(section(ChangeStatus::kAdded, "", "FAQ"));
         return changes;
       },
       "'FAQ'"},
      {"section-renamed",
       [] {
         ChangeSet changes;
         changes.sections.push_back(section(ChangeStatus::kRenamed, "Borders", "Borders and lands"));
         return changes;
       },
       "'Borders' is now 'Borders and lands'"},
      {"programme-renamed",
       [] {
         ChangeSet changes;
         changes.programmes.push_back(
             programme(ChangeStatus::kRenamed, "NATO-Ukraine Commission", "NATO-Ukraine Council"));
         return changes;
       },
       "NATO-Ukraine Commission became NATO-Ukraine Council"},
      {"programme-removed",
       [] {
         ChangeSet changes;
         changes.programmes.push_back(programme(ChangeStatus::kRemoved, "Warsaw Pact", ""));
         return changes;
       },
       "Warsaw Pact is no longer named (mentioned 3 times before)"},
      {"programme-added",
       [] {
         ChangeSet changes;
         changes.programmes.push_back(programme(ChangeStatus::kAdded, "", "Defence Production Action Plan"));
         return changes;
       },
       "Defence Production Action Plan"},
  };
}

TEST(Significance, EachRuleScoresItsChange) {
  for (const auto& c : rule_cases()) {
    SCOPED_TRACE(c.rule);
    ChangeSet changes = c.make();
    classify_detail::score_changes(changes, {});
    const Significance& s = only_score(changes);
    ASSERT_FALSE(s.reasons.empty());
    EXPECT_EQ(s.reasons.front().rule, c.rule);
    EXPECT_NE(s.reasons.front().text.find(c.in_reason), std::string::npos) << s.reasons.front().text;
    int sum = 0;
    for (const auto& r : s.reasons) sum += r.points;
    EXPECT_EQ(s.score, sum);
    ASSERT_EQ(changes.highlights.size(), 1u);
    EXPECT_EQ(changes.highlights[0].kind, c.rule);
    EXPECT_EQ(changes.highlights[0].rank, 1);
  }
}

// A claim that is the figure itself (a line that is only a date) is not
// quoted after it.
TEST(Significance, AClaimThatIsItsFigureIsNotQuotedAgain) {
  auto changes = of_claim(claim(ChangeStatus::kModified, "Juni 2017", "Oktober 2021"));
  changes.numbers.push_back({ChangeStatus::kModified, "Juni 2017", "Oktober 2021", 0, "date", "", 1});
  classify_detail::score_changes(changes, {});
  const auto& reasons = changes.claims[0].significance.reasons;
  ASSERT_FALSE(reasons.empty());
  EXPECT_EQ(reasons[0].text, "a figure changed: Juni 2017 -> Oktober 2021");
  EXPECT_TRUE(reasons[0].quote.empty());
}

TEST(Significance, EveryRuleHasACaseAndADocumentedRow) {
  const auto cases = rule_cases();
  const std::string doc = test::read_file(std::string(STRATA_SOURCE_DIR) + "/docs/significance.md");
  for (const auto& rule : significance_rules()) {
    if (rule.name == "watched-term") continue;  // needs options: its own test below
    const bool has_case =
        std::any_of(cases.begin(), cases.end(), [&](const RuleCase& c) { return c.rule == rule.name; });
    EXPECT_TRUE(has_case) << rule.name;
    EXPECT_NE(doc.find("`" + rule.name + "`"), std::string::npos) << rule.name << " is not in docs/significance.md";
  }
}

// A heading whose text sat in its subsections lost that text with them: the
// reason counts the removed claims under it, not only its own, and no
// claim of a section whose id merely starts the same way.
TEST(Significance, ARemovedSectionCountsTheClaimsOfItsSubsections) {
  ChangeSet changes;
  changes.sections.push_back(section(ChangeStatus::kRemoved, "Background", ""));
  changes.sections.back().old_sides.front().id = "background";
  const auto removed = [&](const std::string& text, const std::string& id) {
    ClaimChange c = claim(ChangeStatus::kRemoved, text, "");
    c.old_sides.front().section_id = id;
    changes.claims.push_back(c);
  };
  removed("Talks began in 1997.", "background/history");
  removed("A charter followed.", "background/history");
  removed("A commission was set up.", "background/history/commission");
  removed("Other ties exist.", "background-2");
  removed("A claim went elsewhere too.", "elsewhere");
  changes.claims.push_back(claim(ChangeStatus::kUnchanged, "Kept.", "Kept."));
  changes.claims.back().old_sides.front().section_id = "background/history";
  classify_detail::score_changes(changes, {});
  const auto& reasons = changes.sections[0].significance.reasons;
  ASSERT_FALSE(reasons.empty());
  EXPECT_EQ(reasons.front().text, "section 'Background' was removed with 3 claims");

  changes.claims.clear();
  classify_detail::score_changes(changes, {});
  EXPECT_EQ(changes.sections[0].significance.reasons.front().text, "section 'Background' was removed with no claims");
}

// Mozilla's privacy notice renamed "To provide AI Chatbots" to "To provide AI
// chatbots", took the colon off "More details, including how to adjust your
// data settings:" in five sections, and put "To" before eight titles
// ("Provide Mozilla accounts"): listed as renamed, but no highlight.
TEST(Significance, ATitleThatChangedCasePunctuationOrFunctionWordsAloneIsNotRanked) {
  ChangeSet changes;
  changes.sections.push_back(section(ChangeStatus::kRenamed, "To provide AI Chatbots", "To provide AI chatbots"));
  changes.sections.push_back(section(ChangeStatus::kRenamed, "Відносини з Україною", "відносини з україною"));
  changes.sections.push_back(section(ChangeStatus::kRenamed,
                                     "More details, including how to adjust your data settings:",
                                     "More details, including how to adjust your data settings"));
  changes.sections.push_back(
      section(ChangeStatus::kRenamed, "Provide Mozilla accounts", "To provide Mozilla accounts"));
  // A word that says something added is a new title.
  changes.sections.push_back(section(ChangeStatus::kRenamed, "To provide search functionality",
                                     "To provide and improve search functionality"));
  classify_detail::score_changes(changes, {});
  for (size_t i = 0; i < 4; ++i) EXPECT_TRUE(changes.sections[i].significance.reasons.empty()) << i;
  ASSERT_EQ(changes.sections[4].significance.reasons.size(), 1u);
  EXPECT_EQ(changes.sections[4].significance.reasons.front().rule, "section-renamed");
  ASSERT_EQ(changes.highlights.size(), 1u);
}

// Mozilla's Firefox notice, 2026: one "will" for two verbs, where there were
// two, drops nothing; one fewer whose verb went with it does.
TEST(Significance, ACommitmentSaidOnceForTwoVerbsIsNotDropped) {
  auto dropped = [](const char* old_text, const char* new_text) {
    ChangeSet changes = of_claim(claim(ChangeStatus::kModified, old_text, new_text));
    classify_detail::score_changes(changes, {});
    const auto& reasons = changes.claims[0].significance.reasons;
    return std::any_of(reasons.begin(), reasons.end(), [](const auto& r) { return r.rule == "commitment-dropped"; });
  };
  EXPECT_FALSE(dropped(
      "If you enable it on a device without Apple Intelligence, your page content will be sent to a Mozilla server "
      "for processing when you request a summary, and the summary will be returned to your device.",
      "Otherwise, when you request a summary, your page content will be sent to a Mozilla server for processing and "
      "returned to your device."));
  EXPECT_TRUE(dropped("We will not sell your data and will delete it after 30 days.", "We will not sell your data."));
  EXPECT_TRUE(dropped("We will delete your data.", "We delete your data."));
}

// GitHub's privacy statement, 2022: a link's title became "AUTOTITLE". The
// "commit" of a title about git is a noun, not the writer's promise.
TEST(Significance, ACommitmentWordUsedAsANounPromisesNothing) {
  ChangeSet changes =
      of_claim(claim(ChangeStatus::kModified, "For more information, see \"Setting your commit email address.\"",
                     "For more information, see \"AUTOTITLE.\""));
  classify_detail::score_changes(changes, {});
  for (const auto& r : changes.claims[0].significance.reasons) EXPECT_NE(r.rule, "commitment-dropped") << r.text;
  // The verb still counts.
  changes = of_claim(claim(ChangeStatus::kModified, "We commit to protecting your data.", "We protect your data."));
  classify_detail::score_changes(changes, {});
  const auto& reasons = changes.claims[0].significance.reasons;
  EXPECT_TRUE(
      std::any_of(reasons.begin(), reasons.end(), [](const auto& r) { return r.rule == "commitment-dropped"; }));
}

TEST(Significance, WatchedTermDroppedOrAdded) {
  SignificanceOptions options;
  options.watch = {"severe sanctions"};
  ChangeSet changes = of_claim(claim(ChangeStatus::kModified, "Allies imposed severe sanctions on Russia.",
                                     "Allies imposed unprecedented costs on Russia."));
  classify_detail::score_changes(changes, options);
  const auto& reasons = changes.claims[0].significance.reasons;
  ASSERT_FALSE(reasons.empty());
  EXPECT_EQ(reasons.front().rule, "watched-term");
  EXPECT_NE(reasons.front().text.find("'severe sanctions' dropped"), std::string::npos) << reasons.front().text;
}

TEST(Significance, AQuoteEndsAtASentenceNotAtADotInsideAWord) {
  ChangeSet changes =
      of_claim(claim(ChangeStatus::kRemoved, "See javascript:document.documentElement now. Other words.", ""));
  classify_detail::score_changes(changes, {});
  EXPECT_EQ(only_score(changes).reasons.front().text, "removed: “See javascript:document.documentElement now.”");
}

TEST(Significance, SizeAloneIsNotSignificance) {
  std::string long_text;
  for (int i = 0; i < 60; ++i) long_text += "The office held meetings on many topics in Kyiv. ";
  ChangeSet changes;
  changes.claims.push_back(claim(ChangeStatus::kRemoved, long_text, ""));
  changes.claims.push_back(claim(ChangeStatus::kRemoved, "Allies demand a ceasefire.", ""));
  classify_detail::score_changes(changes, {});
  EXPECT_EQ(changes.claims[0].significance.score, 1);
  EXPECT_GT(changes.claims[1].significance.score, changes.claims[0].significance.score);
  EXPECT_EQ(changes.highlights.front().index, 1);
}

TEST(Significance, PointsFromOptionsReplaceTheDefaultsAndZeroTurnsARuleOff) {
  SignificanceOptions options;
  options.points["demand-dropped"] = 0;
  options.points["claim-changed"] = 5;
  ChangeSet changes = of_claim(claim(ChangeStatus::kRemoved, "Allies demand a ceasefire.", ""));
  classify_detail::score_changes(changes, options);
  const auto& s = changes.claims[0].significance;
  ASSERT_EQ(s.reasons.size(), 1u);
  EXPECT_EQ(s.reasons[0].rule, "claim-changed");
  EXPECT_EQ(s.score, 5);
}

TEST(Significance, HighlightsAreCappedAndMixKinds) {
  ChangeSet changes;
  // Six different demands: the same one made twice would be one highlight.
  for (const char* text :
       {"Allies demand a ceasefire.", "NATO urges Russia to withdraw its troops.",
        "They call on Belarus to stop its support.", "Allies demand the return of deported children.",
        "The Council urges respect for humanitarian law.", "Leaders demand accountability for war crimes."}) {
    changes.claims.push_back(claim(ChangeStatus::kRemoved, text, ""));
  }
  changes.claims.push_back(with_fact("modality", "will", "does", "modality changed"));
  SignificanceOptions options;
  options.highlights = 4;
  options.per_kind = 2;
  classify_detail::score_changes(changes, options);
  ASSERT_EQ(changes.highlights.size(), 4u);
  // Two demands, then the modality change waits no longer, then a third demand.
  EXPECT_EQ(changes.highlights[0].kind, "demand-dropped");
  EXPECT_EQ(changes.highlights[1].kind, "demand-dropped");
  EXPECT_EQ(changes.highlights[3].kind, "modality-changed");
  for (size_t i = 0; i < changes.highlights.size(); ++i) EXPECT_EQ(changes.highlights[i].rank, static_cast<int>(i) + 1);
  options.highlights = 0;
  classify_detail::score_changes(changes, options);
  EXPECT_TRUE(changes.highlights.empty());
}

TEST(Significance, UnchangedAndEquivalentClaimsScoreNothing) {
  ChangeSet changes;
  changes.claims.push_back(claim(ChangeStatus::kUnchanged, "Allies demand peace.", "Allies demand peace."));
  changes.claims.push_back(claim(ChangeStatus::kEquivalent, "Allies demand peace.", "Allies demand peace ."));
  classify_detail::score_changes(changes, {});
  EXPECT_EQ(changes.claims[0].significance.score, 0);
  EXPECT_EQ(changes.claims[1].significance.score, 0);
  EXPECT_TRUE(changes.highlights.empty());
  EXPECT_NE(changes.narrative.find("no statement changed"), std::string::npos) << changes.narrative;
}

TEST(Significance, EveryNarrativeTemplateFormats) {
  for (const auto& row : classify_detail::narrative_templates()) {
    EXPECT_FALSE(row.text.empty()) << row.name;
    EXPECT_EQ(classify_detail::narrative_template(row.name), row.text);
  }
  EXPECT_TRUE(classify_detail::narrative_template("no-such-template").empty());
}

// The real pair: what a reader of 2023 -> 2024 must find at the top.
class Seeds2023To2024 : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    changes_ = new ChangeSet(compare(test::load_snapshot("page-2023"), test::load_snapshot("page-2024"), {}));
  }
  static void TearDownTestSuite() { delete changes_; }
  static ChangeSet* changes_;
};
ChangeSet* Seeds2023To2024::changes_ = nullptr;

TEST_F(Seeds2023To2024, TopTenHoldTheDroppedDemandAndTheReworded) {
  const auto& h = changes_->highlights;
  ASSERT_EQ(h.size(), 10u);
  auto has = [&](const std::string& kind, const std::string& words) {
    return std::any_of(h.begin(), h.end(),
                       [&](const Highlight& x) { return x.kind == kind && x.reason.find(words) != std::string::npos; });
  };
  EXPECT_TRUE(has("modality-changed", "'will not recognise' -> 'does not recognise'"));
  EXPECT_TRUE(has("demand-dropped", "completely and unconditionally withdraw all its forces"));
  EXPECT_TRUE(has("programme-renamed", "NATO-Ukraine Commission became NATO-Ukraine Council"));
  for (size_t i = 1; i < h.size(); ++i) EXPECT_GE(h[i - 1].score, h[i].score);
}

TEST_F(Seeds2023To2024, TheDemandRepeatedInTwoSectionsIsOneHighlightNamingBoth) {
  // The page repeats "NATO Allies, in concert with relevant resolutions of
  // the UN General Assembly, demand that Russia ..." in two sections.
  const auto& h = changes_->highlights;
  std::vector<const Highlight*> withdraw;
  for (const auto& x : h) {
    if (x.reason.find("unconditionally withdraw all its forces") != std::string::npos) withdraw.push_back(&x);
  }
  ASSERT_EQ(withdraw.size(), 1u);
  ASSERT_EQ(withdraw[0]->also.size(), 1u);
  const auto& other = changes_->claims[static_cast<size_t>(withdraw[0]->also[0])];
  const auto& first = changes_->claims[static_cast<size_t>(withdraw[0]->index)];
  EXPECT_NE(other.old_sides.front().section_id, first.old_sides.front().section_id);
  EXPECT_NE(other.old_sides.front().text.find("withdraw all its forces"), std::string::npos);
}

TEST_F(Seeds2023To2024, ADroppedCommitmentQuotesTheSentenceThatWentNotTheOneThatStayed) {
  // The five-sentence item on membership became one sentence in 2024: "At
  // the 2023 Vilnius Summit, Allies reaffirmed ... Ukraine will become a
  // member" stayed, reworded; "Allies will continue to support and review
  // ..." went, with its commitment.
  const auto vilnius = std::find_if(changes_->claims.begin(), changes_->claims.end(), [](const ClaimChange& c) {
    return c.status == ChangeStatus::kModified && !c.old_sides.empty() &&
           c.old_sides[0].text.find("Allies reaffirmed their commitment") != std::string::npos;
  });
  ASSERT_NE(vilnius, changes_->claims.end());
  const auto& reasons = vilnius->significance.reasons;
  const auto dropped =
      std::find_if(reasons.begin(), reasons.end(), [](const auto& r) { return r.rule == "commitment-dropped"; });
  ASSERT_NE(dropped, reasons.end());
  EXPECT_EQ(dropped->text.find("At the 2023 Vilnius Summit"), std::string::npos) << dropped->text;
  EXPECT_NE(dropped->text.find("Allies will continue to support and review"), std::string::npos) << dropped->text;
}

TEST(SignificanceHighlights, TheSameChangeInTwoPlacesIsOneHighlight) {
  ChangeSet changes;
  auto in = [](ClaimChange c, const std::string& section) {
    c.old_sides.front().section_id = section;
    return c;
  };
  changes.claims.push_back(
      in(claim(ChangeStatus::kRemoved, "Allies demand that Russia withdraw all its forces from Ukraine.", ""), "a"));
  changes.claims.push_back(in(claim(ChangeStatus::kRemoved, "Allies demand that Russia stop the war.", ""), "a"));
  changes.claims.push_back(
      in(claim(ChangeStatus::kRemoved, "Allies demand that Russia withdraw all of its forces from Ukraine.", ""), "b"));
  classify_detail::score_changes(changes, {});
  ASSERT_EQ(changes.highlights.size(), 2u);
  EXPECT_EQ(changes.highlights[0].index, 0);
  EXPECT_EQ(changes.highlights[0].also, std::vector<int>{2});
  EXPECT_EQ(changes.highlights[1].index, 1);
  EXPECT_TRUE(changes.highlights[1].also.empty());
}

TEST(SignificanceHighlights, AClaimWithoutALetterComesAfterTheOthersOfItsScore) {
  // A PDF's page number added before a sentence added: both score the
  // floor; the sentence leads.
  ChangeSet changes;
  changes.claims.push_back(claim(ChangeStatus::kAdded, "", "1"));
  changes.claims.push_back(claim(ChangeStatus::kAdded, "", "Avant la commande, vous pouvez consulter les Conditions."));
  classify_detail::score_changes(changes, {});
  ASSERT_EQ(changes.highlights.size(), 2u);
  EXPECT_EQ(changes.highlights[0].index, 1);
  EXPECT_EQ(changes.highlights[1].index, 0);
}

TEST(SignificanceHighlights, OtherReasonsFollowTheStrongest) {
  auto changes = of_claim(claim(ChangeStatus::kModified, "We will notify you at least 30 days before any change.",
                                "We may notify you before any change."));
  Fact f;
  f.kind = FactKind::kModality;
  f.old_text = "will";
  f.new_text = "may";
  f.note = "modality changed: 'will' -> 'may'";
  changes.claims[0].facts.push_back(f);
  changes.numbers.push_back({ChangeStatus::kRemoved, "30 days", "", 0, "duration", "", 1});
  classify_detail::score_changes(changes, {});
  ASSERT_EQ(changes.highlights.size(), 1u);
  EXPECT_EQ(changes.highlights[0].kind, "modality-weakened");
  ASSERT_EQ(changes.highlights[0].more.size(), 1u);
  EXPECT_EQ(changes.highlights[0].more[0].find("a figure was dropped: 30 days"), 0u) << changes.highlights[0].more[0];
}

// One sentence dropped with a commitment and a stated position in it: the
// highlight quotes it once, and its second reason names the rule alone.
TEST(SignificanceHighlights, AFurtherReasonQuotingTheSameSentenceLeavesTheQuoteOut) {
  auto changes = of_claim(
      claim(ChangeStatus::kRemoved, "The Allies do not and will never recognise the annexation of Crimea.", ""));
  classify_detail::score_changes(changes, {});
  ASSERT_EQ(changes.highlights.size(), 1u);
  const Highlight& h = changes.highlights[0];
  EXPECT_EQ(h.kind, "commitment-dropped");
  EXPECT_NE(h.reason.find("never recognise the annexation"), std::string::npos) << h.reason;
  EXPECT_EQ(h.more, std::vector<std::string>{"a stated position was dropped"});
  // The claim's own reasons keep their quotes.
  const auto& reasons = changes.claims[0].significance.reasons;
  ASSERT_EQ(reasons.size(), 2u);
  EXPECT_EQ(reasons[1].text, "a stated position was dropped: " + reasons[1].quote);
  EXPECT_EQ(reasons[0].quote, reasons[1].quote);
}

// Every reason that quotes ends with its quote after a joint the brief form
// can leave out with it.
TEST(SignificanceHighlights, EveryQuotingReasonEndsWithAKnownJoint) {
  for (const auto& row : classify_detail::rule_rows()) {
    if (row.reason.find("{quote}") == std::string_view::npos) continue;
    EXPECT_FALSE(classify_detail::quote_joint(row.reason).empty()) << row.name;
  }
  EXPECT_EQ(classify_detail::quote_joint("a figure was dropped: {old}, from {quote}"), ", from ");
  EXPECT_EQ(classify_detail::quote_joint("{name} became {new_name}"), "");
}

TEST_F(Seeds2023To2024, NarrativeTellsTheCountsAndTheTopChanges) {
  const auto& n = changes_->narrative;
  EXPECT_EQ(n.find("Between “"), 0u) << n;
  EXPECT_NE(n.find("169 statements were removed"), std::string::npos) << n;
  EXPECT_NE(n.find("25 sections were dropped entirely"), std::string::npos) << n;
  EXPECT_NE(n.find("a demand was dropped"), std::string::npos) << n;
  EXPECT_NE(n.find("“will not recognise” became “does not recognise”"), std::string::npos) << n;
  // Deterministic: the same comparison, the same words.
  ChangeSet again = compare(test::load_snapshot("page-2023"), test::load_snapshot("page-2024"), {});
  EXPECT_EQ(again.narrative, n);
}

TEST(SignificanceOptions, ReadsTheTableAndRejectsWhatItDoesNotKnow) {
  test::TempDir dir;
  auto good = load_significance_options(dir.file("s.toml",
                                                 "[significance]\nhighlights = 3\nper_kind = 2\n"
                                                 "watch = [\"sanctions\"]\n[significance.points]\n"
                                                 "demand-dropped = 12\n"));
  ASSERT_TRUE(good.has_value()) << good.error().message;
  EXPECT_EQ(good->highlights, 3);
  EXPECT_EQ(good->per_kind, 2);
  EXPECT_EQ(good->watch, std::vector<std::string>{"sanctions"});
  EXPECT_EQ(good->points.at("demand-dropped"), 12);

  const std::pair<std::string, std::string> bad[] = {
      {"[significance.points]\nno-such-rule = 1\n", "[significance] points.no-such-rule: unknown rule"},
      {"[significance.points]\nsection-added = 1.5\n", "[significance] points.section-added: must be a whole number"},
      {"[significance]\nhighlights = -1\n", "[significance] highlights: must be a whole number"},
      // Past int64_t's range: toml++'s own conversion cast it (undefined behaviour).
      {"[significance]\nhighlights = 133.0e305\n", "[significance] highlights: must be a whole number"},
      {"[significance]\nhighlights = -9.3e18\n", "[significance] highlights: must be a whole number"},
      {"[significance]\nhighlights = nan\n", "[significance] highlights: must be a whole number"},
      {"[significance]\ncolour = 1\n", "[significance] colour: unknown key"},
      {"[significance]\nwatch = \"x\"\n", "[significance] watch: must be an array"},
      {"[significance]\nwatch = [\"a\", \"\"]\n", "[significance] watch[1]: must be a non-empty string"},
      {"[significance]\nper_kind = 0\n", "[significance] per_kind: must be at least 1"},
      {"[other]\nx = 1\n", "[significance] table missing"},
      {"[significance\n", "s.toml:1"},
  };
  for (const auto& [text, message] : bad) {
    auto r = load_significance_options(dir.file("s.toml", text));
    ASSERT_FALSE(r.has_value()) << text;
    EXPECT_NE(r.error().message.find(message), std::string::npos) << r.error().message;
    EXPECT_NE(r.error().message.find("s.toml"), std::string::npos) << r.error().message;
  }
}

}  // namespace
}  // namespace strata
