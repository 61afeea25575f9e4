// A small parallel loop for independent CPU-bound jobs (parsing versions,
// comparing pairs). Internal.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace strata::util {

// Threads at most for the independent jobs of one comparison (its claim
// changes, their scores), and no more than the cores: past this, the share
// of a chunk of a thousand jobs per thread is too small to pay for a thread.
inline constexpr size_t kMaxPairThreads = 8;

// Runs job(0..count-1) on up to `max_threads` threads (and no more than the
// machine's cores), the calling thread included. Jobs must not share
// mutable state; each writes only its own slot of a result vector.
template <typename Job>
void parallel_for(size_t count, size_t max_threads, Job job) {
  // Asked once: glibc reads /sys for it at every call, and a history's pass
  // asks a few times a version.
  static const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  const size_t threads = std::min<size_t>({count, max_threads, cores});
  std::atomic<size_t> next{0};
  const auto work = [&] {
    for (size_t i = next++; i < count; i = next++) job(i);
  };
  std::vector<std::thread> pool;
  for (size_t t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
}

}  // namespace strata::util
