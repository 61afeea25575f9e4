// Word bags: made from a claim's comparison form, compared, and indexed by
// their rarest words to find a claim's candidates.
#include <algorithm>
#include <string>
#include <string_view>
#include <utility>

#include "align/claims.hpp"
#include "text/ascii.hpp"
#include "text/hash.hpp"
#include "text/words.hpp"

namespace strata::align {

namespace {

// Index probes: the rarest words of a claim find its candidates. Words in
// more than WordIndex::kMaxPostings claims are skipped; kMaxCandidates
// bounds the work per claim.
constexpr size_t kProbeWords = 8;
constexpr size_t kMaxCandidates = 24;

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

}  // namespace strata::align
