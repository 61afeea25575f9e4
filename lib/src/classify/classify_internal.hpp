// Internal: the units classify() puts together.
#pragma once

#include <string>
#include <vector>

#include "classify/sentence_index.hpp"
#include "strata/change.hpp"
#include "strata/classify.hpp"

namespace strata::classify_detail {

// Replacements (ranked by claims, at most `max_entries`), then phrases that
// appeared or vanished (ranked by change in frequency, at most
// `max_entries`) between the two documents of `index`. Appends a warning for
// each list that was cut.
std::vector<WordingShift> wording_shifts(const SentenceIndex& index, const std::vector<ClaimChange>& claims,
                                         int max_entries, std::vector<std::string>& warnings);

// Changed, added and removed figures between the two documents of `index`;
// `claim` indexes `claims`.
std::vector<NumberChange> number_changes(const SentenceIndex& index, const std::vector<ClaimChange>& claims);

// classify(), given word_hash of every sentence's comparison form in
// document order (compare() has them from the alignment); null: hashed here.
void classify(const Document& old_doc, const Document& new_doc, ChangeSet& changes, const ClassifyOptions& options,
              const SentenceHashes* hashes);

// extract_figures() on a read sentence.
std::vector<Figure> figures_in(const Reading& sentence);

}  // namespace strata::classify_detail
