// The one 64-bit hash of short byte strings (words, sentences) that the
// stages key their tables and word bags with. Internal.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

namespace strata::util {

// A 64-bit hash of `bytes`, never 0 (0 can stand for "no word"). Fast on the
// short strings it is mostly given (folded words, sentences), so inline.
inline uint64_t word_hash(std::string_view bytes) {
  constexpr uint64_t kMul = 0x9e3779b97f4a7c15ULL;
  uint64_t h = bytes.size() * kMul;
  size_t i = 0;
  for (; i + 8 <= bytes.size(); i += 8) {
    uint64_t v = 0;
    std::memcpy(&v, bytes.data() + i, 8);
    h = (h ^ v) * kMul;
    h ^= h >> 29;
  }
  if (i < bytes.size()) {
    uint64_t v = 0;
    std::memcpy(&v, bytes.data() + i, bytes.size() - i);
    h = (h ^ v) * kMul;
  }
  // The finalizer of MurmurHash3: every input bit reaches every output bit.
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h != 0 ? h : 1;
}

}  // namespace strata::util
