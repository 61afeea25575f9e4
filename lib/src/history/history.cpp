// Queries across versions: log sizes, timeline, blame and one claim's chain.
#include <fmt/core.h>
#include <algorithm>
#include <map>
#include <unordered_map>

#include "history/derived.hpp"
#include "history/lineage.hpp"
#include "ingest/ingest.hpp"
#include "normalize/normalize.hpp"
#include "strata/compare.hpp"
#include "text/ascii.hpp"
#include "text/utf8.hpp"

namespace strata {

namespace {

// Word diffs for a claim chain: the same cap compare() uses by default.
constexpr size_t kClaimDiffCells = 250'000;

// Programme changes from snapshot `at - 1` to `at` as the registry sees
// them: a row that appears is added, one that vanishes is removed unless it
// was renamed into another row.
void count_programme_changes(const ProgrammeSeries& series, size_t at, ChangeSize& size) {
  for (size_t r = 0; r < series.rows.size(); ++r) {
    const ProgrammeSeriesRow& row = series.rows[r];
    const bool before = row.mentions[at - 1] > 0;
    const bool after = row.mentions[at] > 0;
    const bool renamed_away = std::any_of(series.renames.begin(), series.renames.end(), [&](const auto& x) {
      return static_cast<size_t>(x.from_snapshot) + 1 == at && x.old_row == static_cast<int>(r);
    });
    if (!before && after) ++size.programmes_added;
    if (before && !after && !renamed_away) ++size.programmes_removed;
  }
  for (const ProgrammeSeriesRename& x : series.renames) {
    if (static_cast<size_t>(x.from_snapshot) + 1 == at) ++size.programmes_renamed;
  }
}

// Each claim's blame, following the pairs of a history in order. Only the
// latest version's blame is kept, and that of the claims which vanished (a
// claim that comes back continues it): keeping every version's cost a
// quarter of a GiB on the QUIC draft's history, and its allocations were
// most of a cold blame's time after the pass.
class BlameTracer {
 public:
  // Follows the pair (v - 1, v); v from 1 up, in order.
  void follow(size_t v, const store::PairResult& pair) {
    if (v == 1) latest_.assign(static_cast<size_t>(pair.old_claims), BlameEntry{});  // the first version's own claims
    const std::vector<store::Ancestry> ancestry = lineage_.follow(v, pair);
    std::vector<BlameEntry> next(ancestry.size());
    for (size_t c = 0; c < ancestry.size(); ++c) {
      const store::Ancestry& a = ancestry[c];
      BlameEntry& e = next[c];
      e.origin = e.last_changed = static_cast<int>(v);
      if (a.version < 0) continue;
      e.last_changed = 0;
      bool first = true;
      for (const int from : a.claims) {
        const BlameEntry* p = state(a.version, from, v);
        if (p == nullptr) continue;
        e.origin = std::min(e.origin, p->origin);
        e.last_changed = std::max(e.last_changed, p->last_changed);
        if (first) std::tie(e.absent_from, e.absent_to) = std::pair{p->absent_from, p->absent_to};
        first = false;
      }
      if (a.version + 1 < static_cast<int>(v))
        std::tie(e.absent_from, e.absent_to) = std::pair{a.version + 1, static_cast<int>(v) - 1};
      if (a.text_changed) e.last_changed = static_cast<int>(v);
      e.last_changed = std::max(e.origin, e.last_changed);
    }
    for (const store::NumberedNorm& gone : pair.vanished) {
      if (gone.claim >= 0 && static_cast<size_t>(gone.claim) < latest_.size()) {
        vanished_[key(static_cast<int>(v) - 1, gone.claim)] = latest_[static_cast<size_t>(gone.claim)];
      }
    }
    latest_ = std::move(next);
  }

  // The blame of each claim of the latest version followed; empty before
  // the first pair.
  const std::vector<BlameEntry>& latest() const { return latest_; }

 private:
  static uint64_t key(int version, int claim) {
    return static_cast<uint64_t>(static_cast<uint32_t>(version)) << 32 | static_cast<uint32_t>(claim);
  }
  // Claim `claim` of version `version`, as the pair ending at version v sees it.
  const BlameEntry* state(int version, int claim, size_t v) const {
    if (claim < 0) return nullptr;
    if (static_cast<size_t>(version) + 1 == v) {
      return static_cast<size_t>(claim) < latest_.size() ? &latest_[static_cast<size_t>(claim)] : nullptr;
    }
    const auto it = vanished_.find(key(version, claim));
    return it == vanished_.end() ? nullptr : &it->second;
  }

