// Reading and writing one entry of the derived cache (derived.hpp).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "strata/store.hpp"

namespace strata::store {

// The entry at `path`, or nullopt when it is missing, unreadable or of
// another build.
std::optional<nlohmann::json> read_cache(const std::string& path);
// Writes `j`, marked with this build's key, atomically; a failure only
// costs the work again later.
void write_cache(const std::string& path, nlohmann::json j);

// A version's part of an entry's name: the same bytes read as another format,
// or with other selectors, are another document.
std::string entry_name(const VersionInfo& version);

}  // namespace strata::store
