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

// New claims by (hash of the comparison form, group), in document order
// inside a bucket; each bucket keeps a cursor past its taken claims. Taken
// claims never become free again, so n identical lines are paired in
// O(n log n), not with a rescan of their bucket per claim.
class ExactIndex {
 public:
  // `group(j)`: the bucket's second key for new claim j (its section, or one
  // value for all).
  template <typename Group>
  ExactIndex(const Side& n, Group group) : n_(n) {
    groups_.reserve(n.claims.size());
    for (size_t j = 0; j < n.claims.size(); ++j) groups_.push_back(group(static_cast<int>(j)));
    entries_ = sorted_entries(n, [&](int j) { return groups_[static_cast<size_t>(j)]; });
    cursor_.resize(entries_.size());
    bucket_size_.resize(entries_.size());
    for (size_t start = 0, end = 0; start < entries_.size(); start = end) {
      while (end < entries_.size() && entries_[end].key == entries_[start].key &&
             entries_[end].group == entries_[start].group) {
        ++end;
      }
      cursor_[start] = static_cast<uint32_t>(start);
      bucket_size_[start] = static_cast<uint32_t>(end - start);
    }
  }

  // Where no bucket holds a (text hash, group). Entries are numbered in 32
  // bits, as claims are (int): half the memory of size_t on a million claims.
  static constexpr uint32_t kNoBucket = UINT32_MAX;

  // A claim by text hash and group: a new claim of the index, or an old
  // claim to be found among its buckets.
  struct Entry {
    uint64_t key;
    int group;
    int claim;
    bool operator<(const Entry& o) const { return std::tie(key, group, claim) < std::tie(o.key, o.group, o.claim); }
  };

  // The claims of `side` with a group (`group(c)` not negative), in (key,
  // group, claim) order. Taken from the side's claims in (key, claim) order,
  // where only the claims of one key, a few, are put in group order.
  template <typename Group>
  static std::vector<Entry> sorted_entries(const Side& side, Group group) {
    std::vector<Entry> out;
    out.reserve(side.by_key.size());
    for (const uint32_t c : side.by_key) {
      const int g = group(static_cast<int>(c));
      if (g >= 0) out.push_back(Entry{side.claims[c].key, g, static_cast<int>(c)});
    }
    for (size_t start = 0, end = 0; start < out.size(); start = end) {
      while (end < out.size() && out[end].key == out[start].key) ++end;
      if (end - start > 1)
        std::sort(out.begin() + static_cast<ptrdiff_t>(start), out.begin() + static_cast<ptrdiff_t>(end));
    }
    return out;
  }

  // The bucket of each of `probes` (sorted), by claim: one merge of the two
  // sorted lists instead of a binary search per claim, which on a million
  // claims was a cache miss per step and half of the time of a diff.
  void find_buckets(const std::vector<Entry>& probes, std::vector<uint32_t>& bucket_of) const {
    size_t k = 0;
    for (const Entry& entry : probes) {
      while (k < entries_.size() && std::tie(entries_[k].key, entries_[k].group) < std::tie(entry.key, entry.group)) {
        ++k;
      }
      const bool found = k < entries_.size() && entries_[k].key == entry.key && entries_[k].group == entry.group;
      bucket_of[static_cast<size_t>(entry.claim)] = found ? static_cast<uint32_t>(k) : kNoBucket;
    }
  }

  // The number of new claims in the bucket starting at `start`.
  size_t copies(uint32_t start) const { return bucket_size_[start]; }

  // New claim `j` is free, in group `g` and has the text of old claim `i` of `o`.
  bool free_copy(int j, const Side& o, size_t i, int g, const std::vector<int>& new_to_old) const {
    if (j < 0 || static_cast<size_t>(j) >= n_.claims.size() || new_to_old[static_cast<size_t>(j)] >= 0) return false;
    return groups_[static_cast<size_t>(j)] == g && n_.claims[static_cast<size_t>(j)].key == o.claims[i].key &&
           n_.sentence(j).norm == o.sentence(i).norm;
  }

  // The first free new claim of the bucket starting at `start` (kNoBucket:
  // none) with the text of old claim `i` of `o`, or -1.
  int first_free(uint32_t start, const Side& o, size_t i, const std::vector<int>& new_to_old) {
    if (start == kNoBucket) return -1;
    const size_t end = size_t{start} + bucket_size_[start];
    auto taken = [&](size_t k) { return new_to_old[static_cast<size_t>(entries_[k].claim)] >= 0; };
    uint32_t& at = cursor_[start];
    while (at < end && taken(at)) ++at;
    // A free claim of another text is a hash collision: looked past, left
    // free for its own text.
    for (size_t k = at; k < end; ++k) {
      const int j = entries_[k].claim;
      if (!taken(k) && n_.sentence(j).norm == o.sentence(i).norm) return j;
    }
    return -1;
  }

 private:
  const Side& n_;
  std::vector<Entry> entries_;
  std::vector<int> groups_;  // per new claim
  // Per bucket, at its first entry: the first entry that may be free, and
  // the bucket's size.
  std::vector<uint32_t> cursor_;
  std::vector<uint32_t> bucket_size_;
};

// Exact matches by comparison form in the group `group_of(i)` names
// (skipped when it is negative): texts found once on each side first, then
// the rest in document order, each old claim taking the free copy next to
// the partner of an exactly paired neighbour, else the first free copy.
template <typename GroupOf>
void pair_in_groups(const Side& o, ExactIndex& index, ClaimPairs& p, GroupOf group_of) {
  // The old claims still unpaired, by text hash and group: their buckets,
  // and whether their text is found once on the old side.
  const std::vector<ExactIndex::Entry> probes =
      ExactIndex::sorted_entries(o, [&](int i) { return p.old_to_new[static_cast<size_t>(i)] < 0 ? group_of(i) : -1; });
  std::vector<uint32_t> bucket_of(o.claims.size(), ExactIndex::kNoBucket);
  index.find_buckets(probes, bucket_of);
  std::vector<bool> once_on_old_side(o.claims.size(), false);
  for (size_t k = 0, end = 0; k < probes.size(); k = end) {
    while (end < probes.size() && probes[end].key == probes[k].key && probes[end].group == probes[k].group) ++end;
    if (end - k == 1) once_on_old_side[static_cast<size_t>(probes[k].claim)] = true;
  }
  for (size_t i = 0; i < o.claims.size(); ++i) {
    const uint32_t bucket = bucket_of[i];
    if (p.old_to_new[i] >= 0 || !once_on_old_side[i] || bucket == ExactIndex::kNoBucket || index.copies(bucket) != 1) {
      continue;
    }
    const int j = index.first_free(bucket, o, i, p.new_to_old);
    if (j >= 0) link(p, static_cast<int>(i), j, PairKind::kExact, 1.0);
  }
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
    if (j < 0) j = index.first_free(bucket_of[i], o, i, p.new_to_old);
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
    // Let go before the second index is built: each is 28 bytes a claim.
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
  ExactIndex anywhere(n, [](int) { return 0; });
  pair_in_groups(o, anywhere, p, [](int) { return 0; });
}

}  // namespace strata::align
