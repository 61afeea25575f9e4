#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "align/claims.hpp"
#include "programmes/programmes_internal.hpp"
#include "strata/load.hpp"
#include "strata/programmes.hpp"
#include "strata/render.hpp"
#include "test_util.hpp"

namespace strata {
namespace {

using test::load_snapshot;

Document doc_of(const std::string& text) { return test::parse(text, "test.txt"); }

const Programme* find(const std::vector<Programme>& list, const std::string& name) {
  auto it = std::find_if(list.begin(), list.end(), [&](const Programme& p) { return p.name == name; });
  return it == list.end() ? nullptr : &*it;
}

const ProgrammeChange* find_change(const std::vector<ProgrammeChange>& list, ChangeStatus status,
                                   const std::string& old_name, const std::string& new_name) {
  for (const auto& c : list) {
    if (c.status != status) continue;
    if (!old_name.empty() && (!c.old_side || c.old_side->name != old_name)) continue;
    if (!new_name.empty() && (!c.new_side || c.new_side->name != new_name)) continue;
    return &c;
  }
  return nullptr;
}

std::vector<std::string> names(const std::vector<Programme>& list) {
  std::vector<std::string> out;
  for (const auto& p : list) out.push_back(p.name);
  return out;
}

TEST(Programmes, Page2023NamesAcronymsAndAliases) {
  const auto programmes = extract_programmes(load_snapshot("page-2023"), {});
  const auto* cap = find(programmes, "Comprehensive Assistance Package");
  ASSERT_NE(cap, nullptr);
  EXPECT_EQ(cap->acronym, "CAP");
  EXPECT_GE(cap->mentions.size(), 10u);  // the definition and many "CAP" alone
  EXPECT_NE(std::find(cap->aliases.begin(), cap->aliases.end(), "Comprehensive Assistance Package for Ukraine"),
            cap->aliases.end());
  const auto* pfp = find(programmes, "Partnership for Peace");
  ASSERT_NE(pfp, nullptr);
  EXPECT_EQ(pfp->acronym, "PfP");
  const auto* sps = find(programmes, "Science for Peace and Security Programme");
  ASSERT_NE(sps, nullptr);
  EXPECT_EQ(sps->acronym, "SPS");
  ASSERT_NE(find(programmes, "Operation Active Endeavour"), nullptr);
  ASSERT_NE(find(programmes, "Operation Ocean Shield"), nullptr);  // written "operation Ocean Shield"
  const auto* council = find(programmes, "NATO-Ukraine Council");
  ASSERT_NE(council, nullptr);
  EXPECT_FALSE(council->first_claim.empty());
  EXPECT_FALSE(council->mentions.front().section_id.empty());
}

TEST(Programmes, CountriesMonthsAndTitlesAreNotProgrammes) {
  const auto programmes = extract_programmes(
      doc_of("Meeting\n\nIn July 2016, President Volodymyr Zelenskyy met Secretary General Jens Stoltenberg in "
             "Ukraine and Georgia. Bosnia and Herzegovina sent observers in March. The Prime Minister of Ukraine "
             "spoke.\n"),
      {});
  EXPECT_TRUE(programmes.empty()) << ::testing::PrintToString(names(programmes));
}

TEST(Programmes, NoSeedNameIsAPlaceMonthOrTitle) {
  for (const char* id : {"page-2015", "page-2023", "page-2024"}) {
    for (const auto& p : extract_programmes(load_snapshot(id), {})) {
      for (const char* bad : {"President", "Secretary General", "Minister", "Poroshenko", "Zelenskyy"}) {
        EXPECT_EQ(p.name.find(bad), std::string::npos) << id << ": " << p.name;
      }
      EXPECT_NE(p.name, "Ukraine");
      EXPECT_NE(p.name.rfind("July", 0), 0u) << p.name;
      EXPECT_NE(p.name.rfind("Ukraine in", 0), 0u) << p.name;
    }
  }
}

TEST(Programmes, SentenceInitialWordsAndPairsOfNames) {
  const auto programmes = extract_programmes(
      doc_of("Cooperation\n\nParticipation in the Planning and Review Process has helped Ukraine. Allies met in the "
             "NATO-Ukraine Commission and the NATO-Russia Council. The Commission met again in 2014.\n"),
      {});
  EXPECT_EQ(names(programmes), (std::vector<std::string>{"NATO-Russia Council", "NATO-Ukraine Commission",
                                                         "Planning and Review Process"}));
  // "The Commission" is a back-reference to the NATO-Ukraine Commission.
  EXPECT_EQ(find(programmes, "NATO-Ukraine Commission")->mentions.size(), 2u);
}

TEST(Programmes, AcronymDefinedInOneVersionUsedAloneInTheOther) {
  const Document old_doc =
      doc_of("Education\n\nSince 2013, the Defence Education Enhancement Programme (DEEP) has helped Ukraine.\n");
  const Document new_doc = doc_of("Education\n\nDEEP now advises the academies and universities of Ukraine.\n");
  // Alone, the new version does not know what DEEP is.
  EXPECT_TRUE(extract_programmes(new_doc, {}).empty());
  const auto changes = compare_programmes(old_doc, new_doc, {});
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].status, ChangeStatus::kUnchanged);
  ASSERT_TRUE(changes[0].new_side.has_value());
  EXPECT_EQ(changes[0].new_side->name, "Defence Education Enhancement Programme");
  EXPECT_EQ(changes[0].new_side->acronym, "DEEP");
  EXPECT_EQ(changes[0].new_side->mentions, 1);
}

