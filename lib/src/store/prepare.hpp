// Checking one snapshot before it is written: it reads as a document, its id
// and date are valid, and its bytes are hashed. Pure work on the snapshot
// alone (no repository), so import runs it on worker threads while the
// calling thread reads and writes git. Only lib/src/store includes this.
#pragma once

#include <memory>

#include <git2.h>

#include <cstdint>
#include <string>
#include <unordered_set>

#include "strata/ingest.hpp"
#include "strata/result.hpp"
#include "strata/store.hpp"

namespace strata::store {

// A snapshot checked and ready to write.
struct Prepared {
  std::string source;  // as given, for messages
  VersionInfo info;    // raw_blob and time (within what libgit2 can write) set; commit and position empty
  bool explicit_id = false;
  std::string raw;         // the bytes, exactly as read; empty once written
  std::string deflated;    // `raw` as a loose object file (deflate_loose_blob); empty if stored or once written
  git_oid raw_blob{};      // the git blob id of `raw`, computed once
  std::string raw_sha256;  // of `raw`, for meta.json
};

// What the snapshots of one import share, so that each part and block is
// read once: LoadOptions::cache and LoadOptions::sentences.
struct SharedReads {
  std::shared_ptr<ReadCache> parts = std::make_shared<ReadCache>();
  std::shared_ptr<SentenceCache> sentences = std::make_shared<SentenceCache>();
  // The raw blobs (ids in hex) of the stored versions: a snapshot already
  // stored is not deflated again, so that importing a history again costs
  // what checking it costs.
  std::shared_ptr<const std::unordered_set<std::string>> stored_blobs =
      std::make_shared<const std::unordered_set<std::string>>();
};

// Checks `s` (decodes and parses it, validates id, date, title and source),
// hashes its bytes and deflates them unless they are stored; `s.bytes` moves
// into the result. What `reads` holds
// is taken from it, and what it reads anew kept there. Thread-safe: it
// touches no repository (git_odb_hash is a pure function).
Result<Prepared> prepare(Snapshot& s, const SharedReads& reads);

}  // namespace strata::store
