// Exact pairs: claims whose comparison forms are equal. A text found once
// on each side pairs first; a text with several copies (Pinterest's terms
// open two paragraphs with "Pinterest helps you discover and do what you
// love.") then takes the copy next to its neighbour's partner, so that a
// copy stays with the sentences around it, and only failing that the first
// free copy in document order.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <tuple>
#include <utility>
#include <vector>

#include "align/claims.hpp"

namespace strata::align {

namespace {

// A claim by text hash and group: a new claim of an index, or an old claim
// to be found among its buckets.
struct Entry {
  uint64_t key;
  int group;
  int claim;
  bool operator<(const Entry& o) const { return std::tie(key, group, claim) < std::tie(o.key, o.group, o.claim); }
};

bool same_bucket(const Entry& a, const Entry& b) { return a.key == b.key && a.group == b.group; }

// Hands `visit` the claims of `side` with a group (`group(c)` not negative)
// one text hash at a time, in (key, group, claim) order: taken from the
// side's claims in (key, claim) order, where only the claims of one key, a
// few, are put in group order. One key at a time, so that the old side's
// claims are never all copied: 16 bytes a claim, 16 MB on a million lines.
template <typename Group, typename Visit>
void visit_by_key(const Side& side, Group group, Visit visit) {
  std::vector<Entry> run;
  for (size_t start = 0, end = 0; start < side.by_key.size(); start = end) {
    const uint64_t key = side.claims[side.by_key[start]].key;
    run.clear();
    for (; end < side.by_key.size() && side.claims[side.by_key[end]].key == key; ++end) {
      const int c = static_cast<int>(side.by_key[end]);
      const int g = group(c);
      if (g >= 0) run.push_back(Entry{key, g, c});
    }
    if (run.size() > 1) std::sort(run.begin(), run.end());
    if (!run.empty()) visit(run);
  }
}

// New claims by (hash of the comparison form, group), in document order
// inside a bucket; each bucket keeps a cursor past its taken claims. Taken
// claims never become free again, so n identical lines are paired in
// O(n log n), not with a rescan of their bucket per claim.
template <typename Group>
class ExactIndex {
 public:
  // `group(j)`: the bucket's second key for new claim j (its section, or one
  // value for all); asked again rather than kept, as a bucket's size is
  // found from its entries: 8 bytes a claim less.
  ExactIndex(const Side& n, Group group) : n_(n), group_(group) {
    entries_.reserve(n.by_key.size());
    visit_by_key(n, group_,
                 [&](const std::vector<Entry>& run) { entries_.insert(entries_.end(), run.begin(), run.end()); });
    for (size_t k = 0; k + 1 < entries_.size(); ++k) {
      if (same_bucket(entries_[k], entries_[k + 1]) && (k == 0 || !same_bucket(entries_[k - 1], entries_[k]))) {
        cursors_.emplace_back(static_cast<uint32_t>(k), static_cast<uint32_t>(k));
      }
    }
  }

  // Where no bucket holds a (text hash, group). Entries are numbered in 32
  // bits, as claims are (int): half the memory of size_t on a million claims.
  static constexpr uint32_t kNoBucket = UINT32_MAX;

  // The bucket of `probe`, for probes taken in (key, group) order: `k`
  // walks the entries once for all of them (a merge of two sorted lists
  // instead of a binary search per claim, which on a million claims was a
  // cache miss per step and half of the time of a diff).
  uint32_t find_bucket(const Entry& probe, size_t& k) const {
    while (k < entries_.size() && std::tie(entries_[k].key, entries_[k].group) < std::tie(probe.key, probe.group)) ++k;
    return k < entries_.size() && same_bucket(entries_[k], probe) ? static_cast<uint32_t>(k) : kNoBucket;
  }

  // Whether the bucket starting at `start` holds one new claim.
  bool single(uint32_t start) const {
    return start + size_t{1} == entries_.size() || !same_bucket(entries_[start + size_t{1}], entries_[start]);
  }

  // New claim `j` is free, in group `g` and has the text of old claim `i` of `o`.
  bool free_copy(int j, const Side& o, size_t i, int g, const std::vector<int>& new_to_old) const {
    if (j < 0 || static_cast<size_t>(j) >= n_.claims.size() || new_to_old[static_cast<size_t>(j)] >= 0) return false;
    return group_(j) == g && n_.claims[static_cast<size_t>(j)].key == o.claims[i].key &&
           n_.sentence(j).norm == o.sentence(i).norm;
  }

  // The first free new claim of the bucket starting at `start` (kNoBucket:
  // none) with the text of old claim `i` of `o`, or -1.
  int first_free(uint32_t start, const Side& o, size_t i, const std::vector<int>& new_to_old) {
    if (start == kNoBucket) return -1;
    auto in_bucket = [&](size_t k) { return k < entries_.size() && same_bucket(entries_[k], entries_[start]); };
    auto taken = [&](size_t k) { return new_to_old[static_cast<size_t>(entries_[k].claim)] >= 0; };
    uint32_t single_at = start;
    uint32_t& at = single(start) ? single_at : cursor_of(start);
    while (in_bucket(at) && taken(at)) ++at;
    // A free claim of another text is a hash collision: looked past, left
    // free for its own text.
    for (size_t k = at; in_bucket(k); ++k) {
      const int j = entries_[k].claim;
      if (!taken(k) && n_.sentence(j).norm == o.sentence(i).norm) return j;
    }
    return -1;
  }

