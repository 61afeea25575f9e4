// Compares two texts given on the command line through the installed
// library and prints the counts of claim changes: proof that the package
// links and works, not only that it compiles.
#include <cstdio>

#include "strata/compare.hpp"
#include "strata/load.hpp"
#include "strata/render.hpp"
#include "strata/version.hpp"

int main(int argc, char** argv) {
  if (argc != 3) return 2;
  auto old_doc = strata::parse_document(argv[1], "old");
  auto new_doc = strata::parse_document(argv[2], "new");
  if (!old_doc || !new_doc) return 2;
  const strata::ChangeSet changes = strata::compare(*old_doc, *new_doc);
  std::printf("strata %s\n", strata::kVersion);
  for (const auto& [status, n] : strata::count_claim_changes(changes)) std::printf("%s %d\n", status.c_str(), n);
  return changes.has_changes() ? 1 : 0;
}
