// Pairs found by position: a claim left alone between two pairs. "Contact
// us." became "Contact us through the GitHub Support portal." in GitHub's
// Terms of Service (2022), the sentence after an unchanged one at the end of
// its section; the longer keeps too few of its words in the shorter to pass
// as a near-duplicate (Dice 0.44), yet a reader sees one sentence extended.
#include <vector>

#include "align/claims.hpp"

namespace strata::align {

namespace {

// The shorter claim's words that must be in the longer one. The same share
// as a part of a split must have of its whole: most of a claim extended or
// cut is in the other.
constexpr double kGapContainment = 0.7;

// The neighbours of old claim `i` (-1: its section's start or end) and of new
// claim `j` on the side `step` stand for each other: both ends, or a pair.
bool same_edge(const Side& o, const Side& n, const ClaimPairs& p, int i, int j, int step) {
  const int a = neighbour(o, i, step);
  const int b = neighbour(n, j, step);
  if (a < 0 || b < 0) return a < 0 && b < 0;
  return p.old_to_new[static_cast<size_t>(a)] == b && p.new_to_old[static_cast<size_t>(b)] == a;
}

}  // namespace

void pair_gaps(const Side& o, const Side& n, ClaimPairs& p, const std::vector<int>& anchor) {
  // The first claim of each section of the new version, for an old claim
  // whose section's start is its edge.
  std::vector<int> first(n.doc == nullptr ? 0 : n.doc->sections.size(), -1);
  for (size_t j = n.claims.size(); j-- > 0;) {
    const auto section = static_cast<size_t>(n.claims[j].section);
    if (section < first.size()) first[section] = static_cast<int>(j);
  }
  for (size_t i = 0; i < o.claims.size(); ++i) {
    if (p.old_to_new[i] >= 0) continue;
    const int section = anchor[static_cast<size_t>(o.claims[i].section)];
    if (section < 0 || static_cast<size_t>(section) >= first.size()) continue;
    // The new claim in the same place: after the partner of the claim
    // before, or first in the paired section.
    const int before = neighbour(o, static_cast<int>(i), -1);
    if (before >= 0 && p.old_to_new[static_cast<size_t>(before)] < 0) continue;
    const int j = before < 0 ? first[static_cast<size_t>(section)] : p.old_to_new[static_cast<size_t>(before)] + 1;
    if (j < 0 || static_cast<size_t>(j) >= n.claims.size() || p.new_to_old[static_cast<size_t>(j)] >= 0 ||
        n.claims[static_cast<size_t>(j)].section != section) {
      continue;
    }
    if (!same_edge(o, n, p, static_cast<int>(i), j, -1) || !same_edge(o, n, p, static_cast<int>(i), j, 1)) continue;
    const Bag& old_bag = o.bag(i);
    const Bag& new_bag = n.bag(j);
    if (old_bag.empty() || new_bag.empty()) continue;
    const double shared =
        old_bag.size() <= new_bag.size() ? containment(old_bag, new_bag) : containment(new_bag, old_bag);
    if (shared < kGapContainment) continue;
    link(p, static_cast<int>(i), j, PairKind::kNear, dice(old_bag, new_bag));
  }
}

}  // namespace strata::align
