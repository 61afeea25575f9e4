#include "align/claims.hpp"

#include <algorithm>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>

#include "align/rarity.hpp"
#include "segment/acronyms.hpp"
#include "segment/segment.hpp"
#include "segment/sentence_index.hpp"
#include "text/ascii.hpp"
#include "text/hash.hpp"
#include "text/words.hpp"

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
// Index probes: the rarest words of a claim find its candidates. Words in
// more than WordIndex::kMaxPostings claims are skipped; kMaxCandidates
// bounds the work per claim.
constexpr size_t kProbeWords = 8;
constexpr size_t kMaxCandidates = 24;
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

// Words are the tokenizer's (text/words.hpp); hyphenated words count by their parts.
Bag bag_of(std::string_view norm) {
  Bag bag;
  bag.reserve(norm.size() / 4 + 1);  // a word per 6 bytes or so: grown once at most
  std::string lowered;               // reused: most words fit the small-string buffer
  classify_detail::for_each_token(norm, [&](uint32_t begin, uint32_t end, bool is_word, uint8_t seen) {
    if (!is_word) return;
    // The parts of a hyphenated word count apart: "Russia-Ukraine conflict"
    // shares "Ukraine" with "Ukraine conflict", as a reader sees it.
    std::string_view rest = norm.substr(begin, end - begin);
    // A word without an ASCII capital is hashed where it is, not copied.
    if ((seen & classify_detail::token_detail::kUpper) != 0) {
      lowered.assign(rest);
      for (char& c : lowered) c = ascii::lower(c);
      rest = lowered;
    }
    while (!rest.empty()) {
      const size_t cut = rest.find('-');
      const std::string_view part = rest.substr(0, cut);
      if (!part.empty()) bag.push_back(util::word_hash(part));
      rest = cut == std::string_view::npos ? std::string_view() : rest.substr(cut + 1);
    }
  });
  std::sort(bag.begin(), bag.end());
  return bag;
}

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

namespace {

// The words two sorted bags share; once `needed` is out of reach (fewer
// words left on a side than are missing), some count below it.
size_t shared_words(const Bag& a, const Bag& b, size_t needed) {
  size_t i = 0, j = 0, common = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] == b[j]) {
      ++common, ++i, ++j;
      continue;
    }
    if (a[i] < b[j]) {
      ++i;
    } else {
      ++j;
    }
    if (common + std::min(a.size() - i, b.size() - j) < needed) break;
  }
  return common;
}

double dice_of(size_t common, const Bag& a, const Bag& b) {
  return 2.0 * static_cast<double>(common) / static_cast<double>(a.size() + b.size());
}

double containment_of(size_t common, const Bag& a, const Bag& b) {
  return dice_of(common, a, b) * static_cast<double>(a.size() + b.size()) / (2.0 * static_cast<double>(a.size()));
}

// The fewest shared words, up to `most` + 1, whose score (`score(count)`,
// growing with the count) reaches `floor`: searched with the very
// arithmetic the score is computed with, so that a count below it scores
// below `floor`.
template <typename Score>
size_t fewest_reaching(double floor, size_t most, Score score) {
  size_t low = 0;
  size_t high = most + 1;
  while (low < high) {
    const size_t mid = low + (high - low) / 2;
    if (score(mid) < floor) {
      low = mid + 1;
    } else {
      high = mid;
    }
  }
  return low;
}

}  // namespace

double dice(const Bag& a, const Bag& b) {
  if (a.empty() && b.empty()) return 1.0;
  return dice_of(shared_words(a, b, 0), a, b);
}

double dice_at_least(const Bag& a, const Bag& b, double floor) {
  if (a.empty() && b.empty()) return 1.0;
  const size_t needed =
      fewest_reaching(floor, std::min(a.size(), b.size()), [&](size_t common) { return dice_of(common, a, b); });
  return dice_of(shared_words(a, b, needed), a, b);
}

double containment(const Bag& a, const Bag& b) {
  if (a.empty()) return 0.0;
  return containment_of(shared_words(a, b, 0), a, b);
}

