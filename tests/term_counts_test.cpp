// timeline's term counts, read paragraph by paragraph with a memo shared by
// the versions, equal the plain count over each version's whole comparison
// form: on real texts, for terms that run across paragraphs, and with a
// memo too small to keep every paragraph.
#include <gtest/gtest.h>

#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "history/cache_entry.hpp"
#include "history/derived.hpp"
#include "history/term_counts.hpp"
#include "normalize/normalize.hpp"
#include "strata/store.hpp"
#include "test_util.hpp"
#include "text/ascii.hpp"

namespace strata::store {
namespace {

std::string whole_form(std::string_view text) { return ascii::lower(normalize_text(text)); }

// The bundled series (snapshots/) and four versions of a real policy
// (GitHub's terms of service, CC0: tests/golden/site-policy-accounts).
std::vector<std::string> real_texts() {
  std::vector<std::string> out;
  for (const char* id : {"page-2015", "guide-2016-2018", "page-2023", "page-2024"}) {
    out.push_back(test::read_file(test::snapshot_path(id)));
  }
  const std::string dir = std::string(STRATA_SOURCE_DIR) + "/tests/golden/site-policy-accounts/";
  for (const char* name :
       {"terms-2018-04-19.md", "terms-2018-05-10.md", "terms-2021-12-14.md", "terms-2022-09-01.md"}) {
    out.push_back(test::read_file(dir + name));
  }
  return out;
}

// Terms that run across the space between two paragraphs of `text`: the
// last two words of one and the first word of the next, and the last word
// of one and the first two of the next.
std::vector<std::string> crossing_terms(const std::string& text) {
  std::vector<std::string> forms;
  for (const auto paragraph : paragraphs(text)) {
    std::string form = whole_form(paragraph);
    if (!form.empty()) forms.push_back(std::move(form));
  }
  auto words = [](const std::string& form) {
    std::vector<std::string> out;
    size_t start = 0;
    for (size_t space = form.find(' '); space != std::string::npos; space = form.find(' ', start)) {
      out.push_back(form.substr(start, space - start));
      start = space + 1;
    }
    out.push_back(form.substr(start));
    return out;
  };
  std::set<std::string> out;
  for (size_t j = 0; j + 1 < forms.size() && out.size() < 40; j += 3) {
    const auto before = words(forms[j]);
    const auto after = words(forms[j + 1]);
    if (before.size() >= 2) out.insert(before[before.size() - 2] + " " + before.back() + " " + after.front());
    if (after.size() >= 2) out.insert(before.back() + " " + after[0] + " " + after[1]);
  }
  return {out.begin(), out.end()};
}

TEST(TermCounts, ParagraphsJoinToTheWholeComparisonForm) {
  const std::vector<std::string> cases = {
      "One.\n\nTwo.",
      "  leading\n\n\n  and trailing  \n\n",
      "crlf\r\n\r\nlines\r\n \r\nend",
      "a mark after a blank line\n\n\xcc\x81 stays joined",  // U+0301: no cut before it
      "only a zero-width space between\n\n\xe2\x80\x8b\n\nhere",
      "no blank line\nhere",
      "\n\n\n",
      "",
  };
  auto join = [](std::string_view text) {
    std::string out;
    for (const auto paragraph : paragraphs(text)) {
      const std::string form = normalize_text(paragraph);
      if (form.empty()) continue;
      if (!out.empty()) out += ' ';
      out += form;
    }
    return out;
  };
  for (const std::string& text : cases) EXPECT_EQ(join(text), normalize_text(text)) << text;
  for (const std::string& text : real_texts()) {
    EXPECT_GT(paragraphs(text).size(), 5u);
    EXPECT_EQ(join(text), normalize_text(text));
  }
  EXPECT_EQ(paragraphs("One.\n\nTwo.").size(), 2u);
  EXPECT_EQ(paragraphs("no blank line\nhere").size(), 1u);
  EXPECT_EQ(paragraphs("a mark after a blank line\n\n\xcc\x81 stays joined").size(), 1u);
}

TEST(TermCounts, CountsAcrossParagraphsAsInTheWholeText) {
  struct Case {
    std::string text;
    std::string term;
    int expected;
  };
  const std::vector<Case> cases = {
      {"Parties agree\n\nto the terms.", "agree to the", 1},
      {"xagree\n\nto", "agree to", 0},  // inside a word: no boundary before
      {"agree\n\ntox", "agree to", 0},
      {"one\n\ntwo\n\nthree four", "one two three", 1},  // over a whole short paragraph
      {"a\n\nb\n\nc\n\nd", "a b c d", 1},
      {"a b\n\na b\n\na b", "b a", 2},
      {"a b a\n\nb a b", "a b a", 2},                    // overlapping: one within, one across
      {"end\n\n\xe2\x80\x8b\n\nstart", "end start", 1},  // the vanished paragraph adds no space
      {"Stream\n\nStream", "stream stream", 1},
  };
  for (const Case& c : cases) {
    TermCounter counter({c.term});
    EXPECT_EQ(counter.count(c.text), std::vector<int>{c.expected}) << c.text;
    EXPECT_EQ(count_occurrences(whole_form(c.text), c.term), c.expected) << c.text;
  }
}

TEST(TermCounts, EqualTheWholeTextCountOnRealTexts) {
  const auto texts = real_texts();
  std::vector<std::string> terms = {
      "the", "nato", "ukraine", "github", "you", "account", "terms of service", "north atlantic", "in the", "of the"};
  for (const std::string& text : texts) {
    for (std::string& term : crossing_terms(text)) terms.push_back(std::move(term));
  }
  // One counter for every text in history order, as timeline uses it.
  TermCounter counter(terms);
  int crossing = 0;
  for (const std::string& text : texts) {
    const std::string form = whole_form(text);
    const std::vector<int> counts = counter.count(text);
    ASSERT_EQ(counts.size(), terms.size());
    for (size_t t = 0; t < terms.size(); ++t) {
      EXPECT_EQ(counts[t], count_occurrences(form, terms[t])) << terms[t];
      crossing += t >= 10 && counts[t] > 0 ? 1 : 0;
    }
  }
  // The crossing terms were found where they cross.
  EXPECT_GE(crossing, 100);
  // GitHub's four versions share paragraphs: fewer are kept than were read.
  size_t read = 0;
  for (const std::string& text : texts) read += paragraphs(text).size();
  EXPECT_LT(counter.kept(), read);
}

TEST(TermCounts, StayExactWithAMemoPastItsBound) {
  const auto texts = real_texts();
  const std::vector<std::string> terms = {"the", "terms of service", "you agree", "nato"};
  size_t distinct = 0;
  {
    std::set<std::string_view> seen;
    for (const std::string& text : texts) {
      for (const auto paragraph : paragraphs(text)) distinct += seen.insert(paragraph).second ? 1 : 0;
    }
  }
  constexpr size_t kSmall = 16 * 1024;
  TermCounter counter(terms, kSmall);
  for (const std::string& text : texts) {
    const std::string form = whole_form(text);
    const std::vector<int> counts = counter.count(text);
    for (size_t t = 0; t < terms.size(); ++t) EXPECT_EQ(counts[t], count_occurrences(form, terms[t])) << terms[t];
    // Each entry costs at least its paragraph's bytes and a map node: 16 KiB
    // holds far fewer than one version's paragraphs.
    EXPECT_LT(counter.kept(), kSmall / 100);
  }
  EXPECT_GT(distinct, kSmall / 100);
}

std::vector<std::string> counter_terms() { return {"you", "your account", "terms of service", "account terms"}; }

std::vector<std::string> github_versions() {
  const std::string dir = std::string(STRATA_SOURCE_DIR) + "/tests/golden/site-policy-accounts/";
  std::vector<std::string> out;
  for (const char* name :
       {"terms-2018-04-19.md", "terms-2018-05-10.md", "terms-2021-12-14.md", "terms-2022-09-01.md"}) {
    out.push_back(test::read_file(dir + name));
  }
  return out;
}

TEST(ParagraphLog, KeepsEachDistinctParagraphOnce) {
  const auto versions = github_versions();
  ParagraphLog log;
  for (size_t v = 0; v < versions.size(); ++v) log.record(std::to_string(v), versions[v]);
  EXPECT_FALSE(log.find("4"));
  TermCounter counter(counter_terms());
  std::vector<TermCounter::Piece> pieces;
  for (uint32_t id = 0; id < log.distinct(); ++id) pieces.push_back(counter.read(log.text(id)));
  size_t places = 0;
  for (size_t v = 0; v < versions.size(); ++v) {
    const auto* ids = log.find(std::to_string(v));
    ASSERT_TRUE(ids);
    const auto expected = paragraphs(versions[v]);
    ASSERT_EQ(ids->size(), expected.size());
    std::vector<const TermCounter::Piece*> version;
    for (size_t k = 0; k < expected.size(); ++k) {
      EXPECT_EQ(log.text((*ids)[k]), expected[k]);
      version.push_back(&pieces[(*ids)[k]]);
    }
    places += ids->size();
    // Counted from the log's distinct paragraphs as from the whole text.
    EXPECT_EQ(counter.count(version), TermCounter(counter_terms()).count(versions[v]));
  }
  // The versions share paragraphs, kept once.
  EXPECT_LT(log.distinct() + 10, places);
}

TEST(ParagraphLog, KeepsNoVersionPastItsBound) {
  const auto versions = github_versions();
  const std::string other = test::read_file(test::snapshot_path("page-2015"));
  // Room for GitHub's first version and not for the NATO page's 35 KB.
  ParagraphLog log(versions[0].size() * 2);
  log.record("github", versions[0]);
  log.record("nato", other);
  EXPECT_TRUE(log.find("github"));
  EXPECT_FALSE(log.find("nato"));
  EXPECT_EQ(log.distinct(), paragraphs(versions[0]).size());
  // The version left out left nothing behind: a small one still fits.
  log.record("small", "One paragraph.\n\nAnd another.");
  ASSERT_TRUE(log.find("small"));
  EXPECT_EQ(log.find("small")->size(), 2u);
  // And what was kept before is found as it was: the same version again
  // adds no paragraph.
  log.record("github again", versions[0]);
  ASSERT_TRUE(log.find("github again"));
  EXPECT_EQ(*log.find("github again"), *log.find("github"));
  EXPECT_EQ(log.distinct(), paragraphs(versions[0]).size() + 2);
  const auto expected = paragraphs(versions[0]);
  for (size_t k = 0; k < expected.size(); ++k) EXPECT_EQ(log.text((*log.find("github"))[k]), expected[k]);
}

// timeline's counts from the paragraphs a pass kept equal those read again
// from the store, on the bundled series.
TEST(ParagraphLog, CountsAfterAPassEqualThoseReadFromTheStore) {
  test::TempDir tmp;
  Store store = Store::init(tmp.path() + "/store").value();
  auto snapshots = series_snapshots(std::string(STRATA_SOURCE_DIR) + "/snapshots/manifest.toml", nullptr);
  ASSERT_TRUE(snapshots) << snapshots.error().message;
  ImportOptions import;
  import.sync = false;
  ASSERT_TRUE(store.import(std::move(*snapshots), import));
  const auto versions = store.versions().value();
  std::vector<std::string> terms = {"nato", "ukraine", "north atlantic", "the alliance", "trust fund"};
  for (const auto& v : versions) {
    for (std::string& term : crossing_terms(store.read_raw(v).value())) terms.push_back(std::move(term));
  }
  const Deriver logged(store, true);
  ASSERT_TRUE(logged.programme_series(versions, {}, true, PairNeeds{.wording = true}));
  const auto from_log = logged.term_counts(versions, terms);
  ASSERT_TRUE(from_log) << from_log.error().message;
  std::filesystem::remove_all(logged.cache_dir());
  const auto from_store = Deriver(store).term_counts(versions, terms);
  ASSERT_TRUE(from_store) << from_store.error().message;
  EXPECT_EQ(*from_log, *from_store);
  int found = 0;
  for (const auto& row : *from_log) {
    for (const int c : row) found += c > 0 ? 1 : 0;
  }
  EXPECT_GT(found, 20);
}

}  // namespace
}  // namespace strata::store
