#include "strata/fs.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <fmt/core.h>
#include <sys/stat.h>
#include <unistd.h>
#include <array>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <mutex>
#include <random>
#include <unordered_set>

#include "sys/fd.hpp"

namespace strata {

namespace {

// Temporary files being written, for the signal handler: fixed storage, since
// a handler may neither allocate nor lock. Writes run one or two at a time
// (a few threads at most), far below the slots.
constexpr size_t kPendingSlots = 32;
constexpr size_t kMaxTempPath = 4096;
struct PendingTemp {
  std::atomic<bool> used{false};
  std::atomic<bool> ready{false};  // `path` is complete
  std::array<char, kMaxTempPath> path{};
};
std::array<PendingTemp, kPendingSlots> pending;

// Registers `path` while it exists; a path too long for a slot (or a slot
// shortage) only loses the clean-up on a signal, which the next run's sweep
// makes up for.
class PendingGuard {
 public:
  explicit PendingGuard(const std::string& path) {
    if (path.size() >= kMaxTempPath) return;
    for (PendingTemp& slot : pending) {
      bool expected = false;
      if (slot.used.compare_exchange_strong(expected, true)) {
        std::memcpy(slot.path.data(), path.c_str(), path.size() + 1);
        slot.ready.store(true);
        slot_ = &slot;
        return;
      }
    }
  }
  ~PendingGuard() {
    if (slot_ == nullptr) return;
    slot_->ready.store(false);
    slot_->used.store(false);
  }
  PendingGuard(const PendingGuard&) = delete;
  PendingGuard& operator=(const PendingGuard&) = delete;

 private:
  PendingTemp* slot_ = nullptr;
};

Error io_error(const std::string& path, std::string_view what, int err) {
  return Error{ErrorCode::kIo, fmt::format("{}: {}: {}", path, what, std::strerror(err))};
}

// True the first time `dir` is asked about in this process.
bool first_write_in(const std::string& dir) {
  static std::mutex mutex;
  static std::unordered_set<std::string> swept;
  std::lock_guard lock(mutex);
  return swept.insert(dir).second;
}

// Removes temporary files of strata older than kStaleTempSeconds from `dir`:
// what writes killed with SIGKILL (or a power cut) left behind.
void sweep_stale_temps(int dir_fd) {
  const int fd = ::dup(dir_fd);
  if (fd < 0) return;
  DIR* dir = ::fdopendir(fd);
  if (dir == nullptr) {
    ::close(fd);
    return;
  }
  const time_t now = std::time(nullptr);
  while (const dirent* entry = ::readdir(dir)) {
    const std::string_view name(entry->d_name);
    if (name.substr(0, kTempPrefix.size()) != kTempPrefix) continue;
    struct stat st {};
    if (::fstatat(dir_fd, entry->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0) continue;
    if (now - st.st_mtime > kStaleTempSeconds) ::unlinkat(dir_fd, entry->d_name, 0);
  }
  ::closedir(dir);
}

class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }
  int release() { return std::exchange(fd_, -1); }

 private:
  int fd_;
};

}  // namespace

namespace util {

bool write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

}  // namespace util

void remove_pending_temp_files() noexcept {
  for (PendingTemp& slot : pending) {
    if (slot.ready.load()) ::unlink(slot.path.data());
  }
}

Result<void> write_file_atomic(const std::string& path, std::string_view content, const WriteOptions& options) {
  namespace fs = std::filesystem;
  const fs::path target(path);
  const fs::path parent = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::error_code ec;
  fs::create_directories(parent, ec);
  if (ec) return make_error(ErrorCode::kIo, fmt::format("{}: cannot create directory: {}", path, ec.message()));
  struct stat st {};
  if (::lstat(path.c_str(), &st) == 0 && S_ISLNK(st.st_mode)) {
    return make_error(ErrorCode::kIo, fmt::format("{}: is a symbolic link; not replacing it (remove it, or write to "
                                                  "the file it points to)",
                                                  path));
  }
  const Fd dir(::open(parent.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (dir.get() < 0) return io_error(path, "cannot open its directory", errno);
  if (first_write_in(parent.string())) sweep_stale_temps(dir.get());

  // A random name, created exclusively and never through a link: another
  // writer (or an attacker in a shared folder) cannot make us write elsewhere.
  std::random_device seed;
  std::string temp_name;
  int fd = -1;
  for (int attempt = 0; attempt < 16 && fd < 0; ++attempt) {
    temp_name = fmt::format("{}{:08x}{:08x}-{}", kTempPrefix, seed(), seed(), target.filename().string());
    if (temp_name.size() > 255) temp_name.resize(255);  // NAME_MAX; the prefix and random part come first
    fd = ::openat(dir.get(), temp_name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd < 0 && errno != EEXIST) return io_error(path, "cannot create a temporary file", errno);
  }
  if (fd < 0) return io_error(path, "cannot create a temporary file", EEXIST);
  Fd file(fd);
  const std::string temp = (parent / temp_name).string();
  const PendingGuard guard(temp);
  auto fail = [&](std::string_view what) {
    const int saved = errno;
    ::unlinkat(dir.get(), temp_name.c_str(), 0);
    return io_error(path, what, saved);
  };
  if (!util::write_all(file.get(), content)) return fail("write failed");
  if (options.sync && ::fsync(file.get()) != 0) return fail("write failed");
  if (::close(file.release()) != 0) return fail("write failed");
  if (::renameat(dir.get(), temp_name.c_str(), dir.get(), target.filename().c_str()) != 0)
    return fail("cannot replace");
  // The rename is durable once the folder's entry is on disk.
  if (options.sync && ::fsync(dir.get()) != 0) return io_error(path, "cannot flush its directory", errno);
  return {};
}

}  // namespace strata
