// Why the full pairing pairs each claim and section with itself here:
// - Claims (align/exact.cpp): equal titles at equal places anchor a section
//   to itself or to none. A text found once pairs with its only copy. A
//   repeated text, taken in document order, finds the copies before its own
//   taken by the claims before it, so its own is the copy beside its
//   neighbour's partner or the first free one. No claim is left for the
//   later passes.
// - Sections (align/sections.cpp): every pair of a section with itself
//   scores 1, the highest score, and is a candidate (through its claims'
//   flow, or through its title for a section without claims). Taken in old
//   order, ties by new order, a section meets every section before it
//   already taken by its own old side. Nothing is left for the later passes.
#include "align/same.hpp"

#include <algorithm>
#include <utility>

namespace strata::align {

namespace {

bool same_claims(const Side& o, const Side& n) {
  if (o.claims.size() != n.claims.size() || o.doc->sections.size() != n.doc->sections.size()) return false;
  for (size_t s = 0; s < o.doc->sections.size(); ++s) {
    if (o.doc->sections[s].title_norm != n.doc->sections[s].title_norm) return false;
  }
  for (size_t c = 0; c < o.claims.size(); ++c) {
    const Claim& a = o.claims[c];
    const Claim& b = n.claims[c];
    if (a.section != b.section || a.key != b.key || !(o.sentence(c).norm == n.sentence(c).norm)) return false;
  }
  return true;
}

// Every section without claims (past the root) has a title shared by at
// most kMaxTitlePostings sections, so that its title proposes it.
bool titles_propose_all(const Side& side) {
  const std::vector<Section>& sections = side.doc->sections;
  for (size_t s = 1; s < sections.size(); ++s) {
    if (!sections[s].sentences.empty()) continue;
    const auto [first, last] =
        std::equal_range(side.by_title.begin(), side.by_title.end(), std::pair<uint64_t, int>(side.title_keys[s], 0),
                         [](const auto& a, const auto& b) { return a.first < b.first; });
    if (static_cast<size_t>(last - first) > kMaxTitlePostings) return false;
  }
  return true;
}

}  // namespace

std::optional<SamePairs> pair_same(const Side& o, const Side& n) {
  if (!same_claims(o, n) || !titles_propose_all(n)) return std::nullopt;
  SamePairs out;
  ClaimPairs& claims = out.claims;
  const size_t count = o.claims.size();
  claims.old_to_new.resize(count);
  claims.new_to_old.resize(count);
  for (size_t c = 0; c < count; ++c) claims.old_to_new[c] = claims.new_to_old[c] = static_cast<int>(c);
  claims.old_kind.assign(count, PairKind::kExact);
  claims.new_kind.assign(count, PairKind::kExact);
  claims.old_score.assign(count, 1.0);
  SectionPairs& sections = out.sections;
  const size_t sections_count = o.doc->sections.size();
  sections.old_to_new.resize(sections_count);
  for (size_t s = 0; s < sections_count; ++s) sections.old_to_new[s] = static_cast<int>(s);
  sections.new_to_old = sections.old_to_new;
  sections.split_into.resize(sections_count);
  sections.merged_from.resize(sections_count);
  sections.score.resize(sections_count);
  for (size_t s = 0; s < sections_count; ++s) {
    // The full pairing's score with title and content similarity 1: the
    // title alone for a section without text of its own, the weighted sum
    // (which rounds to 1) otherwise. The root is 1.
    const bool container = o.own_chars[s] == 0;
    sections.score[s] = s == 0 || container ? 1.0 : kTitleWeight * 1.0 + kContentWeight * 1.0;
  }
  return out;
}

}  // namespace strata::align
