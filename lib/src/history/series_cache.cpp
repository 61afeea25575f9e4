// The programme registry over a store's versions, through the derived cache.
//
// The registry reads every version in order (it follows each programme from
// one to the next), so without an entry a warm `log` or `timeline` still
// parsed the whole history: 4.8 s of the 6.2 s of a warm `log` on 492
// versions of a privacy policy. One entry holds the finished series; it
// depends on the versions in order (each by its reading and its label) and
// on the user's programme file, which its name is made from.
#include <fmt/core.h>
#include <algorithm>

#include "history/cache_entry.hpp"
#include "history/derived.hpp"
#include "text/hash.hpp"

namespace strata::store {
namespace {

using Json = nlohmann::json;

std::string series_key(const std::vector<VersionInfo>& versions, const ProgrammeConfig& config) {
  Json j = Json::object();
  Json& listed = j["versions"] = Json::array();
  for (const VersionInfo& v : versions) listed.push_back({entry_name(v), v.id});
  Json& names = j["names"] = Json::array();
  for (const ProgrammeEntry& n : config.names) names.push_back({n.name, n.acronym, n.aliases});
  Json& renames = j["renames"] = Json::array();
  for (const ProgrammeRename& r : config.renames) renames.push_back({r.from, r.to});
  j["ignore"] = config.ignore;
  j["heads"] = config.heads;
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

Json side_json(const std::optional<ProgrammeSide>& side) {
  if (!side) return nullptr;
  return {side->name, side->acronym, side->mentions};
}

std::optional<ProgrammeSide> side_from(const Json& j) {
  if (j.is_null()) return std::nullopt;
  return ProgrammeSide{j.at(0).get<std::string>(), j.at(1).get<std::string>(), j.at(2).get<int>()};
}

Json series_json(const ProgrammeSeries& series) {
  Json rows = Json::array();
  for (const ProgrammeSeriesRow& r : series.rows) {
    rows.push_back({r.name, r.acronym, r.mentions, r.first_seen, r.last_seen, r.earlier});
  }
  Json renames = Json::array();
  for (const ProgrammeSeriesRename& x : series.renames) {
    renames.push_back({x.from_snapshot, to_string(x.change.status), side_json(x.change.old_side),
                       side_json(x.change.new_side), x.change.evidence, x.old_row, x.new_row});
  }
  return {{"labels", series.labels}, {"rows", std::move(rows)}, {"renames", std::move(renames)}};
}

// An entry that does not read back whole is recomputed, as a missing one is.
std::optional<ProgrammeSeries> series_from(const Json& j) {
  try {
    ProgrammeSeries series;
    series.labels = j.at("labels").get<std::vector<std::string>>();
    for (const Json& r : j.at("rows")) {
      series.rows.push_back({r.at(0).get<std::string>(), r.at(1).get<std::string>(), r.at(2).get<std::vector<int>>(),
                             r.at(3).get<int>(), r.at(4).get<int>(), r.at(5).get<std::vector<std::string>>()});
    }
    for (const Json& x : j.at("renames")) {
      ProgrammeSeriesRename rename;
      rename.from_snapshot = x.at(0).get<int>();
      if (!parse_change_status(x.at(1).get<std::string>(), rename.change.status)) return std::nullopt;
      rename.change.old_side = side_from(x.at(2));
      rename.change.new_side = side_from(x.at(3));
      rename.change.evidence = x.at(4).get<std::vector<std::string>>();
      rename.old_row = x.at(5).get<int>();
      rename.new_row = x.at(6).get<int>();
      series.renames.push_back(std::move(rename));
    }
    return series;
  } catch (const Json::exception&) {
    return std::nullopt;
  }
}

}  // namespace

Result<ProgrammeSeries> Deriver::programme_series(const std::vector<VersionInfo>& versions,
                                                  const ProgrammeConfig& config, bool pairs, const PairNeeds& needs,
                                                  const PairsInOrder* pairs_in_order,
                                                  const SummariesInOrder* summaries_in_order) const {
  const std::string key = series_key(versions, config);
  const std::string path = cache_path("series", fmt::format("{:016x}", util::word_hash(key)));
  if (auto j = read_cache(path); j && j->value("key", "") == key) {
    if (auto series = series_from(j->at("series"))) {
      if (auto filled = pass(versions, true, pairs, needs, nullptr, pairs_in_order); !filled) return filled.error();
      return std::move(*series);
    }
  }
  // The registry is given the acronyms defined anywhere in the series
  // before its first version, and the pass that feeds it learns them only
  // as it goes. It starts from those of the cached summaries (all of them
  // when only this entry is missing) and of the newest version, read ahead:
  // a page tends to gain definitions (Facebook's privacy policy defines its
  // one acronym only in the newest of 492 versions). A version defining
  // another stops it, and once the pass is over it runs again with them
  // all, the documents read a second time.
  std::vector<std::vector<KnownAcronym>> cached;
  for (const VersionInfo& v : versions) {
    auto summary = cached_summary(v);
    // An error here is the pass's to report, for the oldest damaged version.
    if (!summary && &v == &versions.back()) {
      if (auto newest = this->summary(v)) summary = std::move(*newest);
    }
    if (summary) cached.push_back(std::move(summary->acronyms));
  }
  const std::vector<KnownAcronym> assumed = series_acronyms(cached);
  const auto same = [](const KnownAcronym& a, const KnownAcronym& b) {
    return a.acronym == b.acronym && a.name == b.name;
  };
  const auto assumed_has = [&](const KnownAcronym& k) {
    return std::any_of(assumed.begin(), assumed.end(), [&](const KnownAcronym& a) { return same(a, k); });
  };
  ProgrammeRegistry registry(config, assumed, sentences_);
  std::vector<std::vector<KnownAcronym>> defined;
  bool as_assumed = true;
  const InOrder feed = [&](size_t i, Document doc, VersionSummary summary) {
    if (summaries_in_order) (*summaries_in_order)(i, summary);
    as_assumed = as_assumed && std::all_of(summary.acronyms.begin(), summary.acronyms.end(), assumed_has);
    defined.push_back(std::move(summary.acronyms));
    if (as_assumed) registry.add(std::move(doc), versions[i].id);
  };
  if (auto filled = pass(versions, true, pairs, needs, &feed, pairs_in_order); !filled) return filled.error();
  const std::vector<KnownAcronym> known = series_acronyms(defined);
  ProgrammeSeries series;
  if (as_assumed && std::equal(known.begin(), known.end(), assumed.begin(), assumed.end(), same)) {
    series = registry.finish();
  } else {
    ProgrammeRegistry again(config, known, sentences_);
    auto added = each_document(versions, [&](size_t i, Document doc) { again.add(std::move(doc), versions[i].id); });
    if (!added) return added.error();
    series = again.finish();
  }
  write_cache(path, Json{{"key", key}, {"series", series_json(series)}});
  return series;
}

}  // namespace strata::store
