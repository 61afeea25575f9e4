// The sentences of two versions of one claim, paired in order, each pair
// with its own word diff. Internal to the diff stage; compare() fills
// ClaimChange::sentences with it.
#pragma once

#include <string_view>
#include <vector>

#include "strata/change.hpp"

namespace strata::diff {

// Sentences of the two sides that share this share of their words pair
// (Dice on word sets): a reworded sentence keeps more than half of its
// words; two different sentences of one list item rarely share half.
inline constexpr double kMinSentencePair = 0.5;
// Sides of more sentences than this are not paired (the table of scores is
// their product): a list item or paragraph holds a handful.
inline constexpr size_t kMaxClaimSentences = 64;

// `old_text` and `new_text` (original form) split into sentences and paired
// in order, keeping the pairs whose scores add up most; each pair is
// unchanged or modified (with a word diff under `max_cells`), the other
// sentences removed or added, all in reading order. Empty when neither side
// holds two sentences, when no sentence pairs, or past kMaxClaimSentences.
std::vector<SentenceChange> sentence_changes(std::string_view old_text, std::string_view new_text, size_t max_cells);

}  // namespace strata::diff
