// One pass over a history's versions, oldest first: each version is read
// from the store and parsed once, and its document serves its summary, the
// pair with the version before it, the pair with the one after it and, for
// the programme series, the registry that takes the documents in order.
#include <filesystem>
#include <future>
#include <optional>

#include "history/cache_entry.hpp"
#include "history/derive_steps.hpp"
#include "history/derived.hpp"
#include "history/pair_entry.hpp"
#include "history/term_counts.hpp"
#include "sys/parallel.hpp"

namespace strata::store {

namespace {

// Documents parsed ahead of a caller that takes them in order: enough to
// keep the threads busy, few enough that a 300 KB page's 16 Documents stay
// near 50 MB.
constexpr size_t kParseWindow = 16;

}  // namespace

Result<void> Deriver::prefetch(const std::vector<VersionInfo>& versions, bool summaries, bool pairs,
                               const PairNeeds& needs) const {
  return pass(versions, summaries, pairs, needs, nullptr, nullptr);
}

Result<void> Deriver::each_pair(const std::vector<VersionInfo>& versions, const PairNeeds& needs,
                                const PairsInOrder& use) const {
  return pass(versions, false, true, needs, nullptr, &use);
}

Result<void> Deriver::pass(const std::vector<VersionInfo>& versions, bool summaries, bool pairs, const PairNeeds& needs,
                           const InOrder* in_order, const PairsInOrder* pairs_in_order) const {
  const size_t n = versions.size();
  std::error_code ec;
  const auto summary_path = [&](size_t i) { return cache_path("versions", entry_name(versions[i])); };
  // Entries of the pair (i - 1, i), and what each pair lacks.
  std::vector<PairEntries> entries(n);
  std::vector<bool> want_summary(n, false);
  std::vector<bool> want_alignment(n, false);
  std::vector<PairNeeds> want_parts(n);
  std::vector<bool> want_pair(n, false);
  for (size_t i = 0; i < n; ++i) {
    want_summary[i] = summaries && !std::filesystem::exists(summary_path(i), ec);
    if (!pairs || i == 0) continue;
    entries[i] = pair_entries(versions[i - 1], versions[i]);
    want_alignment[i] = !std::filesystem::exists(entries[i].alignment, ec);
    want_parts[i].wording = needs.wording && !std::filesystem::exists(entries[i].wording, ec);
    want_pair[i] = want_alignment[i] || want_parts[i].wording;
  }
  // The newest version of a window is the older side of the next window's
  // first pair: it is carried over, not read again, and handed over in
  // order only once that pair is derived.
  std::optional<Document> carried;
  std::optional<VersionSummary> carried_summary;
  std::optional<align::Side> carried_side;
  std::future<void> handing;  // the previous window's documents and pairs, being handed over in order
  // Windows bound memory: the Documents of kPrefetchWindow versions, and of
  // the window before while the registry takes them.
  for (size_t lo = 0; lo < n; lo += kPrefetchWindow) {
    const size_t hi = std::min(n, lo + kPrefetchWindow);
    // docs[0] and made[0]: version lo - 1, carried; docs[k + 1]: version lo + k.
    std::vector<std::optional<Document>> docs(hi - lo + 1);
    std::vector<std::optional<VersionSummary>> made(hi - lo + 1);
    // sides[k]: align::prepare(docs[k]) when a pair to derive takes it.
    std::vector<std::optional<align::Side>> sides(hi - lo + 1);
    docs[0] = std::move(carried);
    made[0] = std::move(carried_summary);
    sides[0] = std::move(carried_side);
    std::vector<std::optional<Error>> errors(hi - lo);
    // Each version is read on the thread that parses it: inflating and
    // hashing the stored bytes was a fifth of a cold log, on one core.
    util::parallel_for(hi - lo, kMaxThreads, [&](size_t k) {
      const size_t i = lo + k;
      const bool needed = in_order || want_summary[i] || want_pair[i] || (i + 1 < n && want_pair[i + 1]);
      if (!needed) return;
      auto raw = store_.read_raw(versions[i]);
      if (!raw) {
        errors[k] = raw.error();
        return;
      }
      if (paragraphs_) {
        if (auto text = decode_text(*raw, versions[i].id)) paragraphs_->record(entry_name(versions[i]), *text);
      }
      auto doc = parse_version(versions[i], *raw, reads_, sentences_);
      if (!doc) {
        errors[k] = doc.error();
        return;
      }
      // Prepared first: the summary reads only the claims it found may define
      // an acronym. Its claims point into the sentences, which moving the
      // document keeps.
      if (want_pair[i] || (i + 1 < n && want_pair[i + 1])) sides[k + 1] = align::prepare(*doc);
      if (want_summary[i] || in_order) {
        VersionSummary summary = summarize(*doc, sides[k + 1] ? &*sides[k + 1] : nullptr);
        if (want_summary[i]) write_cache(summary_path(i), summary_json(summary));
        if (in_order) made[k + 1] = std::move(summary);
      }
      docs[k + 1] = std::move(*doc);
      if (sides[k + 1]) sides[k + 1]->doc = &*docs[k + 1];
    });
    for (const auto& e : errors) {
      if (e) return *e;
    }
    // derived[k]: the pair (lo + k - 1, lo + k), kept for `pairs_in_order`.
    std::vector<std::optional<PairResult>> derived(pairs_in_order ? hi - lo : 0);
    util::parallel_for(hi - lo, kMaxThreads, [&](size_t k) {
      const size_t i = lo + k;
      if (i == 0) return;
      if (!want_pair[i]) {
        if (!pairs_in_order) return;
        // Cached: read on this thread too (the parts of `needs` are all there).
        auto cached = pair(versions[i - 1], versions[i], needs);
        if (cached) {
          derived[k] = std::move(*cached);
        } else {
          errors[k] = cached.error();
        }
        return;
      }
      if (!docs[k] || !docs[k + 1]) return;
      // Only the missing parts are computed; the alignment comes with any of them.
      PairResult r = derive_pair(*docs[k], *docs[k + 1], want_parts[i], sentences_, sides[k] ? &*sides[k] : nullptr,
                                 sides[k + 1] ? &*sides[k + 1] : nullptr);
      if (want_alignment[i]) write_cache(entries[i].alignment, alignment_json(r));
      if (want_parts[i].wording) write_cache(entries[i].wording, wording_json(r));
      if (!pairs_in_order) return;
      if (want_parts[i].wording || !needs.wording) {
        derived[k] = std::move(r);
      } else {
        // Only the alignment was missing: the wording comes from the cache.
        auto whole = pair(versions[i - 1], versions[i], needs);
        if (whole) {
          derived[k] = std::move(*whole);
        } else {
          errors[k] = whole.error();
        }
      }
    });
    for (const auto& e : errors) {
      if (e) return *e;
    }
    carried = std::move(docs[hi - lo]);
    carried_summary = std::move(made[hi - lo]);
    carried_side = std::move(sides[hi - lo]);  // its claims point into the sentences, which the move keeps
    if (!in_order && !pairs_in_order) continue;
    // The window's documents and pairs are handed over on a thread of their
    // own while the next window is read, parsed and paired: the programme
    // registry, which takes the documents one by one, was a tenth of a cold
    // log with every other core waiting on it, and following the claims
    // through the pairs, after the pass, a tenth of a cold blame.
    if (handing.valid()) handing.get();
    handing = std::async(std::launch::async, [in_order, pairs_in_order, lo, docs = std::move(docs),
                                              made = std::move(made), derived = std::move(derived)]() mutable {
      for (size_t k = 0; pairs_in_order && k < derived.size(); ++k) {
        if (derived[k]) (*pairs_in_order)(lo + k, std::move(*derived[k]));
      }
      for (size_t k = lo > 0 ? 0 : 1; in_order && k + 1 < docs.size(); ++k) {
        (*in_order)(lo + k - 1, std::move(*docs[k]), std::move(*made[k]));
      }
    });
  }
  if (handing.valid()) handing.get();
  if (in_order && n > 0) (*in_order)(n - 1, std::move(*carried), std::move(*carried_summary));
  return {};
}

Result<void> Deriver::each_document(const std::vector<VersionInfo>& versions,
                                    const std::function<void(size_t, Document)>& use) const {
  for (size_t lo = 0; lo < versions.size(); lo += kParseWindow) {
    const size_t hi = std::min(versions.size(), lo + kParseWindow);
    std::vector<std::optional<Result<Document>>> docs(hi - lo);
    util::parallel_for(hi - lo, kMaxThreads, [&](size_t k) {
      auto raw = store_.read_raw(versions[lo + k]);
      docs[k] = raw ? parse_version(versions[lo + k], *raw, reads_, sentences_) : Result<Document>(raw.error());
    });
    for (size_t k = 0; k < docs.size(); ++k) {
      if (!*docs[k]) return docs[k]->error();
      use(lo + k, std::move(docs[k]->value()));
    }
  }
  return {};
}

}  // namespace strata::store
