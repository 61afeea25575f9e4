// What store.cpp and import.cpp share: the open repository and the version chain.
#pragma once

#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "store/git.hpp"
#include "strata/store.hpp"

namespace strata {

struct Store::Impl {
  store::GitLibrary library;
  std::string dir;
  store::RepoPtr repo;
  // Held by read_raw() around its libgit2 calls, so that threads may read
  // versions at once: a libgit2 repository must not be used by two threads
  // at the same time, while the loose objects strata reads itself can be.
  std::mutex git;
};

namespace store {

struct Chain {
  std::vector<VersionInfo> versions;  // store order, positions set
  std::optional<git_oid> tip;         // refs/heads/main, absent on an empty store
};

// Reads the first-parent chain from refs/heads/main. Only commits are read
// (metadata comes from trailers), so a damaged blob spoils only its version.
// A commit whose trailers are not as strata writes them, or that reuses the
// id of another, makes the chain kCorrupt, with a message naming the commit.
Result<Chain> read_chain(git_repository* repo, const std::string& dir);
// The same chain read from commit `tip`, wherever the branch points (its
// messages speak of `tip` as the branch's commit).
Result<Chain> read_chain_at(git_repository* repo, const std::string& dir, const git_oid& tip);

// Sorts by date, then by time and id among equal dates, and sets positions.
void order_versions(std::vector<VersionInfo>& versions);

// "'page-2015' (2015-05-06)", for messages.
std::string version_label(const VersionInfo& version);

}  // namespace store
}  // namespace strata
