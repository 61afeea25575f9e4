// classify() on hand-built ChangeSets: numbers, wording and facts as the
// lead's compare() hands them over.
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

Document doc_of(const std::string& text) {
  auto doc = parse_document(text, "test.txt");
  EXPECT_TRUE(doc.has_value()) << (doc ? "" : doc.error().message);
  return doc ? std::move(*doc) : Document{};
}

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
  const Document old_doc = doc_of("Funding\n\nSince January 2023, almost EUR 20 million has been dedicated. "
                                  "NATO has 300,000 troops.\n");
  const Document new_doc = doc_of("Funding\n\nNATO has 500,000 troops at high readiness. In 2023 funding grew.\n");
  ChangeSet changes;
  changes.claims.push_back(one_sided(ChangeStatus::kRemoved, "Since January 2023, almost EUR 20 million has been dedicated."));
  changes.claims.push_back(one_sided(ChangeStatus::kAdded, "In 2023 funding grew."));
  classify(old_doc, new_doc, changes, {});
  // "2023" is in both versions; only the amount and the month vanished.
  ASSERT_EQ(changes.numbers.size(), 2u);
  EXPECT_EQ(changes.numbers[0].status, ChangeStatus::kRemoved);
  EXPECT_EQ(changes.numbers[0].old_value, "January 2023");
  EXPECT_EQ(changes.numbers[1].old_value, "EUR 20 million");
  EXPECT_EQ(changes.numbers[1].claim, 0);
}

TEST(Classify, PhraseReplacedInThreePlacesIsReportedOnceWithCountThree) {
  const Document old_doc = doc_of("A\n\nThe Alliance supports Ukraine. The Alliance trains troops. The Alliance "
                                  "funds projects.\n");
  const Document new_doc = doc_of("A\n\nNATO members support Ukraine. NATO members train troops. NATO members "
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
  const Document old_doc = doc_of("A\n\nAllies strengthened cooperation programmes with Ukraine. Cooperation "
                                  "programmes grew. Ukraine hosted exercises.\n");
  const Document new_doc = doc_of("A\n\nAllies delivered fighter jets to Ukraine. Ukraine hosted exercises.\n");
  ChangeSet changes;
  changes.claims.push_back(one_sided(ChangeStatus::kRemoved, "Allies strengthened cooperation programmes with Ukraine."));
  changes.claims.push_back(one_sided(ChangeStatus::kRemoved, "Cooperation programmes grew."));
  changes.claims.push_back(one_sided(ChangeStatus::kAdded, "Allies delivered fighter jets to Ukraine."));
  ClassifyOptions options;
  options.find_programmes = false;
  classify(old_doc, new_doc, changes, options);
  auto vanished = std::find_if(changes.wording.begin(), changes.wording.end(), [](const WordingShift& w) {
    return w.from && !w.to && *w.from == "cooperation programmes";
  });
  ASSERT_NE(vanished, changes.wording.end());
  EXPECT_EQ(vanished->old_count, 2);
  EXPECT_EQ(vanished->new_count, 0);
  auto appeared = std::find_if(changes.wording.begin(), changes.wording.end(), [](const WordingShift& w) {
    return !w.from && w.to && *w.to == "Allies delivered fighter jets";
  });
  ASSERT_NE(appeared, changes.wording.end());
  EXPECT_EQ(appeared->new_count, 1);
  // Words in both versions ("Ukraine", "Allies") are not listed, nor parts
  // of a listed phrase with the same counts ("fighter jets").
  for (const auto& w : changes.wording) {
    const auto& text = w.from ? *w.from : *w.to;
    EXPECT_NE(text, "Ukraine");
    EXPECT_NE(text, "Allies");
    EXPECT_NE(text, "fighter jets");
  }
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

}  // namespace
}  // namespace strata
