// Compares two versions of a document and prints the strata.diff/1 JSON
// report: the smallest complete client of the library.
//
//   diff_to_json OLD NEW
//
// Exit status as diff(1): 0 the same, 1 different, 2 trouble.
#include <cstdio>

#include "strata/compare.hpp"
#include "strata/load.hpp"
#include "strata/render.hpp"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: %s OLD NEW\n", argv[0]);
    return 2;
  }
  auto old_doc = strata::load_document(argv[1]);
  if (!old_doc) {
    std::fprintf(stderr, "diff_to_json: %s\n", old_doc.error().message.c_str());
    return 2;
  }
  auto new_doc = strata::load_document(argv[2]);
  if (!new_doc) {
    std::fprintf(stderr, "diff_to_json: %s\n", new_doc.error().message.c_str());
    return 2;
  }
  const strata::ChangeSet changes = strata::compare(*old_doc, *new_doc);
  std::fputs(strata::render_diff_json(changes).c_str(), stdout);
  return changes.has_changes() ? 1 : 0;
}
