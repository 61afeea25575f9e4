#include <fmt/core.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "strata/compare.hpp"
#include "strata/load.hpp"
#include "strata/render.hpp"
#include "test_util.hpp"

namespace strata {
namespace {

Document doc(const std::string& text, const char* name = "x.txt") { return test::parse(text, name); }

const ClaimChange* find_claim(const ChangeSet& c, const std::string& needle) {
  for (const ClaimChange& claim : c.claims) {
    for (const auto* sides : {&claim.old_sides, &claim.new_sides}) {
      for (const ClaimSide& s : *sides) {
        if (s.text.find(needle) != std::string::npos) return &claim;
      }
    }
  }
  return nullptr;
}

const SectionChange* find_section_change(const ChangeSet& c, const std::string& title) {
  for (const SectionChange& s : c.sections) {
    for (const auto* sides : {&s.old_sides, &s.new_sides}) {
      for (const SectionSide& side : *sides) {
        if (side.title == title) return &s;
      }
    }
  }
  return nullptr;
}

std::string joined(const std::vector<WordOp>& ops, WordOp::Op op) {
  std::string out;
  for (const WordOp& o : ops) {
    if (o.op == op) out += o.text;
  }
  return out;
}

TEST(Compare, Page2023To2024) {
  const Document a = test::load_snapshot("page-2023");
  const Document b = test::load_snapshot("page-2024");
  const ChangeSet c = compare(a, b);
  // The 2023 lead reappears at the end of the 2024 page: moved, not removed + added.
  const ClaimChange* lead = find_claim(c, "The security of Ukraine is of great importance to NATO");
  ASSERT_NE(lead, nullptr);
  EXPECT_EQ(lead->status, ChangeStatus::kMoved);
  ASSERT_EQ(lead->old_sides.size(), 1u);
  ASSERT_EQ(lead->new_sides.size(), 1u);
  // "will not" -> "does not": one claim, and the word diff is exactly that.
  const ClaimChange* recognise = find_claim(c, "NATO will not recognise them");
  ASSERT_NE(recognise, nullptr);
  ASSERT_EQ(recognise->new_sides.size(), 1u);
  EXPECT_NE(recognise->new_sides[0].text.find("NATO does not recognise them"), std::string::npos);
  EXPECT_TRUE(recognise->status == ChangeStatus::kModified || recognise->status == ChangeStatus::kMoved);
  EXPECT_EQ(joined(recognise->diff, WordOp::Op::kDelete), "will");
  EXPECT_EQ(joined(recognise->diff, WordOp::Op::kInsert), "does");
  // Kept sentence: unchanged or moved, never added or removed.
  const ClaimChange* lands = find_claim(c, "These lands are Ukraine and will always be Ukraine.");
  ASSERT_NE(lands, nullptr);
  EXPECT_TRUE(lands->status == ChangeStatus::kMoved || lands->status == ChangeStatus::kUnchanged);
  EXPECT_TRUE(c.has_changes());
}

TEST(Compare, IdenticalFilesHaveNoChanges) {
  const Document a = test::load_snapshot("page-2015");
  const ChangeSet c = compare(a, a);
  EXPECT_FALSE(c.has_changes());
  for (const ClaimChange& claim : c.claims) EXPECT_EQ(claim.status, ChangeStatus::kUnchanged);
  for (const SectionChange& s : c.sections) EXPECT_EQ(s.status, ChangeStatus::kUnchanged);
}

// Found by diff_fuzzer: a heading with no word in it ("-") over no text of
// its own had no pairing candidate, so a self-diff reported it removed and added.
TEST(Compare, WordlessHeadingsPairWithThemselves) {
  const Document a = doc("# A\n-\n\x1bone\x7fo\n\n\n- tw");
  const ChangeSet c = compare(a, a);
  EXPECT_FALSE(c.has_changes());
  ASSERT_NE(find_section_change(c, "-"), nullptr);
  for (const SectionChange& s : c.sections) EXPECT_EQ(s.status, ChangeStatus::kUnchanged);
}

TEST(Compare, UnchangedClaimsLeftOutAreCountedAndKeepTheIndexesOfTheRest) {
  const Document a = test::load_snapshot("page-2023");
  const Document b = test::load_snapshot("page-2024");
  const ChangeSet all = compare(a, b);
  CompareOptions lean;
  lean.keep_unchanged_claims = false;
  const ChangeSet changed = compare(a, b, lean);
  int unchanged = 0;
  std::vector<const ClaimChange*> rest;
  for (const ClaimChange& c : all.claims) {
    if (c.status == ChangeStatus::kUnchanged) {
      ++unchanged;
    } else {
      rest.push_back(&c);
    }
  }
  ASSERT_GT(unchanged, 0);
  EXPECT_EQ(all.unchanged_claims_left_out, 0);
  EXPECT_EQ(changed.unchanged_claims_left_out, unchanged);
  ASSERT_EQ(changed.claims.size(), rest.size());
  for (size_t k = 0; k < rest.size(); ++k) {
    EXPECT_EQ(changed.claims[k].index, rest[k]->index);
    EXPECT_EQ(changed.claims[k].status, rest[k]->status);
  }
  for (size_t k = 0; k < all.claims.size(); ++k) EXPECT_EQ(all.claims[k].index, static_cast<int>(k));
  // What a report without --all shows is the same either way, counts included.
  EXPECT_EQ(render_diff_json(changed), render_diff_json(all));
  EXPECT_EQ(render_diff_markdown(changed), render_diff_markdown(all));
}

// Threads only change where classify's work runs, never what it finds.
TEST(Compare, ThreadsOffGivesTheSameReport) {
  for (const auto& [from, to] : {std::pair{"page-2015", "page-2023"}, std::pair{"page-2023", "page-2024"}}) {
    const Document a = test::load_snapshot(from);
    const Document b = test::load_snapshot(to);
    CompareOptions alone;
    alone.threads = false;
    const ChangeSet threaded = compare(a, b);
    EXPECT_FALSE(threaded.highlights.empty());
    EXPECT_EQ(render_diff_json(compare(a, b, alone)), render_diff_json(threaded)) << from << " -> " << to;
  }
}

// Claim changes are built in parallel chunks and taken in report order: the
// report is the one a single thread makes, on a pair of more claims than a
// chunk holds, reworded, kept and removed in turn.
TEST(Compare, ClaimChangesBuiltInParallelKeepTheirOrder) {
  std::string old_text;
  std::string new_text;
  for (int k = 0; k < 3000; ++k) {
    old_text += fmt::format("Clause {}: the members shall report item {} to the council by March.\n\n", k, k);
    if (k % 7 == 0) continue;
    new_text += k % 3 == 0
                    ? fmt::format("Clause {}: the members shall report item {} to the council by March.\n\n", k, k)
                    : fmt::format("Clause {}: the members must report item {} to the board by April.\n\n", k, k);
  }
  const Document a = test::parse(old_text);
  const Document b = test::parse(new_text);
  for (const bool keep_unchanged : {true, false}) {
    CompareOptions threaded;
    threaded.keep_unchanged_claims = keep_unchanged;
    CompareOptions alone = threaded;
    alone.threads = false;
    const ChangeSet changes = compare(a, b, threaded);
    auto count = [&changes](ChangeStatus s) {
      return std::count_if(changes.claims.begin(), changes.claims.end(),
                           [s](const ClaimChange& c) { return c.status == s; });
    };
    EXPECT_EQ(count(ChangeStatus::kModified), 1714);
    EXPECT_EQ(count(ChangeStatus::kRemoved), 429);
    EXPECT_EQ(count(ChangeStatus::kUnchanged), keep_unchanged ? 857 : 0);
    for (size_t k = 1; k < changes.claims.size(); ++k) {
      EXPECT_LT(changes.claims[k - 1].index, changes.claims[k].index);
    }
    EXPECT_EQ(render_diff_json(compare(a, b, alone)), render_diff_json(changes));
  }
}

// A removed claim is reported right after the new counterpart of the
// nearest claim before it that was kept, those after the same one in old
// order, and those before every kept claim first.
TEST(Compare, RemovedClaimsFollowTheirNearestKeptPredecessor) {
  const Document a = test::parse(
      "# Notes\n\nZebras roam the northern plains in large herds.\n\n"
      "Applications must be filed before the deadline.\n\nBridges over the river were closed for repairs.\n\n"
      "Gardens in the city centre open at dawn.\n\nMembers shall report every item to the council.\n\n"
      "Elephants were counted by the survey team.\n",
      "x.md");
  const Document b = test::parse(
      "# Notes\n\nMembers shall report every item to the council.\n\n"
      "Applications must be filed before the deadline.\n\nOwls nest in the old tower every spring.\n",
      "x.md");
  CompareOptions options;
  options.keep_unchanged_claims = true;
  const ChangeSet changes = compare(a, b, options);
  std::vector<std::string> order;
  for (const ClaimChange& c : changes.claims) {
    order.push_back((c.new_sides.empty() ? c.old_sides : c.new_sides).front().text.substr(0, 6));
  }
  EXPECT_EQ(order, (std::vector<std::string>{"Zebras", "Member", "Elepha", "Applic", "Bridge", "Garden", "Owls n"}));
}

TEST(Compare, SwappingSidesSwapsAddedAndRemoved) {
  const Document a = test::load_snapshot("page-2023");
  const Document b = test::load_snapshot("page-2024");
  const ChangeSet forward = compare(a, b);
  const ChangeSet backward = compare(b, a);
  auto count = [](const ChangeSet& c, ChangeStatus s) {
    return std::count_if(c.claims.begin(), c.claims.end(), [&](const ClaimChange& x) { return x.status == s; });
  };
  EXPECT_EQ(count(forward, ChangeStatus::kAdded), count(backward, ChangeStatus::kRemoved));
  EXPECT_EQ(count(forward, ChangeStatus::kRemoved), count(backward, ChangeStatus::kAdded));
  EXPECT_EQ(count(forward, ChangeStatus::kMoved), count(backward, ChangeStatus::kMoved));
}

TEST(Compare, RenamedSection) {
  const ChangeSet c = compare(doc("T\n\nOld heading\n\nFirst claim here. Second claim here.\n"),
                              doc("T\n\nNew heading words\n\nFirst claim here. Second claim here.\n"));
  ASSERT_EQ(c.sections.size(), 1u);
  EXPECT_EQ(c.sections[0].status, ChangeStatus::kRenamed);
  EXPECT_EQ(c.sections[0].old_sides[0].title, "Old heading");
  EXPECT_EQ(c.sections[0].new_sides[0].title, "New heading words");
  for (const ClaimChange& claim : c.claims) EXPECT_EQ(claim.status, ChangeStatus::kUnchanged);
}

TEST(Compare, MovedSectionAndClaim) {
  const std::string old_text =
      "T\n\n\nPart one\n\nIntro of part one is here.\n\nSub\n\nThe sub section text stays the same.\n\n\n"
      "Part two\n\nPart two says something else entirely.\n";
  const std::string new_text =
      "T\n\n\nPart one\n\nIntro of part one is here.\n\n\nPart two\n\nPart two says something else entirely.\n\n"
      "Sub\n\nThe sub section text stays the same.\n";
  const ChangeSet c = compare(doc(old_text), doc(new_text));
  const SectionChange* sub = find_section_change(c, "Sub");
  ASSERT_NE(sub, nullptr);
  EXPECT_EQ(sub->status, ChangeStatus::kMoved);
  const ClaimChange* claim = find_claim(c, "The sub section text");
  ASSERT_NE(claim, nullptr);
  EXPECT_EQ(claim->status, ChangeStatus::kUnchanged);  // it moved with its section
}

TEST(Compare, SectionMovedAmongItsSiblings) {
  const std::string a =
      "T\n\nAlpha\n\nAlpha text stays.\n\nBeta\n\nBeta text stays.\n\nGamma\n\nGamma text stays.\n\n"
      "Delta\n\nDelta text stays.\n";
  const std::string b =
      "T\n\nAlpha\n\nAlpha text stays.\n\nGamma\n\nGamma text stays.\n\nDelta\n\nDelta text stays.\n\n"
      "Beta\n\nBeta text stays.\n";
  const ChangeSet c = compare(doc(a), doc(b));
  ASSERT_EQ(c.sections.size(), 4u);
  for (const SectionChange& s : c.sections) {
    const bool beta = s.new_sides[0].title == "Beta";
    EXPECT_EQ(s.status, beta ? ChangeStatus::kMoved : ChangeStatus::kUnchanged) << s.new_sides[0].title;
  }
  EXPECT_TRUE(c.has_changes());
}

TEST(Compare, ClaimMovedAcrossSectionsWithEdit) {
  const ChangeSet c = compare(
      doc("T\n\nAlpha\n\nThe Alliance provides strong support to the partner country today.\nAlpha keeps this.\n\n"
          "Beta\n\nBeta keeps this one.\n"),
      doc("T\n\nAlpha\n\nAlpha keeps this.\n\nBeta\n\nBeta keeps this one.\nThe Alliance provides firm support to the "
          "partner country today.\n"));
  const ClaimChange* moved = find_claim(c, "The Alliance provides");
  ASSERT_NE(moved, nullptr);
  EXPECT_EQ(moved->status, ChangeStatus::kMoved);
  EXPECT_EQ(joined(moved->diff, WordOp::Op::kDelete), "strong");
  EXPECT_EQ(joined(moved->diff, WordOp::Op::kInsert), "firm");
}

TEST(Compare, SplitAndMergedClaims) {
  const std::string one =
      "T\n\nS\n\nThe council met in Brussels on Monday and the ministers agreed a new package of support.\n";
  const std::string two =
      "T\n\nS\n\nThe council met in Brussels on Monday. The ministers agreed a new package of support.\n";
  const ChangeSet split = compare(doc(one), doc(two));
  ASSERT_EQ(split.claims.size(), 1u);
  EXPECT_EQ(split.claims[0].status, ChangeStatus::kSplit);
  EXPECT_EQ(split.claims[0].new_sides.size(), 2u);
  const ChangeSet merged = compare(doc(two), doc(one));
  ASSERT_EQ(merged.claims.size(), 1u);
  EXPECT_EQ(merged.claims[0].status, ChangeStatus::kMerged);
  EXPECT_EQ(merged.claims[0].old_sides.size(), 2u);
}

TEST(Compare, SplitAndMergedSections) {
  const std::string whole =
      "T\n\nCooperation\n\nScience grants fund many laboratories. Scientists exchange visits every year.\n"
      "Flood relief teams train together. Disaster drills take place each spring.\n";
  const std::string parts =
      "T\n\nCooperation\n\nScience grants fund many laboratories. Scientists exchange visits every year.\n\n"
      "Emergencies\n\nFlood relief teams train together. Disaster drills take place each spring.\n";
  const ChangeSet split = compare(doc(whole), doc(parts));
  const SectionChange* s = find_section_change(split, "Emergencies");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->status, ChangeStatus::kSplit);
  EXPECT_EQ(s->new_sides.size(), 2u);
  const ChangeSet merged = compare(doc(parts), doc(whole));
  const SectionChange* m = find_section_change(merged, "Emergencies");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->status, ChangeStatus::kMerged);
}

