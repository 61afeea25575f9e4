#include "align/claims.hpp"

#include <algorithm>
#include <string_view>
#include <tuple>
#include <utility>

#include "align/rarity.hpp"
#include "segment/acronyms.hpp"
#include "segment/segment.hpp"
#include "segment/sentence_index.hpp"
#include "text/ascii.hpp"
#include "text/hash.hpp"

namespace strata::align {

namespace {

// Two claims are the same claim edited when their word bags have a Dice
// coefficient of at least 0.5: on the bundled series this keeps "NATO will
// not recognise them" -> "NATO does not recognise them" (0.8) and rewordings
// that keep half their words, while unrelated sentences on the same topic
// score 0.2-0.35.
constexpr double kNearDuplicate = 0.5;
// ... and share this much of their rare words (Rarity::weighted_dice over
// the claims left to pair). Word overlap alone cannot tell a rewording from
// two sentences of one topic built on the same frame: "At the 2022 NATO
// Summit in Madrid, Allies agreed to strengthen the CAP" and "At the 2022
// Madrid Summit, Allies agreed a fundamental shift in NATO's deterrence"
// share half their words (0.51), but only the common ones (0.45). On the
// bundled series' four comparisons, the 50 near pairs between 0.5 and 0.75
// were labelled by hand: below 0.46, 11 of 14 were wrong; from 0.46 up, 1
// of 36 (docs/benchmarks.md, "Partner precision").
constexpr double kMinRareShare = 0.46;
// A split or merge: the two parts together must match the whole this well.
constexpr double kSplitMerge = 0.7;
// Each part of a split must be mostly made of the whole's words.
constexpr double kPartContainment = 0.7;
// ... a little less for a neighbour joining a part already found, since it
// must also make the parts match the whole better: 2015's "The country
// supported the NATO-led International Security Assistance Force (ISAF) in
// Afghanistan, with over-flight clearance, and allowed for the transit of
// supplies for forces deployed there." keeps 0.68 of its words in the 2023
// sentence it was merged into with the next one ("In support of ISAF in
// Afghanistan, Ukraine allowed over-flight clearance and the transit of
// supplies, and contributed medical personnel ..."). On the bundled series'
// five comparisons this adds that merge and no other split or merge.
constexpr double kJoiningPartContainment = 0.65;
// ... and at least this many words: a line of two or three common words
// ("Our service", a heading that became a paragraph in Pinterest's terms)
// is made of the whole's words and nudges the match up without being a
// part of it.
constexpr size_t kMinJoiningWords = 4;
// Preference for pairs inside title-anchored sections over equal scores elsewhere.
constexpr double kAnchorBonus = 0.05;

void fill_bags(Side& side, const std::vector<int>& paired) {
  side.words_at.assign(side.claims.size(), -1);
  for (size_t j = 0; j < side.claims.size(); ++j) {
    const std::string_view norm = side.sentence(j).norm;
    if (paired[j] >= 0 || norm.size() > kMaxPairedClaimBytes) continue;
    side.words_at[j] = static_cast<int>(side.words.size());
    ClaimWords& words = side.words.emplace_back();
    words.bag = bag_of(norm);
    const std::vector<Span> spans = split_sentences(norm);
    if (spans.size() < 2) continue;
    for (const Span& s : spans) words.parts.push_back(bag_of(std::string_view(norm).substr(s.begin, s.end - s.begin)));
  }
}

WordIndex index_of(const Side& side, const std::vector<int>& paired) {
  WordIndex index;
  for (size_t j = 0; j < side.claims.size(); ++j) {
    if (paired[j] < 0) index.add(static_cast<int>(j), side.bag(j));
  }
  return index;
}

struct Candidate {
  double score;
  int old_claim;
  int new_claim;
  bool operator<(const Candidate& o) const {
    return std::tie(o.score, old_claim, new_claim) < std::tie(score, o.old_claim, o.new_claim);
  }
};

}  // namespace

void link(ClaimPairs& p, int i, int j, PairKind kind, double score) {
  p.old_to_new[static_cast<size_t>(i)] = j;
  p.new_to_old[static_cast<size_t>(j)] = i;
  p.old_kind[static_cast<size_t>(i)] = kind;
  p.new_kind[static_cast<size_t>(j)] = kind;
  p.old_score[static_cast<size_t>(i)] = score;
}

const ClaimWords& Side::words_of(int c) const {
  static const ClaimWords kNone;
  const int at = words_at.empty() ? -1 : words_at[static_cast<size_t>(c)];
  return at < 0 ? kNone : words[static_cast<size_t>(at)];
}

int Side::block_of(int c) const {
  const Claim& claim = claims[static_cast<size_t>(c)];
  const std::vector<Block>& blocks = doc->sections[static_cast<size_t>(claim.section)].blocks;
  const auto after = std::upper_bound(blocks.begin(), blocks.end(), claim.sentence,
                                      [](uint32_t sentence, const Block& b) { return sentence < b.first_sentence; });
  return static_cast<int>(after - blocks.begin()) - 1;
}

namespace {

const std::vector<int>& rest_of(const std::map<int, std::vector<int>>& rest, int claim) {
  static const std::vector<int> kNone;
  const auto it = rest.find(claim);
  return it == rest.end() ? kNone : it->second;
}

}  // namespace

const std::vector<int>& ClaimPairs::split_rest_of(int i) const { return rest_of(split_rest, i); }
const std::vector<int>& ClaimPairs::merge_rest_of(int j) const { return rest_of(merge_rest, j); }

int neighbour(const Side& side, int claim, int step) {
  const int k = claim + step;
  if (k < 0 || k >= static_cast<int>(side.claims.size())) return -1;
  return side.claims[static_cast<size_t>(k)].section == side.claims[static_cast<size_t>(claim)].section ? k : -1;
}

namespace {

// A free claim of the part side next to `claim` (`step` -1 or 1), in the
// same section, of at least kMinJoiningWords words, mostly made of the words
// of `whole`; or -1.
int free_part(const Side& part_side, const std::vector<int>& part_to_whole, int claim, int step, const Bag& whole) {
  const int b = neighbour(part_side, claim, step);
  if (b < 0 || part_to_whole[static_cast<size_t>(b)] >= 0) return -1;
  const Bag& part = part_side.bag(b);
  return part.size() < kMinJoiningWords || !contained_at_least(part, whole, kJoiningPartContainment) ? -1 : b;
}

// Whether free_part() could find a part next to `claim` on either side,
// as far as the claims' places and sizes tell.
bool has_free_neighbour(const Side& part_side, const std::vector<int>& part_to_whole, int claim) {
  for (const int step : {-1, 1}) {
    const int b = neighbour(part_side, claim, step);
    if (b >= 0 && part_to_whole[static_cast<size_t>(b)] < 0 && part_side.bag(b).size() >= kMinJoiningWords) return true;
  }
  return false;
}

// One whole on side W became adjacent parts on side P (a split when W is
// old, a merge when W is new): a part found through the index, grown by its
// neighbours while each makes the parts together match the whole better,
// and only then judged against kSplitMerge. Judging two parts first would
// miss the longer cases: each of a six-sentence list item's sentences is a
// sixth of it, and two of them score about 0.5 against the whole.
void pair_parts(const Side& whole_side, const Side& part_side, std::vector<int>& whole_to_part,
                std::vector<int>& part_to_whole, std::map<int, std::vector<int>>& rest,
                std::vector<PairKind>& whole_kind, std::vector<PairKind>& part_kind, PairKind kind) {
  WordIndex index = index_of(part_side, part_to_whole);
  auto part_bag = [&](int c) -> const Bag& { return part_side.bag(c); };
  for (size_t w = 0; w < whole_side.claims.size(); ++w) {
    if (whole_to_part[w] >= 0) continue;
    const Bag& bag = whole_side.bag(w);
    for (int a : index.candidates(bag)) {
      if (part_to_whole[static_cast<size_t>(a)] >= 0) continue;
      // A part needs a free neighbour to grow into parts; most free claims
      // of a revision are single edits between paired ones, and this test
      // spares the comparison of their words.
      if (!has_free_neighbour(part_side, part_to_whole, a)) continue;
      if (!contained_at_least(part_bag(a), bag, kPartContainment)) continue;
      int first = a;
      int last = a;
      Bag joined = part_bag(a);
      double score = dice(bag, joined);
      for (bool grew = true; grew;) {
        grew = false;
        for (int* end : {&last, &first}) {
          const int c = free_part(part_side, part_to_whole, *end, end == &last ? 1 : -1, bag);
          if (c < 0) continue;
          Bag more = merge_bags(joined, part_bag(c));
          const double better = dice(bag, more);
          if (better <= score) continue;
          *end = c;
          joined = std::move(more);
          score = better;
          grew = true;
        }
      }
      if (first == last || score < kSplitMerge) continue;
      // A part that alone matches the whole as well as all of them is the
      // whole, edited, and its neighbours no parts: one list item with one
      // word edited ("User Account" -> "Personal Account") beside a short
      // item on the same subject is that item, edited.
      bool one_is_enough = false;
      for (int c = first; c <= last && !one_is_enough; ++c) one_is_enough = dice(bag, part_bag(c)) >= score;
      if (one_is_enough) continue;
      whole_to_part[w] = first;
      whole_kind[w] = kind;
      for (int c = first; c <= last; ++c) {
        part_to_whole[static_cast<size_t>(c)] = static_cast<int>(w);
        part_kind[static_cast<size_t>(c)] = kind;
        if (c != first) rest[static_cast<int>(w)].push_back(c);
      }
      break;
    }
  }
}

}  // namespace

Side prepare(const Document& doc) {
  Side side;
  side.doc = &doc;
  side.own_chars.resize(doc.sections.size());
  side.title_bags.resize(doc.sections.size());
  side.title_keys.reserve(doc.sections.size());
  side.claims.reserve(doc.sentence_count());
  for (size_t s = 0; s < doc.sections.size(); ++s) {
    const Section& section = doc.sections[s];
    side.title_bags[s] = bag_of(section.title_norm);
    side.title_keys.push_back(util::word_hash(ascii::lower(section.title_norm)));
    if (s > 0) {
      side.by_title.emplace_back(side.title_keys[s], static_cast<int>(s));
      for (const uint64_t w : side.title_bags[s]) side.title_words.emplace_back(w, static_cast<int>(s));
    }
    for (size_t k = 0; k < section.sentences.size(); ++k) {
      const Sentence& sentence = section.sentences[k];
      side.own_chars[s] += sentence.norm.size();
      if (classify_detail::may_define_acronym(classify_detail::key_of(sentence))) {
        side.may_define.push_back(static_cast<uint32_t>(side.claims.size()));
      }
      side.claims.push_back(Claim{sentence.norm.hash(), static_cast<int>(s), static_cast<uint32_t>(k)});
    }
  }
  std::sort(side.by_title.begin(), side.by_title.end());
  std::sort(side.title_words.begin(), side.title_words.end());
  std::vector<std::pair<uint64_t, uint32_t>> keyed(side.claims.size());
  for (size_t c = 0; c < keyed.size(); ++c) keyed[c] = {side.claims[c].key, static_cast<uint32_t>(c)};
  std::sort(keyed.begin(), keyed.end());
  side.by_key.reserve(keyed.size());
  for (const auto& k : keyed) side.by_key.push_back(k.second);
  return side;
}

ClaimPairs pair_claims(Side& o, Side& n, const std::vector<int>& anchor) {
  ClaimPairs p;
  p.old_to_new.assign(o.claims.size(), -1);
  p.new_to_old.assign(n.claims.size(), -1);
  p.old_kind.assign(o.claims.size(), PairKind::kNone);
  p.new_kind.assign(n.claims.size(), PairKind::kNone);
  p.old_score.assign(o.claims.size(), 0.0);

  auto anchored = [&](int i, int j) {
    return anchor[static_cast<size_t>(o.claims[static_cast<size_t>(i)].section)] ==
           n.claims[static_cast<size_t>(j)].section;
  };
  pair_exact(o, n, p, anchor);
  const auto unpaired = [](const std::vector<int>& to) {
    return static_cast<size_t>(std::count(to.begin(), to.end(), -1));
  };
  if (unpaired(p.old_to_new) > kMaxInexactClaims || unpaired(p.new_to_old) > kMaxInexactClaims) {
    p.inexact_over_cap = true;
    return p;
  }
  fill_bags(o, p.old_to_new);
  fill_bags(n, p.new_to_old);

  // Splits and merges before near-duplicates: one part of a split alone often
  // passes for an edited copy of the whole.
  pair_parts(o, n, p.old_to_new, p.new_to_old, p.split_rest, p.old_kind, p.new_kind, PairKind::kSplitPart);
  pair_parts(n, o, p.new_to_old, p.old_to_new, p.merge_rest, p.new_kind, p.old_kind, PairKind::kMergePart);

  // Near-duplicates: every candidate pair scored, then the best taken first.
  WordIndex index = index_of(n, p.new_to_old);
  Rarity rarity;
  for (size_t i = 0; i < o.claims.size(); ++i) {
    if (p.old_to_new[i] < 0) rarity.add(o.bag(i));
  }
  for (size_t j = 0; j < n.claims.size(); ++j) {
    if (p.new_to_old[j] < 0) rarity.add(n.bag(j));
  }
  std::vector<Candidate> candidates;
  for (size_t i = 0; i < o.claims.size(); ++i) {
    if (p.old_to_new[i] >= 0) continue;
    const Bag& bag = o.bag(i);
    for (int j : index.candidates(bag)) {
      const Bag& other = n.bag(j);
      const double score = dice_at_least(bag, other, kNearDuplicate);
      if (score < kNearDuplicate) continue;
      if (rarity.weighted_dice(bag, other) < kMinRareShare) continue;
      candidates.push_back(
          Candidate{score + (anchored(static_cast<int>(i), j) ? kAnchorBonus : 0.0), static_cast<int>(i), j});
    }
  }
  std::sort(candidates.begin(), candidates.end());
  for (const Candidate& c : candidates) {
    if (p.old_to_new[static_cast<size_t>(c.old_claim)] >= 0 || p.new_to_old[static_cast<size_t>(c.new_claim)] >= 0)
      continue;
    link(p, c.old_claim, c.new_claim, PairKind::kNear, std::min(1.0, c.score));
  }
  pair_sentences(o, n, p, PairGate{kNearDuplicate, kMinRareShare, &rarity});
  pair_shapes(o, n, p);
  pair_figures(o, n, p);
  pair_gaps(o, n, p, anchor);

  return p;
}

}  // namespace strata::align
