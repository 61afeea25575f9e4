// classify() on hand-built ChangeSets: numbers, wording and facts as the
// lead's compare() hands them over.
#include <fmt/core.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "strata/classify.hpp"
#include "strata/compare.hpp"
#include "strata/load.hpp"
#include "strata/render.hpp"
#include "test_util.hpp"

namespace strata {
namespace {

Document doc_of(const std::string& text) { return test::parse(text, "test.txt"); }

ClaimSide side(const std::string& text) {
  ClaimSide s;
  s.text = text;
  s.norm = text;
  s.section_id = "s";
  s.section = 1;
  s.block = 0;
  s.sentence = 0;
  return s;
}

WordOp op(WordOp::Op kind, const std::string& text) {
  WordOp o;
  o.op = kind;
  o.text = text;
  return o;
}

// A modified claim whose diff replaces `from` by `to` between `before` and `after`.
ClaimChange replaced(const std::string& before, const std::string& from, const std::string& to,
                     const std::string& after) {
  ClaimChange c;
  c.status = ChangeStatus::kModified;
  c.similarity = 0.9;
  c.old_sides.push_back(side(before + from + after));
  c.new_sides.push_back(side(before + to + after));
  c.diff = {op(WordOp::Op::kEqual, before), op(WordOp::Op::kDelete, from), op(WordOp::Op::kInsert, to),
            op(WordOp::Op::kEqual, after)};
  return c;
}

ClaimChange one_sided(ChangeStatus status, const std::string& text) {
  ClaimChange c;
  c.status = status;
  (status == ChangeStatus::kAdded ? c.new_sides : c.old_sides).push_back(side(text));
  return c;
}

TEST(Classify, FigureChangedInAnOtherwiseIdenticalClaim) {
  const std::string before = "Allies and partners have committed over ";
  const std::string after = " to Ukraine CAP Trust Fund.";
  const Document old_doc = doc_of("Support\n\n" + before + "EUR 690 million" + after + "\n");
  const Document new_doc = doc_of("Support\n\n" + before + "EUR 700 million" + after + "\n");
  ChangeSet changes;
  changes.claims.push_back(replaced(before, "EUR 690 million", "EUR 700 million", after));
  classify(old_doc, new_doc, changes, {});
  ASSERT_EQ(changes.numbers.size(), 1u);
  EXPECT_EQ(changes.numbers[0].status, ChangeStatus::kModified);
  EXPECT_EQ(changes.numbers[0].old_value, "EUR 690 million");
  EXPECT_EQ(changes.numbers[0].new_value, "EUR 700 million");
  EXPECT_EQ(changes.numbers[0].claim, 0);
}

TEST(Classify, FiguresOfAddedAndRemovedClaimsAcrossTheDocument) {
  const Document old_doc = doc_of(
      "Funding\n\nSince January 2023, almost EUR 20 million has been dedicated. "
      "NATO has 300,000 troops.\n");
  const Document new_doc = doc_of("Funding\n\nNATO has 500,000 troops at high readiness. In 2023 funding grew.\n");
  ChangeSet changes;
  changes.claims.push_back(
      one_sided(ChangeStatus::kRemoved, "Since January 2023, almost EUR 20 million has been dedicated."));
  changes.claims.push_back(one_sided(ChangeStatus::kAdded, "In 2023 funding grew."));
  classify(old_doc, new_doc, changes, {});
  // "2023" is in both versions; only the amount and the month vanished,
  // the amount first (quantities before dates).
  ASSERT_EQ(changes.numbers.size(), 2u);
  EXPECT_EQ(changes.numbers[0].status, ChangeStatus::kRemoved);
  EXPECT_EQ(changes.numbers[0].old_value, "EUR 20 million");
  EXPECT_EQ(changes.numbers[0].kind, "money");
  EXPECT_EQ(changes.numbers[0].claim, 0);
  EXPECT_EQ(changes.numbers[1].old_value, "January 2023");
  EXPECT_EQ(changes.numbers[1].kind, "date");
  EXPECT_EQ(changes.numbers[1].context, "Since January 2023, almost EUR 20 million has been dedicated.");
}

TEST(Classify, FiguresHaveAKindAContextAndAreMergedWhenRepeated) {
  // The terms-edit case, and the same fee change in two sections.
  const std::string notify = "We will notify you at least 30 days before any change to these Terms.";
  const Document old_doc = doc_of("Terms\n\n" + notify +
                                  " Requests are answered within 14 days. Fees are EUR 10 per month. "
                                  "Fees are EUR 10 per month for teams. Prices rose 5% in 2022.\n");
  const Document new_doc = doc_of(
      "Terms\n\nWe may notify you before any change to these Terms. Requests are answered "
      "within 30 days. Fees are EUR 12 per month. Fees are EUR 12 per month for teams. "
      "Prices rose 7% in 2022.\n");
  ChangeSet changes;
  ClaimChange dropped;
  dropped.status = ChangeStatus::kModified;
  dropped.old_sides.push_back(side(notify));
  dropped.new_sides.push_back(side("We may notify you before any change to these Terms."));
  changes.claims.push_back(dropped);
  changes.claims.push_back(replaced("Requests are answered within ", "14", "30", " days."));
  changes.claims.push_back(replaced("Fees are EUR ", "10", "12", " per month."));
  changes.claims.push_back(replaced("Fees are EUR ", "10", "12", " per month for teams."));
  changes.claims.push_back(replaced("Prices rose ", "5%", "7%", " in 2022."));
  ClassifyOptions options;
  options.find_programmes = false;
  options.wording = false;
  classify(old_doc, new_doc, changes, options);
  std::vector<std::string> rows;
  for (const auto& n : changes.numbers) {
    rows.push_back(std::string(to_string(n.status)) + " " + n.kind + " " + n.old_value + "->" + n.new_value + " x" +
                   std::to_string(n.count) + " #" + std::to_string(n.claim));
  }
  // Quantities before dates; the fee once, counted twice; the dropped
  // notice period a removed duration of the claim that stayed.
  EXPECT_EQ(rows,
            (std::vector<std::string>{"modified money EUR 10->EUR 12 x2 #2", "modified percentage 5%->7% x1 #4",
                                      "modified duration 14 days->30 days x1 #1", "removed duration 30 days-> x1 #0"}));
  EXPECT_EQ(changes.numbers[3].context, notify);
  // The dropped figure is a highlight's reason, with the softened promise.
  const auto& reasons = changes.claims[0].significance.reasons;
  EXPECT_TRUE(std::any_of(reasons.begin(), reasons.end(), [&](const SignificanceReason& r) {
    return r.rule == "figure-removed" && r.text.find("30 days, from “" + notify + "”") != std::string::npos;
  }));
}

TEST(Classify, AnEffectiveDateInARemovedAndAnAddedLineIsOneModifiedFigure) {
  const Document old_doc = doc_of("Terms\n\nEffective July 26, 2022\n\nYou must be 13.\n");
  const Document new_doc = doc_of("Terms\n\nEffective January 1, 2023\n\nYou must be 13.\n");
  ChangeSet changes;
  changes.claims.push_back(one_sided(ChangeStatus::kRemoved, "Effective July 26, 2022"));
  changes.claims.push_back(one_sided(ChangeStatus::kAdded, "Effective January 1, 2023"));
  classify(old_doc, new_doc, changes, {});
  ASSERT_EQ(changes.numbers.size(), 1u);
  EXPECT_EQ(changes.numbers[0].status, ChangeStatus::kModified);
  EXPECT_EQ(changes.numbers[0].kind, "date");
  EXPECT_EQ(changes.numbers[0].old_value, "July 26, 2022");
  EXPECT_EQ(changes.numbers[0].new_value, "January 1, 2023");
  EXPECT_EQ(changes.numbers[0].claim, 1);
}

TEST(Classify, PhraseReplacedInThreePlacesIsReportedOnceWithCountThree) {
  const Document old_doc = doc_of(
      "A\n\nThe Alliance supports Ukraine. The Alliance trains troops. The Alliance "
      "funds projects.\n");
  const Document new_doc = doc_of(
      "A\n\nNATO members support Ukraine. NATO members train troops. NATO members "
      "fund projects.\n");
  ChangeSet changes;
  changes.claims.push_back(replaced("", "The Alliance supports", "NATO members support", " Ukraine."));
  changes.claims.push_back(replaced("", "The Alliance trains", "NATO members train", " troops."));
  changes.claims.push_back(replaced("The ", "Alliance", "NATO members", " funds projects."));
  changes.claims.push_back(replaced("The ", "Alliance", "NATO members", " trains troops."));
  changes.claims.push_back(replaced("The ", "Alliance", "NATO members", " supports Ukraine."));
  ClassifyOptions options;
  options.numbers = false;
  options.find_programmes = false;
  classify(old_doc, new_doc, changes, options);
  auto it = std::find_if(changes.wording.begin(), changes.wording.end(), [](const WordingShift& w) {
    return w.from && w.to && *w.from == "Alliance" && *w.to == "NATO members";
  });
  ASSERT_NE(it, changes.wording.end());
  EXPECT_EQ(it->count, 3);
  EXPECT_EQ(it->examples.size(), 3u);
  EXPECT_EQ(std::count_if(changes.wording.begin(), changes.wording.end(),
                          [](const WordingShift& w) { return w.from && w.to && *w.from == "Alliance"; }),
            1);
  // Ranked first: the most frequent replacement.
  EXPECT_EQ(&*it, &changes.wording.front());
}

TEST(Classify, PhrasesThatAppearedOrVanished) {
  const Document old_doc = doc_of(
      "A\n\nAllies strengthened cooperation programmes with Ukraine. Cooperation "
      "programmes grew. Ukraine hosted exercises. The office in Lviv closed.\n");
  const Document new_doc = doc_of(
      "A\n\nAllies delivered fighter jets to Ukraine. Support grew. Ukraine hosted "
      "joint naval exercises. Drone factories opened.\n");
  ChangeSet changes;
  changes.claims.push_back(
      replaced("Allies ", "strengthened cooperation programmes with", "delivered fighter jets to", " Ukraine."));
  changes.claims.push_back(replaced("", "Cooperation programmes", "Support", " grew."));
  changes.claims.push_back(replaced("Ukraine hosted ", "", "joint naval ", "exercises."));
  // Wholly removed and added claims are their own news, not wording.
  changes.claims.push_back(one_sided(ChangeStatus::kRemoved, "The office in Lviv closed."));
  changes.claims.push_back(one_sided(ChangeStatus::kAdded, "Drone factories opened."));
  ClassifyOptions options;
  options.find_programmes = false;
  classify(old_doc, new_doc, changes, options);
  auto vanished = std::find_if(changes.wording.begin(), changes.wording.end(), [](const WordingShift& w) {
    return w.from && !w.to && *w.from == "cooperation programmes";
  });
  ASSERT_NE(vanished, changes.wording.end());
  EXPECT_EQ(vanished->old_count, 2);
  EXPECT_EQ(vanished->new_count, 0);
  auto appeared = std::find_if(changes.wording.begin(), changes.wording.end(),
                               [](const WordingShift& w) { return !w.from && w.to && *w.to == "joint naval"; });
  ASSERT_NE(appeared, changes.wording.end());
  EXPECT_EQ(appeared->new_count, 1);
  // Words in both versions ("Ukraine", "Allies") are not listed, nor
  // phrases that run into them ("joint naval exercises"), nor parts of a
  // listed phrase with the same counts ("naval"), nor the words of the
  // removed and added claims, nor what a replacement already says as often
  // ("Support", "delivered fighter jets").
  for (const auto& w : changes.wording) {
    if (w.from && w.to) continue;
    const auto& text = w.from ? *w.from : *w.to;
    for (const char* absent : {"Ukraine", "Allies", "naval", "joint naval exercises", "Lviv", "office",
                               "Drone factories", "Support", "delivered fighter jets", "fighter jets"}) {
      EXPECT_NE(text, absent);
    }
  }
}

// GitHub's privacy statement re-pointed a link written out in the text
// (2025): the address changed, which the link-set diff reports; its parts
// are neither a figure ("=2") nor wording ("tabset-35584").
TEST(Classify, AChangedAddressIsALinkNotAFigureOrWording) {
  const Document old_doc = test::parse(
      "# A\n\nFor additional information visit "
      "https://www.dataprivacyframework.gov/s/article/ANNEX-I-introduction-dpf?tabset-35584=2.\n\n"
      "We keep your data for 30 days.\n",
      "a.md");
  const Document new_doc = test::parse(
      "# A\n\nFor additional information visit "
      "https://www.dataprivacyframework.gov/framework-article/ANNEX-I-introduction.\n\n"
      "We keep your data for 45 days.\n",
      "a.md");
  const ChangeSet changes = compare(old_doc, new_doc);
  EXPECT_EQ(std::count_if(changes.claims.begin(), changes.claims.end(),
                          [](const ClaimChange& c) { return c.status == ChangeStatus::kModified; }),
            2);
  ASSERT_EQ(changes.numbers.size(), 1u);
  EXPECT_EQ(changes.numbers[0].old_value, "30 days");
  for (const WordingShift& w : changes.wording) {
    for (const auto& side : {w.from, w.to}) {
      if (!side) continue;
      EXPECT_EQ(side->find("tabset"), std::string::npos) << *side;
      EXPECT_EQ(side->find("ANNEX"), std::string::npos) << *side;
      EXPECT_EQ(side->find("framework-article"), std::string::npos) << *side;
    }
  }
  EXPECT_EQ(changes.links.size(), 2u);  // one target gone, one come
}

TEST(Classify, WordingSharesItsCapAndDropsFunctionWordsAndNumbers) {
  const Document old_doc = doc_of(
      "A\n\nAid for Ukraine rose by 10 units. Allies condemn brutal attacks. Allies "
      "imposed severe sanctions. Allies back collective training.\n");
  const Document new_doc = doc_of(
      "A\n\nAid of Ukraine rose by 12 units. Allies condemn attacks. Allies imposed "
      "unprecedented costs. Allies back collective defence training.\n");
  ChangeSet changes;
  changes.claims.push_back(replaced("Aid ", "for", "of", " Ukraine rose by 10 units."));
  changes.claims.push_back(replaced("Aid of Ukraine rose by ", "10", "12", " units."));
  changes.claims.push_back(replaced("Allies imposed ", "severe sanctions", "unprecedented costs", "."));
  changes.claims.push_back(replaced("Allies condemn ", "brutal ", "", "attacks."));
  changes.claims.push_back(replaced("Allies back collective ", "", "defence ", "training."));
  ClassifyOptions options;
  options.find_programmes = false;
  options.numbers = false;
  options.max_wording = 3;
  ChangeSet capped = changes;
  ClassifyOptions two = options;
  two.max_wording = 2;
  classify(old_doc, new_doc, capped, two);
  ASSERT_EQ(capped.wording.size(), 2u);
  EXPECT_TRUE(capped.wording[1].from && !capped.wording[1].to);
  EXPECT_FALSE(capped.warnings.empty());
  classify(old_doc, new_doc, changes, options);
  std::vector<std::string> rows;
  for (const auto& w : changes.wording) rows.push_back((w.from ? *w.from : "") + " -> " + (w.to ? *w.to : ""));
  // One of each list in turn: a replacement, a vanished phrase, an appeared
  // one; no "for" -> "of", no "10" -> "12", and no part of the replacement
  // listed again ("severe", "costs").
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0], "severe sanctions -> unprecedented costs");
  EXPECT_EQ(rows[1], "brutal -> ");
  EXPECT_EQ(rows[2], " -> defence");
  EXPECT_TRUE(changes.warnings.empty());
}

