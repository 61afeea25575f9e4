// parse_document() for bytes the caller hands over: they are let go once
// ingest has read them, so that a version is not held as bytes through its
// segmentation too (the version of a diff read second: its bytes, 22 MB
// for a million lines, were held at the peak of loading it).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

#include "strata/load.hpp"

namespace strata::pipeline {

Result<Document> parse_owned(std::string bytes, std::string_view source, const LoadOptions& options);

// Pairs of less input than this are read on one thread: two took 1.03 to
// 1.07 times the wall time and more CPU on pairs of 30 to 100 KB (the
// bundled pair among them), the same at 300 KB, 0.95 times at 1 MB.
inline constexpr size_t kParallelPairBytes = 256 * 1024;

// A version of a pair to parse: its bytes, handed over, its source and how
// it is read.
struct OwnedVersion {
  std::string bytes;
  std::string_view source;
  const LoadOptions* options = nullptr;
};

// parse_owned() of the two versions of a pair, the old one's trouble
// reported first. A block both hold is normalized and split once, and the
// two share its sentences' texts; the work is divided between two threads.
Result<std::pair<Document, Document>> parse_owned_pair(OwnedVersion old_version, OwnedVersion new_version);

}  // namespace strata::pipeline
