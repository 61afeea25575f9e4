// The one 64-bit hash of short byte strings (words, sentences) that the
// stages key their tables and word bags with. Internal.
#pragma once

#include <bit>
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
  // Sentences 32 bytes at a time in four independent lanes: one lane is a
  // chain of multiplications, each waiting for the one before.
  if (bytes.size() >= 32) {
    uint64_t lane[4] = {h, h ^ 1, h ^ 2, h ^ 3};
    for (; i + 32 <= bytes.size(); i += 32) {
      for (size_t k = 0; k < 4; ++k) {
        uint64_t v = 0;
        std::memcpy(&v, bytes.data() + i + 8 * k, 8);
        lane[k] = (lane[k] ^ v) * kMul;
        lane[k] ^= lane[k] >> 29;
      }
    }
    h = ((lane[0] * kMul ^ lane[1]) * kMul ^ lane[2]) * kMul ^ lane[3];
  }
  for (; i + 8 <= bytes.size(); i += 8) {
    uint64_t v = 0;
    std::memcpy(&v, bytes.data() + i, 8);
    h = (h ^ v) * kMul;
    h ^= h >> 29;
  }
  // The last 1 to 7 bytes in fixed-size loads: a copy of variable length
  // into a word that is then read whole stalls the load on the copy's stores.
  if (const size_t rest = bytes.size() - i; rest > 0) {
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    uint64_t v = 0;
    if (bytes.size() >= 8) {
      std::memcpy(&v, p + bytes.size() - 8, 8);
      // Keeps only the `rest` bytes not hashed yet: the last ones loaded.
      if constexpr (std::endian::native == std::endian::little) {
        v >>= 8 * (8 - rest);
      } else {
        v <<= 8 * (8 - rest);
      }
    } else if (rest >= 4) {
      uint32_t head = 0;
      uint32_t tail = 0;
      std::memcpy(&head, p, 4);
      std::memcpy(&tail, p + rest - 4, 4);
      v = (uint64_t{tail} << 32) | head;
    } else {
      v = (uint64_t{p[0]} << 16) | (uint64_t{p[rest / 2]} << 8) | p[rest - 1];
    }
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
