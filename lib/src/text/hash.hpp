// The one 64-bit hash of short byte strings (words, sentences) that the
// stages key their tables and word bags with. Internal.
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <type_traits>

namespace strata::util {

namespace hash_detail {

// The sizeof(Int) bytes at `p` as the machine loads them (4 or 8). At compile
// time, where memcpy into an integer is not allowed, assembled a byte at a
// time in the machine's order, so that tables the compiler builds
// (text/lexicon.cpp) hold the hashes the program computes.
template <typename Int>
constexpr Int load(const char* p) {
  if (std::is_constant_evaluated()) {
    Int v = 0;
    for (size_t k = 0; k < sizeof(Int); ++k) {
      const size_t shift = std::endian::native == std::endian::little ? k : sizeof(Int) - 1 - k;
      v |= static_cast<Int>(static_cast<unsigned char>(p[k])) << (8 * shift);
    }
    return v;
  }
  Int v = 0;
  std::memcpy(&v, p, sizeof(Int));
  return v;
}

}  // namespace hash_detail

// A 64-bit hash of `bytes`, never 0 (0 can stand for "no word"). Fast on the
// short strings it is mostly given (folded words, sentences), so inline;
// constexpr for the word tables built at compile time.
constexpr uint64_t word_hash(std::string_view bytes) {
  using hash_detail::load;
  constexpr uint64_t kMul = 0x9e3779b97f4a7c15ULL;
  uint64_t h = bytes.size() * kMul;
  size_t i = 0;
  // Sentences 32 bytes at a time in four independent lanes: one lane is a
  // chain of multiplications, each waiting for the one before.
  if (bytes.size() >= 32) {
    uint64_t lane[4] = {h, h ^ 1, h ^ 2, h ^ 3};
    for (; i + 32 <= bytes.size(); i += 32) {
      for (size_t k = 0; k < 4; ++k) {
        const uint64_t v = load<uint64_t>(bytes.data() + i + 8 * k);
        lane[k] = (lane[k] ^ v) * kMul;
        lane[k] ^= lane[k] >> 29;
      }
    }
    h = ((lane[0] * kMul ^ lane[1]) * kMul ^ lane[2]) * kMul ^ lane[3];
  }
  for (; i + 8 <= bytes.size(); i += 8) {
    const uint64_t v = load<uint64_t>(bytes.data() + i);
    h = (h ^ v) * kMul;
    h ^= h >> 29;
  }
  // The last 1 to 7 bytes in fixed-size loads: a copy of variable length
  // into a word that is then read whole stalls the load on the copy's stores.
  if (const size_t rest = bytes.size() - i; rest > 0) {
    const auto byte = [bytes](size_t k) { return uint64_t{static_cast<unsigned char>(bytes[k])}; };
    uint64_t v = 0;
    if (bytes.size() >= 8) {
      v = load<uint64_t>(bytes.data() + bytes.size() - 8);
      // Keeps only the `rest` bytes not hashed yet: the last ones loaded.
      if constexpr (std::endian::native == std::endian::little) {
        v >>= 8 * (8 - rest);
      } else {
        v <<= 8 * (8 - rest);
      }
    } else if (rest >= 4) {
      const uint32_t head = load<uint32_t>(bytes.data());
      const uint32_t tail = load<uint32_t>(bytes.data() + rest - 4);
      v = (uint64_t{tail} << 32) | head;
    } else {
      v = (byte(0) << 16) | (byte(rest / 2) << 8) | byte(rest - 1);
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
