// The program's heap on huge pages once it has grown (cli/huge_pages.cpp):
// the free huge pages read from /proc/buddyinfo, and the heap's first
// mappings on small pages, its later ones on huge pages. Built apart from
// the other tests, with the program's allocator.
#include <gtest/gtest.h>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "huge_pages.hpp"

#ifdef STRATA_JEMALLOC
extern "C" {
extern const char* malloc_conf;
const char* malloc_conf = "narenas:1,oversize_threshold:0";  // as the program's (cli/main.cpp)
}
#endif

namespace strata::cli {
namespace {

constexpr size_t kMiB = size_t{1} << 20;

// A machine's buddyinfo: three zones; free blocks of order 0 to 10.
constexpr std::string_view kBuddyinfo =
    "Node 0, zone      DMA      0      0      0      0      0      0      0      0      1      1      3 \n"
    "Node 0, zone    DMA32      4      1      2      2      2      2      1      4      4      2    752 \n"
    "Node 0, zone   Normal   7124   3461   2610   5673   2923   1442    831    832    443    206    179 \n";

TEST(HugePages, FreeBlocksOfTwoMegabytesAndMoreAreCounted) {
  // Order 9 is 2 MiB, order 10 4 MiB; the smaller blocks do not count.
  const size_t expected = (1 + 2 + 206) * 2 * kMiB + (3 + 752 + 179) * 4 * kMiB;
  EXPECT_EQ(free_huge_page_bytes(kBuddyinfo), expected);
  // One zone alone, without its line end.
  EXPECT_EQ(free_huge_page_bytes(
                kBuddyinfo.substr(kBuddyinfo.rfind("Node"), kBuddyinfo.size() - 1 - kBuddyinfo.rfind("Node"))),
            (206 * 2 + 179 * 4) * kMiB);
}

TEST(HugePages, TextItCannotReadCountsNothing) {
  EXPECT_EQ(free_huge_page_bytes(""), 0u);
  EXPECT_EQ(free_huge_page_bytes("no zones here\n"), 0u);
  EXPECT_EQ(free_huge_page_bytes("Node 0, zone Normal\n"), 0u);
  EXPECT_EQ(free_huge_page_bytes("Node 0, zone Normal 1 2 x 4 5 6 7 8 9 10 11\n"), 0u);  // stops at the x
  // A line cut short counts the orders it has.
  EXPECT_EQ(free_huge_page_bytes("Node 0, zone Normal 0 0 0 0 0 0 0 0 0 5"), 5 * 2 * kMiB);
  // More orders than a kernel has are not read as larger and larger blocks.
  std::string many = "Node 0, zone Normal";
  for (int order = 0; order < 64; ++order) many += " 1";
  EXPECT_LT(free_huge_page_bytes(many), size_t{1} << 40);
}

#ifdef STRATA_JEMALLOC
size_t anonymous_huge_kib() {
  std::ifstream rollup("/proc/self/smaps_rollup");
  std::string line;
  while (std::getline(rollup, line)) {
    if (line.rfind("AnonHugePages:", 0) == 0) return std::strtoull(line.c_str() + 14, nullptr, 10);
  }
  return 0;
}

std::string file_text(const char* path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Blocks of 1 MiB, each page written, so that the kernel maps them.
void take(std::vector<char*>& blocks, size_t mib) {
  for (size_t k = 0; k < mib; ++k) {
    auto* block = static_cast<char*>(std::malloc(kMiB));
    ASSERT_NE(block, nullptr);
    for (size_t at = 0; at < kMiB; at += 4096) block[at] = 1;
    blocks.push_back(block);
  }
}

TEST(HugePages, TheHeapGrowsOntoHugePagesPastItsFirstMappings) {
  // Only where huge pages are given on request: with "always" every heap
  // has them, with "never" none.
  if (file_text("/sys/kernel/mm/transparent_hugepage/enabled").find("[madvise]") == std::string::npos) {
    GTEST_SKIP() << "transparent huge pages are not given on request here";
  }
  if (free_huge_page_bytes(file_text("/proc/buddyinfo")) < kFreeHugePagesMargin + 128 * kMiB) {
    GTEST_SKIP() << "too few free huge pages here";
  }
  grow_heap_onto_huge_pages();
  std::vector<char*> blocks;
  take(blocks, kHeapOnSmallPages / kMiB / 2);
  EXPECT_EQ(anonymous_huge_kib(), 0u) << "the first mappings stay on small pages";
  take(blocks, 96);
  EXPECT_GT(anonymous_huge_kib(), 0u) << "the heap past them is on huge pages";
  for (char* block : blocks) std::free(block);
}
#endif

}  // namespace
}  // namespace strata::cli
