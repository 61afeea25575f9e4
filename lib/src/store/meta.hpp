// How a version's metadata is written into its commit: a subject line and
// trailers (readable with plain `git log`), plus `meta.json` in its tree.
#pragma once

#include <string>
#include <string_view>

#include "strata/result.hpp"
#include "strata/store.hpp"

namespace strata::store {

// Store layout version, kept in the repository's config as strata.store.
inline constexpr int kStoreFormat = 1;
inline constexpr const char* kBranch = "refs/heads/main";
// Points, while an import runs, to the last version it has written: what a
// concurrent prune (which spares what refs lead to) must not delete before
// the branch moves. Removed when the import ends; a killed import leaves it,
// and the next import replaces it.
inline constexpr const char* kImportRef = "refs/strata/import";
inline constexpr const char* kRawEntry = "raw";
inline constexpr const char* kMetaEntry = "meta.json";

// Title, source and date are one-line trailers; a title this long is not a title.
inline constexpr size_t kMaxTrailerValue = 1000;

// A trailer value as written: one line of valid UTF-8 (control characters
// become spaces, invalid bytes U+FFFD, as a file name may hold either).
std::string one_line(std::string_view s);

// Trailer values go through one_line.
std::string commit_message(const VersionInfo& version);
// Fills every field of `out` the message carries (all but commit and position).
// Each of the seven trailers must appear once, as strata writes it (valid
// UTF-8, no control character, at most kMaxTrailerValue bytes, a valid id and
// date, a known format, a positive normalization version); anything else is
// kCorrupt, naming the trailer. The caller names the commit.
Result<void> parse_commit_message(std::string_view message, VersionInfo& out);

// `raw_bytes` and `raw_sha256` describe the raw blob; the caller hashes it
// (import does so on its worker threads).
std::string meta_json(const VersionInfo& version, size_t raw_bytes, std::string_view raw_sha256);

}  // namespace strata::store
