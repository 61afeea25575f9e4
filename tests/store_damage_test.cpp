// A damaged, foreign or locked store: clear errors, nothing written.
#include <git2.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "strata/store.hpp"
#include "test_util.hpp"

namespace strata {
namespace {

namespace fs = std::filesystem;

Snapshot snap(int n, const std::string& date, const std::string& id) {
  return test::snapshot(test::version_text(n), date, id, id + ".txt");
}

struct Fixture {
  test::TempDir tmp;
  std::string dir = tmp.path() + "/store";
  std::vector<VersionInfo> versions;

  Fixture() {
    auto store = Store::init(dir);
    EXPECT_TRUE(store) << store.error().message;
    auto out = store->import({snap(1, "2015", "v1"), snap(2, "2018", "v2"), snap(3, "2023", "v3")});
    if (!out) {
      ADD_FAILURE() << out.error().message;
      return;
    }
    for (const auto& o : *out) versions.push_back(o.version);
  }

  std::string object_path(const std::string& hex) const {
    return dir + "/objects/" + hex.substr(0, 2) + "/" + hex.substr(2);
  }

  void truncate_object(const std::string& hex) const {
    const std::string path = object_path(hex);
    fs::permissions(path, fs::perms::owner_write, fs::perm_options::add);
    fs::resize_file(path, fs::file_size(path) / 2);
  }

