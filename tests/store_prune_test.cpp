// A `git gc --prune=now` running beside an import can delete the new
// version's objects after they were written: import writes them again, or
// moves the branch back and fails; it never leaves the branch on a missing
// object. The prune is played by ImportOptions::before_objects_check, which
// deletes the version's loose objects at the moment a prune would.
#include <git2.h>
#include <gtest/gtest.h>

#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <thread>
#include <vector>

#include "strata/store.hpp"
#include "test_util.hpp"

namespace strata {
namespace {

namespace fs = std::filesystem;

Snapshot snap(int n) {
  const std::string id = "v" + std::to_string(n);
  return test::snapshot(test::version_text(n), "20" + std::to_string(10 + n), id, id + ".txt");
}

// Paths of the loose files of a commit, its tree and the tree's entries.
std::vector<std::string> object_files(const std::string& store, std::string_view commit_hex) {
  std::vector<git_oid> ids(1);
  git_libgit2_init();
  git_repository* repo = nullptr;
  git_commit* commit = nullptr;
  git_tree* tree = nullptr;
  EXPECT_EQ(git_repository_open_bare(&repo, store.c_str()), 0);
  EXPECT_EQ(git_oid_fromstrn(&ids[0], commit_hex.data(), commit_hex.size()), 0);
  EXPECT_EQ(git_commit_lookup(&commit, repo, &ids[0]), 0);
  if (commit != nullptr && git_commit_tree(&tree, commit) == 0) {
    ids.push_back(*git_tree_id(tree));
    for (size_t i = 0; i < git_tree_entrycount(tree); ++i)
      ids.push_back(*git_tree_entry_id(git_tree_entry_byindex(tree, i)));
  }
  git_tree_free(tree);
  git_commit_free(commit);
  git_repository_free(repo);
  git_libgit2_shutdown();
  std::vector<std::string> paths;
  for (const git_oid& id : ids) {
    const std::string hex = git_oid_tostr_s(&id);
    paths.push_back(store + "/objects/" + hex.substr(0, 2) + "/" + hex.substr(2));
  }
  return paths;
}

// Deletes the version's loose objects on the first `times` checks.
struct Prune {
  Prune(std::string dir, int n) : store(std::move(dir)), times(n) {}
  std::string store;
  int times;
  int checks = 0;
  std::vector<std::string> deleted;

  void operator()(std::string_view commit) {
    if (checks++ >= times) return;
    for (const std::string& path : object_files(store, commit)) {
      EXPECT_TRUE(fs::remove(path)) << path;
      deleted.push_back(path);
    }
  }
};

struct PruneFixture {
  test::TempDir tmp;
  std::string dir = tmp.path() + "/store";
  std::optional<Store> store;

  PruneFixture() {
    auto made = Store::init(dir);
    EXPECT_TRUE(made) << made.error().message;
    if (made) store.emplace(std::move(*made));
  }

  // Version 2 imported over version 1, `prune` deleting objects before each check.
  Result<std::vector<ImportOutcome>> import_second(Prune& prune) {
    EXPECT_TRUE(store->import({snap(1)}));
    ImportOptions options;
    options.before_objects_check = std::ref(prune);
    return store->import({snap(2)}, options);
  }