TEST(Classify, FactsOnModifiedClaimsKeepOtherKinds) {
  const Document old_doc = doc_of("A\n\nThey have no legitimacy, and NATO will not recognise them.\n");
  const Document new_doc = doc_of("A\n\nThey have no legitimacy, and NATO does not recognise them.\n");
  ChangeSet changes;
  changes.claims.push_back(replaced("They have no legitimacy, and NATO ", "will", "does", " not recognise them."));
  changes.claims[0].facts.push_back({FactKind::kAcronym, "NUC", "NATO-Ukraine Commission", "acronym"});
  classify(old_doc, new_doc, changes, {});
  const auto& facts = changes.claims[0].facts;
  ASSERT_EQ(facts.size(), 2u);
  EXPECT_EQ(facts[0].kind, FactKind::kAcronym);
  EXPECT_EQ(facts[1].kind, FactKind::kModality);
  // Running it again gives the same facts, not twice as many.
  classify(old_doc, new_doc, changes, {});
  EXPECT_EQ(changes.claims[0].facts.size(), 2u);
}

}  // namespace
}  // namespace strata

namespace strata {
namespace {

// The real 2023 -> 2024 pair through compare(): "NATO will not recognise
// them" became "NATO does not recognise them".
TEST(Classify, Seeds2023To2024WillNotBecomesDoesNot) {
  CompareOptions options;
  options.classify = false;
  const Document old_doc = test::load_snapshot("page-2023");
  const Document new_doc = test::load_snapshot("page-2024");
  ChangeSet changes = compare(old_doc, new_doc, options);
  classify(old_doc, new_doc, changes, {});
  bool found = false;
  for (const auto& claim : changes.claims) {
    for (const auto& fact : claim.facts) {
      found = found || (fact.kind == FactKind::kModality && fact.old_text == "will not recognise" &&
                        fact.new_text == "does not recognise");
    }
  }
  EXPECT_TRUE(found);
  auto rename = std::find_if(changes.programmes.begin(), changes.programmes.end(), [](const ProgrammeChange& p) {
    return p.status == ChangeStatus::kRenamed && p.new_side && p.new_side->name == "NATO-Ukraine Council";
  });
  EXPECT_NE(rename, changes.programmes.end());
  // Both versions say "EUR 690 million": not a changed figure.
  for (const auto& n : changes.numbers) {
    EXPECT_NE(n.old_value, "EUR 690 million");
    EXPECT_NE(n.new_value, "EUR 690 million");
  }
}

// compare() reads the documents for classify on a second thread during the
// alignment and splits classify over two threads: the result must be what
// the stages give one after the other, for every pair of the series (each
// stage asked for alone, too).
TEST(Classify, ThreadedCompareEqualsCompareThenClassify) {
  const char* series[] = {"page-2015", "guide-2016-2018", "page-2023", "page-2024"};
  for (size_t k = 0; k + 1 < std::size(series); ++k) {
    const Document old_doc = test::load_snapshot(series[k]);
    const Document new_doc = test::load_snapshot(series[k + 1]);
    for (int only = -1; only < 4; ++only) {
      CompareOptions threaded;
      if (only >= 0) {
        threaded.classification.facts = only == 0;
        threaded.classification.numbers = only == 1;
        threaded.classification.find_programmes = only == 2;
        threaded.classification.wording = only == 3;
      }
      CompareOptions bare = threaded;
      bare.classify = false;
      ChangeSet sequential = compare(old_doc, new_doc, bare);
      classify(old_doc, new_doc, sequential, threaded.classification);
      const ChangeSet both = compare(old_doc, new_doc, threaded);
      EXPECT_EQ(render_diff_json(both), render_diff_json(sequential)) << series[k] << " stage " << only;
    }
  }
}

// Past the cap on sentences read, the lists that read whole documents stay
// empty and say so; the facts of changed claims are still found. Just under
// the cap nothing changes.
TEST(Classify, DocumentsOverTheReadingCapKeepFactsAndWarn) {
  const Document old_doc = test::load_snapshot("page-2023");
  const Document new_doc = test::load_snapshot("page-2024");
  const size_t sentences = old_doc.sentence_count() + new_doc.sentence_count();
  CompareOptions at_cap;
  at_cap.classification.max_read_sentences = sentences;
  const ChangeSet read = compare(old_doc, new_doc, at_cap);
  EXPECT_EQ(render_diff_json(read), render_diff_json(compare(old_doc, new_doc)));
  ASSERT_FALSE(read.programmes.empty());
  ASSERT_FALSE(read.numbers.empty());
  ASSERT_FALSE(read.wording.empty());

  CompareOptions over = at_cap;
  over.classification.max_read_sentences = sentences - 1;
  const ChangeSet capped = compare(old_doc, new_doc, over);
  EXPECT_TRUE(capped.programmes.empty());
  EXPECT_TRUE(capped.numbers.empty());
  EXPECT_TRUE(capped.wording.empty());
  const std::string warning =
      fmt::format("classify: {} sentences in the two documents, over the cap of {}", sentences, sentences - 1);
  EXPECT_TRUE(std::any_of(capped.warnings.begin(), capped.warnings.end(),
                          [&](const std::string& w) { return w.starts_with(warning); }));
  size_t facts = 0;
  for (const auto& claim : capped.claims) facts += claim.facts.size();
  size_t facts_read = 0;
  for (const auto& claim : read.claims) facts_read += claim.facts.size();
  EXPECT_GT(facts, 0u);
  EXPECT_EQ(facts, facts_read);
  EXPECT_EQ(capped.claims.size(), read.claims.size());
}

// Facts come only from pairs that share half their words: on 2023 -> 2024
// the claim paired through one sentence (similarity under 0.4) whose new
// clause says "critical needs" has no fact, and the facts of closer pairs
// stay.
TEST(Classify, FactsComeOnlyFromPairsSharingHalfTheirWords) {
  const ChangeSet changes = compare(test::load_snapshot("page-2023"), test::load_snapshot("page-2024"));
  bool loose = false;
  bool kept = false;
  for (const ClaimChange& claim : changes.claims) {
    if (claim.new_sides.empty()) continue;
    bool own = false;
    for (const Fact& fact : claim.facts) own = own || fact.kind != FactKind::kAcronym;
    if (claim.new_sides[0].text.find("continue to cover critical needs") != std::string::npos) {
      loose = true;
      EXPECT_LT(claim.similarity, 0.5);
      EXPECT_FALSE(claim.diff.empty());
      EXPECT_FALSE(own);
    } else if (own) {
      kept = true;
      EXPECT_GE(claim.similarity, 0.5);
    }
  }
  EXPECT_TRUE(loose);
  EXPECT_TRUE(kept);
}

}  // namespace
}  // namespace strata
