// A bounded, thread-safe memo of values shared by the documents of one
// history (Markdown parts, sentence readings): what one version read, the
// next finds. Internal.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

namespace strata::util {

// Values keyed by a 64-bit hash computed by the caller before the lock is
// taken; each entry keeps its whole key, so that a hash two keys share is a
// miss, never a wrong value. Values are shared pointers: one taken stays
// valid after its entry is dropped.
//
// Two generations: an entry found in the older moves to the newer, and when
// the newer holds half of the bound it becomes the older, the older dropped.
// A history read in order keeps what its recent versions read.
template <class Key, class Value>
class Generations {
 public:
  using Shared = std::shared_ptr<const Value>;

  explicit Generations(size_t max_bytes) : max_bytes_(max_bytes) {}

  // The value kept under `hash` for a key equal to `probe`; null if none.
  template <class Probe>
  Shared find(uint64_t hash, const Probe& probe) {
    std::lock_guard lock(mutex_);
    return find_locked(hash, probe);
  }

  // find() for the keys equal to probes[k] under hashes[k], k below `n`,
  // into out[k]. Looking a key up waits on a chain of cache misses (its
  // slot, its entry, the key's bytes), which for one version's sentences
  // after another's were a sixth of a cold history query's time: here the
  // lines of a group of keys are fetched together, each step for the whole
  // group before the next, so that their misses overlap. A Key with
  // data() has the bytes it compares there.
  template <class Probe>
  void find_many(const uint64_t* hashes, const Probe* probes, size_t n, Shared* out) {
    for (size_t lo = 0; lo < n; lo += kGroup) {
      const size_t hi = std::min(n, lo + kGroup);
      std::lock_guard lock(mutex_);
      for (const Table* t : {&newer_, &older_}) {
        for (size_t k = lo; k < hi; ++k) t->prefetch_slot(hashes[k]);
      }
      for (const Table* t : {&newer_, &older_}) {
        for (size_t k = lo; k < hi; ++k) t->prefetch_entry(hashes[k]);
      }
      for (const Table* t : {&newer_, &older_}) {
        for (size_t k = lo; k < hi; ++k) t->prefetch_key(hashes[k]);
      }
      for (size_t k = lo; k < hi; ++k) out[k] = find_locked(hashes[k], probes[k]);
    }
  }

  // Keeps `value` under `hash` and `key`, counted as `bytes`, and returns
  // it. An entry larger than a generation is not kept; nor is one whose
  // hash is taken (another thread kept the same key first, or a collision).
  Shared keep(uint64_t hash, Key key, Shared value, size_t bytes) {
    if (bytes > max_bytes_ / 2) return value;
    std::lock_guard lock(mutex_);
    if (newer_bytes_ + bytes > max_bytes_ / 2) {
      older_ = std::move(newer_);
      newer_ = Table();
      newer_bytes_ = 0;
    }
    if (newer_.insert(hash, Entry{std::move(key), value, bytes})) newer_bytes_ += bytes;
    return value;
  }

  // The bound given at construction; a generation holds half of it.
  size_t max_bytes() const { return max_bytes_; }

  // Entries kept.
  size_t size() {
    std::lock_guard lock(mutex_);
    return newer_.size() + older_.size();
  }

 private:
  // Keys looked up together by find_many(): enough misses in flight to
  // fill the memory's queues, few enough that their lines stay in the
  // first-level cache until they are read (a slot, an entry and a line
  // of key per key: 192 lines of 64 bytes in 12 KiB).
  static constexpr size_t kGroup = 64;

  template <class Probe>
  Shared find_locked(uint64_t hash, const Probe& probe) {
    if (const Entry* e = newer_.find(hash)) return e->key == probe ? e->value : nullptr;
    const Entry* e = older_.find(hash);
    if (e == nullptr || !(e->key == probe)) return nullptr;
    Entry moved = older_.take(hash);
    Shared value = moved.value;
    newer_bytes_ += moved.bytes;
    newer_.insert(hash, std::move(moved));
    return value;
  }