TEST(Compare, TypographyIsEquivalent) {
  const ChangeSet c = compare(doc("T\n\nS\n\nRussia\u2019s \u201Cannexation\u201D \u2013 illegal.\n"),
                              doc("T\n\nS\n\nRussia's  \"annexation\" - illegal.\n"));
  ASSERT_EQ(c.claims.size(), 1u);
  EXPECT_EQ(c.claims[0].status, ChangeStatus::kEquivalent);
  EXPECT_EQ(c.claims[0].note, "typography or white space only");
  EXPECT_FALSE(c.has_changes());
}

// A capture that garbled its UTF-8 (web archives hold many) says so, and
// not that the typography changed; a claim beside it that only changed its
// quotes says that.
TEST(Compare, GarbledCharactersAreEquivalentAndNamed) {
  const ChangeSet c = compare(doc("T\n\nS\n\nThe Nation\u00e2\u20ac\u2122s grid in Espa\u00c3\u00b1ol.\n\n"
                                  "A \u201cfair\u201d deal.\n\nCaf\u00c3\u00a9 \u201copen\u201d.\n"),
                              doc("T\n\nS\n\nThe Nation\u2019s grid in Espa\u00f1ol.\n\nA \"fair\" deal.\n\n"
                                  "Caf\u00e9 \"open\".\n"));
  const ClaimChange* garbled = find_claim(c, "grid");
  const ClaimChange* quotes = find_claim(c, "fair");
  const ClaimChange* both = find_claim(c, "open");
  ASSERT_TRUE(garbled && quotes && both);
  EXPECT_EQ(both->note, "garbled characters, typography or white space only");
  EXPECT_EQ(garbled->status, ChangeStatus::kEquivalent);
  EXPECT_EQ(garbled->note, "garbled characters only (UTF-8 read as windows-1252)");
  EXPECT_EQ(quotes->status, ChangeStatus::kEquivalent);
  EXPECT_EQ(quotes->note, "typography or white space only");
  EXPECT_FALSE(c.has_changes());
}

