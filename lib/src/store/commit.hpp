// Writing one version: its objects, the branch moved to it by compare-and-
// swap, and the check that its objects are still there once the branch holds
// it. Only import.cpp calls this; only lib/src/store includes it.
#pragma once

#include <git2.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "strata/result.hpp"
#include "strata/store.hpp"

namespace strata::store {

// Commits `raw` with `info` on top of `tip` (none: the first version) and
// moves the branch to it only if the branch still points to `tip`; on a lost
// race re-reads the branch into `tip` and tries again, a few times. Then
// checks that the commit, its tree and its two blobs exist: a concurrent
// `git gc --prune=now` that read the refs before the move deletes them (so
// when a gc is running, the check waits for it to end, up to a minute). Gone
// objects are written again (they are named by their content, so the same
// ids come back) and checked after a pause, a few rounds; if they still do
// not stay, the branch is moved back to `tip` and the result is kCorrupt:
// strata never leaves the branch on a missing object. On success `tip` is the
// new commit.
Result<git_oid> commit_on_branch(git_repository* repo, const VersionInfo& info, std::string_view raw, int64_t time,
                                 std::optional<git_oid>& tip, const std::string& what, const ImportOptions& options);

}  // namespace strata::store
