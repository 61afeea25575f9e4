#include "store/lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <fmt/core.h>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <system_error>
#include <thread>

#include "store/gc.hpp"
#include "store/odb.hpp"
#include "strata/fs.hpp"

namespace strata::store {

namespace fs = std::filesystem;

namespace {

// Long enough for a queue of writers each importing a large batch; a writer
// stuck longer than this is worth a message naming the lock.
constexpr int kLockWaitSeconds = 120;
constexpr auto kLockPoll = std::chrono::milliseconds(5);

// Lock files a strata writer can leave when killed: libgit2 creates
// `<file>.lock` beside each ref or config file it rewrites.
// (refs/strata/import is the ref an import keeps on the versions it wrote.)
constexpr const char* kGitLockFiles[] = {"refs/heads/main.lock", "refs/strata/import.lock", "HEAD.lock",
                                         "packed-refs.lock", "config.lock"};

Error io_error(const std::string& path, std::string_view what) {
  return make_error(ErrorCode::kIo, fmt::format("{}: {}: {}", path, what, std::strerror(errno)));
}

// libgit2 writes each loose object to objects/tmp_object_git2_XXXXXX and
// renames it into place when complete, as import does with raw blobs
// (kObjectTempPrefix); a writer killed meanwhile leaves it.
constexpr std::string_view kGitObjectTemp = "tmp_object_git2_";
bool is_object_temp(std::string_view name) {
  return name.starts_with(kGitObjectTemp) || name.starts_with(kObjectTempPrefix);
}

// Removes half-written objects: all of them when the last holder of the lock
// died writing (`all`), else those older than kStaleTempSeconds (left by a
// writer killed long ago, whose death went unnoticed, or by another libgit2
// program; no write takes an hour).
void sweep_object_temps(const fs::path& dir, bool all) {
  std::error_code ec;
  const auto now = fs::file_time_type::clock::now();
  const auto stale = [&](const fs::path& path) {
    if (all) return true;
    std::error_code time_ec;
    const auto written = fs::last_write_time(path, time_ec);
    return !time_ec && now - written > std::chrono::seconds(kStaleTempSeconds);
  };
  for (fs::directory_iterator it(dir / "objects", ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (is_object_temp(name) && stale(it->path())) fs::remove(it->path(), ec);
    if (!all || !it->is_directory(ec) || name.size() != 2) continue;
    // Older libgit2 and git itself write into the object's folder.
    for (fs::directory_iterator obj(it->path(), ec); !ec && obj != end; obj.increment(ec)) {
      if (obj->path().filename().string().starts_with("tmp_")) fs::remove(obj->path(), ec);
    }
    ec.clear();
  }
}

// Clears what a killed writer left: git lock files and half-written objects.
void clear_stale_git_locks(const fs::path& dir) {
  std::error_code ec;
  for (const char* name : kGitLockFiles) fs::remove(dir / name, ec);
  sweep_object_temps(dir, true);
}

}  // namespace

Result<WriterLock> WriterLock::acquire(const std::string& store_dir) {
  const fs::path dir(store_dir);
  const std::string path = (dir / kLockFileName).string();
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) return io_error(path, "cannot open the writer lock");
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(kLockWaitSeconds);
  while (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    if (errno != EWOULDBLOCK && errno != EINTR) {
      Error error = io_error(path, "cannot take the writer lock");
      ::close(fd);
      return error;
    }
    if (std::chrono::steady_clock::now() > deadline) {
      ::close(fd);
      return make_error(
          ErrorCode::kLocked,
          fmt::format("{}: another strata process has held the writer lock for over {} s", path, kLockWaitSeconds));
    }
    std::this_thread::sleep_for(kLockPoll);
  }
  // The file is empty unless its last holder died before releasing it.
  char record[64] = {};
  const ssize_t got = ::pread(fd, record, sizeof record - 1, 0);
  const bool recovered = got > 0;
  if (recovered) {
    clear_stale_git_locks(dir);
  } else {
    sweep_object_temps(dir, false);
    for (const char* name : kGitLockFiles) {
      std::error_code ec;
      // A running `git gc` holds packed-refs.lock and ref locks for a moment.
      if (fs::exists(dir / name, ec) && wait_for_running_gc(store_dir)) ec.clear();
      if (fs::exists(dir / name, ec)) {
        ::close(fd);
        return make_error(ErrorCode::kLocked,
                          fmt::format("{}: lock file exists and no strata writer left it (a git command may be "
                                      "writing); remove it if nothing is",
                                      (dir / name).string()));
      }
    }
  }
  const std::string mine = fmt::format("pid {}\n", ::getpid());
  if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, mine.data(), mine.size(), 0) != static_cast<ssize_t>(mine.size())) {
    Error error = io_error(path, "cannot write the writer lock");
    ::close(fd);
    return error;
  }
  return WriterLock(fd, recovered);
}

WriterLock::WriterLock(WriterLock&& other) noexcept : fd_(other.fd_), recovered_(other.recovered_) { other.fd_ = -1; }

WriterLock::~WriterLock() {
  if (fd_ < 0) return;
  // An empty file tells the next holder this one finished cleanly.
  if (::ftruncate(fd_, 0) != 0) {
    // Nothing to do: the next holder will take the record as a crash and
    // clear lock files, which is safe while it holds the lock.
  }
  ::flock(fd_, LOCK_UN);
  ::close(fd_);
}

}  // namespace strata::store
