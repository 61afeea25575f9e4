// Edits that are not real changes. Internal to diff.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "align/claims.hpp"
#include "segment/acronyms.hpp"
#include "strata/change.hpp"
#include "strata/document.hpp"

namespace strata::diff {

// Acronyms defined as "Full Name (ACR)" in either document (the one
// definition reader, segment/acronyms.hpp): lower-cased acronym ->
// lower-cased full name, comparison form; the old version's definition first.
using classify_detail::AcronymTable;
AcronymTable collect_acronyms(const align::Side& old_side, const align::Side& new_side);

// If every edit in `ops` swaps an acronym for its expansion (or the
// expansion followed by the acronym), returns a note saying which; else "".
std::string acronym_equivalence(const std::vector<WordOp>& ops, const AcronymTable& table);

// Why two texts whose comparison forms are the same differ as written:
// garbled characters (UTF-8 read as windows-1252 in one version), typography
// and white space, or both.
std::string same_form_note(std::string_view old_text, std::string_view new_text);

}  // namespace strata::diff
