// Highlights: the most significant changes, kinds mixed, and the same
// change made in two places told once.
#include <algorithm>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "classify/significance.hpp"
#include "classify/significance_tables.hpp"
#include "text/ascii.hpp"
#include "text/hash.hpp"
#include "text/words.hpp"

namespace strata::classify_detail {
namespace {

// Two claim changes are the same change when they share the status, the
// rule of their strongest reason, and this share of that reason's distinct
// words (shared / all; the reason quotes the sentence that holds the
// change, so a long paragraph around it does not count). A page that repeats a paragraph in two sections and drops
// both copies differs between them by a few words ("the UN General Assembly"
// and "the United Nations (UN) General Assembly": 0.94 on the 2023 -> 2024
// pair); two different sentences of the same section share under 0.6.
constexpr double kSameChangeWords = 0.8;

struct Candidate {
  const Significance* significance;
  HighlightTarget target;
  int index;
  bool bare = false;  // a claim without a letter: a page number, a lone figure or mark
};

// No letter of any script: "1", "4.", "•". A PDF's page numbers are
// claims, and one added would otherwise lead the list of a page whose
// changes all score the floor.
bool bare(const ClaimChange& c) {
  const auto& sides = c.new_sides.empty() ? c.old_sides : c.new_sides;
  if (sides.empty()) return false;
  const std::string& text = sides.front().text;
  return std::none_of(text.begin(), text.end(),
                      [](char ch) { return ascii::alpha(ch) || static_cast<unsigned char>(ch) >= 0x80; });
}

// The words of a change's strongest reason: the rule's words and the
// sentence it quotes, which is what a reader compares. Each distinct
// folded word once, by its hash, sorted: a changed claim is compared with
// each highlight picked, sets of strings took a tenth of the 10 MB pair's
// classify.
std::vector<uint64_t> reason_words(const Significance& s) {
  std::vector<uint64_t> out;
  std::string folded;
  for (auto word : words_of(s.reasons.front().text)) {
    fold_case_into(word, folded);
    out.push_back(util::word_hash(folded));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

bool same_words(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  if (a.empty() || b.empty()) return false;
  size_t shared = 0;
  for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] == b[j]) {
      ++shared, ++i, ++j;
    } else if (a[i] < b[j]) {
      ++i;
    } else {
      ++j;
    }
  }
  const size_t all = a.size() + b.size() - shared;
  return static_cast<double>(shared) >= kSameChangeWords * static_cast<double>(all);
}

// Whether two candidates are the same change: both claims, same status and
// strongest rule, nearly the same words in that rule's reason.
class Repeats {
 public:
  explicit Repeats(const ChangeSet& changes) : changes_(changes) {}

  bool same(const Candidate& a, const Candidate& b) {
    if (a.target != HighlightTarget::kClaim || b.target != HighlightTarget::kClaim) return false;
    const ClaimChange& x = changes_.claims[static_cast<size_t>(a.index)];
    const ClaimChange& y = changes_.claims[static_cast<size_t>(b.index)];
    if (x.status != y.status || a.significance->reasons.front().rule != b.significance->reasons.front().rule)
      return false;
    return same_words(words(a), words(b));
  }

 private:
  const std::vector<uint64_t>& words(const Candidate& c) {
    auto it = words_.find(c.index);
    if (it == words_.end()) it = words_.emplace(c.index, reason_words(*c.significance)).first;
    return it->second;
  }

  const ChangeSet& changes_;
  std::map<int, std::vector<uint64_t>> words_;  // only of claims compared: a few dozen
};

// A further reason of a change as its highlight lists it: without its quote
// when the first reason quotes the same words (a commitment and a stated
// position dropped with one sentence), so the sentence is read once.
std::string brief(const SignificanceReason& reason, const SignificanceReason& first) {
  if (reason.quote.empty() || reason.quote != first.quote) return reason.text;
  for (const RuleRow& row : rule_rows()) {
    if (row.name != reason.rule) continue;
    const size_t cut = reason.quote.size() + quote_joint(row.reason).size();
    if (cut < reason.text.size()) return reason.text.substr(0, reason.text.size() - cut);
  }
  return reason.text;
}

}  // namespace

std::vector<Highlight> pick_highlights(const ChangeSet& changes, const SignificanceOptions& options) {
  std::vector<Candidate> all;
  for (size_t i = 0; i < changes.claims.size(); ++i) {
    all.push_back(
        {&changes.claims[i].significance, HighlightTarget::kClaim, static_cast<int>(i), bare(changes.claims[i])});
  }
  for (size_t i = 0; i < changes.sections.size(); ++i) {
    all.push_back({&changes.sections[i].significance, HighlightTarget::kSection, static_cast<int>(i)});
  }
  for (size_t i = 0; i < changes.programmes.size(); ++i) {
    all.push_back({&changes.programmes[i].significance, HighlightTarget::kProgramme, static_cast<int>(i)});
  }
  std::erase_if(all, [](const Candidate& c) { return c.significance->score <= 0; });
  // Ties keep the order above: claims, then sections, then programmes, each
  // in report order; a claim without a letter after the rest of its score.
  std::stable_sort(all.begin(), all.end(), [](const Candidate& a, const Candidate& b) {
    if (a.significance->score != b.significance->score) return a.significance->score > b.significance->score;
    return !a.bare && b.bare;
  });
  const auto limit = static_cast<size_t>(std::max(0, options.highlights));
  const auto per_kind = static_cast<size_t>(std::max(1, options.per_kind));
  // Each candidate is chosen (its place in `picked`), folded into a chosen
  // one as the same change made elsewhere, or left.
  std::vector<int> place(all.size(), -1);
  std::vector<std::vector<size_t>> picked;  // candidates of each highlight, the first the one shown
  std::map<std::string_view, size_t> of_kind;
  Repeats repeats(changes);
  for (int pass = 0; pass < 2; ++pass) {
    for (size_t k = 0; k < all.size(); ++k) {
      if (place[k] >= 0) continue;
      // Merged whatever the pass: a repeat is never a highlight of its own.
      auto same = std::find_if(picked.begin(), picked.end(),
                               [&](const auto& p) { return repeats.same(all[p.front()], all[k]); });
      if (same != picked.end()) {
        same->push_back(k);
        place[k] = static_cast<int>(same - picked.begin());
        continue;
      }
      if (picked.size() == limit) continue;
      auto kind = std::string_view(all[k].significance->reasons.front().rule);
      if (pass == 0 && of_kind[kind] >= per_kind) continue;
      ++of_kind[kind];
      place[k] = static_cast<int>(picked.size());
      picked.push_back({k});
    }
  }
  // Best first, as the candidates were ranked (the second pass appends).
  std::stable_sort(picked.begin(), picked.end(), [](const auto& a, const auto& b) { return a.front() < b.front(); });
  std::vector<Highlight> out;
  for (const auto& p : picked) {
    const Candidate& c = all[p.front()];
    const auto& s = *c.significance;
    Highlight h;
    h.rank = static_cast<int>(out.size()) + 1;
    h.score = s.score;
    h.kind = s.reasons.front().rule;
    h.reason = s.reasons.front().text;
    for (size_t r = 1; r < s.reasons.size(); ++r) h.more.push_back(brief(s.reasons[r], s.reasons.front()));
    h.target = c.target;
    h.index = c.index;
    for (size_t r = 1; r < p.size(); ++r) h.also.push_back(all[p[r]].index);
    std::sort(h.also.begin(), h.also.end());
    out.push_back(std::move(h));
  }
  return out;
}

}  // namespace strata::classify_detail
