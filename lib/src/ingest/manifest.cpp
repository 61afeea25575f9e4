#include "strata/manifest.hpp"

#include <fmt/core.h>
#include <openssl/evp.h>
#include <algorithm>
#include <climits>
#include <filesystem>
#include <set>

#include "ingest/ingest.hpp"
#include "ingest/toml.hpp"
#include "text/dates.hpp"

namespace strata {

std::string sha256_hex(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr);
  std::string hex;
  hex.reserve(length * 2);
  for (unsigned int i = 0; i < length; ++i) hex += fmt::format("{:02x}", digest[i]);
  return hex;
}

std::vector<ManifestEntry> Manifest::series() const {
  std::vector<ManifestEntry> out;
  for (const ManifestEntry& e : entries) {
    if (e.series) out.push_back(e);
  }
  std::sort(out.begin(), out.end(),
            [](const ManifestEntry& a, const ManifestEntry& b) { return *a.series < *b.series; });
  return out;
}

Result<std::vector<std::pair<size_t, size_t>>> report_pairs(const std::vector<ManifestEntry>& series,
                                                            const std::vector<std::string>& rules) {
  std::vector<std::pair<size_t, size_t>> out;
  for (const std::string& rule : rules) {
    const size_t colon = rule.find(':');
    const std::string name = rule.substr(0, colon);
    const std::string kind = colon == std::string::npos ? "" : rule.substr(colon + 1);
    if (name != "consecutive" && name != "first-last") {
      return make_error(
          ErrorCode::kInvalidInput,
          fmt::format("report pairs: unknown rule '{}' (consecutive, first-last, with :KIND or not)", rule));
    }
    std::vector<size_t> chosen;
    for (size_t i = 0; i < series.size(); ++i) {
      if (kind.empty() || series[i].kind == kind) chosen.push_back(i);
    }
    if (!kind.empty() && chosen.empty()) {
      return make_error(ErrorCode::kInvalidInput,
                        fmt::format("report pairs: no snapshot of the series for '{}'", rule));
    }
    std::vector<std::pair<size_t, size_t>> pairs;
    if (name == "first-last" && chosen.size() > 1) pairs.emplace_back(chosen.front(), chosen.back());
    for (size_t k = 0; name == "consecutive" && k + 1 < chosen.size(); ++k)
      pairs.emplace_back(chosen[k], chosen[k + 1]);
    for (const auto& p : pairs) {
      if (std::find(out.begin(), out.end(), p) == out.end()) out.push_back(p);
    }
  }
  return out;
}

Result<Manifest> load_manifest(const std::string& path) {
  auto parsed = load_toml(path);
  if (!parsed) return parsed.error();
  Manifest manifest;
  manifest.path = path;
  const std::filesystem::path folder = std::filesystem::path(path).parent_path();
  const toml::array* list = (*parsed)["snapshot"].as_array();
  if (list == nullptr || list->empty()) {
    return make_error(ErrorCode::kInvalidInput, fmt::format("{}: no [[snapshot]] entries", path));
  }
  if (const toml::array* rules = (*parsed)["report"]["pairs"].as_array()) {
    manifest.report_rules.clear();
    for (const toml::node& rule : *rules) {
      const auto text = rule.value<std::string>();
      if (!text) return make_error(ErrorCode::kInvalidInput, fmt::format("{}: [report] pairs must be strings", path));
      manifest.report_rules.push_back(*text);
    }
  }
  std::set<std::string> ids;
  std::set<int> positions;
  for (const toml::node& node : *list) {
    const toml::table* t = node.as_table();
    if (t == nullptr)
      return make_error(ErrorCode::kInvalidInput, fmt::format("{}: [[snapshot]] must be a table", path));
    ManifestEntry e;
    e.id = (*t)["id"].value_or(std::string());
    e.file = (*t)["file"].value_or(std::string());
    e.date = (*t)["date"].value_or(std::string());
    e.period = (*t)["period"].value_or(std::string());
    e.title = (*t)["title"].value_or(std::string());
    e.kind = (*t)["kind"].value_or(std::string());
    e.source = (*t)["source"].value_or(std::string());
    e.sha256 = (*t)["sha256"].value_or(std::string());
    if (const toml::node* series = t->get("series"); series != nullptr) {
      if (const auto pos = whole_number(*series)) {
        if (*pos < INT_MIN || *pos > INT_MAX) {
          return make_error(ErrorCode::kInvalidInput,
                            fmt::format("{}: snapshot '{}': series position {} is out of range", path, e.id, *pos));
        }
        e.series = static_cast<int>(*pos);
      }
    }
    e.format = (*t)["format"].value_or(std::string());
    const std::string where = fmt::format("{}: snapshot '{}'", path, e.id);
    for (auto [key, selectors] : {std::pair{"select", &e.select}, std::pair{"remove", &e.remove}}) {
      const toml::node* value = t->get(key);
      if (value == nullptr) continue;
      if (value->is_string()) {
        selectors->push_back(*value->value<std::string>());
      } else if (const toml::array* items = value->as_array();
                 items != nullptr && items->is_homogeneous<std::string>()) {
        for (const toml::node& item : *items) selectors->push_back(*item.value<std::string>());
      } else {
        return make_error(ErrorCode::kInvalidInput,
                          fmt::format("{}: {} must be a selector or a list of them", where, key));
      }
    }
    if (!e.format.empty() && !parse_input_format(e.format)) {
      return make_error(ErrorCode::kInvalidInput,
                        fmt::format("{}: format '{}' is not text, markdown or html", where, e.format));
    }
    if (e.id.empty() || e.file.empty()) {
      return make_error(ErrorCode::kInvalidInput, fmt::format("{}: every snapshot needs an id and a file", path));
    }
    if (!ids.insert(e.id).second) return make_error(ErrorCode::kInvalidInput, fmt::format("{}: duplicate id", where));
    if (e.series && !positions.insert(*e.series).second) {
      return make_error(ErrorCode::kInvalidInput, fmt::format("{}: series position {} used twice", where, *e.series));
    }
    if (!e.date.empty() && parse_date(e.date) != e.date) {
      return make_error(ErrorCode::kInvalidInput,
                        fmt::format("{}: date '{}' is not YYYY, YYYY-MM or YYYY-MM-DD", where, e.date));
    }
    e.path = (folder / e.file).lexically_normal().string();
    manifest.entries.push_back(std::move(e));
  }
  if (auto pairs = report_pairs(manifest.series(), manifest.report_rules); !pairs) {
    return make_error(ErrorCode::kInvalidInput, fmt::format("{}: {}", path, pairs.error().message));
  }
  return manifest;
}

Result<void> verify_manifest(const Manifest& manifest) {
  for (const ManifestEntry& e : manifest.entries) {
    auto bytes = read_file_bytes(e.path);
    if (!bytes) return bytes.error();
    const std::string actual = sha256_hex(*bytes);
    if (!e.sha256.empty() && actual != e.sha256) {
      return make_error(ErrorCode::kCorrupt,
                        fmt::format("{}: sha256 is {}, manifest {} says {}", e.path, actual, manifest.path, e.sha256));
    }
  }
  return {};
}

}  // namespace strata
