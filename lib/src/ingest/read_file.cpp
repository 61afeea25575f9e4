// Reading a file or standard input whole, within kMaxInputBytes.
#include <fcntl.h>
#include <fmt/core.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cerrno>
#include <cstring>

#include "ingest/ingest.hpp"

namespace strata {

namespace {

// The name standard input goes by in messages.
constexpr std::string_view kStdinName = "-";

Error too_large(std::string_view path) {
  return make_error(ErrorCode::kInvalidInput,
                    fmt::format("{}: input is larger than the limit of {} bytes", path, kMaxInputBytes));
}

class Fd {
 public:
  explicit Fd(int fd, bool owned) : fd_(fd), owned_(owned) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() {
    if (owned_ && fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }

 private:
  int fd_;
  bool owned_;
};

}  // namespace

Result<std::string> read_file_bytes(const std::string& path) {
  const bool from_stdin = path == kStdinName;
  Fd fd(from_stdin ? STDIN_FILENO : ::open(path.c_str(), O_RDONLY | O_CLOEXEC), !from_stdin);
  if (fd.get() < 0) {
    if (errno == ENOENT || errno == ENOTDIR)
      return make_error(ErrorCode::kNotFound, fmt::format("{}: no such file", path));
    return make_error(ErrorCode::kIo, fmt::format("{}: cannot open for reading ({})", path, std::strerror(errno)));
  }
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) {
    return make_error(ErrorCode::kIo, fmt::format("{}: cannot stat ({})", path, std::strerror(errno)));
  }
  if (S_ISDIR(st.st_mode)) {
    return make_error(ErrorCode::kInvalidInput, fmt::format("{}: is a directory, not a document", path));
  }
  // A regular file's size is known before reading: a huge (or sparse) file is
  // refused without touching its blocks. Pipes are counted as they are read.
  std::string bytes;
  if (S_ISREG(st.st_mode)) {
    const auto size = static_cast<uint64_t>(st.st_size);
    if (size > kMaxInputBytes) {
      return make_error(ErrorCode::kInvalidInput,
                        fmt::format("{}: file is {} bytes, above the limit of {} bytes", path, size, kMaxInputBytes));
    }
    bytes.reserve(static_cast<size_t>(size));
  }
  char buffer[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd.get(), buffer, sizeof buffer);
    if (n == 0) break;
    if (n < 0) {
      if (errno == EINTR) continue;
      return make_error(ErrorCode::kIo, fmt::format("{}: read error ({})", path, std::strerror(errno)));
    }
    if (bytes.size() + static_cast<size_t>(n) > kMaxInputBytes) return too_large(path);
    bytes.append(buffer, static_cast<size_t>(n));
  }
  return bytes;
}

}  // namespace strata
