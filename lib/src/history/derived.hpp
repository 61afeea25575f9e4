// What the history queries derive from versions, cached by content.
//
// Results depend only on the raw bytes (named by their git blob id), the
// format the version was read as, and the code that parsed and compared them
// (build_key.hpp), so they are kept in `<store>/strata-cache/<build key>/`
// under names made of the first two, and never go stale: deleting the folder
// is always safe. Caching is skipped (not an error) when the folder cannot be
// written.
#pragma once

#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "strata/document.hpp"
#include "strata/history.hpp"
#include "strata/ingest.hpp"
#include "strata/programmes.hpp"
#include "strata/store.hpp"

namespace strata::store {

class ParagraphLog;

inline constexpr const char* kCacheDir = "strata-cache";
// Another build's folder in kCacheDir is removed by the first query that
// finds it unused for this long: long enough that two builds used side by
// side on one store (a CLI and a Python package of another version) keep
// their caches, short enough that a store queried by every build of a CI
// does not keep a cache per build.
inline constexpr long kOtherBuildCacheDays = 14;

// Claims are numbered in document order (sections pre-order, then blocks,
// then sentences) from 0.
std::vector<const Sentence*> claims_in_order(const Document& doc);

struct VersionSummary {
  std::vector<std::string> sections;  // title paths joined with " > ", pre-order, root excluded
  int claims = 0;
  std::vector<KnownAcronym> acronyms;  // defined_acronyms(): what the programme registry is given
};

// The claims (numbers, 0 and up) of another version that one claim
// continues: one or none but for a merge's parts, so one is held in place
// and only several allocate. A vector each was an allocation for every
// claim of every pair: freeing them alone was 3% of the instructions of a
// cold `log`, and a cache entry read back made them all again.
class ClaimNumbers {
 public:
  ClaimNumbers() = default;
  ClaimNumbers(std::initializer_list<int> claims) {
    for (const int c : claims) push_back(c);
  }
  template <typename It>
  ClaimNumbers(It first, It last) {
    for (; first != last; ++first) push_back(*first);
  }
  void push_back(int claim) {
    if (more_.empty() && one_ < 0) {
      one_ = claim;
      return;
    }
    if (more_.empty()) more_.push_back(one_);
    more_.push_back(claim);
  }
  const int* begin() const { return more_.empty() ? &one_ : more_.data(); }
  const int* end() const { return begin() + size(); }
  size_t size() const { return more_.empty() ? (one_ >= 0 ? 1 : 0) : more_.size(); }
  bool empty() const { return size() == 0; }
  int front() const { return *begin(); }
  int operator[](size_t k) const { return begin()[k]; }

 private:
  int one_ = -1;
  std::vector<int> more_;  // all of them, when there are several
};

// Where one claim of the newer version of a pair came from.
struct ClaimLink {
  int new_claim = -1;
  ClaimNumbers old_claims;    // empty: added in the newer version
  bool text_changed = false;  // modified, split, merged or edited while moving
};

// What a query needs from a pair beyond the alignment (claim and section
// links, claim change counts). A part costs a classify stage, about a
// quarter of compare()'s time on a 100 KB page, so blame does without.
// Programmes are not a pair's part: the series registry follows them.
struct PairNeeds {
  bool wording = false;  // PairResult::wording; `timeline`'s shifted phrases. Default: off.
};

// One claim of a version (its number in claims_in_order) and its comparison form.
struct NumberedNorm {
  int claim = -1;
  std::string norm;
};

struct PairResult {
  ChangeSize size;               // programmes_* are 0: the series registry counts them
  std::vector<ClaimLink> links;  // one per claim of the newer version, in order
  int old_claims = 0;            // claims of the older version
  // The claims no link joins, which the history follows across gaps
  // (lineage.hpp), in claim order: claims of the newer version without an
  // old claim, and claims of the older one that no link reaches. Only these
  // texts are kept, so a pair's entry grows with what changed.
  std::vector<NumberedNorm> added;
  std::vector<NumberedNorm> vanished;
  struct Shift {
    std::string from;  // empty: the phrase only appeared
    std::string to;    // empty: the phrase only vanished
    int count = 0;
  };
  std::vector<Shift> wording;  // empty unless PairNeeds::wording was asked for
  // For each section of the newer version (index into Document::sections),
  // the section of the older one it continues (renamed, moved, edited or the
  // main part of a split), or -1 when it is new. Index 0, the root, maps to 0.
  std::vector<int> section_links;
};

// Loads versions' documents and derived results, through the cache.
class Deriver {
 public:
  // Marks this build's cache folder as in use and removes the folders of
  // builds unused for kOtherBuildCacheDays (failures ignored: the cache is
  // only an accelerator). `keep_paragraphs`: every pass over the versions
  // keeps their paragraphs (a ParagraphLog), for term_counts() to read
  // instead of the store; for timeline. Default: off.
  explicit Deriver(const Store& store, bool keep_paragraphs = false);

