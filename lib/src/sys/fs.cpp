#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fmt/core.h>
#include <sys/stat.h>
#include <unistd.h>

#include "strata/fs.hpp"

namespace strata {

Result<void> write_file_atomic(const std::string& path, std::string_view content) {
  namespace fs = std::filesystem;
  const fs::path target(path);
  std::error_code ec;
  if (target.has_parent_path()) fs::create_directories(target.parent_path(), ec);
  if (ec) return make_error(ErrorCode::kIo, fmt::format("{}: cannot create directory: {}", path, ec.message()));
  std::string temp = path + ".tmp-XXXXXX";
  const int fd = mkstemp(temp.data());
  if (fd < 0) return make_error(ErrorCode::kIo, fmt::format("{}: cannot write: {}", path, std::strerror(errno)));
  size_t done = 0;
  while (done < content.size()) {
    const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      const int saved = errno;
      ::close(fd);
      ::unlink(temp.c_str());
      return make_error(ErrorCode::kIo, fmt::format("{}: write failed: {}", path, std::strerror(saved)));
    }
    done += static_cast<size_t>(n);
  }
  // mkstemp creates 0600; a report is an ordinary file.
  ::fchmod(fd, 0644);
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    const int saved = errno;
    ::unlink(temp.c_str());
    return make_error(ErrorCode::kIo, fmt::format("{}: write failed: {}", path, std::strerror(saved)));
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    const int saved = errno;
    ::unlink(temp.c_str());
    return make_error(ErrorCode::kIo, fmt::format("{}: cannot replace: {}", path, std::strerror(saved)));
  }
  return {};
}

}  // namespace strata