TEST(Compare, ASpaceBeforeAMarkIsEquivalent) {
  // Bershka's conditions (tests/fixtures/bershka) wrote "Plateformes , vous"
  // then "Plateformes, vous": a change no word diff shows is no difference.
  const ChangeSet c = compare(doc("T\n\nS\n\nWhen you use these Platforms , you accept the Policies .\n"),
                              doc("T\n\nS\n\nWhen you use these Platforms, you accept the Policies.\n"));
  const ClaimChange* claim = find_claim(c, "Platforms");
  ASSERT_NE(claim, nullptr);
  EXPECT_EQ(claim->status, ChangeStatus::kEquivalent);
  EXPECT_EQ(claim->note, "typography or white space only");
  EXPECT_FALSE(c.has_changes());
  // A mark that changed is a change.
  const ChangeSet mark = compare(doc("T\n\nS\n\nWhen you use these Platforms , you accept the Policies .\n"),
                                 doc("T\n\nS\n\nWhen you use these Platforms; you accept the Policies.\n"));
  ASSERT_NE(find_claim(mark, "Platforms"), nullptr);
  EXPECT_EQ(find_claim(mark, "Platforms")->status, ChangeStatus::kModified);
}

TEST(Compare, AcronymExpansionIsEquivalent) {
  const ChangeSet c = compare(
      doc("T\n\nS\n\nThe NATO-Ukraine Commission (NUC) was set up in 1997.\nThe NUC meets every year in Brussels.\n"),
      doc("T\n\nS\n\nThe NATO-Ukraine Commission (NUC) was set up in 1997.\nThe NATO-Ukraine Commission meets every "
          "year in Brussels.\n"));
  const ClaimChange* claim = find_claim(c, "meets every year");
  ASSERT_NE(claim, nullptr);
  EXPECT_EQ(claim->status, ChangeStatus::kEquivalent);
  EXPECT_NE(claim->note.find("NUC"), std::string::npos);
  EXPECT_FALSE(c.has_changes());
}