TEST(Programmes, RenameBySuccessionStatement2023To2024) {
  const auto changes = compare_programmes(load_snapshot("page-2023"), load_snapshot("page-2024"), {});
  const auto* rename = find_change(changes, ChangeStatus::kRenamed, "NATO-Ukraine Commission", "NATO-Ukraine Council");
  ASSERT_NE(rename, nullptr);
  ASSERT_FALSE(rename->evidence.empty());
  EXPECT_NE(rename->evidence[0].find("succession statement"), std::string::npos) << rename->evidence[0];
  EXPECT_NE(rename->evidence[0].find("NATO-Ukraine Council"), std::string::npos);
  // The 2023 page states it as "established as the successor to" too; in a
  // crafted pair that is the only statement.
  const auto crafted = compare_programmes(
      doc_of("Bodies\n\nIn 2023, the NATO-Ukraine Council was established as the successor to the NATO-Ukraine "
             "Commission.\n"),
      doc_of("Bodies\n\nThe NATO-Ukraine Council met in Vilnius.\n"), {});
  const auto* successor =
      find_change(crafted, ChangeStatus::kRenamed, "NATO-Ukraine Commission", "NATO-Ukraine Council");
  ASSERT_NE(successor, nullptr);
  EXPECT_NE(successor->evidence[0].find("successor to"), std::string::npos) << successor->evidence[0];
}

TEST(Programmes, VanishedAndKeptProgrammes2023To2024) {
  const auto changes = compare_programmes(load_snapshot("page-2023"), load_snapshot("page-2024"), {});
  const auto* deep = find_change(changes, ChangeStatus::kRemoved, "Defence Education Enhancement Programme", "");
  ASSERT_NE(deep, nullptr);
  EXPECT_EQ(deep->old_side->acronym, "DEEP");
  EXPECT_GE(deep->old_side->mentions, 3);
  EXPECT_FALSE(deep->new_side.has_value());
  const auto* cap = find_change(changes, ChangeStatus::kUnchanged, "Comprehensive Assistance Package",
                                "Comprehensive Assistance Package");
  ASSERT_NE(cap, nullptr);
  EXPECT_GT(cap->old_side->mentions, cap->new_side->mentions);
  EXPECT_NE(find_change(changes, ChangeStatus::kAdded, "", "Defence Production Action Plan"), nullptr);
}

TEST(Programmes, RenameBySameAcronymAndByNearIdenticalName) {
  const auto by_acronym = compare_programmes(doc_of("Offices\n\nThe NATO Liaison Office (NLO) works in Kyiv.\n"),
                                             doc_of("Offices\n\nThe NATO Liaison Mission (NLO) works in Kyiv.\n"), {});
  const auto* rename = find_change(by_acronym, ChangeStatus::kRenamed, "NATO Liaison Office", "NATO Liaison Mission");
  ASSERT_NE(rename, nullptr);
  EXPECT_NE(rename->evidence[0].find("same acronym NLO"), std::string::npos);
  // The same core words and another head word, in claims that share words.
  const auto near = compare_programmes(
      doc_of("Safety\n\nWe share data with the Trust and Safety Council when required by law.\n"),
      doc_of("Safety\n\nWe share data only with the Trust and Safety Board when the law requires it.\n"), {});
  const auto* board = find_change(near, ChangeStatus::kRenamed, "Trust and Safety Council", "Trust and Safety Board");
  ASSERT_NE(board, nullptr);
  EXPECT_NE(board->evidence[0].find("near-identical name"), std::string::npos);
}

