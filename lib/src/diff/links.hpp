// The link-set diff: which link targets appeared, vanished or were
// re-pointed between two versions. Internal to diff.
#pragma once

#include <vector>

#include "strata/change.hpp"
#include "strata/document.hpp"

namespace strata::diff {

// Targets present on both sides pair first, as many times as they occur on
// both; then targets that are the same without the parameters that tag a
// visit, as a retagged link; what is left pairs by link text (case and
// spacing folded) as a re-pointed link, in document order; the rest is
// added or removed. Linear in the number of links (times the few
// parameters that many links carry).
std::vector<LinkChange> link_changes(const Document& old_doc, const Document& new_doc);

}  // namespace strata::diff
