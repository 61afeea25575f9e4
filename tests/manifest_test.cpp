#include <gtest/gtest.h>

#include <algorithm>

#include "strata/load.hpp"
#include "strata/manifest.hpp"
#include "test_util.hpp"

namespace strata {
namespace {

TEST(Manifest, BundledSnapshotsMatchTheirHashes) {
  auto m = load_manifest(std::string(STRATA_SOURCE_DIR) + "/snapshots/manifest.toml");
  ASSERT_TRUE(m) << m.error().message;
  EXPECT_EQ(m->entries.size(), 5u);
  auto ok = verify_manifest(*m);
  EXPECT_TRUE(ok) << (ok ? "" : ok.error().message);
  for (const ManifestEntry& e : m->entries) {
    EXPECT_EQ(sha256_hex(test::read_file(e.path)), e.sha256) << e.file;
    EXPECT_EQ(e.file.find(e.date.empty() ? "undated" : e.date), 0u) << "file names start with the date: " << e.file;
  }
  const auto series = m->series();
  ASSERT_EQ(series.size(), 4u);
  EXPECT_EQ(series[0].id, "page-2015");
  EXPECT_EQ(series[1].kind, "guide");
  EXPECT_EQ(series[3].id, "page-2024");
}

TEST(Manifest, DatesAgreeWithTheLastUpdatedLines) {
  auto m = load_manifest(std::string(STRATA_SOURCE_DIR) + "/snapshots/manifest.toml");
  ASSERT_TRUE(m);
  for (const ManifestEntry& e : m->entries) {
    auto doc = load_document(e.path);
    ASSERT_TRUE(doc);
    if (!doc->meta.date.empty()) {
      EXPECT_EQ(doc->meta.date, e.date) << e.id;
    }
  }
}

TEST(Manifest, RejectsBadManifests) {
  test::TempDir dir;
  struct Case {
    const char* toml;
    const char* message;
  } cases[] = {
      {"x = 1\n", "no [[snapshot]]"},
      {"[[snapshot]]\nid='a'\nfile='a.txt'\n[[snapshot]]\nid='a'\nfile='b.txt'\n", "duplicate id"},
      {"[[snapshot]]\nid='a'\nfile='a.txt'\ndate='2015-02-30'\n", "date '2015-02-30'"},
      {"[[snapshot]]\nid='a'\nfile='a.txt'\nseries=1\n[[snapshot]]\nid='b'\nfile='b.txt'\nseries=1\n", "used twice"},
      {"[[snapshot]\n", "manifest.toml:1"},
      {"[report]\npairs=['every']\n[[snapshot]]\nid='a'\nfile='a.txt'\n", "unknown rule 'every'"},
      {"[report]\npairs=['consecutive:memo']\n[[snapshot]]\nid='a'\nfile='a.txt'\nseries=1\n",
       "for 'consecutive:memo'"},
      {"[report]\npairs=[1]\n[[snapshot]]\nid='a'\nfile='a.txt'\n", "must be strings"},
      {"[[snapshot]]\nid='a'\nfile='a.txt'\nseries=4294967296\n",
       "snapshot 'a': series position 4294967296 is out of range"},
      {"[[snapshot]]\nid='a'\nfile='a.txt'\nseries=4.0e9\n",
       "snapshot 'a': series position 4000000000 is out of range"},
  };
  for (const Case& c : cases) {
    auto m = load_manifest(dir.file("manifest.toml", c.toml));
    ASSERT_FALSE(m) << c.message;
    EXPECT_NE(m.error().message.find(c.message), std::string::npos) << m.error().message;
  }
}

TEST(Manifest, ReportPairsFollowTheRulesInOrderEachOnce) {
  auto m = load_manifest(std::string(STRATA_SOURCE_DIR) + "/snapshots/manifest.toml");
  ASSERT_TRUE(m);
  const auto series = m->series();
  using Pairs = std::vector<std::pair<size_t, size_t>>;
  struct Case {
    std::vector<std::string> rules;
    Pairs pairs;
  } cases[] = {
      {{"consecutive"}, {{0, 1}, {1, 2}, {2, 3}}},
      // The guide (1) is another kind of document: pages skip it.
      {{"consecutive:page"}, {{0, 2}, {2, 3}}},
      {{"first-last"}, {{0, 3}}},
      {{"first-last:guide"}, {}},
      {{"consecutive", "consecutive:page", "first-last:page"}, {{0, 1}, {1, 2}, {2, 3}, {0, 2}, {0, 3}}},
  };
  for (const Case& c : cases) {
    auto pairs = report_pairs(series, c.rules);
    ASSERT_TRUE(pairs) << pairs.error().message;
    EXPECT_EQ(*pairs, c.pairs) << c.rules.front();
  }
  auto bundled = report_pairs(series, m->report_rules);
  ASSERT_TRUE(bundled);
  EXPECT_NE(std::find(bundled->begin(), bundled->end(), std::pair<size_t, size_t>{0, 2}), bundled->end());
  EXPECT_NE(std::find(bundled->begin(), bundled->end(), std::pair<size_t, size_t>{0, 3}), bundled->end());
}

TEST(Manifest, DetectsAlteredSnapshot) {
  test::TempDir dir;
  dir.file("a.txt", "Some text.\n");
  auto m = load_manifest(dir.file("manifest.toml", "[[snapshot]]\nid='a'\nfile='a.txt'\nsha256='00'\n"));
  ASSERT_TRUE(m);
  auto ok = verify_manifest(*m);
  ASSERT_FALSE(ok);
  EXPECT_NE(ok.error().message.find("sha256"), std::string::npos);
}

}  // namespace
}  // namespace strata