  struct Entry {
    Key key;
    Shared value;
    size_t bytes = 0;
  };

  // Entries by hash, open addressing over a flat array of (hash, entry
  // number): a lookup reads one slot, most often in one cache line, where
  // a node-based map read a bucket and then a node; those misses were a
  // tenth of a cold history query. Entries are only added, or taken out of
  // the older generation (their slot then stays, marked gone).
  class Table {
   public:
    const Entry* find(uint64_t hash) const {
      const Slot* slot = slot_of(hash);
      return slot == nullptr || slot->entry == kGone ? nullptr : &entries_[slot->entry];
    }
    // Hints for find_many(): the slot where `hash` starts its search,
    // the entry it finds there, and the key's bytes. Only reads.
    void prefetch_slot(uint64_t hash) const {
      if (!slots_.empty()) __builtin_prefetch(&slots_[home(hash)]);
    }
    void prefetch_entry(uint64_t hash) const {
      if (const Slot* slot = slot_of(hash); slot != nullptr && slot->entry != kGone) {
        __builtin_prefetch(&entries_[slot->entry]);
      }
    }
    void prefetch_key(uint64_t hash) const {
      if constexpr (requires(const Key& key) { key.data(); }) {
        if (const Entry* e = find(hash)) __builtin_prefetch(e->key.data());
      }
    }
    // False when `hash` is there already.
    bool insert(uint64_t hash, Entry entry) {
      if ((entries_.size() + 1) * 2 > slots_.size()) grow();
      Slot& slot = free_slot(hash);
      if (slot.entry != kEmpty) return false;
      slot = Slot{hash, static_cast<uint32_t>(entries_.size())};
      entries_.push_back(std::move(entry));
      ++live_;
      return true;
    }
    // The entry under `hash`, which find() has just found; its slot is left
    // marked gone.
    Entry take(uint64_t hash) {
      Slot& slot = free_slot(hash);
      Entry out = std::move(entries_[slot.entry]);
      slot.entry = kGone;
      --live_;
      return out;
    }
    size_t size() const { return live_; }

   private:
    struct Slot {
      uint64_t hash = 0;
      uint32_t entry = kEmpty;
    };
    static constexpr uint32_t kEmpty = UINT32_MAX;
    static constexpr uint32_t kGone = UINT32_MAX - 1;

    // Fibonacci hashing: the caller's hash spread over the table's size
    // from its high bits.
    size_t home(uint64_t hash) const { return static_cast<size_t>((hash * 0x9E3779B97F4A7C15ULL) >> shift_); }
    const Slot* slot_of(uint64_t hash) const {
      if (slots_.empty()) return nullptr;
      for (size_t i = home(hash);; i = (i + 1) & (slots_.size() - 1)) {
        if (slots_[i].entry == kEmpty) return nullptr;
        if (slots_[i].hash == hash) return &slots_[i];
      }
    }
    // The slot holding `hash`, or the empty one where it would go.
    Slot& free_slot(uint64_t hash) {
      for (size_t i = home(hash);; i = (i + 1) & (slots_.size() - 1)) {
        if (slots_[i].entry == kEmpty || slots_[i].hash == hash) return slots_[i];
      }
    }
    void grow() {
      std::vector<Slot> old = std::move(slots_);
      slots_.assign(old.empty() ? 16 : old.size() * 2, Slot{});
      shift_ = 64;
      for (size_t n = slots_.size(); n > 1; n >>= 1) --shift_;
      for (const Slot& s : old) {
        if (s.entry != kEmpty) free_slot(s.hash) = s;
      }
    }

    std::vector<Slot> slots_;  // a power of two, at most half full
    std::vector<Entry> entries_;
    size_t live_ = 0;
    int shift_ = 64;
  };

  std::mutex mutex_;
  size_t max_bytes_;
  Table newer_;
  Table older_;
  size_t newer_bytes_ = 0;
};

}  // namespace strata::util
