// Claims of a Document, prepared for alignment. Internal to align and diff.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "strata/document.hpp"

namespace strata::align {

// Word ids shared by the two sides of a comparison. Lookups only: nothing
// iterates the map, so its order never reaches the output.
class Vocabulary {
 public:
  uint32_t id(const std::string& lower_word);

 private:
  std::unordered_map<std::string, uint32_t> ids_;
};

struct Claim {
  int section = -1;
  int block = -1;
  int sentence = -1;
  const Sentence* sentence_ptr = nullptr;
  std::vector<uint32_t> bag;  // sorted word ids (lower-cased words; no punctuation)
};

struct Side {
  const Document* doc = nullptr;
  std::vector<Claim> claims;                // document order
  std::vector<std::vector<int>> by_section; // claim indices of each section
  std::vector<size_t> own_chars;            // comparison-form bytes of each section's claims
  std::vector<std::vector<uint32_t>> title_bags;
};

Side prepare(const Document& doc, Vocabulary& vocabulary);

// Dice coefficient of two sorted bags: 2|A∩B| / (|A| + |B|), 0..1.
double dice(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b);
// |A∩B| / |A|: how much of A is found in B.
double containment(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b);
std::vector<uint32_t> merge_bags(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b);

// How each claim was paired, before statuses relative to sections are known.
enum class PairKind { kNone, kExact, kNear, kSplitPart, kMergePart };

struct ClaimPairs {
  std::vector<int> old_to_new;  // -1: unpaired; for a split, the first part
  std::vector<int> new_to_old;  // -1: unpaired; for a merge, the first part
  std::vector<PairKind> old_kind;
  std::vector<PairKind> new_kind;
  std::vector<double> old_score;
  // Second parts of splits (old claim -> second new claim) and merges (new claim -> second old claim).
  std::vector<int> split_second;
  std::vector<int> merge_second;
};

// Pairs claims: exact matches (comparison form) inside title-anchored sections
// first, then across the document; then near-duplicates through an inverted
// index; then one-into-two splits and two-into-one merges. Bounded: each
// claim looks at a fixed number of candidates.
ClaimPairs pair_claims(const Side& old_side, const Side& new_side, const std::vector<int>& anchor_old_to_new);

}  // namespace strata::align
