// The pipeline: align, diff and classify two Documents into a ChangeSet.
#pragma once

#include <cstddef>
#include <functional>

#include "strata/change.hpp"
#include "strata/classify.hpp"
#include "strata/diff.hpp"
#include "strata/document.hpp"

namespace strata {

// Claim changes a ChangeSet lists at most (CompareOptions::max_listed_claims).
// Two documents that share nothing list every claim of both: 1,000,000
// changed lines made 2,000,000 changes, 3.6 GB of memory and 958 MB of JSON.
// The longest real document measured, RFC 9000 (QUIC transport, 368 KB of
// Markdown), has 2,808 claims, so a real revision, even a rewrite listed
// with its unchanged claims, stays far below; 20,000 changes are about 10 MB
// of JSON.
inline constexpr size_t kMaxListedClaims = 20'000;

struct CompareOptions {
  // Run the classify stage (programmes, figures, modality, wording).
  // Default: true.
  bool classify = true;
  ClassifyOptions classification;  // what classify looks for; see classify.hpp
  // Largest word diff run, as the product of the two claims' token counts.
  // Beyond it a pair whose edits are local is diffed by stretches under it
  // (strata/diff.hpp); another is reported as rewritten (one delete, one
  // insert) and a warning says so. Default: 250,000 (two 500-token claims, far above any
  // sentence; keeps one diff under a few milliseconds).
  size_t max_diff_cells = 250'000;
  // Keep unchanged claims in ChangeSet::claims. Off, they are only counted
  // (ChangeSet::unchanged_claims_left_out): copying the text of every claim of
  // two documents that mostly agree was a fifth of a 1 MB diff. Reports that
  // list unchanged claims (`--all`) and the history store keep them.
  // Default: on.
  bool keep_unchanged_claims = true;
  // Run classify's reading of the documents, and its facts and figures, on
  // a second thread, and build the claim changes and their scores on every
  // core (docs/architecture.md, Threads). Off, compare() runs on the
  // calling thread alone: for callers that already run one compare() per
  // core. The result is the same either way. Default: on.
  bool threads = true;
  // Claim changes listed in ChangeSet::claims, in report order; the rest are
  // counted by status in ChangeSet::claims_not_listed, a warning says how
  // many, and classify reads only the listed ones. Default: kMaxListedClaims.
  size_t max_listed_claims = kMaxListedClaims;
  // Called with each claim change past max_listed_claims as it is built,
  // before it is dropped (classify does not read it: it has no facts and no
  // figures), in report order, on the thread that called compare(). When
  // set, compare() adds no warning about those changes: the caller read
  // them, and says what it could not (compare_and_check, strata/check.hpp).
  // Default: empty.
  std::function<void(const ClaimChange&)> on_unlisted_claim;
};

// Aligns `old_doc` with `new_doc` (sections, then claims), word-diffs the
// paired claims that changed and, unless disabled, classifies the result.
// Deterministic: the same inputs give the same ChangeSet.
ChangeSet compare(const Document& old_doc, const Document& new_doc, const CompareOptions& options = {});

}  // namespace strata
