#include "align/sections.hpp"

#include "text/ascii.hpp"

#include <algorithm>
#include <climits>
#include <string_view>
#include <tuple>
#include <utility>

namespace strata::align {

namespace {

// A pair needs this combined score, and either some shared content or a
// clearly similar title; below that, two sections are unrelated.
constexpr double kMinPairScore = 0.3;
constexpr double kMinContent = 0.15;
constexpr double kMinTitle = 0.6;
// A section that has no text of its own (a heading over subsections) pairs on
// its title alone, and only on a close one.
constexpr double kMinContainerTitle = 0.75;
// A further section that received this share of its text from an already
// paired section is a split (or, reversed, a merge).
constexpr double kSplitShare = 0.3;
// Second pass: two sections still unpaired where at least half of the smaller
// one's text is carried from the other are the same section, rewritten
// around its kept part (2023's "Response to Russia's war against Ukraine"
// became most of 2024's question 7).
constexpr double kContainedShare = 0.5;

struct Scored {
  double score;
  int old_section;
  int new_section;
  bool operator<(const Scored& o) const {
    return std::tie(o.score, old_section, new_section) < std::tie(score, o.old_section, o.new_section);
  }
};

double chars_of(const Side& side, int claim) {
  return static_cast<double>(side.sentence(static_cast<size_t>(claim)).norm.size());
}

}  // namespace

double title_similarity(const Side& o, int a, const Side& n, int b) {
  const Section& x = o.doc->sections[static_cast<size_t>(a)];
  const Section& y = n.doc->sections[static_cast<size_t>(b)];
  if (ascii::iequals(x.title_norm, y.title_norm)) return 1.0;
  return dice(o.title_bags[static_cast<size_t>(a)], n.title_bags[static_cast<size_t>(b)]);
}

namespace {

// The entries of `index` (by_title or title_words of a side) for `key`.
// Both ends by binary search: a title word of thousands of sections ("and")
// is counted to be skipped, and walking its entries to find their end, for
// each old section holding it, was quadratic in sections (8.5% of a 10 MB
// pair's instructions, 22% of a 30 MB pair's).
std::pair<const std::pair<uint64_t, int>*, const std::pair<uint64_t, int>*> entries_of(
    const std::vector<std::pair<uint64_t, int>>& index, uint64_t key) {
  const auto first = std::lower_bound(index.begin(), index.end(), std::pair<uint64_t, int>{key, INT_MIN});
  const auto last = std::upper_bound(first, index.end(), std::pair<uint64_t, int>{key, INT_MAX});
  return {index.data() + (first - index.begin()), index.data() + (last - index.begin())};
}

// Calls `visit(section)` for the sections of `side` past the root titled
// as section `s` of `from` (ASCII case ignored), in index order, until it
// returns false. A key two titles share costs a comparison, never a match.
template <typename Visit>
void each_titled(const Side& side, const Side& from, int s, Visit&& visit) {
  const std::string_view title = from.doc->sections[static_cast<size_t>(s)].title_norm;
  const auto [first, last] = entries_of(side.by_title, from.title_keys[static_cast<size_t>(s)]);
  for (auto it = first; it != last; ++it) {
    if (ascii::iequals(side.doc->sections[static_cast<size_t>(it->second)].title_norm, title) && !visit(it->second))
      return;
  }
}

}  // namespace

std::vector<int> anchor_sections(const Side& o, const Side& n) {
  std::vector<int> anchor(o.doc->sections.size(), -1);
  anchor[0] = 0;
  // A title one section holds on each side anchors it.
  for (size_t a = 1; a < o.doc->sections.size(); ++a) {
    int olds = 0;
    each_titled(o, o, static_cast<int>(a), [&](int) { return ++olds < 2; });
    if (olds != 1) continue;
    int news = 0;
    int b = -1;
    each_titled(n, o, static_cast<int>(a), [&](int s) {
      b = s;
      return ++news < 2;
    });
    if (news == 1) anchor[a] = b;
  }
  return anchor;
}

namespace {

// Text carried between each pair of sections by paired claims, in key
// order. Shares are summed per key in claim order, as a map would, but
// gathered in one vector and sorted once: a map insert per claim and per
// title candidate was most of the section pairing on 300 KB pages with
// hundreds of sections.
struct Flow {
  std::pair<int, int> key;  // old section, new section
  double weight;
  bool operator<(const Flow& o) const { return key < o.key; }
};

std::vector<Flow> section_flow(const Side& o, const Side& n, const ClaimPairs& claims) {
  std::vector<Flow> shares;
  auto add_flow = [&](int i, int j, double share) {
    const int a = o.claims[static_cast<size_t>(i)].section;
    const int b = n.claims[static_cast<size_t>(j)].section;
    shares.push_back(Flow{{a, b}, share * (chars_of(o, i) + chars_of(n, j)) / 2.0});
  };
  for (size_t i = 0; i < o.claims.size(); ++i) {
    const int j = claims.old_to_new[i];
    if (j < 0) continue;
    const PairKind kind = claims.old_kind[i];
    const bool scored = kind == PairKind::kNear || kind == PairKind::kSentence || kind == PairKind::kShape;
    add_flow(static_cast<int>(i), j, scored ? claims.old_score[i] : 1.0);
    for (const int part : claims.split_rest_of(static_cast<int>(i))) add_flow(static_cast<int>(i), part, 1.0);
  }
  for (const auto& [j, parts] : claims.merge_rest) {  // by new claim, in order
    for (const int part : parts) add_flow(part, j, 1.0);
  }
  // Claims come in old order, so shares are already sorted unless claims
  // moved between sections or merged: most pairs of a history.
  if (!std::is_sorted(shares.begin(), shares.end())) std::stable_sort(shares.begin(), shares.end());
  std::vector<Flow> flow;
  for (const Flow& f : shares) {
    if (flow.empty() || flow.back().key != f.key) {
      flow.push_back(Flow{f.key, 0.0});
    }
    flow.back().weight += f.weight;
  }
  return flow;
}

// Candidate pairs: those that share text, those with a title word in
// common, and those with the same title (which may have no word at all:
// "-", "*", "§"); sorted, each once, roots left out. Gathered and sorted one
// old section at a time: the same pair comes once per shared title word,
// and one sort of every pair of a 300-section page was most of the pairing.
std::vector<std::pair<int, int>> section_candidates(const Side& o, const Side& n, const std::vector<Flow>& flow) {
  std::vector<std::pair<int, int>> candidates;
  std::vector<int> news;
  auto f = flow.begin();
  for (size_t a = 1; a < o.doc->sections.size(); ++a) {
    news.clear();
    for (; f != flow.end() && f->key.first <= static_cast<int>(a); ++f) {
      if (f->key.first == static_cast<int>(a) && f->key.second != 0) news.push_back(f->key.second);
    }
    for (uint64_t w : o.title_bags[a]) {
      const auto [first, last] = entries_of(n.title_words, w);
      if (static_cast<size_t>(last - first) > kMaxTitlePostings) continue;
      for (auto it = first; it != last; ++it) news.push_back(it->second);
    }
    const size_t before = news.size();
    each_titled(n, o, static_cast<int>(a), [&](int b) {
      news.push_back(b);
      return news.size() - before <= kMaxTitlePostings;
    });
    if (news.size() - before > kMaxTitlePostings) news.resize(before);
    std::sort(news.begin(), news.end());
    news.erase(std::unique(news.begin(), news.end()), news.end());
    for (int b : news) candidates.emplace_back(static_cast<int>(a), b);
  }
  return candidates;
}

const double* flow_of(const std::vector<Flow>& flow, std::pair<int, int> key) {
  const auto it = std::lower_bound(flow.begin(), flow.end(), Flow{key, 0.0});
  return it != flow.end() && it->key == key ? &it->weight : nullptr;
}

}  // namespace

SectionPairs pair_sections(const Side& o, const Side& n, const ClaimPairs& claims) {
  const size_t no = o.doc->sections.size();
  const size_t nn = n.doc->sections.size();
  const std::vector<Flow> flow = section_flow(o, n, claims);
  const std::vector<std::pair<int, int>> candidates = section_candidates(o, n, flow);

  std::vector<Scored> scored;
  for (const auto& key : candidates) {
    const auto [a, b] = key;
    const double title = title_similarity(o, a, n, b);
    const double own = static_cast<double>(o.own_chars[static_cast<size_t>(a)] + n.own_chars[static_cast<size_t>(b)]);
    const double* f = flow_of(flow, key);
    const double content = own > 0 && f ? std::min(1.0, 2.0 * *f / own) : 0.0;
    const bool container = o.own_chars[static_cast<size_t>(a)] == 0 || n.own_chars[static_cast<size_t>(b)] == 0;
    double score = 0;
    if (container) {
      if (title < kMinContainerTitle) continue;
      score = title;
    } else {
      score = kTitleWeight * title + kContentWeight * content;
      if (score < kMinPairScore || (content < kMinContent && title < kMinTitle)) continue;
    }
    scored.push_back(Scored{score, a, b});
  }
  std::sort(scored.begin(), scored.end());

  SectionPairs p;
  p.old_to_new.assign(no, -1);
  p.new_to_old.assign(nn, -1);
  p.score.assign(no, 0.0);
  p.split_into.resize(no);
  p.merged_from.resize(nn);
  p.old_to_new[0] = 0;
  p.new_to_old[0] = 0;
  p.score[0] = 1.0;
  for (const Scored& s : scored) {
    if (p.old_to_new[static_cast<size_t>(s.old_section)] >= 0 || p.new_to_old[static_cast<size_t>(s.new_section)] >= 0)
      continue;
    p.old_to_new[static_cast<size_t>(s.old_section)] = s.new_section;
    p.new_to_old[static_cast<size_t>(s.new_section)] = s.old_section;
    p.score[static_cast<size_t>(s.old_section)] = s.score;
  }

  std::vector<Scored> contained;
  for (const auto& [key, weight] : flow) {
    const auto [a, b] = key;
    if (a == 0 || b == 0 || p.old_to_new[static_cast<size_t>(a)] >= 0 || p.new_to_old[static_cast<size_t>(b)] >= 0)
      continue;
    const double smaller =
        static_cast<double>(std::min(o.own_chars[static_cast<size_t>(a)], n.own_chars[static_cast<size_t>(b)]));
    if (smaller > 0 && weight >= kContainedShare * smaller) contained.push_back(Scored{weight / smaller, a, b});
  }
  std::sort(contained.begin(), contained.end());
  for (const Scored& s : contained) {
    if (p.old_to_new[static_cast<size_t>(s.old_section)] >= 0 || p.new_to_old[static_cast<size_t>(s.new_section)] >= 0)
      continue;
    p.old_to_new[static_cast<size_t>(s.old_section)] = s.new_section;
    p.new_to_old[static_cast<size_t>(s.new_section)] = s.old_section;
    // Reported similarity on the same scale as the first pass.
    const double own = static_cast<double>(o.own_chars[static_cast<size_t>(s.old_section)] +
                                           n.own_chars[static_cast<size_t>(s.new_section)]);
    const double content = std::min(1.0, 2.0 * *flow_of(flow, {s.old_section, s.new_section}) / own);
    p.score[static_cast<size_t>(s.old_section)] =
        kTitleWeight * title_similarity(o, s.old_section, n, s.new_section) + kContentWeight * content;
  }

  // Third pass: renamed and reworded in place. Two sections still unpaired
  // that share some text (kMinContent) and stand at the same place, their
  // parents paired and their previous siblings paired (or both first), are
  // one section: QUIC's "Offset Increment" became "Data Limit Increments"
  // with no title word in common and half its sentences rewritten.
  auto previous_sibling = [](const Document& d, int sec) {
    const int parent = d.sections[static_cast<size_t>(sec)].parent;
    if (parent < 0) return -1;
    const std::vector<int>& kids = d.sections[static_cast<size_t>(parent)].children;
    const auto it = std::find(kids.begin(), kids.end(), sec);
    return it == kids.begin() || it == kids.end() ? -1 : *(it - 1);
  };
  std::vector<Scored> in_place;
  for (const auto& [key, weight] : flow) {
    const auto [a, b] = key;
    if (a == 0 || b == 0 || p.old_to_new[static_cast<size_t>(a)] >= 0 || p.new_to_old[static_cast<size_t>(b)] >= 0)
      continue;
    const int pa = o.doc->sections[static_cast<size_t>(a)].parent;
    const int pb = n.doc->sections[static_cast<size_t>(b)].parent;
    if (pa < 0 || pb < 0 || p.old_to_new[static_cast<size_t>(pa)] != pb) continue;
    const int sa = previous_sibling(*o.doc, a);
    const int sb = previous_sibling(*n.doc, b);
    if ((sa < 0) != (sb < 0) || (sa >= 0 && p.old_to_new[static_cast<size_t>(sa)] != sb)) continue;
    const double own = static_cast<double>(o.own_chars[static_cast<size_t>(a)] + n.own_chars[static_cast<size_t>(b)]);
    const double content = own > 0 ? std::min(1.0, 2.0 * weight / own) : 0.0;
    if (content >= kMinContent) in_place.push_back(Scored{content, a, b});
  }
  std::sort(in_place.begin(), in_place.end());
  for (const Scored& s : in_place) {
    if (p.old_to_new[static_cast<size_t>(s.old_section)] >= 0 || p.new_to_old[static_cast<size_t>(s.new_section)] >= 0)
      continue;
    p.old_to_new[static_cast<size_t>(s.old_section)] = s.new_section;
    p.new_to_old[static_cast<size_t>(s.new_section)] = s.old_section;
    p.score[static_cast<size_t>(s.old_section)] =
        kTitleWeight * title_similarity(o, s.old_section, n, s.new_section) + kContentWeight * s.score;
  }

  // Splits and merges: an unpaired section whose text mostly came from (or
  // went to) a section that is already paired.
  std::vector<std::tuple<int, int, double>> best_old_for_new(nn, {-1, -1, 0.0});
  std::vector<std::tuple<int, int, double>> best_new_for_old(no, {-1, -1, 0.0});
  for (const auto& [key, weight] : flow) {
    const auto [a, b] = key;
    if (weight > std::get<2>(best_old_for_new[static_cast<size_t>(b)]))
      best_old_for_new[static_cast<size_t>(b)] = {a, b, weight};
    if (weight > std::get<2>(best_new_for_old[static_cast<size_t>(a)]))
      best_new_for_old[static_cast<size_t>(a)] = {a, b, weight};
  }
  for (size_t b = 1; b < nn; ++b) {
    const auto [a, unused, weight] = best_old_for_new[b];
    if (p.new_to_old[b] >= 0 || a <= 0 || p.old_to_new[static_cast<size_t>(a)] < 0 || n.own_chars[b] == 0) continue;
    if (weight >= kSplitShare * static_cast<double>(n.own_chars[b])) {
      p.split_into[static_cast<size_t>(a)].push_back(static_cast<int>(b));
      p.new_to_old[b] = a;
    }
  }
  for (size_t a = 1; a < no; ++a) {
    const auto [unused, b, weight] = best_new_for_old[a];
    if (p.old_to_new[a] >= 0 || b <= 0 || p.new_to_old[static_cast<size_t>(b)] < 0 || o.own_chars[a] == 0) continue;
    if (p.new_to_old[static_cast<size_t>(b)] >= 0 &&
        !p.split_into[static_cast<size_t>(p.new_to_old[static_cast<size_t>(b)])].empty())
      continue;
    if (weight >= kSplitShare * static_cast<double>(o.own_chars[a])) {
      p.merged_from[static_cast<size_t>(b)].push_back(static_cast<int>(a));
      p.old_to_new[a] = b;
    }
  }
  return p;
}

}  // namespace strata::align
