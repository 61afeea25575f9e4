// What a command says when the branch points to a commit that is not in the
// store: the one way strata's store gets there is a `git gc --prune=now`
// deleting a version's objects while or after it was imported.
#pragma once

#include <git2.h>

#include <string>

namespace strata::store {

// "; to recover, ..." for the end of the error: names the last intact
// version (the one strata version in the store no other commit builds on,
// which is the lost one's parent) and the git command that puts the branch
// back on it; without a single such version, says how to find it. Reads
// every object's header: for the error path only.
std::string missing_tip_hint(git_repository* repo, const std::string& dir);

}  // namespace strata::store
