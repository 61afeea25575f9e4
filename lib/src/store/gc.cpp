#include "store/gc.hpp"

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <sstream>
#include <thread>

namespace strata::store {

namespace {

// Gc of a store of a few thousand versions takes seconds; one that holds
// gc.pid longer is stuck, and the caller goes on (and may then fail).
constexpr auto kMaxGcWait = std::chrono::seconds(60);
constexpr auto kGcPoll = std::chrono::milliseconds(10);

// The content of gc.pid while a gc holds it; nothing when there is none, or
// when it names a process of this host that no longer exists.
std::optional<std::string> running_gc(const std::filesystem::path& pid_file) {
  std::ifstream in(pid_file, std::ios::binary);
  if (!in) return std::nullopt;
  std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::istringstream fields(content);
  long pid = 0;
  std::string host;
  char ours[256] = {};
  if (fields >> pid >> host && pid > 0 && ::gethostname(ours, sizeof ours - 1) == 0 && host == ours &&
      ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) {
    return std::nullopt;
  }
  return content;
}

}  // namespace

bool wait_for_running_gc(const std::string& store_dir) {
  const std::filesystem::path pid_file = std::filesystem::path(store_dir) / "gc.pid";
  const std::optional<std::string> seen = running_gc(pid_file);
  if (!seen) return false;
  const auto deadline = std::chrono::steady_clock::now() + kMaxGcWait;
  while (std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(kGcPoll);
    if (running_gc(pid_file) != seen) break;
  }
  return true;
}

}  // namespace strata::store
