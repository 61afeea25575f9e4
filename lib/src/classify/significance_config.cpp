// The `[significance]` table of a TOML file (docs/significance.md).
#include <fmt/core.h>
#include <toml++/toml.h>

#include "classify/significance_tables.hpp"
#include "strata/ingest.hpp"
#include "strata/significance.hpp"

namespace strata {
namespace {

Error config_error(const std::string& path, const std::string& reason) {
  return make_error(ErrorCode::kInvalidInput, fmt::format("{}: [significance] {}", path, reason));
}

bool known_rule(std::string_view name) {
  for (const auto& row : classify_detail::rule_rows()) {
    if (row.name == name) return true;
  }
  return false;
}

// A whole number >= 0 that fits an int, or an error naming `key`.
Result<int> count_of(const std::string& path, std::string_view key, const toml::node& node) {
  const auto value = node.value<int64_t>();
  if (!value || *value < 0 || *value > 1'000'000) {
    return config_error(path, fmt::format("'{}' must be a whole number from 0 to 1000000", key));
  }
  return static_cast<int>(*value);
}

}  // namespace

std::vector<SignificanceRuleInfo> significance_rules() {
  std::vector<SignificanceRuleInfo> out;
  for (const auto& row : classify_detail::rule_rows()) out.push_back({std::string(row.name), row.points, std::string(row.when)});
  return out;
}

Result<SignificanceOptions> load_significance_options(const std::string& path) {
  auto bytes = read_file_bytes(path);
  if (!bytes) return bytes.error();
  toml::parse_result parsed = toml::parse(*bytes, path);
  if (!parsed) {
    const auto& err = parsed.error();
    return make_error(ErrorCode::kInvalidInput, fmt::format("{}:{}: {}", path, err.source().begin.line, err.description()));
  }
  SignificanceOptions options;
  const toml::table* table = parsed.table()["significance"].as_table();
  if (table == nullptr) return config_error(path, "table missing");
  for (const auto& [key, node] : *table) {
    const std::string_view name = key.str();
    if (name == "highlights" || name == "per_kind") {
      auto n = count_of(path, name, node);
      if (!n) return n.error();
      (name == "highlights" ? options.highlights : options.per_kind) = *n;
    } else if (name == "watch") {
      const toml::array* terms = node.as_array();
      if (terms == nullptr) return config_error(path, "'watch' must be an array of strings");
      for (const auto& item : *terms) {
        const auto term = item.value<std::string>();
        if (!term || term->empty()) return config_error(path, "'watch' must be an array of non-empty strings");
        options.watch.push_back(*term);
      }
    } else if (name == "points") {
      const toml::table* points = node.as_table();
      if (points == nullptr) return config_error(path, "'points' must be a table of rule names");
      for (const auto& [rule, value] : *points) {
        if (!known_rule(rule.str())) return config_error(path, fmt::format("unknown rule '{}'", rule.str()));
        auto n = count_of(path, rule.str(), value);
        if (!n) return n.error();
        options.points[std::string(rule.str())] = *n;
      }
    } else {
      return config_error(path, fmt::format("unknown key '{}'", name));
    }
  }
  if (options.per_kind == 0) return config_error(path, "'per_kind' must be at least 1");
  return options;
}

}  // namespace strata