bool contained_at_least(const Bag& a, const Bag& b, double floor) {
  if (a.empty()) return 0.0 >= floor;
  const size_t needed =
      fewest_reaching(floor, std::min(a.size(), b.size()), [&](size_t common) { return containment_of(common, a, b); });
  return containment_of(shared_words(a, b, needed), a, b) >= floor;
}

Bag merge_bags(const Bag& a, const Bag& b) {
  Bag out;
  out.reserve(a.size() + b.size());
  std::merge(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

void WordIndex::add(int id, const Bag& bag) {
  if (static_cast<size_t>(id) >= shared_.size()) {
    shared_.resize(static_cast<size_t>(id) + 1, 0);
    removed_.resize(static_cast<size_t>(id) + 1, 0);
  }
  for (size_t k = 0; k < bag.size(); ++k) {
    if (k > 0 && bag[k] == bag[k - 1]) continue;
    const auto [at, added] = words_.insert(bag[k]);
    if (added) postings_.emplace_back();
    Posting& p = postings_[at];
    p.ids.push_back(id);
    ++p.live;
  }
}

void WordIndex::remove(int id, const Bag& bag) {
  const auto at = static_cast<size_t>(id);
  if (at >= removed_.size() || removed_[at]) return;
  removed_[at] = 1;
  for (size_t k = 0; k < bag.size(); ++k) {
    if (k > 0 && bag[k] == bag[k - 1]) continue;
    const uint32_t word = words_.find(bag[k]);
    if (word == util::HashIndex::kNone) continue;
    Posting& p = postings_[word];
    --p.live;
    if (p.live * 2 < p.ids.size()) std::erase_if(p.ids, [&](int x) { return removed_[static_cast<size_t>(x)] != 0; });
  }
}

// Candidate claims sharing the rarest words of `bag`, most shared first
// (ties by position). Hits are counted in a per-claim array, so a probe
// costs its kProbeWords x 2 kMaxPostings hits at most, not a sort of them.
std::vector<int> WordIndex::candidates(const Bag& bag) {
  std::vector<Probe>& probes = probes_;
  probes.clear();
  for (size_t k = 0; k < bag.size(); ++k) {
    if (k > 0 && bag[k] == bag[k - 1]) continue;
    const uint32_t at = words_.find(bag[k]);
    if (at == util::HashIndex::kNone) continue;
    const Posting& p = postings_[at];
    if (p.live == 0 || p.live > kMaxPostings) continue;
    probes.push_back(Probe{p.live, bag[k], &p.ids});
  }
  // The rarest kProbeWords, in order (a total order: the words are distinct).
  if (probes.size() > kProbeWords) {
    std::nth_element(probes.begin(), probes.begin() + kProbeWords, probes.end());
    probes.resize(kProbeWords);
  }
  std::sort(probes.begin(), probes.end());
  std::vector<int>& touched = touched_;
  touched.clear();
  for (const Probe& p : probes) {
    for (int c : *p.ids) {
      if (removed_[static_cast<size_t>(c)]) continue;
      if (shared_[static_cast<size_t>(c)]++ == 0) touched.push_back(c);
    }
  }
  std::vector<std::pair<int, int>>& ranked = ranked_;  // (-shared words, claim)
  ranked.clear();
  for (int c : touched) {
    ranked.emplace_back(-shared_[static_cast<size_t>(c)], c);
    shared_[static_cast<size_t>(c)] = 0;
  }
  // The first kMaxCandidates, in order (a total order: the claims are
  // distinct); chosen first, then sorted, which costs less than keeping a
  // heap of them over every claim touched.
  const size_t keep = std::min(ranked.size(), kMaxCandidates);
  if (ranked.size() > keep)
    std::nth_element(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(keep), ranked.end());
  std::sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(keep));
  std::vector<int> out;
  out.reserve(keep);
  for (size_t r = 0; r < keep; ++r) out.push_back(ranked[r].second);
  return out;
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
