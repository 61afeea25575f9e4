// The work the Deriver caches (derived.hpp), without the cache: each step
// reads plain values, so a pass over the versions can run them on parallel
// threads (prefetch.cpp).
#pragma once

#include <memory>

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string_view>

#include "align/claims.hpp"
#include "history/derived.hpp"

namespace strata::store {

// compare() and parsing are CPU-bound; beyond a few threads the machine's
// cores, not strata, are the limit.
inline constexpr unsigned kMaxThreads = 8;
// Versions whose Documents are held at once while prefetching; the
// programme registry may still hold the window before (prefetch.cpp). With
// 32, a cold `log` of the QUIC draft's 1,183 versions of up to 300 KB peaks
// near 180 MB (64 took 230 MB in the same time).
inline constexpr size_t kPrefetchWindow = 32;

// The version's document, read as the import read it (format, selectors),
// its metadata from the store, the Markdown parts `reads` holds and the
// blocks' sentences `sentences` holds taken from it. Errors name the
// version.
Result<Document> parse_version(const VersionInfo& version, std::string_view raw,
                               const std::shared_ptr<ReadCache>& reads,
                               const std::shared_ptr<SentenceCache>& sentences);

// `side`, when given, is align::prepare(doc): only the claims it found may
// define an acronym are read for them.
VersionSummary summarize(const Document& doc, const align::Side* side = nullptr);
nlohmann::json summary_json(const VersionSummary& s);

// The pair's alignment and the parts of `needs`, from compare(); with the
// documents' sides prepared before when given (pipeline::compare_linked).
PairResult derive_pair(const Document& old_doc, const Document& new_doc, const PairNeeds& needs,
                       const std::shared_ptr<SentenceCache>& sentences, const align::Side* old_side = nullptr,
                       const align::Side* new_side = nullptr);

}  // namespace strata::store
