// Numbers by 64-bit hash: open addressing over one flat array. Internal.
//
// The tables the claim pairing looks words up in (a word's claims, its
// rarity) are probed for every word of every candidate pair. A node-based
// map read a bucket, then a node, and divided by a prime for each lookup;
// here a lookup masks the hash and reads one slot, most often in one cache
// line.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace strata::util {

// Keys are nonzero hashes whose low bits are spread (util::word_hash never
// gives 0); values are the numbers the caller gives them, in order of
// insertion (its entries' places in an array of its own).
class HashIndex {
 public:
  static constexpr uint32_t kNone = UINT32_MAX;

  // The number of `key`, or kNone.
  uint32_t find(uint64_t key) const {
    if (slots_.empty()) return kNone;
    const size_t mask = slots_.size() - 1;
    for (size_t i = key & mask; slots_[i].key != 0; i = (i + 1) & mask) {
      if (slots_[i].key == key) return slots_[i].value;
    }
    return kNone;
  }

  // The number of `key`, and whether it was added now, numbered size().
  std::pair<uint32_t, bool> insert(uint64_t key) {
    if ((size_ + 1) * 2 > slots_.size()) grow();
    const size_t mask = slots_.size() - 1;
    size_t i = key & mask;
    for (; slots_[i].key != 0; i = (i + 1) & mask) {
      if (slots_[i].key == key) return {slots_[i].value, false};
    }
    slots_[i] = {key, static_cast<uint32_t>(size_)};
    return {static_cast<uint32_t>(size_++), true};
  }

  size_t size() const { return size_; }

 private:
  struct Slot {
    uint64_t key = 0;  // 0: free
    uint32_t value = 0;
  };

  // At most half full: probes stay short.
  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(std::max<size_t>(16, old.size() * 2), Slot{});
    const size_t mask = slots_.size() - 1;
    for (const Slot& s : old) {
      if (s.key == 0) continue;
      size_t i = s.key & mask;
      while (slots_[i].key != 0) i = (i + 1) & mask;
      slots_[i] = s;
    }
  }

  std::vector<Slot> slots_;  // a power of two of them
  size_t size_ = 0;
};

}  // namespace strata::util
