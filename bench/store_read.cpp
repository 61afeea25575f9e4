// The store's read path alone: every version's raw bytes read through
// Store::read_raw, as a cold `log`, `timeline` or `blame` reads them before
// any parsing. Run it under /usr/bin/time (CPU seconds) or
// `valgrind --tool=callgrind` (instructions) on an imported store.
// Usage: strata_store_read STORE
#include <cstdio>

#include "strata/store.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: strata_store_read STORE\n");
    return 2;
  }
  auto store = strata::Store::open(argv[1]);
  if (!store) {
    std::fprintf(stderr, "%s\n", store.error().message.c_str());
    return 2;
  }
  auto versions = store->versions();
  if (!versions) {
    std::fprintf(stderr, "%s\n", versions.error().message.c_str());
    return 2;
  }
  size_t bytes = 0;
  for (const auto& v : *versions) {
    auto raw = store->read_raw(v);
    if (!raw) {
      std::fprintf(stderr, "%s\n", raw.error().message.c_str());
      return 2;
    }
    bytes += raw->size();
  }
  std::printf("%zu versions, %zu bytes\n", versions->size(), bytes);
  return 0;
}
