// The target of an image as the link set keeps it (readers.hpp).
#include <fmt/core.h>
#include <algorithm>

#include "ingest/readers.hpp"
#include "text/ascii.hpp"
#include "text/hash.hpp"

namespace strata::readers {

std::string image_target(std::string_view source) {
  if (!ascii::istarts_with(source, "data:")) return std::string(source);
  const size_t comma = source.find(',');
  const std::string_view type = source.substr(0, std::min(comma, source.find(';')));
  return fmt::format("{};\u2026 #{:016x}", type, util::word_hash(source));
}

}  // namespace strata::readers
