#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "strata/classify.hpp"
#include "strata/compare.hpp"
#include "test_util.hpp"

namespace strata {
namespace {

std::vector<WordOp> ops(std::initializer_list<std::pair<char, std::string>> list) {
  std::vector<WordOp> out;
  for (const auto& [kind, text] : list) {
    WordOp op;
    op.op = kind == '=' ? WordOp::Op::kEqual : kind == '-' ? WordOp::Op::kDelete : WordOp::Op::kInsert;
    op.text = text;
    out.push_back(op);
  }
  return out;
}

std::vector<Fact> of_kind(const std::vector<Fact>& facts, const std::string& name) {
  FactKind kind{};
  EXPECT_TRUE(parse_fact_kind(name, kind)) << name;
  std::vector<Fact> out;
  for (const auto& f : facts) {
    if (f.kind == kind) out.push_back(f);
  }
  return out;
}

const std::string kWillNot = "They have no legitimacy, and NATO will not recognise them.";
const std::string kDoesNot = "They have no legitimacy, and NATO does not recognise them.";

TEST(ClaimFacts, WillNotBecomesDoesNot) {
  auto diff =
      ops({{'=', "They have no legitimacy, and NATO "}, {'-', "will"}, {'+', "does"}, {'=', " not recognise them."}});
  auto facts = claim_facts(kWillNot, kDoesNot, diff);
  auto modality = of_kind(facts, "modality");
  ASSERT_EQ(modality.size(), 1u);
  // The negation that trails the swap and the verb it governs are quoted.
  EXPECT_EQ(modality[0].old_text, "will not recognise");
  EXPECT_EQ(modality[0].new_text, "does not recognise");
  EXPECT_NE(modality[0].note.find("'will not recognise' -> 'does not recognise'"), std::string::npos)
      << modality[0].note;
  // "not" is on both sides: no negation changed.
  EXPECT_TRUE(of_kind(facts, "negation").empty());
}

TEST(ClaimFacts, WithoutADiffTheChangedMiddleIsUsed) {
  auto facts = claim_facts(kWillNot, kDoesNot, {});
  auto modality = of_kind(facts, "modality");
  ASSERT_EQ(modality.size(), 1u);
  EXPECT_EQ(modality[0].old_text, "will not recognise");
  EXPECT_EQ(modality[0].new_text, "does not recognise");
}

TEST(ClaimFacts, NegationAddedAndRemoved) {
  auto added = claim_facts("Allies will recognise the vote.", "Allies will not recognise the vote.",
                           ops({{'=', "Allies will "}, {'+', "not "}, {'=', "recognise the vote."}}));
  auto negation = of_kind(added, "negation");
  ASSERT_EQ(negation.size(), 1u);
  EXPECT_EQ(negation[0].old_text, "");
  EXPECT_EQ(negation[0].new_text, "not");
  EXPECT_NE(negation[0].note.find("added"), std::string::npos);
  EXPECT_TRUE(of_kind(added, "modality").empty());

  auto removed = claim_facts("There can be no impunity for war crimes.", "There can be impunity for war crimes.", {});
  negation = of_kind(removed, "negation");
  ASSERT_EQ(negation.size(), 1u);
  EXPECT_EQ(negation[0].old_text, "no");
  EXPECT_NE(negation[0].note.find("removed"), std::string::npos);
}

TEST(ClaimFacts, FusedOrContractedNegationIsTheSameNegation) {
  // GitHub's Terms of Service, 2021: "can not" became "cannot". The claim
  // negates "be recovered" before and after.
  auto fused = claim_facts("This information can not be recovered once your Account is canceled.",
                           "This information cannot be recovered once your Account is canceled.",
                           ops({{'=', "This information "},
                                {'-', "can not"},
                                {'+', "cannot"},
                                {'=', " be recovered once your Account is canceled."}}));
  EXPECT_TRUE(of_kind(fused, "negation").empty());
  EXPECT_TRUE(of_kind(fused, "modality").empty());

  auto contracted = claim_facts("We do not sell your data.", "We don't sell your data.",
                                ops({{'=', "We "}, {'-', "do not"}, {'+', "don't"}, {'=', " sell your data."}}));
  EXPECT_TRUE(of_kind(contracted, "negation").empty());

  // Without its "not", the contracted form's negation is gone.
  auto removed = claim_facts("We don't sell your data.", "We do sell your data.",
                             ops({{'=', "We "}, {'-', "don't"}, {'+', "do"}, {'=', " sell your data."}}));
  auto negation = of_kind(removed, "negation");
  ASSERT_EQ(negation.size(), 1u);
  EXPECT_EQ(negation[0].old_text, "don't");
  EXPECT_NE(negation[0].note.find("removed"), std::string::npos);
}

TEST(ClaimFacts, OneOfTwoNegationsOfOneVerbGoingIsNoNegationRemoved) {
  // The bundled series, 2015 -> 2023 and 2015 -> 2024: "do not and will not
  // recognise" still negates "recognise" with either "not" gone; the words
  // that did change are still facts.
  const std::string old_text =
      "The Allies state that they do not and will not recognise Russia's illegal and illegitimate annexation of "
      "Crimea.";
  struct Case {
    std::string new_text;
    std::string fact;  // one fact that must remain
  };
  const Case cases[] = {
      {"The Allies strongly condemn and will not recognise Russia's illegal and illegitimate annexation of Crimea, "
       "and denounce its temporary occupation.",
       "intensifier"},
      {"The Allies strongly condemn and do not recognise Russia's illegal and illegitimate annexation of Crimea, and "
       "denounce its temporary occupation.",
       "modality"},
  };
  for (const Case& c : cases) {
    ChangeSet changes = compare(test::parse(old_text), test::parse(c.new_text), {});
    classify(test::parse(old_text), test::parse(c.new_text), changes, {});
    ASSERT_EQ(changes.claims.size(), 1u) << c.new_text;
    EXPECT_TRUE(of_kind(changes.claims[0].facts, "negation").empty()) << c.new_text;
    EXPECT_FALSE(of_kind(changes.claims[0].facts, c.fact).empty()) << c.new_text;
  }
  // A negation of a verb of its own still counts when it goes.
  auto facts = claim_facts(
      "Allies do not recognise it, and will not recognise it.", "Allies do recognise it, and will not recognise it.",
      ops({{'=', "Allies do "}, {'-', "not "}, {'=', "recognise it, and will not recognise it."}}));
  EXPECT_EQ(of_kind(facts, "negation").size(), 1u);
}

TEST(ClaimFacts, ModalChangeNamesBothModals) {
  auto facts = claim_facts("Ukraine will become a member of NATO.", "Ukraine may become a member of NATO.",
                           ops({{'=', "Ukraine "}, {'-', "will"}, {'+', "may"}, {'=', " become a member of NATO."}}));
  auto modality = of_kind(facts, "modality");
  ASSERT_EQ(modality.size(), 1u);
  EXPECT_EQ(modality[0].old_text, "will");
  EXPECT_EQ(modality[0].new_text, "may");
}

TEST(ClaimFacts, HedgesAndIntensifiers) {
  auto facts = claim_facts(
      "NATO condemns in the strongest possible terms Russia's war of aggression.",
      "NATO condemns Russia's war of aggression.",
      ops({{'=', "NATO condemns "}, {'-', "in the strongest possible terms "}, {'=', "Russia's war of aggression."}}));
  auto intensifier = of_kind(facts, "intensifier");
  ASSERT_EQ(intensifier.size(), 1u);
  EXPECT_EQ(intensifier[0].old_text, "in the strongest possible terms");
  EXPECT_EQ(intensifier[0].new_text, "");

  facts = claim_facts("Allies provided support.", "Allies provided some support.", {});
  auto hedge = of_kind(facts, "hedge");
  ASSERT_EQ(hedge.size(), 1u);
  EXPECT_EQ(hedge[0].new_text, "some");
  EXPECT_NE(hedge[0].note.find("added"), std::string::npos);
}

TEST(ClaimFacts, QuantifierChanged) {
  auto facts = claim_facts("All Allies agree on the plan.", "Most Allies agree on the plan.",
                           ops({{'-', "All"}, {'+', "Most"}, {'=', " Allies agree on the plan."}}));
  auto quantifier = of_kind(facts, "quantifier");
  ASSERT_EQ(quantifier.size(), 1u);
  EXPECT_EQ(quantifier[0].old_text, "All");
  EXPECT_EQ(quantifier[0].new_text, "Most");
}

TEST(ClaimFacts, ANameSwappedWithAQuantifierBesideItIsNoQuantifierChange) {
  // The terms-edit case: a body renamed, and "only" dropped with its old
  // name. The fact is the dropped "only", not "'Council only' -> 'Board'".
  const std::string old_text = "We share data with the Trust and Safety Council only when required by law.";
  const std::string new_text =
      "We share data with the Trust and Safety Board when required by law or to protect our users.";
  auto facts = claim_facts(old_text, new_text,
                           ops({{'=', "We share data with the Trust and Safety "},
                                {'-', "Council only "},
                                {'+', "Board "},
                                {'=', "when required by law"},
                                {'+', " or to protect our users"},
                                {'=', "."}}));
  auto quantifier = of_kind(facts, "quantifier");
  ASSERT_EQ(quantifier.size(), 1u);
  EXPECT_EQ(quantifier[0].old_text, "only");
  EXPECT_EQ(quantifier[0].new_text, "");
  EXPECT_EQ(quantifier[0].note, "quantifier 'only' removed");
}

// Facts only from aligned words: the item itself inside one short hunk.
TEST(ClaimFacts, RewriteGivesNoFact) {
  // Without a diff the changed middle is one hunk of 9 and 8 words: a
  // rewrite, not a replacement of "the only" or "all".
  auto facts = claim_facts("Ukraine is the only partner to have contributed to all NATO-led operations.",
                           "Ukraine has a long track record of contributions to NATO-led operations.", {});
  EXPECT_TRUE(of_kind(facts, "quantifier").empty());
}

TEST(ClaimFacts, ItemInALongerHunkIsQuotedAlone) {
  auto facts = claim_facts("Read the summary and the summary will be clear.", "Read the summary and clear.",
                           ops({{'=', "Read the summary and "}, {'-', "the summary will be "}, {'=', "clear."}}));
  auto modality = of_kind(facts, "modality");
  ASSERT_EQ(modality.size(), 1u);
  EXPECT_EQ(modality[0].old_text, "will");
  EXPECT_EQ(modality[0].new_text, "");
  EXPECT_EQ(modality[0].note, "modality 'will' removed");
}

TEST(ClaimFacts, ItemAcrossAHunkEdgeIsNoFact) {
  // "up to" with only "up" edited: nothing was hedged.
  auto facts = claim_facts("Prices went down to the floor.", "Prices went up to the floor.",
                           ops({{'=', "Prices went "}, {'-', "down"}, {'+', "up"}, {'=', " to the floor."}}));
  EXPECT_TRUE(of_kind(facts, "hedge").empty());
}

TEST(ClaimFacts, TheDeletedCopyIsTheFact) {
  // Two "will" before, one after: the fact is the deleted copy, not the
  // equal one.
  auto facts = claim_facts("It will grow and will last.", "It will grow and last.",
                           ops({{'=', "It will grow and "}, {'-', "will "}, {'=', "last."}}));
  auto modality = of_kind(facts, "modality");
  ASSERT_EQ(modality.size(), 1u);
  EXPECT_EQ(modality[0].old_text, "will");
  EXPECT_EQ(modality[0].note, "modality 'will' removed");
}

TEST(ClaimFacts, PlainRewordingHasNoFacts) {
  EXPECT_TRUE(claim_facts("Allies agreed on the plan.", "Allies decided on the plan.", {}).empty());
  // "May" before a year is a month, not a modal.
  EXPECT_TRUE(claim_facts("The office opened in May 2015.", "The office opened in June 2015.", {}).empty());
}

}  // namespace
}  // namespace strata