// The seeds' shape that the old walk-back over capitals misread: lowercase
// words before the acronym ("the destruction of small arms and light
// weapons (SALW)" gave SALW a whole clause as its name), and an acronym
// inside the name ("(PfP) Planning and Review Process (PARP)").
TEST(Compare, AcronymDefinedAfterLowercaseWordsIsEquivalent) {
  const std::string defs =
      "Help covers explosive ordnance disposal; the destruction of small arms and light weapons (SALW). "
      "It follows the (PfP) Planning and Review Process (PARP).\n";
  const ChangeSet c = compare(doc("T\n\nS\n\n" + defs +
                                  "Stocks of small arms and light weapons fell.\n"
                                  "The Planning and Review Process sets goals.\n"),
                              doc("T\n\nS\n\n" + defs + "Stocks of SALW fell.\nThe PARP sets goals.\n"));
  for (const char* text : {"Stocks of", "sets goals"}) {
    const ClaimChange* claim = find_claim(c, text);
    ASSERT_NE(claim, nullptr) << text;
    EXPECT_EQ(claim->status, ChangeStatus::kEquivalent) << text;
  }
  EXPECT_FALSE(c.has_changes());
}

// The acronyms are read when the first pair of claims asks for them; with
// threads on, many such pairs are built at once and each finds the same
// table.
TEST(Compare, AcronymsReadOnceForManyPairsOnThreads) {
  const std::string defs = "The destruction of small arms and light weapons (SALW) goes on.\n";
  std::string a = "T\n\nS\n\n" + defs;
  std::string b = a;
  for (int i = 0; i < 200; ++i) {
    a += "Stocks of small arms and light weapons fell in depot " + std::to_string(i) + ".\n";
    b += "Stocks of SALW fell in depot " + std::to_string(i) + ".\n";
  }
  CompareOptions threaded;
  threaded.threads = true;
  const ChangeSet c = compare(doc(a), doc(b), threaded);
  int equivalent = 0;
  for (const ClaimChange& claim : c.claims) equivalent += claim.status == ChangeStatus::kEquivalent ? 1 : 0;
  EXPECT_EQ(equivalent, 200);
  EXPECT_FALSE(c.has_changes());
}

