// What a command says when the branch points to a commit that is not in the
// store, and what import needs to rebuild it: the one way strata's store
// gets there is a `git gc --prune=now` deleting a version's objects while or
// after it was imported.
#pragma once

#include <git2.h>

#include <optional>
#include <string>

#include "store/store_impl.hpp"

namespace strata::store {

// "; to recover, ..." for the end of the error: names the last intact
// version (the one strata version in the store no other commit builds on,
// which is the lost one's parent) and the git command that puts the branch
// back on it; without a single such version, says how to find it. Reads
// every object's header: for the error path only.
std::string missing_tip_hint(git_repository* repo, const std::string& dir);

// The branch on a commit the store does not hold, and the versions a repair
// builds on: those of the one strata version no other commit builds on.
struct LostTip {
  git_oid commit;  // where the branch points
  Chain intact;    // read from that version (empty: the store holds no version)
};

// Set when the branch points to a commit that is not in the store and at
// most one strata version is no other commit's parent, with its chain
// whole. Reads every object's header: for the error path only.
std::optional<LostTip> find_lost_tip(git_repository* repo, const std::string& dir);

}  // namespace strata::store
