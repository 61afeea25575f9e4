// The user's programme file, TOML or JSON (format in docs/programmes.md).
// Both readers fill the same plain structure through one small interface, so
// the rules (required keys, unknown keys are errors) are written once.
#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "ingest/toml.hpp"
#include "strata/ingest.hpp"
#include "strata/programmes.hpp"

namespace strata {
namespace {

Error config_error(std::string_view source, const std::string& reason) {
  return make_error(ErrorCode::kInvalidInput, fmt::format("{}: {}", source, reason));
}

// A value read from either format: string, array of strings, or table.
// Each reader converts to this before the shared checks. A table is a list
// of fields, not std::pairs: std::pair needs a complete Value, and Value is
// still incomplete where it holds its own tables.
struct Field;

struct Value {
  enum class Type { kString, kStrings, kTable, kTables, kOther };
  Type type = Type::kOther;
  std::string string;
  std::vector<std::string> strings;
  std::vector<Field> table;
  std::vector<std::vector<Field>> tables;
};

struct Field {
  std::string key;
  Value value;
};

Value from_toml(const toml::node& node);

std::vector<Field> toml_table(const toml::table& table) {
  std::vector<Field> out;
  for (const auto& [key, node] : table) out.push_back(Field{std::string(key.str()), from_toml(node)});
  return out;
}

Value from_toml(const toml::node& node) {
  Value v;
  if (const auto* s = node.as_string()) {
    v.type = Value::Type::kString;
    v.string = s->get();
  } else if (const auto* t = node.as_table()) {
    v.type = Value::Type::kTable;
    v.table = toml_table(*t);
  } else if (const auto* a = node.as_array()) {
    bool strings = true;
    bool tables = true;
    for (const auto& item : *a) {
      strings = strings && item.is_string();
      tables = tables && item.is_table();
    }
    if (strings) {
      v.type = Value::Type::kStrings;
      for (const auto& item : *a) v.strings.push_back(item.as_string()->get());
    } else if (tables) {
      v.type = Value::Type::kTables;
      for (const auto& item : *a) v.tables.push_back(toml_table(*item.as_table()));
    }
  }
  return v;
}

Value from_json(const nlohmann::json& node) {
  Value v;
  if (node.is_string()) {
    v.type = Value::Type::kString;
    v.string = node.get_ref<const std::string&>();
  } else if (node.is_object()) {
    v.type = Value::Type::kTable;
    for (const auto& [key, item] : node.items()) v.table.push_back(Field{key, from_json(item)});
  } else if (node.is_array()) {
    bool strings = true;
    bool tables = true;
    for (const auto& item : node) {
      strings = strings && item.is_string();
      tables = tables && item.is_object();
    }
    if (strings) {
      v.type = Value::Type::kStrings;
      for (const auto& item : node) v.strings.push_back(item.get_ref<const std::string&>());
    } else if (tables) {
      v.type = Value::Type::kTables;
      for (const auto& item : node) v.tables.push_back(from_json(item).table);
    }
  }
  return v;
}

using Table = std::vector<Field>;

// Reads `table` into `out`; `where` names it in messages ("programme 2").
Result<ProgrammeEntry> read_entry(const Table& table, const std::string& where, std::string_view source) {
  ProgrammeEntry entry;
  for (const auto& [key, value] : table) {
    if (key == "name" && value.type == Value::Type::kString) {
      entry.name = value.string;
    } else if (key == "acronym" && value.type == Value::Type::kString) {
      entry.acronym = value.string;
    } else if (key == "aliases" && (value.type == Value::Type::kStrings || value.type == Value::Type::kTables)) {
      if (value.type == Value::Type::kTables && !value.tables.empty()) {
        return config_error(source, where + ": 'aliases' must be a list of strings");
      }
      entry.aliases = value.strings;
    } else {
      return config_error(
          source, fmt::format("{}: unknown key or wrong type '{}' (expected name, acronym, aliases)", where, key));
    }
  }
  if (entry.name.empty()) return config_error(source, where + ": 'name' is missing or empty");
  return entry;
}

Result<ProgrammeConfig> read_config(const Table& root, std::string_view source) {
  ProgrammeConfig config;
  for (const auto& [key, value] : root) {
    if (key == "ignore" && value.type == Value::Type::kStrings) {
      config.ignore = value.strings;
    } else if (key == "heads" && value.type == Value::Type::kStrings) {
      config.heads = value.strings;
    } else if (value.type == Value::Type::kStrings && value.strings.empty() &&
               (key == "programme" || key == "rename")) {
      continue;  // an empty array has no element type
    } else if (key == "programme" && value.type == Value::Type::kTables) {
      for (size_t i = 0; i < value.tables.size(); ++i) {
        auto entry = read_entry(value.tables[i], fmt::format("programme {}", i + 1), source);
        if (!entry) return entry.error();
        config.names.push_back(std::move(entry.value()));
      }
    } else if (key == "rename" && value.type == Value::Type::kTables) {
      for (size_t i = 0; i < value.tables.size(); ++i) {
        ProgrammeRename rename;
        for (const auto& [k, v] : value.tables[i]) {
          if (k == "from" && v.type == Value::Type::kString) {
            rename.from = v.string;
          } else if (k == "to" && v.type == Value::Type::kString) {
            rename.to = v.string;
          } else {
            return config_error(source,
                                fmt::format("rename {}: unknown key or wrong type '{}' (expected from, to)", i + 1, k));
          }
        }
        if (rename.from.empty() || rename.to.empty()) {
          return config_error(source, fmt::format("rename {}: 'from' and 'to' are both required", i + 1));
        }
        config.renames.push_back(std::move(rename));
      }
    } else {
      return config_error(source, fmt::format("unknown key or wrong type '{}' (expected ignore = [strings], "
                                              "heads = [strings], [[programme]] and [[rename]] tables)",
                                              key));
    }
  }
  return config;
}

bool looks_like_json(std::string_view text, std::string_view source) {
  if (source.size() >= 5 && source.substr(source.size() - 5) == ".json") return true;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
    return c == '{';
  }
  return false;
}

}  // namespace

Result<ProgrammeConfig> parse_programme_config(std::string_view text, std::string_view source) {
  if (looks_like_json(text, source)) {
    auto json = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (json.is_discarded()) return config_error(source, "not valid JSON");
    if (!json.is_object()) return config_error(source, "the top level must be an object");
    return read_config(from_json(json).table, source);
  }
  auto parsed = parse_toml(text, source);
  if (!parsed) return parsed.error();
  return read_config(toml_table(*parsed), source);
}

Result<ProgrammeConfig> load_programme_config(const std::string& path) {
  auto bytes = read_file_bytes(path);
  if (!bytes) return bytes.error();
  return parse_programme_config(*bytes, path);
}

}  // namespace strata
