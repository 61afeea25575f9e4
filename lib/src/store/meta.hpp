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
inline constexpr const char* kRawEntry = "raw";
inline constexpr const char* kMetaEntry = "meta.json";


// Trailer values are single lines: control characters become spaces.
std::string commit_message(const VersionInfo& version);
// Fills every field of `out` the message carries (all but commit and position).
Result<void> parse_commit_message(std::string_view message, VersionInfo& out);

std::string meta_json(const VersionInfo& version, std::string_view raw);

}  // namespace strata::store
