// The later passes of claim pairing (align/sentences.cpp, align/shapes.cpp,
// align/gaps.cpp): multi-sentence claims pair through a sentence, dated lines
// by shape, sentences by the amounts they state, a claim alone between two
// pairs by its place; and splits that are one edited claim.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "align/claims.hpp"
#include "align/rarity.hpp"
#include "align/sections.hpp"
#include "strata/compare.hpp"
#include "strata/load.hpp"
#include "test_util.hpp"

namespace strata::align {
namespace {

Document doc(const std::string& text) { return test::parse(text, "x.txt"); }

ClaimPairs pair(const Document& a, const Document& b) {
  Side o = prepare(a);
  Side n = prepare(b);
  return pair_claims(o, n, anchor_sections(o, n));
}

TEST(SentencePairing, ListItemWithOneRewordedSentencePairsWithThatSentence) {
  // From the bundled series, 2023 -> 2024: a five-sentence list item became
  // one sentence of a paragraph; as whole claims they share few words.
  const Document a =
      doc("Title\n\nMembership\n\n"
          "  • At the 2023 Vilnius Summit, Allies reaffirmed their commitment that Ukraine will become a member of "
          "NATO. Recognising Ukraine's increased interoperability and substantial progress with reforms, they decided "
          "that Ukraine's path to full Euro-Atlantic integration has moved beyond the need for the Membership Action "
          "Plan. NATO Foreign Ministers will regularly assess progress through the adapted Annual National Programme.\n"
          "  • Another item about something else entirely.\n");
  const Document b =
      doc("Title\n\nMembership\n\n"
          "Yes. At the 2023 Vilnius Summit, Allies reaffirmed that Ukraine will become a member of NATO when Allies "
          "agree and when conditions are met. They removed the requirement for Ukraine to pursue a MAP.\n");
  const ClaimPairs p = pair(a, b);
  ASSERT_EQ(p.old_to_new.size(), 2u);
  ASSERT_EQ(p.new_to_old.size(), 3u);
  EXPECT_EQ(p.old_to_new[0], 1);
  EXPECT_EQ(p.old_kind[0], PairKind::kSentence);
  // The reported similarity is the whole claims', well below the sentences'.
  EXPECT_LT(p.old_score[0], 0.5);
  EXPECT_EQ(p.old_to_new[1], -1);
  EXPECT_EQ(p.new_to_old[0], -1);  // "Yes." is too short to identify anything
}

TEST(SentencePairing, OneSentenceClaimsAreLeftToTheNearPass) {
  const Document a = doc("Title\n\nAllies agreed to provide more support to Ukraine this year.\n");
  const Document b = doc("Title\n\nThe weather in Brussels was cold and wet this year.\n");
  const ClaimPairs p = pair(a, b);
  EXPECT_EQ(p.old_to_new[0], -1);
}

TEST(ShapePairing, DatedLinesPairWhenOnlyTheirDatesDiffer) {
  struct Case {
    const char* old_line;
    const char* new_line;
    bool paired;
  };
  const std::vector<Case> cases = {
      {"Effective July 26, 2022", "Effective January 1, 2023", true},
      {"Last revised: 2021-12-15", "Last revised: 2022-09-01", true},
      {"Version 3, March 2020", "Version 4, May 2021", true},
      {"Effective July 26, 2022", "Archived on January 1, 2023", false},
      {"Effective 26 07 2022", "Effective 1 1 2023", true},
      {"Effective 26 07", "Effective 1 1", false},  // no month name, no year: not a date
      // A day's name goes with its date.
      {"Effective July 26, 2022", "Effective Monday, January 2, 2023", true},
  };
  for (const Case& c : cases) {
    const Document a = doc(std::string("Terms\n\nWe keep your data safe.\n\n") + c.old_line + "\n");
    const Document b = doc(std::string("Terms\n\nWe keep your data safe.\n\n") + c.new_line + "\n");
    const ClaimPairs p = pair(a, b);
    ASSERT_EQ(p.old_to_new.size(), 2u) << c.old_line;
    EXPECT_EQ(p.old_to_new[1] == 1, c.paired) << c.old_line << " -> " << c.new_line;
    if (c.paired) {
      EXPECT_EQ(p.old_kind[1], PairKind::kShape) << c.old_line;
    }
  }
}

TEST(ShapePairing, ABareDateLinePairsWhenItIsTheOnlyOneOnEachSide) {
  // Mozilla's websites privacy notice, 2025-05-11 -> 2025-11-05: the line
  // under the title is only its date (Markdown: a plain-text reader takes a
  // short line for a heading).
  auto md = [](const std::string& text) { return test::parse(text, "x.md"); };
  const Document a = md("# Notice\n\nApril 3, 2024\n\nWe care about your privacy.\n");
  const Document b = md("# Notice\n\nNovember 5, 2025\n\nWe care about your privacy.\n");
  const ClaimPairs p = pair(a, b);
  EXPECT_EQ(p.old_to_new[0], 0);
  EXPECT_EQ(p.old_kind[0], PairKind::kShape);
  // Two bare dates on a side (a changelog): which went where is unknown.
  const Document c = md("# Notice\n\nApril 3, 2024\n\nWe care.\n\nMay 1, 2023\n");
  const Document d = md("# Notice\n\nNovember 5, 2025\n\nWe care.\n\nJune 2, 2024\n");
  const ClaimPairs q = pair(c, d);
  EXPECT_EQ(q.old_to_new[0], -1);
  EXPECT_EQ(q.old_to_new[2], -1);
  // A day's name goes with its date: Mozilla's Spanish privacy notice,
  // whose two dated lines share too few words to pair otherwise.
  const ClaimPairs es = pair(md("# Aviso\n\nVigente desde el 17 de diciembre de 2025\n\nNos importa.\n"),
                             md("# Aviso\n\nVigente desde el lunes, 4 de mayo de 2026\n\nNos importa.\n"));
  EXPECT_EQ(es.old_to_new[0], 0);
  // A year alone is no date line.
  const ClaimPairs r = pair(md("# Notice\n\n2023\n\nWe care.\n"), md("# Notice\n\n2024\n\nWe care.\n"));
  EXPECT_EQ(r.old_to_new[0], -1);
  // A month and its year: Mozilla's German Focus privacy notice, 2017 -> 2021.
  const ClaimPairs s = pair(md("# Hinweis\n\nJuni 2017\n\nWir achten auf Ihre Daten.\n"),
                            md("# Hinweis\n\nOktober 2021\n\nWir achten auf Ihre Daten.\n"));
  EXPECT_EQ(s.old_to_new[0], 0);
  EXPECT_EQ(s.old_kind[0], PairKind::kShape);
}

TEST(FigurePairing, SentencesStatingTheSameAmountsPair) {
  const Document a =
      doc("Title\n\nAllies and partners have committed over EUR 690 million (around USD 740 million) to Ukraine CAP "
          "Trust Fund.\n");
  const Document b =
      doc("Title\n\nThrough NATO, Allies have pledged more than EUR 690 million (around USD 740 million) to meet "
          "Ukraine's critical needs, including cold-weather clothing, body armour, fuel, transport vehicles, secure "
          "communications, combat rations, demining equipment and medical supplies.\n");
  const ClaimPairs p = pair(a, b);
  EXPECT_EQ(p.old_to_new[0], 0);
  EXPECT_EQ(p.old_kind[0], PairKind::kShape);
}

TEST(FigurePairing, OneSharedFigureIsNotEnough) {
  const Document a = doc("Title\n\nAllies and partners have committed over EUR 690 million to the Trust Fund.\n");
  const Document b = doc("Title\n\nThrough NATO, Allies have trained 690 officers in the Trust Fund's courses.\n");
  const ClaimPairs p = pair(a, b);
  EXPECT_NE(p.old_kind[0], PairKind::kShape);
}

TEST(GapPairing, ASentenceExtendedInItsPlacePairs) {
  // GitHub's Terms of Service, 2022: the sentence after an unchanged one, at
  // the end of its section, extended; too few shared words for the near pass.
  const Document a = doc("Questions\n\nQuestions about the Terms of Service? Contact us.\n");
  const Document b =
      doc("Questions\n\nQuestions about the Terms of Service? Contact us through the GitHub Support portal.\n");
  const ClaimPairs p = pair(a, b);
  ASSERT_EQ(p.old_to_new.size(), 2u);
  EXPECT_EQ(p.old_to_new[0], 0);
  EXPECT_EQ(p.old_to_new[1], 1);
  EXPECT_EQ(p.old_kind[1], PairKind::kNear);
}

TEST(GapPairing, OnlyWhenTheShorterIsMostlyInTheLongerAndAloneInItsPlace) {
  const Document a = doc("Questions\n\nQuestions about the Terms of Service? Contact us.\n");
  // Another sentence in its place.
  const Document other = doc("Questions\n\nQuestions about the Terms of Service? Write to our office in Dublin.\n");
  EXPECT_EQ(pair(a, other).old_to_new[1], -1);
  // Two new sentences where there was one: no place is the old one's.
  const Document two =
      doc("Questions\n\nQuestions about the Terms of Service? Read the answers first. Contact us through the GitHub "
          "Support portal.\n");
  const ClaimPairs p = pair(a, two);
  EXPECT_EQ(p.old_to_new[1], -1);
}

TEST(SplitPairing, OneEditedListItemBesideAShortNeighbourIsNoSplit) {
  // GitHub's terms, 2021-12 -> 2022-09: one word changed in a list item
  // whose new neighbour is made of its words; the two together match the
  // old item less well than the edited item alone.
  const Document a =
      doc("Terms\n\nAccounts\n\n"
          "  • You are responsible for keeping your User Account secure and for all activity under it.\n"
          "  • Your account is yours.\n");
  const Document b =
      doc("Terms\n\nAccounts\n\n"
          "  • You are responsible for keeping your Personal Account secure and for all activity under it.\n"
          "  • Your account secure for all activity.\n");
  const ClaimPairs p = pair(a, b);
  EXPECT_EQ(p.old_to_new[0], 0);
  EXPECT_EQ(p.old_kind[0], PairKind::kNear);
  EXPECT_TRUE(p.split_rest_of(0).empty());
}

TEST(SplitPairing, ListItemTurnedIntoSentencesIsOneSplitIntoAllOfThem) {
  // A three-sentence list item of the 2023 page became a paragraph of its
  // three sentences: one claim into three, not a two-part split and an
  // added sentence. And back: three sentences into one item, one merge.
  const std::string item =
      "The 1997 Charter established the NATO-Ukraine Commission as the main body responsible for developing the "
      "NATO-Ukraine relationship. In 2023, the Commission was replaced by the NATO-Ukraine Council, where Allies "
      "and Ukraine sit as equals. This change demonstrates the strengthening of political ties and Ukraine's "
      "increasing integration with NATO.";
  const Document a = doc("Title\n\nCouncil\n\n  \u2022 " + item + "\n  \u2022 Cooperation has deepened over time.\n");
  const Document b = doc("Title\n\nCouncil\n\n" + item + "\n\n  \u2022 Cooperation has deepened over time.\n");
  const ClaimPairs split = pair(a, b);
  EXPECT_EQ(split.old_kind[0], PairKind::kSplitPart);
  EXPECT_EQ(split.old_to_new[0], 0);
  EXPECT_EQ(split.split_rest_of(0), (std::vector<int>{1, 2}));
  EXPECT_EQ(split.old_to_new[1], 3);
  const ClaimPairs merge = pair(b, a);
  EXPECT_EQ(merge.new_kind[0], PairKind::kMergePart);
  EXPECT_EQ(merge.new_to_old[0], 0);
  EXPECT_EQ(merge.merge_rest_of(0), (std::vector<int>{1, 2}));
  const ChangeSet c = compare(a, b, {});
  ASSERT_FALSE(c.claims.empty());
  EXPECT_EQ(c.claims[0].status, ChangeStatus::kSplit);
  EXPECT_EQ(c.claims[0].new_sides.size(), 3u);
}

TEST(SplitPairing, LongListItemTurnedIntoSentencesIsOneSplitIntoAllOfThem) {
  // Items of five and six sentences from the bundled pages (2015's trust
  // fund projects, 2023's lead) became paragraphs: any two of their
  // sentences match the whole item about 0.5, so the split is grown to all
  // of them before it is judged.
  const std::vector<std::string> items = {
      "Individual Allies are supporting the destruction of Ukraine's stockpiles of anti-personnel mines, munitions "
      "and small arms and light weapons through Partnership Trust Fund projects. A first project involved the safe "
      "destruction of 400,000 landmines at a chemical plant in Donetsk in 2002-2003. A second project to destroy "
      "133,000 tons of conventional munitions, 1.5 million small arms and 1000 man-portable air defence systems "
      "(MANPADS) was launched in 2005. With projected costs of some EUR 25 million, the project is to be carried out "
      "over an estimated 12 years. It is the largest demilitarization project of its kind ever to be undertaken, and "
      "will permanently increase Ukraine's capacity to destroy surplus munitions.",
      "The security of Ukraine is of great importance to NATO and its member states. The Alliance fully supports "
      "Ukraine's inherent right to self-defence, and its right to choose its own security arrangements. Ukraine's "
      "future is in NATO. Relations between NATO and Ukraine date back to the early 1990s and have since developed "
      "into one of the most substantial of NATO's partnerships. Since 2014, in the wake of Russia's illegal "
      "annexation of Crimea, cooperation has been intensified in critical areas. Since Russia's full-scale invasion "
      "in 2022, NATO and Allies have provided unprecedented levels of support."};
  for (const std::string& item : items) {
    const Document a = doc("Title\n\nSupport\n\n  \u2022 " + item + "\n  \u2022 Cooperation has deepened over time.\n");
    const Document b = doc("Title\n\nSupport\n\n" + item + "\n\n  \u2022 Cooperation has deepened over time.\n");
    const size_t parts = b.sentence_count() - 1;
    ASSERT_GE(parts, 5u) << item;
    std::vector<int> rest;
    for (size_t k = 1; k < parts; ++k) rest.push_back(static_cast<int>(k));
    const ClaimPairs split = pair(a, b);
    EXPECT_EQ(split.old_kind[0], PairKind::kSplitPart) << item;
    EXPECT_EQ(split.old_to_new[0], 0);
    EXPECT_EQ(split.split_rest_of(0), rest);
    EXPECT_EQ(split.old_to_new[1], static_cast<int>(parts));
    const ClaimPairs merge = pair(b, a);
    EXPECT_EQ(merge.new_kind[0], PairKind::kMergePart) << item;
    EXPECT_EQ(merge.merge_rest_of(0), rest);
  }
}

TEST(SplitPairing, MergedSentenceKeepsTheRephrasedFirstPart) {
  // The bundled series, 2015 -> 2023: two sentences on Afghanistan became
  // one. The first keeps only 0.68 of its words in it, yet it is a part of
  // the merge: alone, the second was paired as the sentence edited and the
  // first reported removed, "over-flight clearance" and all.
  const Document a =
      doc("Title\n\nOperations\n\nThe country supported the NATO-led International Security Assistance Force "
          "(ISAF) in Afghanistan, with over-flight clearance, and allowed for the transit of supplies for forces "
          "deployed there. Ukraine also contributed medical personnel to support Provincial Reconstruction Teams in "
          "Afghanistan and instructors to the NATO Training Mission in Afghanistan. Following the completion of "
          "ISAF's mission at the end of 2014, Ukraine is currently supporting the NATO-led mission to train, advise "
          "and assist Afghan security forces, known as the Resolute Support mission.\n");
  const Document b =
      doc("Title\n\nOperations\n\nIn support of the International Security Assistance Force (ISAF) in "
          "Afghanistan, Ukraine allowed over-flight clearance and the transit of supplies, and contributed medical "
          "personnel to support Provincial Reconstruction Teams in Afghanistan and instructors to the NATO Training "
          "Mission in Afghanistan. Following the end of ISAF's mission in 2014, Ukraine supported the follow-on "
          "Resolute Support Mission (2015-2021) to train, advise and assist Afghan security forces.\n");
  const ClaimPairs p = pair(a, b);
  ASSERT_EQ(p.new_to_old.size(), 2u);
  EXPECT_EQ(p.new_kind[0], PairKind::kMergePart);
  EXPECT_EQ(p.new_to_old[0], 0);
  EXPECT_EQ(p.merge_rest_of(0), (std::vector<int>{1}));
  EXPECT_EQ(p.old_to_new[2], 1);
  EXPECT_EQ(p.old_kind[2], PairKind::kNear);
}

TEST(Rarity, WeighsSharedRareWordsAboveSharedCommonOnes) {
  Rarity r;
  const std::vector<std::string> texts = {"allies agreed at the summit", "allies agreed at the meeting",
                                          "allies agreed at the council", "the fund holds 690 million"};
  for (int round = 0; round < 4; ++round) {
    for (const std::string& t : texts) r.add(bag_of(t));
  }
  // Same word overlap (Dice 0.5) with the common frame or with the rare figure.
  const double frame = r.weighted_dice(bag_of("allies agreed summit"), bag_of("allies agreed meeting"));
  const double figure = r.weighted_dice(bag_of("fund holds 690"), bag_of("fund holds council"));
  EXPECT_DOUBLE_EQ(dice(bag_of("allies agreed summit"), bag_of("allies agreed meeting")),
                   dice(bag_of("fund holds 690"), bag_of("fund holds council")));
  EXPECT_LT(frame, figure);
  EXPECT_DOUBLE_EQ(r.weighted_dice(bag_of("fund holds"), bag_of("fund holds")), 1.0);
}

TEST(Rarity, FewClaimsWeighEveryWordAlike) {
  Rarity r;
  r.add(bag_of("first text"));
  r.add(bag_of("second text"));
  EXPECT_DOUBLE_EQ(r.weighted_dice(bag_of("first text"), bag_of("second text")), 0.5);
}

// A score asked after more claims were added weighs the words by all of
// them, as a Rarity given every claim first does.
TEST(Rarity, WeightsFollowClaimsAddedAfterAScore) {
  std::vector<Bag> bags;
  for (int k = 0; k < 20; ++k) bags.push_back(bag_of("claim " + std::to_string(k) + " names the fund"));
  bags.push_back(bag_of("the fund holds 690 million"));
  Rarity later;
  Rarity first;
  for (size_t k = 0; k < bags.size(); ++k) {
    first.add(bags[k]);
    if (k < 17) later.add(bags[k]);
  }
  const Bag a = bag_of("the fund holds 690");
  const Bag b = bag_of("claim 3 names the fund");
  const double early = later.weighted_dice(a, b);
  for (size_t k = 17; k < bags.size(); ++k) later.add(bags[k]);
  EXPECT_NE(later.weighted_dice(a, b), early);
  EXPECT_DOUBLE_EQ(later.weighted_dice(a, b), first.weighted_dice(a, b));
}

// The scores that stop counting once a floor is out of reach give the full
// score at or above the floor and a score below it otherwise: each sentence
// of the bundled pages against every seventh one.
TEST(Dice, FlooredScoresAgreeWithTheFullOnesAboutTheFloor) {
  std::vector<Bag> bags;
  for (const char* id : {"page-2023", "page-2024"}) {
    const Document doc = test::load_snapshot(id);
    for (const Section& section : doc.sections) {
      for (const Sentence& sentence : section.sentences) bags.push_back(bag_of(sentence.norm));
    }
  }
  ASSERT_GT(bags.size(), 200u);
  size_t reached = 0;
  size_t contained = 0;
  for (size_t i = 0; i < bags.size(); ++i) {
    for (size_t j = 0; j < bags.size(); j += 7) {
      for (const double floor : {0.0, 0.3, 0.5, 0.7, 1.0}) {
        const double full = dice(bags[i], bags[j]);
        const double floored = dice_at_least(bags[i], bags[j], floor);
        if (full >= floor) {
          ASSERT_EQ(floored, full) << i << " " << j << " " << floor;
          ++reached;
        } else {
          ASSERT_LT(floored, floor) << i << " " << j << " " << floor;
        }
        ASSERT_EQ(contained_at_least(bags[i], bags[j], floor), containment(bags[i], bags[j]) >= floor)
            << i << " " << j << " " << floor;
        contained += containment(bags[i], bags[j]) >= floor && floor > 0.0 ? 1 : 0;
      }
    }
  }
  EXPECT_GT(reached, 1000u);
  EXPECT_GT(contained, 100u);
}

// QUIC's transport draft, April 2017: "Offset Increment" became "Data Limit
// Increments", no title word in common, half its sentences rewritten; in
// the same place (same parent, same previous sibling) it is one section.
TEST(SectionPairing, RenamedAndRewordedInPlaceIsOneSection) {
  auto md = [](const std::string& text) { return test::parse(text, "x.md"); };
  const Document a = md(
      "# Protocol\n\n## Flow Control\n\n### Stream States\n\nA stream moves through states as frames arrive.\n\n"
      "### Offset Increment\n\nThis document leaves when and how many bytes to advertise in a WINDOW_UPDATE to the "
      "implementation, but offers a few considerations. WINDOW_UPDATE frames constitute overhead, and therefore, "
      "sending a WINDOW_UPDATE with small offset increments is undesirable. At the same time, sending WINDOW_UPDATES "
      "with large offset increments requires the sender to commit to that amount of buffer. Implementations must "
      "find the correct tradeoff between these sides.\n\n### Closing\n\nStreams close when both sides finish.\n");
  const Document b = md(
      "# Protocol\n\n## Flow Control\n\n### Stream States\n\nA stream moves through states as frames arrive.\n\n"
      "### Data Limit Increments\n\nThis document leaves when and how many bytes to advertise in a MAX_DATA or "
      "MAX_STREAM_DATA to implementations, but offers a few considerations. Therefore frequently sending frames with "
      "small changes is undesirable. At the same time, infrequent updates require larger increments to limits if "
      "blocking is to be avoided. A receiver can use an autotuning mechanism.\n\n### Closing\n\n"
      "Streams close when both sides finish.\n");
  const ChangeSet c = compare(a, b, {});
  bool renamed = false;
  for (const SectionChange& s : c.sections) {
    if (!s.old_sides.empty() && s.old_sides[0].title == "Offset Increment") {
      EXPECT_EQ(s.status, ChangeStatus::kRenamed);
      ASSERT_EQ(s.new_sides.size(), 1u);
      EXPECT_EQ(s.new_sides[0].title, "Data Limit Increments");
      renamed = true;
    }
  }
  EXPECT_TRUE(renamed);
}

// On the bundled series, 2023 -> 2024: the membership sentence of a list item
// and the EUR 690 million sentence are reworded, not removed and added.
TEST(SeriesPairing, RewordingsOf2023To2024AreEditsNotRemovalsAndAdditions) {
  const ChangeSet c = compare(test::load_snapshot("page-2023"), test::load_snapshot("page-2024"), {});
  auto status_of_new = [&](const std::string& words) {
    for (const ClaimChange& x : c.claims) {
      for (const ClaimSide& s : x.new_sides) {
        if (s.text.find(words) != std::string::npos) return std::string(to_string(x.status));
      }
    }
    return std::string("absent");
  };
  EXPECT_EQ(status_of_new("Allies reaffirmed that Ukraine will become a member of NATO when Allies agree"), "modified");
  EXPECT_EQ(status_of_new("Allies have pledged more than EUR 690 million"), "moved");
  for (const ClaimChange& x : c.claims) {
    if (x.status != ChangeStatus::kRemoved) continue;
    EXPECT_EQ(x.old_sides[0].text.find("committed over EUR 690 million"), std::string::npos);
    EXPECT_EQ(x.old_sides[0].text.find("reaffirmed their commitment that Ukraine"), std::string::npos);
  }
  // Two sentences on one frame ("At the 2022 ... Summit, Allies agreed")
  // that say different things share half their words but few rare ones:
  // no pair, so no "intensifier removed: 'even more'".
  for (const ClaimChange& x : c.claims) {
    if (x.old_sides.empty() ||
        x.old_sides[0].text.find("strengthen the CAP and provide even more") == std::string::npos)
      continue;
    EXPECT_EQ(x.status, ChangeStatus::kRemoved);
    EXPECT_TRUE(x.facts.empty());
  }
}

}  // namespace
}  // namespace strata::align
