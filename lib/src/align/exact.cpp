// Exact pairs: claims whose comparison forms are equal. A text found once
// on each side pairs first; a text with several copies (Pinterest's terms
// open two paragraphs with "Pinterest helps you discover and do what you
// love.") then takes the copy next to its neighbour's partner, so that a
// copy stays with the sentences around it, and only failing that the first
// free copy in document order.
#include <algorithm>
#include <tuple>
#include <utility>

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
    entries_.reserve(n.claims.size());
    groups_.reserve(n.claims.size());
    for (size_t j = 0; j < n.claims.size(); ++j) {
      groups_.push_back(group(static_cast<int>(j)));
      entries_.push_back(Entry{n.claims[j].key, groups_.back(), static_cast<int>(j)});
    }
    std::sort(entries_.begin(), entries_.end());
    cursor_.resize(entries_.size());
    for (size_t k = 0; k < cursor_.size(); ++k) cursor_[k] = k;
  }

  // The new claims of group `g` whose text hashes like `claim`'s.
  size_t copies(const Claim& claim, int g) const {
    auto by_text = [](const Entry& a, const Entry& b) { return std::tie(a.key, a.group) < std::tie(b.key, b.group); };
    const auto range = std::equal_range(entries_.begin(), entries_.end(), Entry{claim.key, g, -1}, by_text);
    return static_cast<size_t>(range.second - range.first);
  }

  // New claim `j` is free, in group `g` and has the text of `claim`.
  bool free_copy(int j, const Claim& claim, int g, const std::vector<int>& new_to_old) const {
    if (j < 0 || static_cast<size_t>(j) >= n_.claims.size() || new_to_old[static_cast<size_t>(j)] >= 0) return false;
    const Claim& c = n_.claims[static_cast<size_t>(j)];
    return groups_[static_cast<size_t>(j)] == g && c.key == claim.key &&
           c.sentence_ptr->norm == claim.sentence_ptr->norm;
  }

  // The first free new claim of group `g` with the text of `claim`, or -1.
  int first_free(const Claim& claim, int g, const std::vector<int>& new_to_old) {
    const Entry probe{claim.key, g, -1};
    const size_t start =
        static_cast<size_t>(std::lower_bound(entries_.begin(), entries_.end(), probe) - entries_.begin());
    auto in_bucket = [&](size_t k) {
      return k < entries_.size() && entries_[k].key == claim.key && entries_[k].group == g;
    };
    auto taken = [&](size_t k) { return new_to_old[static_cast<size_t>(entries_[k].claim)] >= 0; };
    if (!in_bucket(start)) return -1;
    size_t& at = cursor_[start];
    while (in_bucket(at) && taken(at)) ++at;
    // A free claim of another text is a hash collision: looked past, left
    // free for its own text.
    for (size_t k = at; in_bucket(k); ++k) {
      const int j = entries_[k].claim;
      if (!taken(k) && n_.claims[static_cast<size_t>(j)].sentence_ptr->norm == claim.sentence_ptr->norm) return j;
    }
    return -1;
  }

 private:
  struct Entry {
    uint64_t key;
    int group;
    int claim;
    bool operator<(const Entry& o) const { return std::tie(key, group, claim) < std::tie(o.key, o.group, o.claim); }
  };
  const Side& n_;
  std::vector<Entry> entries_;
  std::vector<int> groups_;     // per new claim
  std::vector<size_t> cursor_;  // per bucket, at its first entry: the first entry that may be free
};

// Exact matches by comparison form in the group `group_of(i)` names
// (skipped when it is negative): texts found once on each side first, then
// the rest in document order, each old claim taking the free copy next to
// the partner of an exactly paired neighbour, else the first free copy.
template <typename GroupOf>
void pair_in_groups(const Side& o, ExactIndex& index, ClaimPairs& p, GroupOf group_of) {
  std::vector<std::pair<uint64_t, int>> old_keys;  // (text hash, group) of the old claims still unpaired
  for (size_t i = 0; i < o.claims.size(); ++i) {
    const int g = group_of(static_cast<int>(i));
    if (p.old_to_new[i] < 0 && g >= 0) old_keys.emplace_back(o.claims[i].key, g);
  }
  std::sort(old_keys.begin(), old_keys.end());
  auto once_on_old_side = [&](uint64_t key, int g) {
    const auto range = std::equal_range(old_keys.begin(), old_keys.end(), std::make_pair(key, g));
    return range.second - range.first == 1;
  };
  for (size_t i = 0; i < o.claims.size(); ++i) {
    const int g = group_of(static_cast<int>(i));
    const Claim& c = o.claims[i];
    if (p.old_to_new[i] >= 0 || g < 0 || !once_on_old_side(c.key, g) || index.copies(c, g) != 1) continue;
    const int j = index.first_free(c, g, p.new_to_old);
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
      if (index.free_copy(beside, o.claims[i], g, p.new_to_old)) {
        j = beside;
        break;
      }
    }
    if (j < 0) j = index.first_free(o.claims[i], g, p.new_to_old);
    if (j >= 0) link(p, static_cast<int>(i), j, PairKind::kExact, 1.0);
  }
}

}  // namespace

void pair_exact(const Side& o, const Side& n, ClaimPairs& p, const std::vector<int>& anchor) {
  // Inside title-anchored sections first (buckets by new section), then
  // anywhere (one bucket per text).
  ExactIndex by_section(n, [&](int j) { return n.claims[static_cast<size_t>(j)].section; });
  pair_in_groups(o, by_section, p,
                 [&](int i) { return anchor[static_cast<size_t>(o.claims[static_cast<size_t>(i)].section)]; });
  ExactIndex anywhere(n, [](int) { return 0; });
  pair_in_groups(o, anywhere, p, [](int) { return 0; });
}

}  // namespace strata::align
