// Atomic writes sweep what killed writes left, once per folder and process.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>

#include "strata/fs.hpp"
#include "test_util.hpp"

namespace strata {
namespace {

namespace fs = std::filesystem;

std::string stale_temp(const test::TempDir& dir, const std::string& name) {
  const std::string path = dir.file(std::string(kTempPrefix) + name, "left by a killed write");
  fs::last_write_time(path, fs::file_time_type::clock::now() - std::chrono::seconds(2 * kStaleTempSeconds));
  return path;
}

TEST(AtomicWrite, SweepsAFolderOnceAProcess) {
  test::TempDir dir;
  const std::string first = stale_temp(dir, "0badc0de-a.json");
  const std::string fresh = dir.file(std::string(kTempPrefix) + "1badc0de-b.json", "a write in progress");
  ASSERT_TRUE(write_file_atomic(dir.path() + "/a.json", "{}\n", WriteOptions{false}));
  EXPECT_FALSE(fs::exists(first));
  EXPECT_TRUE(fs::exists(fresh));
  EXPECT_EQ(test::read_file(dir.path() + "/a.json"), "{}\n");
  // The next writes into the folder do not read it again: the next process
  // sweeps what was left since.
  const std::string second = stale_temp(dir, "2badc0de-c.json");
  ASSERT_TRUE(write_file_atomic(dir.path() + "/c.json", "[]\n", WriteOptions{false}));
  EXPECT_TRUE(fs::exists(second));
  EXPECT_EQ(test::read_file(dir.path() + "/c.json"), "[]\n");
}

}  // namespace
}  // namespace strata