TEST(Programmes, UserConfigAddsIgnoresAndRenames) {
  auto config = parse_programme_config(R"(
ignore = ["NATO Response Force"]

[[programme]]
name = "Ramstein format"
aliases = ["Ukraine Defense Contact Group"]

[[rename]]
from = "Strategic Airlift Agreement"
to = "Airlift Accord"
)",
                                       "programmes.toml");
  ASSERT_TRUE(config.has_value()) << config.error().message;
  const Document old_doc = doc_of(
      "Support\n\nAllies coordinate in the Ramstein format. Ukraine joined the NATO Response Force. Ukraine "
      "ratified the Strategic Airlift Agreement.\n");
  const Document new_doc =
      doc_of("Support\n\nThe Ukraine Defense Contact Group coordinates aid. Ukraine ratified the Airlift Accord.\n");
  const auto programmes = extract_programmes(old_doc, *config);
  EXPECT_NE(find(programmes, "Ramstein format"), nullptr);
  EXPECT_EQ(find(programmes, "NATO Response Force"), nullptr);
  const auto changes = compare_programmes(old_doc, new_doc, *config);
  EXPECT_NE(find_change(changes, ChangeStatus::kUnchanged, "Ramstein format", "Ramstein format"), nullptr);
  const auto* rename = find_change(changes, ChangeStatus::kRenamed, "Strategic Airlift Agreement", "Airlift Accord");
  ASSERT_NE(rename, nullptr);
  EXPECT_NE(rename->evidence[0].find("configured rename"), std::string::npos);
}

TEST(Programmes, SeriesPresenceTableAndRenames) {
  std::vector<Document> docs;
  for (const char* id : {"page-2015", "page-2023", "page-2024"}) docs.push_back(load_snapshot(id));
  const auto series = programme_series(docs, {"2015", "2023", "2024"}, {});
  auto row = std::find_if(series.rows.begin(), series.rows.end(),
                          [](const auto& r) { return r.name == "NATO-Ukraine Commission"; });
  ASSERT_NE(row, series.rows.end());
  EXPECT_EQ(row->first_seen, 0);
  EXPECT_EQ(row->last_seen, 1);
  EXPECT_GT(row->mentions[0], 0);
  EXPECT_EQ(row->mentions[2], 0);
  auto rename = std::find_if(series.renames.begin(), series.renames.end(), [](const auto& r) {
    return r.change.old_side->name == "NATO-Ukraine Commission" && r.change.new_side->name == "NATO-Ukraine Council";
  });
  ASSERT_NE(rename, series.renames.end());
  EXPECT_EQ(rename->from_snapshot, 1);
  // Both are named in 2023: a succession between two rows, not one row.
  EXPECT_NE(rename->old_row, rename->new_row);
  EXPECT_EQ(series.rows[static_cast<size_t>(rename->old_row)].name, "NATO-Ukraine Commission");
  const auto json = render_programme_series(series, "json");
  EXPECT_NE(json.find("\"first_seen\": \"2015\""), std::string::npos);
}

TEST(Programmes, SameInputSameOutput) {
  const Document doc = load_snapshot("page-2023");
  EXPECT_EQ(render_programmes(extract_programmes(doc, {}), "", "json"),
            render_programmes(extract_programmes(doc, {}), "", "json"));
}

// A version's summary reads for acronyms only the claims its prepared side
// found may define one, and finds what reading every sentence finds.
TEST(DefinedAcronyms, FromAPreparedSideAsFromEverySentence) {
  size_t found = 0;
  for (const char* id : {"page-2015", "guide-2016-2018", "page-2023", "page-2024", "encyclopedia"}) {
    const Document d = test::load_snapshot(id);
    const std::vector<KnownAcronym> all = defined_acronyms(d);
    const std::vector<KnownAcronym> read = classify_detail::defined_acronyms(align::prepare(d));
    ASSERT_EQ(read.size(), all.size()) << id;
    for (size_t k = 0; k < all.size(); ++k) {
      EXPECT_EQ(read[k].acronym, all[k].acronym) << id;
      EXPECT_EQ(read[k].name, all[k].name) << id;
    }
    found += all.size();
  }
  EXPECT_GT(found, 10u);
}

}  // namespace
}  // namespace strata
