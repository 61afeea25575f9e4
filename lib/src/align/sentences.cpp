// Sentence-level pairing inside multi-sentence claims. A list item or a
// quote is one claim however many sentences it holds, so a whole-claim
// score cannot see that one of its sentences was reworded into a sentence
// of the other version: 2023's five-sentence item "At the 2023 Vilnius
// Summit, Allies reaffirmed their commitment that Ukraine will become a
// member of NATO. ..." scores 0.3 against 2024's one sentence, while the
// two sentences score 0.75. The claims keep their identity; the pair is
// found through their sentences.
#include <algorithm>
#include <tuple>

#include "align/claims.hpp"
#include "align/rarity.hpp"

namespace strata::align {

namespace {

// A sentence this short ("Yes.", "See below.") says too little to identify
// its claim: only sentences of at least kMinPartWords words are probed.
constexpr size_t kMinPartWords = 4;

struct Unit {
  int claim;
  const Bag* bag;
};

// The sentences of a claim worth probing: its parts, or the claim itself
// when it is one sentence.
template <typename OnBag>
void for_each_unit(const Side& side, int c, OnBag&& on_bag) {
  const std::vector<Bag>& parts = side.parts(c);
  if (parts.empty()) {
    if (side.bag(c).size() >= kMinPartWords) on_bag(side.bag(c));
    return;
  }
  for (const Bag& part : parts) {
    if (part.size() >= kMinPartWords) on_bag(part);
  }
}

struct Scored {
  double score;
  int old_claim;
  int new_claim;
  bool operator<(const Scored& o) const {
    return std::tie(o.score, old_claim, new_claim) < std::tie(score, o.old_claim, o.new_claim);
  }
};

}  // namespace

void pair_sentences(Side& o, Side& n, ClaimPairs& p, const PairGate& gate) {
  auto multi = [](const Side& side, size_t c) { return !side.parts(static_cast<int>(c)).empty(); };
  bool any = false;
  for (size_t i = 0; i < o.claims.size() && !any; ++i) any = p.old_to_new[i] < 0 && multi(o, i);
  for (size_t j = 0; j < n.claims.size() && !any; ++j) any = p.new_to_old[j] < 0 && multi(n, j);
  if (!any) return;

  std::vector<Unit> units;
  WordIndex index;
  for (size_t j = 0; j < n.claims.size(); ++j) {
    if (p.new_to_old[j] >= 0) continue;
    for_each_unit(n, static_cast<int>(j), [&](const Bag& bag) {
      index.add(static_cast<int>(units.size()), bag);
      units.push_back(Unit{static_cast<int>(j), &bag});
    });
  }
  std::vector<Scored> found;
  for (size_t i = 0; i < o.claims.size(); ++i) {
    if (p.old_to_new[i] >= 0) continue;
    for_each_unit(o, static_cast<int>(i), [&](const Bag& bag) {
      for (const int u : index.candidates(bag)) {
        const Unit& unit = units[static_cast<size_t>(u)];
        // Two one-sentence claims were the near-duplicate pass's to judge.
        if (!multi(o, i) && !multi(n, static_cast<size_t>(unit.claim))) continue;
        const double score = dice_at_least(bag, *unit.bag, gate.min_dice);
        if (score >= gate.min_dice && gate.rarity->weighted_dice(bag, *unit.bag) >= gate.min_rare)
          found.push_back(Scored{score, static_cast<int>(i), unit.claim});
      }
    });
  }
  std::sort(found.begin(), found.end());
  for (const Scored& s : found) {
    if (p.old_to_new[static_cast<size_t>(s.old_claim)] >= 0 || p.new_to_old[static_cast<size_t>(s.new_claim)] >= 0)
      continue;
    // The pair's similarity is that of the whole claims, as a reader sees
    // them; the sentence score only chose the partner.
    link(p, s.old_claim, s.new_claim, PairKind::kSentence, dice(o.bag(s.old_claim), n.bag(s.new_claim)));
  }
}

}  // namespace strata::align