  void overwrite(const std::string& relative, const std::string& content) const {
    std::ofstream(dir + "/" + relative, std::ios::binary | std::ios::trunc) << content;
  }
};

void expect_error(const Error& error, ErrorCode code, std::initializer_list<std::string> parts) {
  EXPECT_EQ(error.code, code) << error.message;
  for (const std::string& part : parts) EXPECT_NE(error.message.find(part), std::string::npos) << error.message;
  EXPECT_EQ(error.message.find('\n'), std::string::npos) << error.message;
}

TEST(StoreDamage, NotAStoreIsRefused) {
  test::TempDir tmp;
  auto missing = Store::open(tmp.path() + "/nothing");
  ASSERT_FALSE(missing);
  expect_error(missing.error(), ErrorCode::kNotFound, {"nothing", "strata init"});
  auto plain = Store::open(tmp.path());
  ASSERT_FALSE(plain);
  expect_error(plain.error(), ErrorCode::kCorrupt, {"not a strata store"});
}

TEST(StoreDamage, ForeignRepositoriesAreRefused) {
  test::TempDir tmp;
  git_libgit2_init();
  git_repository* repo = nullptr;
  ASSERT_EQ(git_repository_init(&repo, (tmp.path() + "/work").c_str(), 0), 0);
  git_repository_free(repo);
  ASSERT_EQ(git_repository_init(&repo, (tmp.path() + "/bare").c_str(), 1), 0);
  git_repository_free(repo);
  git_libgit2_shutdown();
  auto work = Store::open(tmp.path() + "/work");
  ASSERT_FALSE(work);
  expect_error(work.error(), ErrorCode::kCorrupt, {"not a strata store"});
  auto bare = Store::open(tmp.path() + "/bare");
  ASSERT_FALSE(bare);
  expect_error(bare.error(), ErrorCode::kCorrupt, {"bare", "not a strata store", "strata.store"});
  // init does not adopt a foreign repository either.
  auto adopted = Store::init(tmp.path() + "/bare");
  ASSERT_FALSE(adopted);
}

TEST(StoreDamage, StoreOwnedByAnotherUserIsRefused) {
  if (::geteuid() != 0) GTEST_SKIP() << "needs root to give the store away";
  Fixture f;
  ASSERT_EQ(::chown(f.dir.c_str(), 65534, 65534), 0);
  auto store = Store::open(f.dir);
  ASSERT_FALSE(store);
  expect_error(store.error(), ErrorCode::kUnsupported, {f.dir, "owned by another user"});
  auto bytes = read_version_bytes(f.dir, "HEAD");
  ASSERT_FALSE(bytes);
  EXPECT_NE(bytes.error().message.find("owned by another user"), std::string::npos) << bytes.error().message;
}

TEST(StoreDamage, TruncatedBlobSpoilsOnlyItsVersion) {
  Fixture f;
  f.truncate_object(f.versions[0].raw_blob);
  auto store = Store::open(f.dir);
  ASSERT_TRUE(store) << store.error().message;
  auto broken = store->read_raw(f.versions[0]);
  ASSERT_FALSE(broken);
  expect_error(broken.error(), ErrorCode::kCorrupt, {"'v1' (2015)", f.dir});
  auto fine = store->read_raw(f.versions[1]);
  ASSERT_TRUE(fine) << fine.error().message;
  auto head = read_version_bytes(f.dir, "HEAD");
  ASSERT_TRUE(head) << head.error().message;
  auto first = read_version_bytes(f.dir, "v1");
  ASSERT_FALSE(first);
  EXPECT_EQ(first.error().code, ErrorCode::kCorrupt);
}

TEST(StoreDamage, AlteredBlobIsCaughtByItsHash) {
  Fixture f;
  const std::string path = f.object_path(f.versions[1].raw_blob);
  // Another valid zlib stream in the same place: only the hash check can tell.
  const std::string other = test::read_file(f.object_path(f.versions[2].raw_blob));
  fs::permissions(path, fs::perms::owner_write, fs::perm_options::add);
  std::ofstream(path, std::ios::binary | std::ios::trunc) << other;
  auto store = Store::open(f.dir);
  ASSERT_TRUE(store);
  auto broken = store->read_raw(f.versions[1]);
  ASSERT_FALSE(broken);
  expect_error(broken.error(), ErrorCode::kCorrupt, {"'v2'"});
}

TEST(StoreDamage, RefToMissingObjectRefusesImports) {
  Fixture f;
  const std::string ghost = std::string(40, '7') + "\n";
  f.overwrite("refs/heads/main", ghost);
  auto store = Store::open(f.dir);
  ASSERT_TRUE(store);
  auto versions = store->versions();
  ASSERT_FALSE(versions);
  expect_error(versions.error(), ErrorCode::kCorrupt, {"refs/heads/main", std::string(40, '7')});
  auto out = store->import({snap(4, "2024", "v4")});
  ASSERT_FALSE(out);
  EXPECT_EQ(out.error().code, ErrorCode::kCorrupt);
  EXPECT_EQ(test::read_file(f.dir + "/refs/heads/main"), ghost);
}

TEST(StoreDamage, TruncatedCommitNamesTheVersionAfterIt) {
  Fixture f;
  f.truncate_object(f.versions[1].commit);
  auto store = Store::open(f.dir);
  ASSERT_TRUE(store);
  auto versions = store->versions();
  ASSERT_FALSE(versions);
  expect_error(versions.error(), ErrorCode::kCorrupt, {f.versions[1].commit, "'v3' (2023)"});
  const std::string tip = test::read_file(f.dir + "/refs/heads/main");
  auto out = store->import({snap(4, "2024", "v4")});
  ASSERT_FALSE(out);
  EXPECT_EQ(test::read_file(f.dir + "/refs/heads/main"), tip);
}

TEST(StoreDamage, LeftoversOfAKilledWriterAreCleared) {
  Fixture f;
  // What a writer killed between taking git's ref lock and renaming it leaves.
  f.overwrite("strata.flock", "pid 999999\n");
  f.overwrite("refs/heads/main.lock", std::string(40, 'a') + "\n");
  fs::create_directories(f.dir + "/refs/strata");
  f.overwrite("refs/strata/import.lock", std::string(40, 'b') + "\n");
  fs::create_directories(f.dir + "/objects/ab");
  f.overwrite("objects/ab/tmp_object_git2_XXXX", "half");
  auto store = Store::open(f.dir);
  ASSERT_TRUE(store);
  auto out = store->import({snap(4, "2024", "v4")});
  ASSERT_TRUE(out) << out.error().message;
  EXPECT_TRUE((*out)[0].stored);
  EXPECT_FALSE(fs::exists(f.dir + "/refs/heads/main.lock"));
  EXPECT_FALSE(fs::exists(f.dir + "/refs/strata/import.lock"));
  EXPECT_FALSE(fs::exists(f.dir + "/objects/ab/tmp_object_git2_XXXX"));
  EXPECT_EQ(test::read_file(f.dir + "/strata.flock"), "");
}

TEST(StoreDamage, GitLockThatNoWriterLeftIsReported) {
  Fixture f;
  f.overwrite("refs/heads/main.lock", "");
  const std::string tip = test::read_file(f.dir + "/refs/heads/main");
  auto store = Store::open(f.dir);
  ASSERT_TRUE(store);
  auto out = store->import({snap(4, "2024", "v4")});
  ASSERT_FALSE(out);
  expect_error(out.error(), ErrorCode::kLocked, {"refs/heads/main.lock"});
  EXPECT_EQ(test::read_file(f.dir + "/refs/heads/main"), tip);
  EXPECT_TRUE(fs::exists(f.dir + "/refs/heads/main.lock"));
}

}  // namespace
}  // namespace strata
