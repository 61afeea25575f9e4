#include "huge_pages.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <string>

#ifdef STRATA_JEMALLOC
#include <fcntl.h>
#include <jemalloc/jemalloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <atomic>
#endif

// Why: a 10 MB pair's run took 32,000 page faults of 4 KiB, about a seventh
// of its CPU time on the project's virtual machines, where a fault costs
// some 3.4 us; on huge pages it takes a fifteenth of the faults. Asked for
// from the first byte (jemalloc's `thp:always`), huge pages slowed every
// start (a one-line diff 3.7 -> 5.6 ms) and grew a 1 MB pair's peak by half,
// for pages those runs never filled: so the first kHeapOnSmallPages stay on
// small pages. Where the kernel has no free huge page it compacts memory to
// make one, in the faulting thread, which cost up to a second of a run on a
// busy machine: so huge pages are asked for only while buddyinfo shows
// them free. docs/benchmarks.md has the figures.

namespace strata::cli {

size_t free_huge_page_bytes(std::string_view buddyinfo) {
  // A line a zone: "Node 0, zone   Normal  n0 n1 ... n10", the number of
  // free blocks of 2^order pages; a huge page is a block of order 9.
  constexpr int kHugeOrder = 9;
  constexpr int kPageShift = 12;
  size_t total = 0;
  while (!buddyinfo.empty()) {
    const size_t eol = buddyinfo.find('\n');
    std::string_view line = buddyinfo.substr(0, eol);
    buddyinfo.remove_prefix(eol == std::string_view::npos ? buddyinfo.size() : eol + 1);
    const size_t zone = line.find("zone");
    if (zone == std::string_view::npos) continue;
    line.remove_prefix(zone + 4);
    line.remove_prefix(std::min(line.find_first_not_of(' '), line.size()));
    line.remove_prefix(std::min(line.find(' '), line.size()));  // the zone's name
    for (int order = 0;; ++order) {
      line.remove_prefix(std::min(line.find_first_not_of(' '), line.size()));
      uint64_t count = 0;
      const auto [end, error] = std::from_chars(line.data(), line.data() + line.size(), count);
      if (error != std::errc() || order > 20) break;
      if (order >= kHugeOrder) total += static_cast<size_t>(count) << (kPageShift + order);
      line.remove_prefix(static_cast<size_t>(end - line.data()));
    }
  }
  return total;
}

void prepare_heap_for(std::initializer_list<std::string_view> operands) {
  size_t bytes = 0;
  for (const std::string_view operand : operands) {
    struct stat info {};
    if (stat(std::string(operand).c_str(), &info) == 0 && S_ISREG(info.st_mode)) {
      bytes += static_cast<size_t>(info.st_size);
    }
  }
  if (bytes >= kLargeInputBytes) grow_heap_onto_huge_pages();
}

#ifdef STRATA_JEMALLOC
namespace {

constexpr size_t kHugePage = size_t{2} << 20;

extent_hooks_t* jemalloc_hooks = nullptr;
extent_hooks_t hooks;
std::atomic<size_t> mapped{0};

size_t free_huge_bytes_now() {
  const int fd = open("/proc/buddyinfo", O_RDONLY | O_CLOEXEC);
  if (fd < 0) return 0;
  char text[4096];
  const ssize_t got = read(fd, text, sizeof text);
  close(fd);
  // A text that filled the buffer may have lost zones: read as it is, it
  // only counts fewer free pages.
  return got > 0 ? free_huge_page_bytes(std::string_view(text, static_cast<size_t>(got))) : 0;
}

// jemalloc maps memory through this hook: its own, then the advice.
void* map_extent(extent_hooks_t*, void* new_addr, size_t size, size_t alignment, bool* zero, bool* commit,
                 unsigned arena) {
  void* got = jemalloc_hooks->alloc(jemalloc_hooks, new_addr, size, alignment, zero, commit, arena);
  if (got == nullptr || size < kHugePage) return got;
  if (mapped.fetch_add(size, std::memory_order_relaxed) + size <= kHeapOnSmallPages) return got;
  if (free_huge_bytes_now() >= size + kFreeHugePagesMargin) madvise(got, size, MADV_HUGEPAGE);
  return got;
}

}  // namespace

void grow_heap_onto_huge_pages() {
  // Arena 0 is the only one (malloc_conf in main.cpp: narenas:1, and no
  // arena of its own for large requests).
  size_t size = sizeof jemalloc_hooks;
  if (mallctl("arena.0.extent_hooks", &jemalloc_hooks, &size, nullptr, 0) != 0 || jemalloc_hooks == nullptr) return;
  hooks = *jemalloc_hooks;
  hooks.alloc = map_extent;
  extent_hooks_t* ours = &hooks;
  mallctl("arena.0.extent_hooks", nullptr, nullptr, &ours, sizeof ours);
}
#else
void grow_heap_onto_huge_pages() {}
#endif

}  // namespace strata::cli
