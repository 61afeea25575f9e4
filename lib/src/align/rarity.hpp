// How rare each word is among the claims left to pair, so that a pair can be
// judged on the words that tell claims apart. Internal to align.
#pragma once

#include <cstdint>
#include <vector>

#include "align/claims.hpp"
#include "sys/hash_index.hpp"

namespace strata::align {

// Claims are added, then pairs scored; not for use by two threads at once.
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
  // Each word's weight, from the claims added so far: computed once for the
  // scores that follow, where a logarithm a word looked up was the most
  // costly part of scoring (a 30 MB pair: 177 million instructions).
  void weigh() const;
  double weight(uint64_t word) const;

  struct Held {
    int claims = 0;
    double weight = 0.0;  // valid once weighed
  };
  util::HashIndex words_;  // word -> its place in held_
  mutable std::vector<Held> held_;
  mutable double unheld_weight_ = 1.0;  // of a word no claim holds
  mutable bool weighed_ = false;
  int claims_ = 0;
};

}  // namespace strata::align
