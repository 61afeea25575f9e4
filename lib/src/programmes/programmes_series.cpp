// Programmes across a series of snapshots, and the JSON of `strata
// programmes`.
#include <algorithm>
#include <map>
#include <set>
#include <nlohmann/json.hpp>

#include "programmes/programmes_internal.hpp"

namespace strata {
namespace {

using namespace classify_detail;

nlohmann::json side_json(const ProgrammeSide& side) {
  nlohmann::json j;
  j["name"] = side.name;
  j["acronym"] = side.acronym.empty() ? nlohmann::json(nullptr) : nlohmann::json(side.acronym);
  j["mentions"] = side.mentions;
  return j;
}

}  // namespace

ProgrammeSeries programme_series(const std::vector<Document>& docs, const std::vector<std::string>& labels,
                                 const ProgrammeConfig& config) {
  ProgrammeSeries series;
  series.labels = labels;
  series.labels.resize(docs.size());
  // Acronyms defined anywhere in the series resolve a bare acronym in any
  // snapshot: pages often stop spelling out a name they spelled out before.
  std::vector<KnownAcronym> known;
  for (const auto& doc : docs) {
    for (auto& k : defined_acronyms(doc)) {
      if (std::none_of(known.begin(), known.end(), [&](const auto& x) { return x.acronym == k.acronym; })) {
        known.push_back(std::move(k));
      }
    }
  }
  std::vector<std::vector<Programme>> lists;
  AcronymTable acronyms;
  for (const auto& doc : docs) {
    auto extracted = extract_mentions(doc, config, known);
    lists.push_back(group_mentions(doc, config, extracted));
    acronyms.insert(extracted.acronyms.begin(), extracted.acronyms.end());
  }
  std::vector<std::vector<int>> row_of(docs.size());
  std::map<std::string, int> row_by_key;
  auto new_row = [&](size_t snapshot) {
    ProgrammeSeriesRow row;
    row.mentions.assign(docs.size(), 0);
    row.first_seen = static_cast<int>(snapshot);
    series.rows.push_back(std::move(row));
    return static_cast<int>(series.rows.size()) - 1;
  };
  for (size_t s = 0; s < docs.size(); ++s) {
    row_of[s].assign(lists[s].size(), -1);
    if (s > 0) {
      auto pairs = match_programmes(docs[s - 1], docs[s], lists[s - 1], lists[s], config, acronyms);
      for (auto& pair : pairs) {
        if (pair.change.status == ChangeStatus::kUnchanged) {
          row_of[s][static_cast<size_t>(pair.new_index)] = row_of[s - 1][static_cast<size_t>(pair.old_index)];
        } else if (pair.change.status == ChangeStatus::kRenamed) {
          series.renames.push_back({static_cast<int>(s) - 1, std::move(pair.change)});
        }
      }
    }
    // A programme absent from the previous snapshot continues the row of
    // an earlier one with a common key (a name that skipped a version).
    std::set<int> taken(row_of[s].begin(), row_of[s].end());
    for (size_t k = 0; k < lists[s].size(); ++k) {
      const auto& p = lists[s][k];
      int& row = row_of[s][k];
      auto keys = programme_keys(p, acronyms);
      for (size_t n = 0; n < keys.size() && row < 0; ++n) {
        auto it = row_by_key.find(keys[n]);
        if (it != row_by_key.end() && !taken.count(it->second)) row = it->second;
      }
      if (row < 0) row = new_row(s);
      taken.insert(row);
      for (auto& key : keys) row_by_key.emplace(std::move(key), row);
      auto& r = series.rows[static_cast<size_t>(row)];
      r.name = p.name;
      if (!p.acronym.empty()) r.acronym = p.acronym;
      r.mentions[s] += static_cast<int>(p.mentions.size());
      r.last_seen = static_cast<int>(s);
    }
  }
  std::stable_sort(series.rows.begin(), series.rows.end(), [](const auto& a, const auto& b) {
    if (a.first_seen != b.first_seen) return a.first_seen < b.first_seen;
    auto fa = fold_case(a.name);
    auto fb = fold_case(b.name);
    return fa != fb ? fa < fb : a.name < b.name;
  });
  return series;
}

std::string programmes_to_json(const std::vector<Programme>& programmes) {
  auto list = nlohmann::json::array();
  for (const auto& p : programmes) {
    nlohmann::json j;
    j["name"] = p.name;
    j["acronym"] = p.acronym.empty() ? nlohmann::json(nullptr) : nlohmann::json(p.acronym);
    j["aliases"] = p.aliases;
    j["mentions"] = p.mentions.size();
    std::vector<std::string> sections;
    auto claims = nlohmann::json::array();
    for (const auto& m : p.mentions) {
      if (std::find(sections.begin(), sections.end(), m.section_id) == sections.end()) sections.push_back(m.section_id);
      claims.push_back({{"section", m.section_id}, {"block", m.block}, {"sentence", m.sentence}, {"form", m.form}});
    }
    j["sections"] = sections;
    j["first_claim"] = p.first_claim;
    j["claims"] = std::move(claims);
    list.push_back(std::move(j));
  }
  nlohmann::json root;
  root["programmes"] = std::move(list);
  return root.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string programme_series_to_json(const ProgrammeSeries& series) {
  nlohmann::json root;
  root["snapshots"] = series.labels;
  auto rows = nlohmann::json::array();
  auto label = [&](int index) {
    return index >= 0 && static_cast<size_t>(index) < series.labels.size() ? series.labels[static_cast<size_t>(index)]
                                                                           : std::string();
  };
  for (const auto& row : series.rows) {
    rows.push_back({{"name", row.name},
                    {"acronym", row.acronym.empty() ? nlohmann::json(nullptr) : nlohmann::json(row.acronym)},
                    {"mentions", row.mentions},
                    {"first_seen", label(row.first_seen)},
                    {"last_seen", label(row.last_seen)}});
  }
  root["programmes"] = std::move(rows);
  auto renames = nlohmann::json::array();
  for (const auto& r : series.renames) {
    renames.push_back({{"from", label(r.from_snapshot)},
                       {"to", label(r.from_snapshot + 1)},
                       {"old", side_json(*r.change.old_side)},
                       {"new", side_json(*r.change.new_side)},
                       {"evidence", r.change.evidence}});
  }
  root["renames"] = std::move(renames);
  return root.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace strata
