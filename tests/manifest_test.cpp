#include <gtest/gtest.h>

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
  };
  for (const Case& c : cases) {
    auto m = load_manifest(dir.file("manifest.toml", c.toml));
    ASSERT_FALSE(m) << c.message;
    EXPECT_NE(m.error().message.find(c.message), std::string::npos) << m.error().message;
  }
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
