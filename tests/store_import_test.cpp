// Import streams its batch: each snapshot read once, checked on worker
// threads, written a window at a time, and the branch moved once at the end,
// so a refusal anywhere in the batch leaves the store as it was.
#include <gtest/gtest.h>

#include <fmt/core.h>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "strata/store.hpp"
#include "test_util.hpp"

namespace strata {
namespace {

// More than four of import's windows of 16 snapshots, so that a batch is
// written over several windows before the last is read.
constexpr int kLongBatch = 70;

Snapshot numbered(int n) {
  const std::string id = fmt::format("v{:03}", n);
  return test::snapshot(test::version_text(n), std::to_string(1950 + n), id, id + ".txt");
}

std::vector<Snapshot> long_batch() {
  std::vector<Snapshot> out;
  for (int n = 0; n < kLongBatch; ++n) out.push_back(numbered(n));
  return out;
}

// A source that records the order of its reads and can refuse one.
class ScriptedSource final : public SnapshotSource {
 public:
  explicit ScriptedSource(std::vector<Snapshot> snapshots) : snapshots_(std::move(snapshots)) {}
  size_t size() const override { return snapshots_.size(); }
  Result<Snapshot> read(size_t i) override {
    reads.push_back(i);
    if (static_cast<int>(i) == refuse_at) return make_error(ErrorCode::kIo, "source: cannot read");
    return snapshots_[i];
  }
  std::vector<size_t> reads;
  int refuse_at = -1;

 private:
  std::vector<Snapshot> snapshots_;
};

struct ImportFixture {
  test::TempDir tmp;
  Store store = Store::init(tmp.path() + "/store").value();

  std::vector<std::string> ids() {
    std::vector<std::string> out;
    auto versions = Store::open(store.dir())->versions();  // a fresh handle reads only what is on disk
    EXPECT_TRUE(versions) << versions.error().message;
    if (versions) {
      for (const auto& v : *versions) out.push_back(v.id);
    }
    return out;
  }
  // The ref an import keeps on the versions it has written so far, until it ends.
  bool import_ref_left() const { return std::filesystem::exists(store.dir() + "/refs/strata/import"); }
  std::string branch() const {
    std::ifstream in(store.dir() + "/refs/heads/main");
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  }
};

TEST(StoreImport, ReadsEverySnapshotOnceInBatchOrder) {
  ImportFixture f;
  ScriptedSource source(long_batch());
  auto out = f.store.import(source);
  ASSERT_TRUE(out) << out.error().message;
  std::vector<size_t> expected(kLongBatch);
  for (size_t i = 0; i < expected.size(); ++i) expected[i] = i;
  EXPECT_EQ(source.reads, expected);
  EXPECT_EQ(f.ids().size(), static_cast<size_t>(kLongBatch));
  EXPECT_FALSE(f.import_ref_left());
}

TEST(StoreImport, ABatchStoresTheCommitsOfImportsOneAtATime) {
  ImportFixture batch;
  auto together = batch.store.import(long_batch());
  ASSERT_TRUE(together) << together.error().message;
  ImportFixture single;
  for (int n = 0; n < kLongBatch; ++n) {
    auto alone = single.store.import({numbered(n)});
    ASSERT_TRUE(alone) << alone.error().message;
    ASSERT_EQ(alone->size(), 1u);
    EXPECT_TRUE((*alone)[0].stored);
    EXPECT_EQ((*alone)[0].version.commit, (*together)[static_cast<size_t>(n)].version.commit) << n;
    EXPECT_EQ((*alone)[0].version.position, n + 1);
  }
  EXPECT_EQ(batch.branch(), single.branch());
}

TEST(StoreImport, AnUnreadableSnapshotLateInTheBatchLeavesTheStoreAsItWas) {
  ImportFixture f;
  ASSERT_TRUE(f.store.import({test::snapshot(test::version_text(1000), "1900", "before")}));
  const std::string branch = f.branch();
  ScriptedSource source(long_batch());
  source.refuse_at = kLongBatch - 3;  // read once three windows were written
  auto out = f.store.import(source);
  ASSERT_FALSE(out);
  EXPECT_EQ(out.error().code, ErrorCode::kIo);
  EXPECT_EQ(f.ids(), std::vector<std::string>{"before"});
  EXPECT_EQ(f.branch(), branch);
  EXPECT_FALSE(f.import_ref_left());
}

TEST(StoreImport, ABadSnapshotLateInTheBatchLeavesAnEmptyStoreEmpty) {
  ImportFixture f;
  std::vector<Snapshot> batch = long_batch();
  batch[kLongBatch - 2].bytes = std::string("bin\0ary", 7);
  auto out = f.store.import(batch);
  ASSERT_FALSE(out);
  EXPECT_EQ(out.error().code, ErrorCode::kInvalidInput);
  EXPECT_NE(out.error().message.find("v068.txt"), std::string::npos) << out.error().message;
  EXPECT_TRUE(f.ids().empty());
  EXPECT_TRUE(f.branch().empty());
}

TEST(StoreImport, ARepeatInTheBatchNamesTheVersionItRepeats) {
  ImportFixture f;
  // The third snapshot has the bytes of the first, and the first is the
  // version in force on its date: it is not stored again.
  auto out = f.store.import({test::snapshot(test::version_text(1), "2020", "a"),
                             test::snapshot(test::version_text(2), "2020-06", "b"),
                             test::snapshot(test::version_text(1), "2020-03", "c")});
  ASSERT_TRUE(out) << out.error().message;
  ASSERT_EQ(out->size(), 3u);
  EXPECT_TRUE((*out)[0].stored);
  EXPECT_TRUE((*out)[1].stored);
  EXPECT_FALSE((*out)[2].stored);
  EXPECT_EQ((*out)[2].version.id, "a");
  EXPECT_EQ((*out)[2].version.commit, (*out)[0].version.commit);
  EXPECT_EQ(f.ids(), (std::vector<std::string>{"a", "b"}));
}

}  // namespace
}  // namespace strata
