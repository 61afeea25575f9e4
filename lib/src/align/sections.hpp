// Section alignment. Internal to align and diff.
#pragma once

#include <cstddef>
#include <vector>

#include "align/claims.hpp"

namespace strata::align {

// Sections whose titles are equal (comparison form, any case) and unique on
// both sides; the roots always. Index: old section -> new section or -1.
std::vector<int> anchor_sections(const Side& old_side, const Side& new_side);

// Weights of title and content in a section pair's score. Content counts for
// more: pages rename sections freely ("Framework for cooperation" became
// "Evolution of NATO-Ukraine relations") while the text stays.
inline constexpr double kTitleWeight = 0.35;
inline constexpr double kContentWeight = 0.65;
// A title shared by more sections than this (or a title word held by more)
// proposes no candidate pairs: a section without claims of its own, whose
// title is all it is paired on, then stays unpaired.
inline constexpr size_t kMaxTitlePostings = 64;

struct SectionPairs {
  std::vector<int> old_to_new;  // -1: unpaired
  std::vector<int> new_to_old;
  std::vector<double> score;                  // of each old section's pair, 0..1
  std::vector<std::vector<int>> split_into;   // old section -> further new sections it split into
  std::vector<std::vector<int>> merged_from;  // new section -> further old sections merged into it
};

// One best matching of sections on title and content similarity together,
// where content similarity is the share of the two sections' text carried by
// claims paired between them; then splits and merges among the rest.
SectionPairs pair_sections(const Side& old_side, const Side& new_side, const ClaimPairs& claims);

// Title similarity, 0..1 (Dice over title words).
double title_similarity(const Side& old_side, int old_section, const Side& new_side, int new_section);

}  // namespace strata::align
