// Transparent huge pages for the heap of a run that has grown large.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <string_view>

namespace strata::cli {

// With jemalloc linked (STRATA_JEMALLOC): from here on, memory the heap maps
// past its first kHeapOnSmallPages bytes is asked for on huge pages, while
// the kernel has them free. Without jemalloc, does nothing.
void grow_heap_onto_huge_pages();

// grow_heap_onto_huge_pages(), when the files among `operands` (the others
// are store revisions) come to kLargeInputBytes or more.
void prepare_heap_for(std::initializer_list<std::string_view> operands);

// Bytes free in blocks of 2 MiB or more, by the text of /proc/buddyinfo
// (4 KiB pages); 0 for text it cannot read. Allocates nothing: it runs
// inside the allocator.
size_t free_huge_page_bytes(std::string_view buddyinfo);

// A run's heap grows to about six times its input, so that inputs of this
// size take it past kHeapOnSmallPages. Smaller runs do not pay for the
// hooks (0.15 million instructions: jemalloc sets up its control tree at
// the first call), and a 1 MB pair's peak stays as it was.
inline constexpr size_t kLargeInputBytes = size_t{4} << 20;
// A run keeps its first mappings on pages of 4 KiB.
inline constexpr size_t kHeapOnSmallPages = size_t{16} << 20;
// Huge pages are asked for only while this much more than the mapping is
// free in blocks of 2 MiB.
inline constexpr size_t kFreeHugePagesMargin = size_t{256} << 20;

}  // namespace strata::cli