  std::vector<std::string> ids() const {
    auto reopened = Store::open(dir);  // a fresh handle reads only what is on disk
    EXPECT_TRUE(reopened) << reopened.error().message;
    std::vector<std::string> out;
    if (!reopened) return out;
    auto versions = reopened->versions();
    EXPECT_TRUE(versions) << versions.error().message;
    if (versions) {
      for (const auto& v : *versions) out.push_back(v.id);
    }
    return out;
  }
};

TEST(StorePrune, ObjectsDeletedAfterTheBranchMovedAreWrittenAgain) {
  PruneFixture f;
  Prune prune(f.dir, 1);
  auto out = f.import_second(prune);
  ASSERT_TRUE(out) << out.error().message;
  EXPECT_TRUE((*out)[0].stored);
  EXPECT_EQ(prune.checks, 2);  // the loss seen, then the rewritten objects
  ASSERT_EQ(prune.deleted.size(), 4u);
  for (const std::string& path : prune.deleted) EXPECT_TRUE(fs::exists(path)) << path;
  EXPECT_EQ(f.ids(), (std::vector<std::string>{"v1", "v2"}));
  auto bytes = read_version_bytes(f.dir, "v2");
  ASSERT_TRUE(bytes) << bytes.error().message;
  EXPECT_EQ(bytes->bytes, test::version_text(2));
}

TEST(StorePrune, ObjectsThatKeepVanishingPutTheBranchBack) {
  PruneFixture f;
  Prune prune(f.dir, 1000);
  auto out = f.import_second(prune);
  ASSERT_FALSE(out);
  EXPECT_EQ(out.error().code, ErrorCode::kCorrupt);
  for (const char* part :
       {"importing v2.txt as 'v2'", "git gc --prune=now", "back on the version before", "nothing was stored"}) {
    EXPECT_NE(out.error().message.find(part), std::string::npos) << out.error().message;
  }
  EXPECT_EQ(out.error().message.find('\n'), std::string::npos);
  EXPECT_EQ(prune.checks, 4);  // just after the move, then after each of three rewrites
  EXPECT_EQ(f.ids(), (std::vector<std::string>{"v1"}));
  // Nothing is left to repair: the next import stores the version.
  auto again = f.store->import({snap(2)});
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_EQ(f.ids(), (std::vector<std::string>{"v1", "v2"}));
}

TEST(StorePrune, AFirstVersionThatKeepsVanishingLeavesAnEmptyStore) {
  PruneFixture f;
  Prune prune(f.dir, 1000);
  ImportOptions options;
  options.before_objects_check = std::ref(prune);
  auto out = f.store->import({snap(1)}, options);
  ASSERT_FALSE(out);
  EXPECT_NE(out.error().message.find("nothing was stored"), std::string::npos) << out.error().message;
  EXPECT_TRUE(f.ids().empty());
  EXPECT_TRUE(f.store->import({snap(1)}));
  EXPECT_EQ(f.ids(), (std::vector<std::string>{"v1"}));
}

// Gives a snapshot's bytes, then other bytes on every later read.
class ChangingSource final : public SnapshotSource {
 public:
  explicit ChangingSource(Snapshot s) : snapshot_(std::move(s)) {}
  size_t size() const override { return 1; }
  Result<Snapshot> read(size_t) override {
    Snapshot s = snapshot_;
    if (reads_++ > 0) s.bytes += "Changed meanwhile.\n";
    return s;
  }