  // `<store>/strata-cache/<build key>`: this build's entries, one folder per kind.
  const std::string& cache_dir() const { return cache_dir_; }

  Result<Document> document(const VersionInfo& version) const;
  Result<VersionSummary> summary(const VersionInfo& version) const;
  Result<PairResult> pair(const VersionInfo& older, const VersionInfo& newer, const PairNeeds& needs) const;

  // Fills the cache with every summary (if `summaries`) and every consecutive
  // pair (if `pairs`, with the parts in `needs`) of `versions` that it lacks,
  // each document parsed once and the work spread over threads. libgit2 is
  // used from this thread only.
  Result<void> prefetch(const std::vector<VersionInfo>& versions, bool summaries, bool pairs,
                        const PairNeeds& needs) const;

  // Takes the pair (versions[i - 1], versions[i]), i from 1 up, in order.
  using PairsInOrder = std::function<void(size_t, PairResult)>;

  // Fills the cache as prefetch(versions, false, true, needs) does, and calls
  // `use(i, pair)` with every consecutive pair, derived or from the cache,
  // in order. The calls come one at a time, from a thread other than the
  // caller's, while the pass goes on with later versions: a caller that
  // follows the pairs is done when the pass is, and reads none back.
  Result<void> each_pair(const std::vector<VersionInfo>& versions, const PairNeeds& needs,
                         const PairsInOrder& use) const;

  // Calls `use(i, document of versions[i])` for every version in order, on
  // this thread; the documents are parsed ahead on parallel threads, a
  // window at a time.
  Result<void> each_document(const std::vector<VersionInfo>& versions,
                             const std::function<void(size_t, Document)>& use) const;

  // The series registry over `versions` with the user's `config`: the one
  // continuity of programmes that `log` and `timeline` share. Cached whole,
  // an entry per list of versions and config (series_cache.cpp). Fills the
  // cache as prefetch(versions, true, pairs, needs) does, in the same pass
  // that feeds the registry when its entry is missing: each version is then
  // read and parsed once. With `pairs_in_order`, every pair is handed to it
  // as each_pair() does. With `summaries_in_order`, the summary of every
  // version the pass reads for the registry is handed to it too, in order,
  // after the pair that ends with that version (none when the series
  // comes from the cache).
  using SummariesInOrder = std::function<void(size_t, const VersionSummary&)>;
  Result<ProgrammeSeries> programme_series(const std::vector<VersionInfo>& versions, const ProgrammeConfig& config,
                                           bool pairs, const PairNeeds& needs,
                                           const PairsInOrder* pairs_in_order = nullptr,
                                           const SummariesInOrder* summaries_in_order = nullptr) const;

  // counts[v][t]: occurrences of terms[t] (lowercase comparison form) in
  // version v at word boundaries. Cached per version and term; a version
  // not cached reads only the paragraphs no version before had
  // (term_counts.hpp), from the ParagraphLog when a pass kept them.
  Result<std::vector<std::vector<int>>> term_counts(const std::vector<VersionInfo>& versions,
                                                    const std::vector<std::string>& terms) const;

 private:
  // A pair's cache entries, one per part, so that a query reads and computes
  // only the parts it uses.
  struct PairEntries {
    std::string alignment;
    std::string wording;
  };
  // Takes version i's document and summary, versions in order.
  using InOrder = std::function<void(size_t, Document, VersionSummary)>;

  std::string cache_path(const std::string& kind, const std::string& name) const;
  // The summary's entry; nullopt when missing or malformed.
  std::optional<VersionSummary> cached_summary(const VersionInfo& version) const;
  // prefetch(), and with `in_order` every version read and parsed and handed
  // to it in order, each once its pairs are derived, and with
  // `pairs_in_order` every pair handed to it in order (prefetch.cpp). The
  // calls come one at a time, from a thread other than the caller's, while
  // pass() goes on with later versions.
  Result<void> pass(const std::vector<VersionInfo>& versions, bool summaries, bool pairs, const PairNeeds& needs,
                    const InOrder* in_order, const PairsInOrder* pairs_in_order) const;
  PairEntries pair_entries(const VersionInfo& older, const VersionInfo& newer) const;
  const Store& store_;
  std::string cache_dir_;
  // What the versions' Markdown parts read, shared by every document this
  // Deriver parses: a version parses only the parts no version before had.
  std::shared_ptr<ReadCache> reads_ = std::make_shared<ReadCache>();
  // What their sentences read, shared the same way.
  std::shared_ptr<SentenceCache> sentences_ = std::make_shared<SentenceCache>();
  // The versions' paragraphs, kept by pass() when asked for; else null.
  std::shared_ptr<ParagraphLog> paragraphs_;
};

}  // namespace strata::store
