// A pair's cache entries as JSON (see derived.hpp for what they hold).
//
// Links are written as runs: on a revision almost every claim continues the
// claim at the same offset of the older version, unchanged, so an entry
// costs in proportion to what the pair changed, not to the document's
// length. Reading checks every index against the claim counts: a damaged
// entry is a miss, recomputed, never trusted.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>

#include "history/derived.hpp"

namespace strata::store {

nlohmann::json alignment_json(const PairResult& pair);
nlohmann::json wording_json(const PairResult& pair);

// The pair from its alignment entry and, when not null, its wording entry;
// nullopt when either is malformed or inconsistent.
std::optional<PairResult> pair_from_json(const nlohmann::json& alignment, const nlohmann::json* wording);

}  // namespace strata::store
