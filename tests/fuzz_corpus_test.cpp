// Replays the fuzz corpus (fuzz/corpus/) and the bundled snapshots through the
// fuzz targets, whose invariant checks abort on a finding: every input a
// fuzzer once found interesting stays checked in CI, with any compiler.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "targets.hpp"
#include "test_util.hpp"

namespace {

namespace fs = std::filesystem;

std::vector<std::string> files_in(const std::string& dir) {
  std::vector<std::string> out;
  for (const auto& entry : fs::directory_iterator(std::string(STRATA_SOURCE_DIR) + "/" + dir)) {
    if (entry.is_regular_file() && entry.path().extension() != ".toml") out.push_back(entry.path().string());
  }
  std::sort(out.begin(), out.end());  // directory order is the file system's
  return out;
}

std::string bytes_of(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void read_one(const std::string& bytes) {
  strata::fuzz::read_one(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
}

void diff_two(const std::string& bytes) {
  strata::fuzz::diff_two(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
}

// Every file of a corpus folder through `target`; a corpus that went missing
// fails rather than passing empty.
void replay(const std::string& dir, void (*target)(const std::string&)) {
  const auto files = files_in(dir);
  ASSERT_GE(files.size(), 10u) << dir;
  for (const std::string& f : files) {
    SCOPED_TRACE(f);
    target(bytes_of(f));
  }
}

TEST(FuzzCorpus, ReadCorpusKeepsItsInvariants) { replay("fuzz/corpus/read", read_one); }

TEST(FuzzCorpus, DiffCorpusKeepsItsInvariants) { replay("fuzz/corpus/diff", diff_two); }

void rules_file(const std::string& bytes) {
  strata::fuzz::rules_file(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
}
void manifest_file(const std::string& bytes) {
  strata::fuzz::manifest_file(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
}
void revision(const std::string& bytes) {
  strata::fuzz::revision(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
}
void commit_metadata(const std::string& bytes) {
  strata::fuzz::commit_metadata(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
}

TEST(FuzzCorpus, RulesCorpusKeepsItsInvariants) { replay("fuzz/corpus/rules", rules_file); }
TEST(FuzzCorpus, ManifestCorpusKeepsItsInvariants) { replay("fuzz/corpus/manifest", manifest_file); }
TEST(FuzzCorpus, RevisionCorpusKeepsItsInvariants) { replay("fuzz/corpus/revision", revision); }
TEST(FuzzCorpus, CommitMetadataCorpusKeepsItsInvariants) { replay("fuzz/corpus/meta", commit_metadata); }

// The snapshots are larger than the fuzzers' inputs; the targets skip what is
// over their size cap, so each is cut at a line end before 30 KB.
std::string head_of(const std::string& path) {
  const std::string all = bytes_of(path);
  return all.size() <= 30000 ? all : all.substr(0, all.rfind('\n', 30000) + 1);
}

TEST(FuzzCorpus, SnapshotPairsKeepTheirInvariants) {
  const auto snapshots = files_in("snapshots");
  ASSERT_EQ(snapshots.size(), 5u);
  for (size_t i = 0; i + 1 < snapshots.size(); ++i) {
    SCOPED_TRACE(snapshots[i]);
    const std::string a = head_of(snapshots[i]);
    const std::string b = head_of(snapshots[i + 1]);
    read_one(a);
    diff_two(a + '\xFF' + b);
  }
}

}  // namespace
