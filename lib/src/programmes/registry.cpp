// THE programme registry: which programme of one snapshot continues which
// row of a series. Every view of a series (`strata report`, `strata
// programmes --series`, `strata timeline`, `strata log`) is built from this
// one algorithm, so they list the same programmes with the same counts.
#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "programmes/programmes_internal.hpp"
#include "programmes/rename_evidence.hpp"

namespace strata {

using namespace classify_detail;

struct ProgrammeRegistry::State {
  ProgrammeConfig config;
  std::vector<KnownAcronym> known;
  std::shared_ptr<SentenceCache> cache;  // may be null
  AcronymTable acronyms;                 // every definition seen so far, and the known ones
  ProgrammeSeries series;
  // The previous snapshot, its programmes and the row of each.
  std::optional<Document> previous;
  std::vector<Programme> previous_list;
  std::vector<int> previous_rows;
  std::map<std::string, int> row_by_key;  // any key a row's names had -> row
  // Each row's programme where it was last seen, without its mentions: a
  // name that skipped a version is told renamed from it (head_word_change).
  std::vector<Programme> last_of_row;
};

ProgrammeRegistry::ProgrammeRegistry(ProgrammeConfig config, std::vector<KnownAcronym> known,
                                     std::shared_ptr<SentenceCache> cache)
    : state_(std::make_unique<State>()) {
  state_->config = std::move(config);
  state_->known = std::move(known);
  state_->cache = std::move(cache);
}

ProgrammeRegistry::~ProgrammeRegistry() = default;

void ProgrammeRegistry::add(Document doc, std::string label) {
  State& st = *state_;
  ProgrammeSeries& series = st.series;
  const size_t s = series.labels.size();
  series.labels.push_back(std::move(label));
  for (auto& row : series.rows) row.mentions.push_back(0);
  auto extracted = extract_mentions(doc, st.config, st.known, st.cache.get());
  std::vector<Programme> list = group_mentions(doc, st.config, extracted);
  st.acronyms.insert(extracted.acronyms.begin(), extracted.acronyms.end());
  std::vector<int> rows(list.size(), -1);
  std::vector<bool> renamed(list.size(), false);  // continues its row under a new name
  std::set<int> succeeded;                        // rows whose programme was renamed, merged or split into another here
  if (st.previous) {
    auto pairs = match_programmes(*st.previous, doc, st.previous_list, list, st.config, st.acronyms);
    // Kept names first: a rename continues the old row only into a name
    // that does not already continue a row of its own ("the Commission was
    // replaced by the Council" while both are named is a succession between
    // two rows, not one row).
    for (const auto& pair : pairs) {
      if (pair.change.status != ChangeStatus::kUnchanged) continue;
      rows[static_cast<size_t>(pair.new_index)] = st.previous_rows[static_cast<size_t>(pair.old_index)];
    }
    for (auto& pair : pairs) {
      const auto status = pair.change.status;
      if (status != ChangeStatus::kRenamed && status != ChangeStatus::kMerged && status != ChangeStatus::kSplit)
        continue;
      const int old_row = st.previous_rows[static_cast<size_t>(pair.old_index)];
      int& new_row = rows[static_cast<size_t>(pair.new_index)];
      if (new_row < 0) {
        new_row = old_row;
        renamed[static_cast<size_t>(pair.new_index)] = true;
      }
      succeeded.insert(old_row);
      series.renames.push_back({static_cast<int>(s) - 1, std::move(pair.change), old_row, new_row});
    }
  }
  // A programme absent from the previous snapshot continues the row of an
  // earlier one with a common key (a name that skipped a version).
  std::set<int> taken(rows.begin(), rows.end());
  for (size_t k = 0; k < list.size(); ++k) {
    const Programme& p = list[k];
    int& row = rows[k];
    auto keys = programme_keys(p, st.acronyms);
    bool only_succeeded = false;  // an old name left only in the statement of its succession
    for (size_t n = 0; n < keys.size() && row < 0; ++n) {
      auto it = st.row_by_key.find(keys[n]);
      if (it != st.row_by_key.end() && !taken.count(it->second)) {
        row = it->second;
        // "NATO Building Integrity Programme" in 2015, absent from the
        // guide, "Building Integrity Initiative" in 2023: the row goes on
        // under its new head word, and keeps the old name.
        renamed[k] = head_word_change(st.last_of_row[static_cast<size_t>(row)], p).has_value();
      }
      only_succeeded = only_succeeded || (it != st.row_by_key.end() && succeeded.count(it->second) > 0);
    }
    if (row < 0 && only_succeeded) continue;
    if (row < 0) {
      ProgrammeSeriesRow fresh;
      fresh.mentions.assign(s + 1, 0);
      fresh.first_seen = static_cast<int>(s);
      series.rows.push_back(std::move(fresh));
      st.last_of_row.emplace_back();
      row = static_cast<int>(series.rows.size()) - 1;
    }
    taken.insert(row);
    for (auto& key : keys) st.row_by_key.emplace(std::move(key), row);
    ProgrammeSeriesRow& r = series.rows[static_cast<size_t>(row)];
    // Only a rename gives a row an earlier name; another written form of the
    // same name ("Partnership for Peace programme") does not.
    if (renamed[k] && r.name != p.name && std::find(r.earlier.begin(), r.earlier.end(), r.name) == r.earlier.end()) {
      r.earlier.push_back(r.name);
    }
    r.name = p.name;
    std::erase(r.earlier, r.name);  // renamed back: its own name again
    if (!p.acronym.empty()) r.acronym = p.acronym;
    r.mentions[s] += static_cast<int>(p.mentions.size());
    r.last_seen = static_cast<int>(s);
    Programme& last = st.last_of_row[static_cast<size_t>(row)];
    last.name = p.name;
    last.aliases = p.aliases;
  }
  st.previous = std::move(doc);
  st.previous_list = std::move(list);
  st.previous_rows = std::move(rows);
}

ProgrammeSeries ProgrammeRegistry::finish() {
  ProgrammeSeries series = std::move(state_->series);
  state_ = std::make_unique<State>();
  std::vector<size_t> order(series.rows.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) {
    const auto& a = series.rows[x];
    const auto& b = series.rows[y];
    if (a.first_seen != b.first_seen) return a.first_seen < b.first_seen;
    auto fa = fold_case(a.name);
    auto fb = fold_case(b.name);
    return fa != fb ? fa < fb : a.name < b.name;
  });
  std::vector<int> position(order.size());
  std::vector<ProgrammeSeriesRow> sorted;
  for (size_t i = 0; i < order.size(); ++i) {
    position[order[i]] = static_cast<int>(i);
    sorted.push_back(std::move(series.rows[order[i]]));
  }
  series.rows = std::move(sorted);
  for (auto& r : series.renames) {
    r.old_row = r.old_row < 0 ? -1 : position[static_cast<size_t>(r.old_row)];
    r.new_row = r.new_row < 0 ? -1 : position[static_cast<size_t>(r.new_row)];
  }
  return series;
}

std::vector<KnownAcronym> series_acronyms(const std::vector<std::vector<KnownAcronym>>& per_document) {
  std::vector<KnownAcronym> known;
  for (const auto& list : per_document) {
    for (const auto& k : list) {
      if (std::none_of(known.begin(), known.end(), [&](const auto& x) { return x.acronym == k.acronym; })) {
        known.push_back(k);
      }
    }
  }
  return known;
}

ProgrammeSeries programme_series(const std::vector<Document>& docs, const std::vector<std::string>& labels,
                                 const ProgrammeConfig& config) {
  std::vector<std::vector<KnownAcronym>> defined;
  auto cache = std::make_shared<SentenceCache>();
  for (const auto& doc : docs) defined.push_back(defined_acronyms(doc));
  ProgrammeRegistry registry(config, series_acronyms(defined), cache);
  for (size_t i = 0; i < docs.size(); ++i) registry.add(docs[i], i < labels.size() ? labels[i] : std::string());
  return registry.finish();
}

}  // namespace strata
