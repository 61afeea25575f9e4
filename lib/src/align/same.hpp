// Two sides with the same claims under the same titles. Internal to align.
#pragma once

#include <optional>

#include "align/claims.hpp"
#include "align/sections.hpp"

namespace strata::align {

struct SamePairs {
  ClaimPairs claims;
  SectionPairs sections;
};

// What pair_claims and pair_sections give two sides whose sections have the
// same titles (comparison form), in order, and whose claims have the same
// comparison forms in the same sections, in order: each claim and each
// section paired with itself, its section scored as pair_sections scores
// it. Found in one pass over both sides, without the indexes of texts and
// titles the full pairing builds: most pairs of a history are such a pair
// (379 of the 479 of Facebook's privacy policy changed only markup,
// spacing or link targets), and pairing them was a fifth of a cold `log`.
//
// std::nullopt when the sides differ, or when the full pairing could leave
// a section unpaired: one without claims whose title more than
// kMaxTitlePostings sections share proposes no candidate.
std::optional<SamePairs> pair_same(const Side& old_side, const Side& new_side);

}  // namespace strata::align
