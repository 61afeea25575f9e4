// Raw blobs written as loose object files by strata itself, from bytes
// deflated on another thread: the very files libgit2 writes, a stored blob
// only freshened, and a failed write reported in one line with nothing left
// behind.
#include <git2.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "store/git.hpp"
#include "store/odb.hpp"
#include "test_util.hpp"

namespace strata {
namespace {

namespace fs = std::filesystem;

// A bare repository of its own, as a store's object folder is.
class Repo {
 public:
  explicit Repo(const std::string& dir) {
    git_libgit2_init();
    EXPECT_EQ(git_repository_init(&repo_, dir.c_str(), 1), 0);
  }
  ~Repo() {
    git_repository_free(repo_);
    git_libgit2_shutdown();
  }
  Repo(const Repo&) = delete;
  Repo& operator=(const Repo&) = delete;
  git_repository* get() const { return repo_; }
  std::string objects() const { return std::string(git_repository_path(repo_)) + "objects"; }
  std::string file_of(const git_oid& id) const {
    const std::string hex = store::oid_hex(id);
    return objects() + "/" + hex.substr(0, 2) + "/" + hex.substr(2);
  }

 private:
  git_repository* repo_ = nullptr;
};

git_oid blob_id(const std::string& bytes) {
  git_oid id;
  EXPECT_EQ(git_odb_hash(&id, bytes.data(), bytes.size(), GIT_OBJECT_BLOB), 0);
  return id;
}

std::vector<std::string> temporaries(const std::string& objects) {
  std::vector<std::string> found;
  for (const auto& entry : fs::recursive_directory_iterator(objects)) {
    if (entry.path().filename().string().starts_with("tmp_")) found.push_back(entry.path().string());
  }
  return found;
}

TEST(StoreOdb, ALooseBlobIsTheFileLibgit2Writes) {
  test::TempDir tmp;
  const Repo by_libgit2(tmp.path() + "/libgit2");
  const Repo by_strata(tmp.path() + "/strata");
  std::string binary;
  for (int i = 0; i < 70000; ++i) binary += static_cast<char>((i * 7919) % 256);
  const std::vector<std::string> contents = {
      "", "hello\n", test::read_file("snapshots/2024-07-02_page_natos-response-to-russias-invasion.txt"), binary};
  for (const std::string& bytes : contents) {
    const git_oid id = blob_id(bytes);
    ASSERT_TRUE(store::write_hashed_blob(by_libgit2.get(), bytes, id, "store a"));
    // Deflated beforehand, as import does on its checking threads, and here.
    ASSERT_TRUE(store::write_loose_blob(by_strata.get(), bytes, store::deflate_loose_blob(bytes), id, "store b"));
    EXPECT_EQ(test::read_file(by_strata.file_of(id)), test::read_file(by_libgit2.file_of(id))) << bytes.size();
    EXPECT_EQ(fs::status(by_strata.file_of(id)).permissions(), fs::status(by_libgit2.file_of(id)).permissions());
    git_blob* blob = nullptr;
    ASSERT_EQ(git_blob_lookup(&blob, by_strata.get(), &id), 0);
    EXPECT_EQ(std::string(static_cast<const char*>(git_blob_rawcontent(blob)), git_blob_rawsize(blob)), bytes);
    git_blob_free(blob);
  }
  // Deflated by the writer itself when not beforehand.
  const Repo late(tmp.path() + "/late");
  const std::string& page = contents[2];
  ASSERT_TRUE(store::write_loose_blob(late.get(), page, "", blob_id(page), "store c"));
  EXPECT_EQ(test::read_file(late.file_of(blob_id(page))), test::read_file(by_libgit2.file_of(blob_id(page))));
  EXPECT_TRUE(temporaries(by_strata.objects()).empty());
}

TEST(StoreOdb, AStoredBlobIsFreshenedNotWrittenAgain) {
  test::TempDir tmp;
  const Repo repo(tmp.path() + "/store");
  const std::string bytes = "Allies agreed to support Ukraine.\n";
  const git_oid id = blob_id(bytes);
  ASSERT_TRUE(store::write_loose_blob(repo.get(), bytes, "", id, "store s"));
  const std::string file = repo.file_of(id);
  const std::string written = test::read_file(file);
  const auto long_ago = fs::file_time_type::clock::now() - std::chrono::hours(3);
  fs::last_write_time(file, long_ago);
  // Bytes that are not its file: a stored blob is never written again.
  ASSERT_TRUE(store::write_loose_blob(repo.get(), bytes, "not a zlib stream", id, "store s"));
  EXPECT_EQ(test::read_file(file), written);
  EXPECT_GT(fs::last_write_time(file), long_ago + std::chrono::hours(2));
}

TEST(StoreOdb, AFailedWriteIsOneLineAndLeavesNoTemporaryFile) {
  test::TempDir tmp;
  const Repo repo(tmp.path() + "/store");
  const std::string bytes = "The Commission was abolished.\n";
  const git_oid id = blob_id(bytes);
  const std::string hex = store::oid_hex(id);
  // A file where the object's folder should be: the rename cannot succeed.
  const std::string folder = repo.objects() + "/" + hex.substr(0, 2);
  tmp.file("store/objects/" + hex.substr(0, 2), "in the way");
  auto written = store::write_loose_blob(repo.get(), bytes, "", id, "store s: importing a.txt as 'a'");
  ASSERT_FALSE(written);
  EXPECT_EQ(written.error().code, ErrorCode::kIo);
  const std::string& message = written.error().message;
  EXPECT_EQ(message.find('\n'), std::string::npos);
  EXPECT_TRUE(message.starts_with("store s: importing a.txt as 'a': cannot ")) << message;
  EXPECT_NE(message.find(folder), std::string::npos) << message;
  EXPECT_NE(message.find("Not a directory"), std::string::npos) << message;
  EXPECT_TRUE(temporaries(repo.objects()).empty());
  EXPECT_EQ(test::read_file(folder), "in the way");
}

}  // namespace
}  // namespace strata
