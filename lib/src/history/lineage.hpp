// Claim identity across a whole history, not only from one version to the
// next: a claim that vanishes for some versions and comes back continues the
// claim it was before the gap.
#pragma once

#include <memory>
#include <vector>

#include "history/derived.hpp"

namespace strata::store {

// Where one claim of a version came from.
struct Ancestry {
  int version = -1;     // index into the traced versions; -1: the claim first appears here
  ClaimNumbers claims;  // claims of `version` it continues (two for a merge); empty when version is -1
  bool text_changed = false;
};

// lineage[v][c]: the ancestry of claim c (claims_in_order) of version v.
// `version` is v - 1 for a claim carried from the previous version, and an
// earlier index for a claim that came back after a gap.
using Lineage = std::vector<std::vector<Ancestry>>;

// Follows the consecutive pairs of a history, oldest first; a claim the
// pair calls added is then looked for among the claims that vanished before
// the previous version: the same comparison form first, else the most
// similar one at or above kReturnSimilarity. The search goes through indexes
// (by text, by rare word) with a fixed number of candidates per claim, so its
// cost grows with the claims added, not with the length of the history.
class LineageTracer {
 public:
  LineageTracer();
  ~LineageTracer();
  LineageTracer(const LineageTracer&) = delete;
  LineageTracer& operator=(const LineageTracer&) = delete;

  // The ancestry of each claim of version v, from the pair (v - 1, v); the
  // pairs come in order, v from 1 up.
  std::vector<Ancestry> follow(size_t v, const PairResult& pair);

 private:
  class Vanished;
  std::unique_ptr<Vanished> vanished_;
};

// The lineage of every version of `versions`, from their cached pairs.
Result<Lineage> trace_lineage(const Deriver& deriver, const std::vector<VersionInfo>& versions);

}  // namespace strata::store
