// The store's writer lock: a kernel lock (flock) on `strata.flock`, which dies
// with its process, so a killed writer never leaves a lock that blocks others.
#pragma once

#include <string>

#include "strata/result.hpp"

namespace strata::store {

// Name of the lock file inside the store.
inline constexpr const char* kLockFileName = "strata.flock";

class WriterLock {
 public:
  // Waits for the lock (up to kLockWaitSeconds) and takes it. While held, the
  // file records the holder's pid; a record found on entry means the previous
  // holder died mid-write, and its git lock files are cleared (see
  // clear_stale_git_locks). Fails with kLocked, naming the file, when the wait
  // runs out or a git lock file exists that no strata writer left.
  static Result<WriterLock> acquire(const std::string& store_dir);

  WriterLock(WriterLock&& other) noexcept;
  WriterLock& operator=(WriterLock&&) = delete;
  WriterLock(const WriterLock&) = delete;
  ~WriterLock();

  // True when the previous holder died while writing (tests, messages).
  bool recovered() const { return recovered_; }

 private:
  WriterLock(int fd, bool recovered) : fd_(fd), recovered_(recovered) {}
  int fd_ = -1;
  bool recovered_ = false;
};

}  // namespace strata::store
