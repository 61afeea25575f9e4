// Claim identity across a whole history, not only from one version to the
// next: a claim that vanishes for some versions and comes back continues the
// claim it was before the gap.
#pragma once

#include <vector>

#include "history/derived.hpp"

namespace strata::store {

// Where one claim of a version came from.
struct Ancestry {
  int version = -1;         // index into the traced versions; -1: the claim first appears here
  std::vector<int> claims;  // claims of `version` it continues (two for a merge); empty when version is -1
  bool text_changed = false;
};

// lineage[v][c]: the ancestry of claim c (claims_in_order) of version v.
// `version` is v - 1 for a claim carried from the previous version, and an
// earlier index for a claim that came back after a gap.
using Lineage = std::vector<std::vector<Ancestry>>;

// Follows the consecutive pairs of `versions` (oldest first); a claim the
// pair calls added is then looked for among the claims that vanished before
// the previous version: the same comparison form first, else the most
// similar one at or above kReturnSimilarity. The search goes through indexes
// (by text, by rare word) with a fixed number of candidates per claim, so its
// cost grows with the claims added, not with the length of the history.
Result<Lineage> trace_lineage(const Deriver& deriver, const std::vector<VersionInfo>& versions);

}  // namespace strata::store