TEST(Compare, EmptyOfContentMeansEverythingAdded) {
  const ChangeSet c = compare(doc("Title only\n"), doc("Title only\n\nA first claim. A second claim.\n"));
  ASSERT_EQ(c.claims.size(), 2u);
  for (const ClaimChange& claim : c.claims) EXPECT_EQ(claim.status, ChangeStatus::kAdded);
}

TEST(Compare, SameTitleTwiceEditsGoToTheRightOne) {
  const std::string a =
      "T\n\n\nNotes\n\nFirst notes text is here.\n\n\nOther\n\nOther text.\n\n\nNotes\n\nSecond notes text is here.\n";
  const std::string b =
      "T\n\n\nNotes\n\nFirst notes text is here.\n\n\nOther\n\nOther text.\n\n\nNotes\n\nSecond notes text is there.\n";
  const ChangeSet c = compare(doc(a), doc(b));
  const ClaimChange* edited = find_claim(c, "Second notes text");
  ASSERT_NE(edited, nullptr);
  EXPECT_EQ(edited->status, ChangeStatus::kModified);
  EXPECT_EQ(edited->old_sides[0].section_id, "notes-2");
  EXPECT_EQ(edited->new_sides[0].section_id, "notes-2");
}

TEST(Compare, ManyIdenticalLinesWithOneInserted) {
  std::string a = "T\n\n", b = "T\n\n";
  for (int i = 0; i < 100000; ++i) {
    a += "Same line.\n";
    b += "Same line.\n";
    if (i == 50000) b += "The inserted line.\n";
  }
  const ChangeSet c = compare(doc(a), doc(b));
  const auto added = std::count_if(c.claims.begin(), c.claims.end(),
                                   [](const ClaimChange& x) { return x.status == ChangeStatus::kAdded; });
  EXPECT_EQ(added, 1);
}

}  // namespace
}  // namespace strata
