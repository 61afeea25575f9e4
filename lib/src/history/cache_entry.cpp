#include "history/cache_entry.hpp"

#include <fmt/core.h>
#include <fstream>
#include <iterator>

#include "history/build_key.hpp"
#include "strata/fs.hpp"

namespace strata::store {

std::optional<nlohmann::json> read_cache(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  // The key is in the folder's name too; inside the entry it guards against
  // an entry copied between folders.
  if (j.is_discarded() || !j.is_object() || j.value("build", "") != derived_build_key()) return std::nullopt;
  return j;
}

// Written atomically, so readers never see half an entry, but not synced:
// a cache entry lost in a power cut is only recomputed, and a thousand
// fsyncs cost seconds. A cache that cannot be written only costs time later.
void write_cache(const std::string& path, nlohmann::json j) {
  j["build"] = derived_build_key();
  (void)write_file_atomic(path, j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                          WriteOptions{.sync = false});
}

std::string entry_name(const VersionInfo& version) {
  return fmt::format("{}.{}", version.reading_key(), to_string(version.format));
}

}  // namespace strata::store
