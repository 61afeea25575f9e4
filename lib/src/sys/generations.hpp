// A bounded, thread-safe memo of values shared by the documents of one
// history (Markdown parts, sentence readings): what one version read, the
// next finds. Internal.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <utility>

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
    if (auto it = newer_.find(hash); it != newer_.end()) return it->second.key == probe ? it->second.value : nullptr;
    auto it = older_.find(hash);
    if (it == older_.end() || !(it->second.key == probe)) return nullptr;
    Shared value = it->second.value;
    newer_bytes_ += it->second.bytes;
    newer_.insert(older_.extract(it));
    return value;
  }

  // Keeps `value` under `hash` and `key`, counted as `bytes`, and returns
  // it. An entry larger than a generation is not kept; nor is one whose
  // hash is taken (another thread kept the same key first, or a collision).
  Shared keep(uint64_t hash, Key key, Shared value, size_t bytes) {
    if (bytes > max_bytes_ / 2) return value;
    std::lock_guard lock(mutex_);
    if (newer_bytes_ + bytes > max_bytes_ / 2) {
      older_ = std::move(newer_);
      newer_ = Map();
      newer_bytes_ = 0;
    }
    if (newer_.try_emplace(hash, Entry{std::move(key), value, bytes}).second) newer_bytes_ += bytes;
    return value;
  }

  // Entries kept.
  size_t size() {
    std::lock_guard lock(mutex_);
    return newer_.size() + older_.size();
  }

 private:
  struct Entry {
    Key key;
    Shared value;
    size_t bytes = 0;
  };
  using Map = std::unordered_map<uint64_t, Entry>;

  std::mutex mutex_;
  size_t max_bytes_;
  Map newer_;
  Map older_;
  size_t newer_bytes_ = 0;
};

}  // namespace strata::util
