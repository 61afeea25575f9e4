// Real pages and real Markdown through the CLI: an RFC rendered by xml2rfc
// (its chrome, its title, a real change between two renders), the same
// pages kept in the store with their selectors, the titles of documents
// that name themselves only by a heading, a <title> or their file name, and
// Japanese written without spaces between words.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fmt/core.h>
#include <string>
#include <tuple>
#include <vector>

#include "strata/classify.hpp"
#include "strata/load.hpp"
#include "test_util.hpp"

namespace strata {
namespace {

using Json = nlohmann::json;

// Two renders of RFC 9000 (tests/golden/quic-rfc9000-html/SOURCE.md).
constexpr const char* kOldRfc = "tests/golden/quic-rfc9000-html/old.html";
constexpr const char* kNewRfc = "tests/golden/quic-rfc9000-html/new.html";

Json run_json(const std::string& args, int want_exit) {
  const auto r = test::run_strata(args);
  EXPECT_EQ(r.exit_code, want_exit) << args << "\n" << r.err;
  return Json::parse(r.out);
}

std::vector<std::string> section_titles(const Json& outline) {
  std::vector<std::string> out;
  for (const Json& s : outline["sections"]) out.push_back(s["title"]);
  return out;
}

std::vector<std::string> claims(const Json& outline) {
  std::vector<std::string> out;
  for (const Json& s : outline["sections"]) {
    for (const Json& b : s["blocks"]) {
      for (const Json& k : b["sentences"]) out.push_back(k["text"]);
    }
  }
  return out;
}

bool has(const std::vector<std::string>& items, const std::string& item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

TEST(RealHtml, RfcRenderGivesItsTextWithoutItsChrome) {
  const Json outline = run_json(fmt::format("sections {} --format json", kNewRfc), 0);
  EXPECT_EQ(outline["format"], "html");
  // Two <h1> ("RFC 9000" and the name): the page's <title> names it.
  EXPECT_EQ(outline["title"], "RFC 9000: QUIC: A UDP-Based Multiplexed and Secure Transport");
  const auto titles = section_titles(outline);
  for (const char* t : {"Abstract", "Status of This Memo", "Copyright Notice", "23. References",
                        "23.1. Normative References", "23.2. Informative References", "Authors' Addresses"}) {
    EXPECT_TRUE(has(titles, t)) << t;
  }
  const auto texts = claims(outline);
  EXPECT_TRUE(has(texts, "This document defines the core of the QUIC transport protocol."));
  for (const std::string& text : texts) {
    // No stylesheet, no script, no table of contents, no permalink marks.
    for (const char* chrome : {"@font-face", "querySelector", "\u00b6", "Overview", "\u25b2"}) {
      EXPECT_EQ(text.find(chrome), std::string::npos) << chrome << " in: " << text;
    }
  }
  bool nav_removed = false;
  for (const Json& r : outline["removed"]) nav_removed = nav_removed || r["rule"] == "nav";
  EXPECT_TRUE(nav_removed) << outline["removed"].dump();
  for (const Json& s : outline["sections"]) {
    for (const Json& b : s["blocks"]) {
      for (const Json& l : b.value("links", Json::array())) EXPECT_NE(l["text"], "\u00b6");
    }
  }
}

TEST(RealHtml, TwoRendersDifferInTheirReferences) {
  const Json diff = run_json(fmt::format("diff {} {} --format json", kOldRfc, kNewRfc), 1);
  std::vector<std::string> changed_sections;
  bool kuehlewind = false;
  for (const Json& c : diff["claims"]) {
    if (c["status"] == "unchanged") continue;
    const Json& side = c.contains("new") && !c["new"].is_null() ? c["new"] : c["old"];
    changed_sections.push_back(side["section"]);
    if (c["status"] == "modified") {
      const std::string old_text = c["old"]["text"];
      const std::string new_text = c["new"]["text"];
      kuehlewind = kuehlewind || (old_text.starts_with("Kuehlewind, M. and B. Trammell") &&
                                  new_text.starts_with("K\u00fchlewind, M. and B. Trammell") &&
                                  new_text.find("draft-ietf-quic-manageability-18, 15 July 2022") != std::string::npos);
    }
  }
  EXPECT_TRUE(kuehlewind) << diff["claims"].dump(1);
  ASSERT_FALSE(changed_sections.empty());
  // Only the references changed: the new xml2rfc's markup is no change.
  for (const std::string& id : changed_sections) EXPECT_NE(id.find("23-references"), std::string::npos) << id;
  bool new_draft_link = false;
  for (const Json& l : diff["links"]) {
    EXPECT_NE(l["text"], "\u00b6");
    new_draft_link =
        new_draft_link || (l["status"] == "added" && l["new"] ==
                                                         "https://datatracker.ietf.org/doc/html/draft-ietf-quic-"
                                                         "manageability-18");
  }
  EXPECT_TRUE(new_draft_link) << diff["links"].dump(1);
}

// The running header of the print layout (table.ears) is what a reader of
// these pages would --remove; the store keeps that choice with each version.
TEST(RealHtml, StoredPagesAreReadWithTheirSelectors) {
  test::TempDir tmp;
  const std::string store = tmp.path() + "/s";
  ASSERT_EQ(test::run_strata("init --store '" + store + "'").exit_code, 0);
  for (const auto& [file, id, date] : {std::tuple{kOldRfc, "main", "2022-04-06"}, {kNewRfc, "pn", "2022-07-15"}}) {
    const auto r =
        test::run_strata(fmt::format("import {} --id {} --date {} --remove .ears --store '{}'", file, id, date, store));
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  const Json as_read = run_json(fmt::format("sections {} --remove .ears --format json", kNewRfc), 0);
  const Json plain = run_json(fmt::format("sections {} --format json", kNewRfc), 0);
  const Json stored = run_json(fmt::format("sections pn --store '{}' --format json", store), 0);
  const std::string header = "RFC 9000; QUIC Transport Protocol; May 2021";
  EXPECT_TRUE(has(claims(plain), header));
  EXPECT_FALSE(has(claims(stored), header));
  EXPECT_EQ(claims(stored), claims(as_read));

  // blame reads the newest version the same way, claim for claim.
  const Json blame = run_json(fmt::format("blame --store '{}' --format json", store), 0);
  std::vector<std::string> blamed;
  for (const Json& c : blame["claims"]) blamed.push_back(c["text"]);
  EXPECT_EQ(blamed, claims(as_read));
  // log compares the two versions as read: the header, the same in both, is
  // not what changed, and the references are.
  const Json log = run_json(fmt::format("log --store '{}' --format json", store), 0);
  ASSERT_EQ(log.size(), 2u) << log.dump();
  EXPECT_GT(log[1]["change"]["claims_modified"].get<int>(), 0) << log.dump();

  // The same bytes with other selectors are another reading: a new version.
  const auto again =
      test::run_strata(fmt::format("import {} --id pn-all --date 2022-07-16 --store '{}'", kNewRfc, store));
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find("stored pn-all"), std::string::npos) << again.out;
  const auto same =
      test::run_strata(fmt::format("import {} --id pn --date 2022-07-15 --remove .ears --store '{}'", kNewRfc, store));
  EXPECT_NE(same.out.find("unchanged: already stored as pn"), std::string::npos) << same.out;

  // A selector that matches nothing in the page is refused at import.
  const auto bad = test::run_strata(
      fmt::format("import {} --id x --date 2022-08 --select article.none --store '{}'", kNewRfc, store));
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("article.none"), std::string::npos) << bad.err;
}

TEST(RealTitles, HeadingThatOpensTheFileNamesIt) {
  // An older Firefox notice: no front matter, `##` headings only, the first
  // of them the notice's name (tests/fixtures/titles/SOURCE.md).
  const Json outline = run_json("sections tests/fixtures/titles/firefox-privacy-notice-2020-09.md --format json", 0);
  EXPECT_EQ(outline["title"], "Firefox Privacy Notice");
  const auto titles = section_titles(outline);
  EXPECT_TRUE(has(titles, "Firefox Privacy Notice"));  // still a section: it holds the effective date
  EXPECT_TRUE(has(titles, "At Mozilla, we believe that privacy is fundamental to a healthy internet."));
}

TEST(RealTitles, FileNameIsTheLastResort) {
  test::TempDir tmp;
  const std::string md =
      tmp.file("acceptable-use.md", "Please read these terms.\n\n## Use\n\nBe kind.\n\n## Abuse\n\nNo.\n");
  EXPECT_EQ(run_json("sections '" + md + "' --format json", 0)["title"], "acceptable-use");
  const std::string page = tmp.file("notice.html", "<html><body><h2>Scope</h2><p>Text.</p><h2>Use</h2><p>More.</p>");
  EXPECT_EQ(run_json("sections '" + page + "' --format json", 0)["title"], "Scope");
  const auto piped = test::run_shell(tmp.path(),
                                     "printf 'Text first.\\n\\n## A\\n\\nx\\n\\n## B\\n\\ny\\n' | "
                                     "strata sections - --input-format markdown --format json");
  ASSERT_EQ(piped.exit_code, 0) << piped.err;
  EXPECT_EQ(Json::parse(piped.out)["title"], "");  // standard input has no name to give
}

// Two versions of Mozilla's Japanese privacy notice
// (tests/golden/firefox-privacy-notice-ja/SOURCE.md): the dateline is the
// version's date, read as one date, sentences end at '。', and a word diff
// marks the characters that changed inside a sentence, not the whole
// sentence.
TEST(RealJapanese, DatesSentencesAndCharacterDiffs) {
  const std::string dir = "tests/golden/firefox-privacy-notice-ja/";
  const Json diff = run_json("diff --format json " + dir + "firefox-privacy-notice-ja-2025-12-17.md " + dir +
                                 "firefox-privacy-notice-ja-2026-05-04.md",
                             1);
  EXPECT_EQ(diff["old"]["date"], "2025-12-17");
  EXPECT_EQ(diff["new"]["date"], "2026-05-04");
  const Json old_doc = run_json("sections --format json " + dir + "firefox-privacy-notice-ja-2025-12-17.md", 0);
  ASSERT_EQ(old_doc["removed"].size(), 1u);
  EXPECT_EQ(old_doc["removed"][0]["rule"], "dateline");
  // One date, not the counts 12 and 17 of its month and day.
  std::vector<std::string> figures;
  for (const Figure& f : extract_figures(old_doc["removed"][0]["text"].get<std::string>())) figures.push_back(f.value);
  EXPECT_EQ(figures, std::vector<std::string>{"date:2025-12-17"});

  // The paragraph that gained a sentence keeps its first sentence unchanged
  // and lists the new one as added, on its own.
  const std::string added = "\u8A73\u7D30\u306B\u3064\u3044\u3066\u306F";  // 詳細については
  bool sentence_added = false;
  for (const Json& c : diff["claims"]) {
    const std::string text = c["new"].is_object() ? c["new"]["text"].get<std::string>() : "";
    if (text.starts_with(added)) {
      EXPECT_EQ(c["status"], "added") << c.dump();
      sentence_added = true;
    }
    if (c["status"] != "modified") continue;
    // The sentence about summaries, rewritten: the characters kept between
    // the edits (デバイスで, 振って要約, ...) are found, where a run between
    // punctuation marks as one word would make the sentence one edit.
    size_t equal = 0;
    for (const Json& op : c["diff"]) equal += op["op"] == "equal" ? 1 : 0;
    EXPECT_GE(equal, 5u) << c.dump();
  }
  EXPECT_TRUE(sentence_added);
  for (const Json& w : diff["wording"]) {
    // Appeared and vanished phrases are whole Latin phrases, never n-grams of kana.
    if (!w["to"].is_null()) continue;
    EXPECT_LT(static_cast<unsigned char>(w["from"].get<std::string>()[0]), 0x80) << w;
  }
}

}  // namespace
}  // namespace strata
