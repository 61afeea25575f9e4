// Internal: the units classify() puts together.
#pragma once

#include <string>
#include <vector>

#include "strata/change.hpp"
#include "strata/document.hpp"

namespace strata::classify_detail {

// Replacements (ranked by claims, at most `max_entries`), then phrases that
// appeared or vanished (ranked by change in frequency, at most
// `max_entries`). Appends a warning for each list that was cut.
std::vector<WordingShift> wording_shifts(const Document& old_doc, const Document& new_doc,
                                         const std::vector<ClaimChange>& claims, int max_entries,
                                         std::vector<std::string>& warnings);

// Changed, added and removed figures; `claim` indexes `claims`.
std::vector<NumberChange> number_changes(const Document& old_doc, const Document& new_doc,
                                         const std::vector<ClaimChange>& claims);

}  // namespace strata::classify_detail
