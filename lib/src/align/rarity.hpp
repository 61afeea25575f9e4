// How rare each word is among the claims left to pair, so that a pair can be
// judged on the words that tell claims apart. Internal to align.
#pragma once

#include <cstdint>
#include <unordered_map>

#include "align/claims.hpp"

namespace strata::align {

class Rarity {
 public:
  // Counts each distinct word of `bag` once.
  void add(const Bag& bag);
  // Dice over words weighted by rarity, 0..1: each word counts
  // log(1 + claims / claims holding it), so that "the", "Allies" or "2022"
  // shared by two sentences weigh less than "690" or "interoperability".
  // Plain Dice while fewer than 16 claims were added.
  double weighted_dice(const Bag& a, const Bag& b) const;

 private:
  double weight(uint64_t word) const;
  std::unordered_map<uint64_t, int> holders_;  // lookups only, never iterated
  int claims_ = 0;
};

}  // namespace strata::align
