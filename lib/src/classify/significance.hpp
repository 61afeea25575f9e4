// Internal: significance scores, highlights and the narrative, the last
// step of classify().
#pragma once

#include <string>
#include <vector>

#include "strata/change.hpp"
#include "strata/significance.hpp"

namespace strata::classify_detail {

// Scores every claim, section and programme change of `changes` (facts,
// figures and programmes already filled), then fills its highlights and
// narrative. `threads`: claims are scored on every core; the result is the
// same.
void score_changes(ChangeSet& changes, const SignificanceOptions& options, bool threads = false);

// The highlights of `changes`, already scored (significance_highlights.cpp).
std::vector<Highlight> pick_highlights(const ChangeSet& changes, const SignificanceOptions& options);

// The two versions read as different languages (ChangeSet::old_language,
// new_language): one is the other's translation, or another text.
bool translated(const ChangeSet& changes);

// The paragraph of ChangeSet::narrative, from its counts and highlights.
std::string narrative(const ChangeSet& changes);

// A version's label in a narrative: “Title” (date).
std::string version_label(const DocumentMeta& meta);

}  // namespace strata::classify_detail