 private:
  const Side& n_;
  Group group_;
  std::vector<Entry> entries_;
  // (first entry, first entry that may be free) of each bucket of several
  // entries, by first entry: a revision has a few, and a cursor for every
  // entry was 4 MB on a million lines.
  std::vector<std::pair<uint32_t, uint32_t>> cursors_;

  uint32_t& cursor_of(uint32_t start) {
    return std::lower_bound(cursors_.begin(), cursors_.end(), std::make_pair(start, uint32_t{0}))->second;
  }
};

// Exact matches by comparison form in the group `group_of(i)` names
// (skipped when it is negative): texts found once on each side first, then
// the rest in document order, each old claim taking the free copy next to
// the partner of an exactly paired neighbour, else the first free copy.
template <typename Index, typename GroupOf>
void pair_in_groups(const Side& o, Index& index, ClaimPairs& p, GroupOf group_of) {
  // A text found once on each side pairs at once, whatever the order, as
  // no other old claim can take its copy. The other old claims with a
  // bucket keep it, as (claim, bucket) in claim order, for the pass in
  // document order below: a few on a revision, where a bucket for every old
  // claim was 4 MB on a million lines.
  std::vector<std::pair<int, uint32_t>> buckets;
  size_t cursor = 0;
  const auto unpaired_group = [&](int i) { return p.old_to_new[static_cast<size_t>(i)] < 0 ? group_of(i) : -1; };
  visit_by_key(o, unpaired_group, [&](const std::vector<Entry>& run) {
    for (size_t k = 0, end = 0; k < run.size(); k = end) {
      while (end < run.size() && same_bucket(run[end], run[k])) ++end;
      const uint32_t bucket = index.find_bucket(run[k], cursor);
      if (bucket == Index::kNoBucket) continue;
      if (end - k == 1 && index.single(bucket)) {
        const int i = run[k].claim;
        const int j = index.first_free(bucket, o, static_cast<size_t>(i), p.new_to_old);
        if (j >= 0) {
          link(p, i, j, PairKind::kExact, 1.0);
          continue;
        }
      }
      for (size_t e = k; e < end; ++e) buckets.emplace_back(run[e].claim, bucket);
    }
  });
  std::sort(buckets.begin(), buckets.end());
  const auto bucket_of = [&](size_t i) {
    const auto it = std::lower_bound(buckets.begin(), buckets.end(), std::make_pair(static_cast<int>(i), uint32_t{0}));
    return it != buckets.end() && it->first == static_cast<int>(i) ? it->second : Index::kNoBucket;
  };
  for (size_t i = 0; i < o.claims.size(); ++i) {
    const int g = group_of(static_cast<int>(i));
    if (p.old_to_new[i] >= 0 || g < 0) continue;
    int j = -1;
    for (const int step : {-1, 1}) {
      const int k = static_cast<int>(i) + step;
      if (k < 0 || k >= static_cast<int>(o.claims.size())) continue;
      const auto at = static_cast<size_t>(k);
      if (p.old_to_new[at] < 0 || p.old_kind[at] != PairKind::kExact) continue;
      const int beside = p.old_to_new[at] - step;
      if (index.free_copy(beside, o, i, g, p.new_to_old)) {
        j = beside;
        break;
      }
    }
    if (j < 0) j = index.first_free(bucket_of(i), o, i, p.new_to_old);
    if (j >= 0) link(p, static_cast<int>(i), j, PairKind::kExact, 1.0);
  }
}

}  // namespace

void pair_exact(const Side& o, const Side& n, ClaimPairs& p, const std::vector<int>& anchor) {
  // Inside title-anchored sections first (buckets by new section), then
  // anywhere (one bucket per text).
  const auto new_group = [&](int j) { return n.claims[static_cast<size_t>(j)].section; };
  const auto old_group = [&](int i) { return anchor[static_cast<size_t>(o.claims[static_cast<size_t>(i)].section)]; };
  {
    // Let go before the second index is built: each is 20 bytes a claim.
    ExactIndex by_section(n, new_group);
    pair_in_groups(o, by_section, p, old_group);
  }
  // Every claim of both sides in one group (two documents without headings,
  // their root sections anchored): the first pass looked at every pair the
  // second would, and left no old claim with a free new copy of its text.
  if (o.claims.empty() || n.claims.empty()) return;
  const int group = new_group(0);
  bool one_group = true;
  for (size_t j = 0; j < n.claims.size() && one_group; ++j) one_group = new_group(static_cast<int>(j)) == group;
  for (size_t i = 0; i < o.claims.size() && one_group; ++i) one_group = old_group(static_cast<int>(i)) == group;
  if (one_group) return;
  const auto everywhere = [](int) { return 0; };
  ExactIndex anywhere(n, everywhere);
  pair_in_groups(o, anywhere, p, everywhere);
}

}  // namespace strata::align
