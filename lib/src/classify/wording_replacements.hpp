// Replacements aggregated over the word diffs of all modified claims: one
// phrase put for another ("User" -> "Personal") and in how many claims.
// Internal to classify.
#pragma once

#include <vector>

#include "strata/change.hpp"

namespace strata::classify_detail {

// Hunks of a few words on both sides, at least one of them a content word,
// counted per distinct pair of folded phrases; most claims first, each
// with up to three example claims (new side).
std::vector<WordingShift> wording_replacements(const std::vector<ClaimChange>& claims);

}  // namespace strata::classify_detail
