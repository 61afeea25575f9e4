// The derived-results cache of the history queries, on the bundled series:
// hits are read and trusted only when well formed, a damaged entry or one
// written by another build is recomputed, and every query gives the same
// output with a cold cache, a warm one and none at all.
#include <gtest/gtest.h>

#include <fmt/core.h>
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "history/build_key.hpp"
#include "history/derived.hpp"
#include "strata/programmes.hpp"
#include "strata/render.hpp"
#include "strata/store.hpp"
#include "test_util.hpp"

namespace strata {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

struct BundledSeries {
  test::TempDir tmp;
  Store store = Store::init(tmp.path() + "/store").value();
  BundledSeries() {
    auto snapshots = series_snapshots(std::string(STRATA_SOURCE_DIR) + "/snapshots/manifest.toml", nullptr);
    EXPECT_TRUE(snapshots) << snapshots.error().message;
    ImportOptions options;
    options.sync = false;
    auto out = store.import(std::move(*snapshots), options);
    EXPECT_TRUE(out) << out.error().message;
  }
  fs::path cache() const { return store::Deriver(store).cache_dir(); }
};

// Every query's text and JSON output, joined.
std::string all_outputs(const Store& store) {
  std::string out;
  const auto log = version_log(store, true);
  EXPECT_TRUE(log) << log.error().message;
  TimelineOptions options;
  options.terms = {"alliance", "trust fund"};
  const auto timeline = build_timeline(store, options);
  EXPECT_TRUE(timeline) << timeline.error().message;
  const auto blamed = blame(store, "HEAD");
  EXPECT_TRUE(blamed) << blamed.error().message;
  for (const char* format : {"text", "json"}) {
    out += render_log(*log, format) + render_timeline(*timeline, format) + render_blame(*blamed, format);
  }
  const auto chain = claim_history(store, "HEAD", "date back to the early 1990s");
  EXPECT_TRUE(chain) << chain.error().message;
  for (const ClaimStep& step : *chain) out += step.version.id + " " + step.text + "\n";
  return out;
}

std::vector<fs::path> entries(const fs::path& dir) {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

Json read_json(const fs::path& path) {
  std::ifstream in(path);
  return Json::parse(in);
}

void write_json(const fs::path& path, const Json& j) { std::ofstream(path, std::ios::trunc) << j.dump(); }

TEST(HistoryCache, OutputsAreTheSameColdWarmAndWithoutCache) {
  BundledSeries s;
  const std::string cold = all_outputs(s.store);
  ASSERT_TRUE(fs::is_directory(s.cache() / "pairs"));
  EXPECT_EQ(all_outputs(s.store), cold);
  // A file where the cache folder would be: nothing can be cached.
  fs::remove_all(s.cache());
  std::ofstream(s.cache()) << "not a folder";
  EXPECT_EQ(all_outputs(s.store), cold);
}

TEST(HistoryCache, AWarmQueryReadsTheEntryNotTheVersions) {
  BundledSeries s;
  const auto first = version_log(s.store, true);
  ASSERT_TRUE(first);
  const auto pairs = entries(s.cache() / "pairs");
  ASSERT_EQ(pairs.size(), 3u);
  // An entry altered consistently is a hit: its figure is what log shows.
  Json j = read_json(pairs[0]);
  j["size"][1] = 4242;
  write_json(pairs[0], j);
  const auto second = version_log(s.store, true);
  ASSERT_TRUE(second);
  int shown = 0;
  for (const LogEntry& e : *second) shown += e.change && e.change->claims_added == 4242 ? 1 : 0;
  EXPECT_EQ(shown, 1);
}

TEST(HistoryCache, DamagedOrInconsistentEntriesAreRebuiltNotTrusted) {
  BundledSeries s;
  const std::string cold = all_outputs(s.store);
  const auto pairs = entries(s.cache() / "pairs");
  ASSERT_EQ(pairs.size(), 3u);
  // A run reaching past the older version's claims, a vanished claim out of
  // range, and a truncated file: each a miss.
  Json past = read_json(pairs[0]);
  ASSERT_FALSE(past["runs"].empty());
  past["runs"][0][1] = past["old_claims"].get<int>();
  write_json(pairs[0], past);
  Json vanished = read_json(pairs[1]);
  vanished["vanished"].push_back({vanished["old_claims"].get<int>() + 7, "no such claim"});
  write_json(pairs[1], vanished);
  std::ofstream(pairs[2], std::ios::trunc) << "{\"format\": ";
  EXPECT_EQ(all_outputs(s.store), cold);
  // And rewritten whole.
  for (const auto& p : pairs) EXPECT_NO_THROW(read_json(p)) << p;
  EXPECT_NE(read_json(pairs[0]), past);
}

// Claim numbers below 0, in a run or a link of their own, are a miss too:
// a pair's links keep one number in place, where -1 means none.
TEST(HistoryCache, NegativeClaimNumbersAreAMiss) {
  BundledSeries s;
  const std::string cold = all_outputs(s.store);
  const auto pairs = entries(s.cache() / "pairs");
  ASSERT_GE(pairs.size(), 2u);
  Json run = read_json(pairs[0]);
  ASSERT_FALSE(run["runs"].empty());
  run["runs"][0][1] = -1;
  write_json(pairs[0], run);
  Json link = read_json(pairs[1]);
  ASSERT_FALSE(link["links"].empty());
  link["links"][0][1] = Json::array({-3});
  write_json(pairs[1], link);
  EXPECT_EQ(all_outputs(s.store), cold);
  EXPECT_NE(read_json(pairs[0]), run);
  EXPECT_NE(read_json(pairs[1]), link);
}

int programmes_added(const std::vector<LogEntry>& log) {
  int n = 0;
  for (const LogEntry& e : log) n += e.change ? e.change->programmes_added : 0;
  return n;
}

// The programme series is one entry per list of versions and programme
// file: a warm query reads it instead of every version, a damaged one is
// rebuilt, and another programme file has an entry of its own.
TEST(HistoryCache, TheProgrammeSeriesIsOneEntryPerVersionsAndProgrammeFile) {
  BundledSeries s;
  const std::string cold = all_outputs(s.store);
  const auto series = entries(s.cache() / "series");
  ASSERT_EQ(series.size(), 1u);
  const auto before = version_log(s.store, true);
  ASSERT_TRUE(before);

  // A hit: a row altered consistently (a programme only the last version
  // names) is what log counts.
  Json j = read_json(series[0]);
  const int last = static_cast<int>(before->size()) - 1;
  Json mentions = Json::array();
  for (int i = 0; i <= last; ++i) mentions.push_back(i == last ? 1 : 0);
  j["series"]["rows"].push_back({"Planted Fund", "", mentions, last, last, Json::array()});
  write_json(series[0], j);
  const auto planted = version_log(s.store, true);
  ASSERT_TRUE(planted);
  EXPECT_EQ(programmes_added(*planted), programmes_added(*before) + 1);

  // Damaged: rebuilt, the outputs as cold.
  std::ofstream(series[0], std::ios::trunc) << "{\"series\": [";
  EXPECT_EQ(all_outputs(s.store), cold);

  // Another programme file: its own entry and its own counts.
  ProgrammeConfig ignore;
  ignore.ignore = {"Comprehensive Assistance Package"};
  const auto ignoring = version_log(s.store, true, ignore);
  ASSERT_TRUE(ignoring);
  EXPECT_EQ(entries(s.cache() / "series").size(), 2u);
  EXPECT_LT(programmes_added(*ignoring), programmes_added(*before));
  EXPECT_EQ(all_outputs(s.store), cold);
}

// What an older build (whose compare() paired fewer claims, say) would have
// left: every entry with the same names and other sizes, under its own key.
void plant_other_build(const fs::path& cache, const std::string& key) {
  const fs::path other = cache.parent_path() / key;
  fs::copy(cache, other, fs::copy_options::recursive);
  for (const auto& p : entries(other / "pairs")) {
    Json j = read_json(p);
    j["build"] = key;
    j["size"] = {900, 900, 900, 900};
    write_json(p, j);
  }
}

TEST(HistoryCache, EntriesOfAnotherBuildAreIgnoredAndRecomputed) {
  BundledSeries s;
  const std::string cold = all_outputs(s.store);
  // The other build's folder, and this build's folder emptied: a store last
  // queried by the other build.
  plant_other_build(s.cache(), "0123456789abcdef");
  fs::remove_all(s.cache());
  EXPECT_EQ(all_outputs(s.store), cold);
  for (const auto& p : entries(s.cache() / "pairs")) EXPECT_EQ(read_json(p)["build"], store::derived_build_key()) << p;
  // An entry at this build's name but written by another (copied in by
  // hand) is not read either, and is rewritten.
  for (const auto& p : entries(s.cache() / "pairs")) {
    Json j = read_json(p);
    j["build"] = "0123456789abcdef";
    j["size"] = {900, 900, 900, 900};
    write_json(p, j);
  }
  EXPECT_EQ(all_outputs(s.store), cold);
  for (const auto& p : entries(s.cache() / "pairs")) EXPECT_EQ(read_json(p)["build"], store::derived_build_key()) << p;
  // The folder is named by the key the build derived from the sources.
  EXPECT_EQ(s.cache().filename().string(), store::derived_build_key());
  EXPECT_EQ(store::derived_build_key().size(), 16u);
}

TEST(HistoryCache, FoldersOfBuildsUnusedForLongAreRemoved) {
  BundledSeries s;
  const std::string cold = all_outputs(s.store);
  plant_other_build(s.cache(), "00000000000000aa");
  plant_other_build(s.cache(), "00000000000000bb");
  const fs::path root = s.cache().parent_path();
  const auto now = fs::file_time_type::clock::now();
  fs::last_write_time(root / "00000000000000aa", now - std::chrono::hours(24 * store::kOtherBuildCacheDays + 1));
  fs::last_write_time(root / "00000000000000bb", now - std::chrono::hours(24 * store::kOtherBuildCacheDays - 1));
  // This build's own folder, however old, is in use.
  fs::last_write_time(s.cache(), now - std::chrono::hours(24 * 365));
  EXPECT_EQ(all_outputs(s.store), cold);
  EXPECT_FALSE(fs::exists(root / "00000000000000aa"));
  EXPECT_TRUE(fs::exists(root / "00000000000000bb"));
  EXPECT_TRUE(fs::exists(s.cache() / "pairs"));
  EXPECT_GT(fs::last_write_time(s.cache()), now - std::chrono::hours(1));
}

// A cold log or timeline reads each version once, for its summary, its
// pairs and the programme series together; whichever entries are missing,
// the queries say the same.
TEST(HistoryCache, OutputsAreTheSameWhicheverEntriesAreMissing) {
  BundledSeries s;
  const std::string cold = all_outputs(s.store);
  for (const char* kind : {"series", "versions", "pairs", "pair-wording"}) {
    ASSERT_TRUE(fs::is_directory(s.cache() / kind)) << kind;
    fs::remove_all(s.cache() / kind);
    EXPECT_EQ(all_outputs(s.store), cold) << "without " << kind;
  }
}

std::string series_json(const Result<ProgrammeSeries>& series) {
  EXPECT_TRUE(series) << series.error().message;
  return series ? render_programme_series(*series, "json") : std::string();
}

bool defines_all(const std::vector<KnownAcronym>& outer, const std::vector<KnownAcronym>& inner) {
  return std::all_of(inner.begin(), inner.end(), [&](const KnownAcronym& k) {
    return std::any_of(outer.begin(), outer.end(),
                       [&](const KnownAcronym& o) { return o.acronym == k.acronym && o.name == k.name; });
  });
}

// The series registry fed by the pass over the versions is the registry
// over the documents at hand, cold and warm, both when the newest version
// defines every acronym of the others (the registry is fed as the versions
// are read) and when an older one defines another (it is fed again).
TEST(HistoryCache, TheSeriesIsTheRegistryOverTheDocuments) {
  BundledSeries s;
  const auto stored = s.store.versions();
  ASSERT_TRUE(stored) << stored.error().message;
  ASSERT_EQ(stored->size(), 4u);
  const std::vector<std::vector<VersionInfo>> lists = {*stored, {(*stored)[3], (*stored)[2]}};
  for (size_t l = 0; l < lists.size(); ++l) {
    const std::vector<VersionInfo>& list = lists[l];
    const store::Deriver deriver(s.store);
    std::vector<Document> docs;
    std::vector<std::string> labels;
    for (const VersionInfo& v : list) {
      auto doc = deriver.document(v);
      ASSERT_TRUE(doc) << doc.error().message;
      docs.push_back(std::move(*doc));
      labels.push_back(v.id);
    }
    bool newest_defines_all = true;
    for (const Document& d : docs)
      newest_defines_all &= defines_all(defined_acronyms(docs.back()), defined_acronyms(d));
    EXPECT_EQ(newest_defines_all, l == 1) << "the lists no longer cover both cases";
    const std::string expected = render_programme_series(programme_series(docs, labels, {}), "json");
    fs::remove_all(s.cache());
    EXPECT_EQ(series_json(deriver.programme_series(list, {}, true, {})), expected) << "cold, list " << l;
    fs::remove_all(s.cache() / "series");
    EXPECT_EQ(series_json(deriver.programme_series(list, {}, true, {})), expected) << "summaries kept, list " << l;
    EXPECT_EQ(series_json(deriver.programme_series(list, {}, true, {})), expected) << "warm, list " << l;
  }
}

// A version whose bytes are damaged stops every query that reads it, cold,
// with its name on one line and exit 2, wherever it falls in the pass.
TEST(HistoryCache, ADamagedVersionIsNamedByEveryColdQuery) {
  BundledSeries s;
  const auto stored = s.store.versions();
  ASSERT_TRUE(stored) << stored.error().message;
  const VersionInfo& damaged = (*stored)[1];
  const std::string object =
      s.store.dir() + "/objects/" + damaged.raw_blob.substr(0, 2) + "/" + damaged.raw_blob.substr(2);
  fs::permissions(object, fs::perms::owner_write, fs::perm_options::add);
  fs::resize_file(object, fs::file_size(object) / 2);
  for (const char* query : {"log", "timeline", "blame"}) {
    fs::remove_all(s.cache());
    const auto run = test::run_strata(fmt::format("{} --store '{}'", query, s.store.dir()));
    EXPECT_EQ(run.exit_code, 2) << query << ": " << run.err;
    EXPECT_NE(run.err.find("'" + damaged.id + "'"), std::string::npos) << query << ": " << run.err;
    EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), 1) << query << ": " << run.err;
    EXPECT_TRUE(run.out.empty()) << query << ": " << run.out;
  }
}