 private:
  Snapshot snapshot_;
  int reads_ = 0;
};

TEST(StorePrune, BytesThatChangedCannotRestoreAVersionAndTheBranchGoesBack) {
  PruneFixture f;
  ASSERT_TRUE(f.store->import({snap(1)}));
  Prune prune(f.dir, 1);
  ImportOptions options;
  options.before_objects_check = std::ref(prune);
  ChangingSource source(snap(2));
  auto out = f.store->import(source, options);
  ASSERT_FALSE(out);
  EXPECT_EQ(out.error().code, ErrorCode::kCorrupt);
  for (const char* part : {"could not be written again", "changed while being imported", "nothing was stored"}) {
    EXPECT_NE(out.error().message.find(part), std::string::npos) << out.error().message;
  }
  EXPECT_EQ(f.ids(), (std::vector<std::string>{"v1"}));
}

// The branch as its loose ref file holds it (strata never packs refs).
std::string branch(const std::string& store) {
  std::ifstream in(store + "/refs/heads/main");
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

TEST(StorePrune, AnImportWaitsForARunningGcBeforeItLooks) {
  PruneFixture f;
  ASSERT_TRUE(f.store->import({snap(1)}));
  const std::string before = branch(f.dir);
  // gc.pid as `git gc` writes it while it runs, naming a live process.
  char host[256] = {};
  ASSERT_EQ(gethostname(host, sizeof host - 1), 0);
  std::ofstream(f.dir + "/gc.pid") << getpid() << ' ' << host;
  // The gc's prune read the refs before the import moved the branch: it
  // deletes the new version's objects once the branch holds them, then ends.
  Prune prune(f.dir, 1);
  std::thread gc([&] {
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    std::string now;
    while ((now = branch(f.dir)) == before && std::chrono::steady_clock::now() < give_up) {
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    // Late enough that an import that did not wait would have looked and
    // returned by then; the one that waits looks only after gc.pid is gone.
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    if (now != before) prune(now.substr(0, 40));
    fs::remove(f.dir + "/gc.pid");
  });
  auto out = f.store->import({snap(2)});
  gc.join();
  ASSERT_TRUE(out) << out.error().message;
  EXPECT_EQ(prune.deleted.size(), 4u);
  EXPECT_EQ(f.ids(), (std::vector<std::string>{"v1", "v2"}));
}

TEST(StorePrune, AGitLockHeldByARunningGcIsWaitedFor) {
  // `git gc` packs refs under packed-refs.lock: a lock no strata writer left,
  // which import refuses unless a gc is running, whose end it waits for.
  PruneFixture f;
  char host[256] = {};
  ASSERT_EQ(gethostname(host, sizeof host - 1), 0);
  std::ofstream(f.dir + "/gc.pid") << getpid() << ' ' << host;
  std::ofstream(f.dir + "/packed-refs.lock") << "";
  std::thread gc([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    fs::remove(f.dir + "/packed-refs.lock");
    fs::remove(f.dir + "/gc.pid");
  });
  auto out = f.store->import({snap(1)});
  gc.join();
  ASSERT_TRUE(out) << out.error().message;
  EXPECT_EQ(f.ids(), (std::vector<std::string>{"v1"}));
}

TEST(StorePrune, ABranchOnAMissingCommitSaysHowToRecover) {
  // What a prune that ran after the import leaves: the branch on a commit
  // whose objects are gone. The message names the version to go back to.
  PruneFixture f;
  auto out = f.store->import({snap(1), snap(2)});
  ASSERT_TRUE(out) << out.error().message;
  Prune prune(f.dir, 1);
  prune((*out)[1].version.commit);
  auto versions = Store::open(f.dir)->versions();
  ASSERT_FALSE(versions);
  EXPECT_EQ(versions.error().code, ErrorCode::kCorrupt);
  const std::string& message = versions.error().message;
  for (const std::string& part :
       {"points to commit " + (*out)[1].version.commit + ", which is not in the store",
        std::string("last intact version, 'v1' (2011)"), "update-ref refs/heads/main " + (*out)[0].version.commit}) {
    EXPECT_NE(message.find(part), std::string::npos) << message;
  }
  EXPECT_EQ(message.find('\n'), std::string::npos);
}

// Files in the store's objects folder.
size_t object_count(const std::string& store) {
  size_t n = 0;
  for (const auto& e : fs::recursive_directory_iterator(store + "/objects")) n += e.is_regular_file() ? 1 : 0;
  return n;
}

// Versions 1 to `last` stored, versions `first_lost` on in one import, whose
// objects a prune then deleted: the branch on a missing commit, returned.
std::string lose_versions(PruneFixture& f, int first_lost, int last) {
  std::vector<Snapshot> kept;
  std::vector<Snapshot> lost;
  for (int n = 1; n <= last; ++n) (n < first_lost ? kept : lost).push_back(snap(n));
  EXPECT_TRUE(f.store->import(kept));
  auto out = f.store->import(lost);
  EXPECT_TRUE(out && out->size() == lost.size());
  if (!out || out->size() != lost.size()) return {};
  std::vector<std::string> files;
  for (const ImportOutcome& o : *out) {
    for (const std::string& path : object_files(f.dir, o.version.commit)) files.push_back(path);
  }
  for (const std::string& path : files) EXPECT_TRUE(fs::remove(path)) << path;
  return out->back().version.commit;
}

TEST(StorePrune, ImportingTheLostVersionAgainRepairsTheBranch) {
  PruneFixture f;
  const std::string lost = lose_versions(f, 2, 2);
  auto store = Store::open(f.dir);  // a fresh handle: the first one has the lost commit in its cache
  ASSERT_TRUE(store);
  // A version that does not rebuild the lost commit: refused, nothing written.
  const size_t objects = object_count(f.dir);
  auto other = store->import({snap(3)});
  ASSERT_FALSE(other);
  EXPECT_EQ(other.error().code, ErrorCode::kCorrupt);
  for (const std::string& part : {"points to commit " + lost +
                                      ", which is not in the store, and the versions imported "
                                      "do not rebuild it",
                                  std::string("last intact version, 'v1' (2011)")}) {
    EXPECT_NE(other.error().message.find(part), std::string::npos) << other.error().message;
  }
  EXPECT_EQ(object_count(f.dir), objects);
  // The lost version, then a new one, while a prune deletes the rebuilt
  // version's objects once more: the branch leads to the very commit lost.
  Prune prune(f.dir, 1);
  ImportOptions options;
  options.before_objects_check = std::ref(prune);
  auto out = store->import({snap(2), snap(3)}, options);
  ASSERT_TRUE(out) << out.error().message;
  EXPECT_FALSE(prune.deleted.empty());
  ASSERT_EQ(out->size(), 2u);
  EXPECT_TRUE((*out)[0].stored);
  EXPECT_EQ((*out)[0].version.commit, lost);
  EXPECT_EQ(f.ids(), (std::vector<std::string>{"v1", "v2", "v3"}));
}

TEST(StorePrune, SeveralLostVersionsAreRebuiltTogether) {
  PruneFixture f;
  const std::string lost = lose_versions(f, 2, 3);
  auto store = Store::open(f.dir);
  ASSERT_TRUE(store);
  // The first of them alone is not the commit the branch points to.
  auto first = store->import({snap(2)});
  ASSERT_FALSE(first);
  EXPECT_NE(first.error().message.find("do not rebuild it"), std::string::npos) << first.error().message;
  auto out = store->import({snap(1), snap(2), snap(3)});
  ASSERT_TRUE(out) << out.error().message;
  EXPECT_FALSE((*out)[0].stored);  // version 1 was intact
  EXPECT_EQ((*out)[2].version.commit, lost);
  EXPECT_EQ(f.ids(), (std::vector<std::string>{"v1", "v2", "v3"}));
}

TEST(StorePrune, NoRepairWithTwoCandidatesForTheLastIntactVersion) {
  PruneFixture f;
  const std::string lost = lose_versions(f, 2, 2);
  // A strata version nothing builds on besides 'v1': either could be the
  // lost commit's parent, so none is guessed.
  PruneFixture other;
  ASSERT_TRUE(other.store->import({snap(5)}));
  fs::copy(other.dir + "/objects", f.dir + "/objects", fs::copy_options::recursive | fs::copy_options::skip_existing);
  const size_t objects = object_count(f.dir);
  auto store = Store::open(f.dir);
  ASSERT_TRUE(store);
  auto out = store->import({snap(2)});
  ASSERT_FALSE(out);
  EXPECT_EQ(out.error().code, ErrorCode::kCorrupt);
  EXPECT_NE(out.error().message.find("points to commit " + lost + ", which is not in the store (deleted by"),
            std::string::npos)
      << out.error().message;
  EXPECT_EQ(object_count(f.dir), objects);
}

}  // namespace
}  // namespace strata
