// compare() for callers that follow every claim and section across versions
// (the history) but read the claim changes only: the unchanged claims in
// place are left out of the ChangeSet, as with keep_unchanged_claims off, and
// only their pairing is kept. Copying the text of each of them into the
// ChangeSet, and freeing it, was a third of a history pair's time on a
// 300 KB page where a handful of its 3,000 claims change. Sections are only
// linked, not reported.
#pragma once

#include <utility>
#include <vector>

#include "align/claims.hpp"
#include "strata/compare.hpp"

namespace strata::pipeline {

struct LinkedChanges {
  // The claims of compare() with keep_unchanged_claims off, and their
  // warnings; no section, hyperlink or classify stage is reported (the
  // history reads none: making them was 3% of the instructions of a cold
  // `log` of the QUIC draft's first 301 versions, more of Facebook's
  // privacy policy and its many links).
  ChangeSet changes;
  // The unchanged claims in place left out of `changes`: (old claim, new
  // claim), numbered in document order from 0 (claims_in_order()).
  std::vector<std::pair<int, int>> unchanged;
  // Per section of the new document, the section of the old one it
  // continues (paired, split from or merged into), -1 for a new one; the
  // roots are paired. The old section of each of compare()'s section
  // changes with both sides, for its new sections.
  std::vector<int> section_links;
};

// `options.keep_unchanged_claims` and `options.classify` are ignored. `old_side` and `new_side`,
// when given, are align::prepare() of the two documents, made before: a
// history compares each version with the one before it and the one after,
// and prepares it once for both (about 5% of a cold log did it twice).
LinkedChanges compare_linked(const Document& old_doc, const Document& new_doc, const CompareOptions& options,
                             const align::Side* old_side = nullptr, const align::Side* new_side = nullptr);

}  // namespace strata::pipeline