  store::LineageTracer lineage_;
  std::vector<BlameEntry> latest_;
  std::unordered_map<uint64_t, BlameEntry> vanished_;  // key(version, claim) -> its blame when it vanished
};

}  // namespace

Result<std::vector<LogEntry>> version_log(const Store& store, bool sizes, const ProgrammeConfig& programmes) {
  auto versions = store.versions();
  if (!versions) return versions.error();
  std::vector<LogEntry> out;
  const store::Deriver deriver(store);
  const store::PairNeeds needs{};  // claims from the alignment; programmes from the registry
  ProgrammeSeries series;
  // change[i]: the pair (i - 1, i)'s, kept as the pass derives it.
  std::vector<ChangeSize> change(versions->size());
  if (sizes) {
    const store::Deriver::PairsInOrder keep = [&](size_t i, store::PairResult pair) { change[i] = pair.size; };
    auto registry = deriver.programme_series(*versions, programmes, true, needs, &keep);
    if (!registry) return registry.error();
    series = std::move(*registry);
  }
  std::unordered_map<std::string, int> latest;  // reading key -> the latest version that has it
  for (size_t i = 0; i < versions->size(); ++i) {
    LogEntry e{(*versions)[i], std::nullopt};
    const auto [it, first] = latest.try_emplace(e.version.reading_key(), static_cast<int>(i));
    if (!first) {
      if (it->second + 1 < static_cast<int>(i)) e.same_as = it->second;
      it->second = static_cast<int>(i);
    }
    if (sizes && i > 0) {
      e.change = change[i];
      count_programme_changes(series, i, *e.change);
    }
    out.push_back(std::move(e));
  }
  return out;
}

Result<Timeline> build_timeline(const Store& store, const TimelineOptions& options) {
  auto versions = store.versions();
  if (!versions) return versions.error();
  Timeline out;
  out.versions = *versions;
  const size_t n = versions->size();
  // The pass keeps the versions' paragraphs when there are terms to count:
  // they are counted after it, without reading every version again.
  const store::Deriver deriver(store, !options.terms.empty() || options.top_phrases > 0);
  // Sections need only the alignment and wording shifts only rank the
  // phrases shown: no other classify stage runs. Programmes come from the
  // series registry.
  const store::PairNeeds needs{.wording = options.top_phrases > 0};
  // What the rows and phrases take from each pair (i - 1, i), kept as the
  // pass derives it.
  std::vector<std::vector<int>> section_links(n);
  std::vector<std::vector<store::PairResult::Shift>> shifts(n);
  const store::Deriver::PairsInOrder keep = [&](size_t i, store::PairResult pair) {
    section_links[i] = std::move(pair.section_links);
    shifts[i] = std::move(pair.wording);
  };
  // The section rows, built a version at a time in order: on a cold cache
  // from each summary as the pass makes it (reading back every entry it had
  // just written was a fortieth of a cold timeline), else from the cache.
  // previous_rows[k]: the timeline row of section k + 1 of the previous
  // version; a section continues its predecessor's row through renames and
  // moves.
  std::vector<size_t> previous_rows;
  size_t rows_built = 0;  // versions
  const store::Deriver::SummariesInOrder build_rows = [&](size_t i, const store::VersionSummary& summary) {
    const std::vector<int> links = std::move(section_links[i]);
    std::vector<size_t> rows(summary.sections.size());
    std::vector<bool> taken(out.sections.size(), false);
    for (size_t k = 0; k < summary.sections.size(); ++k) {
      const std::string& path = summary.sections[k];
      const int from = k + 1 < links.size() ? links[k + 1] : -1;
      size_t row = out.sections.size();
      if (from >= 1 && static_cast<size_t>(from - 1) < previous_rows.size() &&
          !taken[previous_rows[static_cast<size_t>(from - 1)]]) {
        row = previous_rows[static_cast<size_t>(from - 1)];
      }
      if (row == out.sections.size()) {
        out.sections.push_back({path, std::vector<bool>(n, false), {}});
        taken.push_back(false);
      }
      Timeline::SectionRow& r = out.sections[row];
      if (r.path != path) {
        if (std::find(r.earlier.begin(), r.earlier.end(), r.path) == r.earlier.end()) r.earlier.push_back(r.path);
        r.path = path;
        // Back at a path it had before (a wrapping heading added, then
        // taken away): that path is its own again, not another one.
        std::erase(r.earlier, path);
      }
      r.present[i] = true;
      taken[row] = true;
      rows[k] = row;
    }
    previous_rows = std::move(rows);
    rows_built = i + 1;
  };
  auto registry = deriver.programme_series(*versions, options.programmes, n > 1, needs, &keep, &build_rows);
  if (!registry) return registry.error();
  out.programmes = std::move(*registry);
  for (size_t i = rows_built; i < n; ++i) {
    auto summary = deriver.summary((*versions)[i]);
    if (!summary) return summary.error();
    build_rows(i, *summary);
  }
  std::map<std::string, int> shifted;  // phrase (lowercase) -> times it shifted across the series
  for (size_t i = 1; i < n; ++i) {
    for (const auto& w : shifts[i]) {
      if (!w.from.empty()) shifted[ascii::lower(w.from)] += w.count;
      if (!w.to.empty()) shifted[ascii::lower(w.to)] += w.count;
    }
  }

  // Watched terms, then the phrases whose use shifted most across the series.
  for (const std::string& term : options.terms) {
    out.terms.push_back({ascii::lower(normalize_text(term)), true, std::vector<int>(n, 0)});
  }
  std::vector<std::pair<std::string, int>> ranked(shifted.begin(), shifted.end());
  std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  for (const auto& entry : ranked) {
    const std::string& phrase = entry.first;  // a named reference: clang 14 cannot capture a structured binding
    if (static_cast<int>(out.terms.size() - options.terms.size()) >= options.top_phrases) break;
    const bool duplicate =
        std::any_of(out.terms.begin(), out.terms.end(), [&](const auto& t) { return t.term == phrase; });
    if (!duplicate) out.terms.push_back({phrase, false, std::vector<int>(n, 0)});
  }
  std::vector<std::string> terms;
  for (const auto& row : out.terms) terms.push_back(row.term);
  auto counts = deriver.term_counts(*versions, terms);
  if (!counts) return counts.error();
  for (size_t i = 0; i < n; ++i) {
    for (size_t t = 0; t < terms.size(); ++t) out.terms[t].counts[i] = (*counts)[i][t];
  }
  return out;
}

Result<Blame> blame(const Store& store, std::string_view rev) {
  auto target = store.resolve(rev);
  if (!target) return target.error();
  auto versions = store.versions();
  if (!versions) return versions.error();
  Blame out;
  out.versions.assign(versions->begin(), versions->begin() + target->position);
  const store::Deriver deriver(store);
  // Blame follows claim links only: no classify stage. The pairs are
  // followed as the pass derives them, none read back from the cache.
  BlameTracer tracer;
  const store::Deriver::PairsInOrder follow = [&](size_t v, store::PairResult pair) { tracer.follow(v, pair); };
  if (auto filled = deriver.each_pair(out.versions, store::PairNeeds{}, follow); !filled) return filled.error();
  auto doc = deriver.document(out.versions.back());
  if (!doc) return doc.error();
  const auto claims = store::claims_in_order(*doc);
  const auto& last = tracer.latest();
  for (size_t c = 0; c < claims.size(); ++c) {
    BlameEntry e = c < last.size() ? last[c] : BlameEntry{{}, target->position - 1, target->position - 1, -1, -1};
    e.text = claims[c]->text;
    out.claims.push_back(std::move(e));
  }
  return out;
}

Result<std::vector<ClaimStep>> claim_history(const Store& store, std::string_view rev, std::string_view claim) {
  auto target = store.resolve(rev);
  if (!target) return target.error();
  auto versions = store.versions();
  if (!versions) return versions.error();
  const store::Deriver deriver(store);
  const std::vector<VersionInfo> upto(versions->begin(), versions->begin() + target->position);
  // A claim's chain follows claim links only: no classify stage.
  if (auto filled = deriver.prefetch(upto, false, true, store::PairNeeds{}); !filled) return filled.error();
  auto doc = deriver.document(*target);
  if (!doc) return doc.error();
  // Users type claims from memory: match on the comparison form, ignoring case.
  const std::string wanted = ascii::lower(normalize_text(claim));
  auto claims = store::claims_in_order(*doc);
  int at = -1;
  for (size_t c = 0; c < claims.size() && at < 0; ++c) {
    at = ascii::lower(claims[c]->norm) == wanted ? static_cast<int>(c) : -1;
  }
  for (size_t c = 0; c < claims.size() && at < 0; ++c) {
    at = ascii::lower(claims[c]->norm).find(wanted) != std::string::npos ? static_cast<int>(c) : -1;
  }
  if (at < 0 || wanted.empty()) {
    return make_error(ErrorCode::kNotFound,
                      fmt::format("version '{}' has no claim containing '{}'", target->id, utf8::excerpt(claim, 80)));
  }
  auto lineage = store::trace_lineage(deriver, upto);
  if (!lineage) return lineage.error();
  // Walking back, an older step's text is read only where it changed:
  // elsewhere it is the newer step's.
  std::vector<ClaimStep> newest_first;
  newest_first.push_back({*target, claims[static_cast<size_t>(at)]->text.str(), false, {}, {}});
  for (int v = target->position - 1; v > 0;) {
    const store::Ancestry& a = (*lineage)[static_cast<size_t>(v)][static_cast<size_t>(at)];
    if (a.version < 0 || a.claims.empty()) break;
    at = a.claims.front();
    ClaimStep& newer = newest_first.back();
    for (int gap = a.version + 1; gap < v; ++gap) newer.absent_before.push_back((*versions)[static_cast<size_t>(gap)]);
    const VersionInfo& older = (*versions)[static_cast<size_t>(a.version)];
    std::string old_text = newer.text;
    if (a.text_changed) {
      auto older_doc = deriver.document(older);
      if (!older_doc) return older_doc.error();
      const auto older_claims = store::claims_in_order(*older_doc);
      if (at < 0 || static_cast<size_t>(at) >= older_claims.size()) break;
      old_text = older_claims[static_cast<size_t>(at)]->text;
      newer.changed = true;
      newer.diff = word_diff(old_text, newer.text, kClaimDiffCells);
    }
    newest_first.push_back({older, std::move(old_text), false, {}, {}});
    v = a.version;
  }
  std::reverse(newest_first.begin(), newest_first.end());
  return newest_first;
}

}  // namespace strata