// Version i of a long history: clauses 1 to i but those whose number is
// i modulo 7, so each version adds and drops clauses and a pair's sizes
// tell which two versions were compared.
std::string clauses(int i) {
  std::string text = "Terms\n\n";
  for (int k = 1; k <= i; ++k) {
    if (k % 7 != i % 7) text += fmt::format("Clause {} binds party {}. ", k, k * 13 % 101);
  }
  return text + "\n";
}

// The pass reads versions in windows and carries the newest of each into
// the next: across window edges, every pair a cold `log` shows is the one
// the two versions give when read on their own.
TEST(HistoryCache, PairsAcrossWindowsAreTheConsecutiveVersions) {
  test::TempDir tmp;
  Store store = Store::init(tmp.path() + "/store").value();
  constexpr int kVersions = 150;  // three windows of the pass
  std::vector<Snapshot> snapshots;
  for (int i = 1; i <= kVersions; ++i) {
    snapshots.push_back(test::snapshot(clauses(i), fmt::format("{:04d}-01-01", 1800 + i), fmt::format("v{}", i)));
  }
  ImportOptions options;
  options.sync = false;
  ASSERT_TRUE(store.import(std::move(snapshots), options));
  const auto log = version_log(store, true);
  ASSERT_TRUE(log) << log.error().message;
  ASSERT_EQ(log->size(), static_cast<size_t>(kVersions));
  const store::Deriver deriver(store);
  fs::remove_all(deriver.cache_dir());
  for (size_t i = 1; i < log->size(); ++i) {
    const auto alone = deriver.pair((*log)[i - 1].version, (*log)[i].version, {});
    ASSERT_TRUE(alone) << alone.error().message;
    const ChangeSize& shown = *(*log)[i].change;
    EXPECT_EQ(std::tie(shown.claims_modified, shown.claims_added, shown.claims_removed, shown.claims_moved),
              std::tie(alone->size.claims_modified, alone->size.claims_added, alone->size.claims_removed,
                       alone->size.claims_moved))
        << (*log)[i].version.id;
  }
}

}  // namespace
}  // namespace strata
