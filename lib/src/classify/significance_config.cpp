// The `[significance]` table of a TOML file (docs/significance.md).
#include <fmt/core.h>

#include "classify/significance_tables.hpp"
#include "ingest/toml.hpp"
#include "strata/significance.hpp"

namespace strata {
namespace {

// "FILE: [significance] KEY: reason": the file, the key as a path from the
// table ("points.demand-dropped", "watch[2]"), and what is wrong. The key is
// the user's text as written; the CLI's one error line makes controls in it
// visible.
Error config_error(const std::string& path, std::string_view key, std::string_view reason) {
  return make_error(ErrorCode::kInvalidInput, fmt::format("{}: [significance] {}: {}", path, key, reason));
}

bool known_rule(std::string_view name) {
  for (const auto& row : classify_detail::rule_rows()) {
    if (row.name == name) return true;
  }
  return false;
}

// A whole number >= 0 that fits an int, or an error naming `key`.
Result<int> count_of(const std::string& path, std::string_view key, const toml::node& node) {
  const auto value = whole_number(node);
  if (!value || *value < 0 || *value > 1'000'000) {
    return config_error(path, key, "must be a whole number from 0 to 1000000");
  }
  return static_cast<int>(*value);
}

}  // namespace

std::vector<SignificanceRuleInfo> significance_rules() {
  std::vector<SignificanceRuleInfo> out;
  for (const auto& row : classify_detail::rule_rows())
    out.push_back({std::string(row.name), row.points, std::string(row.when)});
  return out;
}

Result<SignificanceOptions> load_significance_options(const std::string& path) {
  auto parsed = load_toml(path);
  if (!parsed) return parsed.error();
  SignificanceOptions options;
  const toml::table* table = (*parsed)["significance"].as_table();
  if (table == nullptr)
    return make_error(ErrorCode::kInvalidInput, fmt::format("{}: [significance] table missing", path));
  for (const auto& [key, node] : *table) {
    const std::string_view name = key.str();
    if (name == "highlights" || name == "per_kind") {
      auto n = count_of(path, name, node);
      if (!n) return n.error();
      (name == "highlights" ? options.highlights : options.per_kind) = *n;
    } else if (name == "watch") {
      const toml::array* terms = node.as_array();
      if (terms == nullptr) return config_error(path, "watch", "must be an array of strings");
      for (size_t i = 0; i < terms->size(); ++i) {
        const auto term = (*terms)[i].value<std::string>();
        if (!term || term->empty())
          return config_error(path, fmt::format("watch[{}]", i), "must be a non-empty string");
        options.watch.push_back(*term);
      }
    } else if (name == "points") {
      const toml::table* points = node.as_table();
      if (points == nullptr) return config_error(path, "points", "must be a table of rule names");
      for (const auto& [rule, value] : *points) {
        const std::string rule_key = "points." + std::string(rule.str());
        if (!known_rule(rule.str()))
          return config_error(path, rule_key, "unknown rule (docs/significance.md lists them)");
        auto n = count_of(path, rule_key, value);
        if (!n) return n.error();
        options.points[std::string(rule.str())] = *n;
      }
    } else {
      return config_error(path, name, "unknown key (highlights, per_kind, watch, points)");
    }
  }
  if (options.per_kind == 0) return config_error(path, "per_kind", "must be at least 1");
  return options;
}

}  // namespace strata
