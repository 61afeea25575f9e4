#include "ingest/toml.hpp"

#include <fmt/format.h>

#include "strata/ingest.hpp"

namespace strata {

Result<toml::table> parse_toml(std::string_view text, std::string_view source) {
  toml::parse_result parsed = toml::parse(text, source);
  if (!parsed) {
    const toml::parse_error& error = parsed.error();
    return make_error(ErrorCode::kInvalidInput,
                      fmt::format("{}:{}: {}", source, error.source().begin.line, error.description()));
  }
  return std::move(parsed).table();
}

Result<toml::table> load_toml(const std::string& path) {
  auto bytes = read_file_bytes(path);
  if (!bytes) return bytes.error();
  return parse_toml(*bytes, path);
}

}  // namespace strata
