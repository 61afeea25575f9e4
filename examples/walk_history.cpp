// Walks the versions of a history store, oldest first, with the size of each
// change from the version before it.
//
//   walk_history STORE_DIR
#include <cstdio>

#include "strata/history.hpp"
#include "strata/store.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s STORE_DIR\n", argv[0]);
    return 2;
  }
  auto store = strata::Store::open(argv[1]);
  if (!store) {
    std::fprintf(stderr, "walk_history: %s\n", store.error().message.c_str());
    return 2;
  }
  auto log = strata::version_log(*store, /*sizes=*/true);
  if (!log) {
    std::fprintf(stderr, "walk_history: %s\n", log.error().message.c_str());
    return 2;
  }
  for (const strata::LogEntry& entry : *log) {
    std::printf("%s  %s  %s", entry.version.id.c_str(), entry.version.date.c_str(), entry.version.title.c_str());
    if (entry.change) {
      std::printf("  (+%d -%d ~%d claims)", entry.change->claims_added, entry.change->claims_removed,
                  entry.change->claims_modified);
    }
    std::printf("\n");
  }
  return 0;
}
