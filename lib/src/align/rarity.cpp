#include "align/rarity.hpp"

#include <cmath>

namespace strata::align {

namespace {

// Below this many claims, how many claims hold a word says nothing about how
// rare it is (in a page of two sentences every word is in one or both), and
// every word weighs the same: the score is the plain Dice.
constexpr int kMinClaimsForRarity = 16;

}  // namespace

void Rarity::add(const Bag& bag) {
  ++claims_;
  weighed_ = false;
  for (size_t k = 0; k < bag.size(); ++k) {
    if (k > 0 && bag[k] == bag[k - 1]) continue;
    const auto [at, added] = words_.insert(bag[k]);
    if (added) held_.emplace_back();
    ++held_[at].claims;
  }
}

void Rarity::weigh() const {
  const bool alike = claims_ < kMinClaimsForRarity;
  const auto of = [&](double held) {
    return alike ? 1.0 : std::log(1.0 + static_cast<double>(claims_ > 0 ? claims_ : 1) / held);
  };
  for (Held& held : held_) held.weight = of(static_cast<double>(held.claims));
  unheld_weight_ = of(1.0);
  weighed_ = true;
}

double Rarity::weight(uint64_t word) const {
  const uint32_t at = words_.find(word);
  return at == util::HashIndex::kNone ? unheld_weight_ : held_[at].weight;
}

double Rarity::weighted_dice(const Bag& a, const Bag& b) const {
  if (!weighed_) weigh();
  double common = 0, total = 0;
  size_t i = 0, j = 0;
  // Both bags are sorted: one merge walk counts every word once per occurrence.
  while (i < a.size() || j < b.size()) {
    if (j >= b.size() || (i < a.size() && a[i] < b[j])) {
      total += weight(a[i++]);
    } else if (i >= a.size() || b[j] < a[i]) {
      total += weight(b[j++]);
    } else {
      const double w = weight(a[i]);
      common += 2 * w;
      total += 2 * w;
      ++i, ++j;
    }
  }
  return total > 0 ? common / total : 1.0;
}

}  // namespace strata::align
