// Writing versions: their objects, chained on the branch's tip without moving
// it, then the branch moved once to the last of them by compare-and-swap and
// the check that every object is still there once the branch holds them.
// Only import.cpp calls this; only lib/src/store includes it.
#pragma once

#include <git2.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "store/git.hpp"
#include "store/prepare.hpp"
#include "strata/result.hpp"
#include "strata/store.hpp"

namespace strata::store {

// A version whose objects are written: what it takes to write them again
// (all but the raw bytes, which are read again from the source).
struct WrittenVersion {
  size_t index = 0;  // in the source
  VersionInfo info;  // as committed
  std::string meta;  // meta.json as written
  std::string what;  // "store S: importing F as 'ID'", for messages
  git_oid raw_blob{};
  git_oid meta_blob{};
  git_oid tree{};
  git_oid commit{};
};

// Versions written by one import, oldest first, each the parent of the next;
// the first's parent is `base`, the branch's tip when the import began (none
// on an empty store).
struct WrittenChain {
  std::optional<git_oid> base;
  std::vector<WrittenVersion> versions;
};

// The raw bytes of source snapshot `index`, read again to restore objects a
// concurrent prune deleted.
using ReadRaw = std::function<Result<std::string>(size_t index)>;

// Writes `p` (its info final) on top of the chain's last version, points
// kImportRef to it (the branch does not move), and appends it to `chain`. The raw blob is written under the id
// `p.raw_blob` computed when `p` was prepared, not hashed again, from
// `p.deflated` when that was deflated then (write_loose_blob). A write that
// fails while a `git gc` runs (its prune deletes what no ref leads to, and
// the empty object folders libgit2 writes into) is tried again once that gc
// has ended, after the chain's earlier objects are restored.
Result<void> append_version(git_repository* repo, const Prepared& p, size_t index, WrittenChain& chain,
                            const ReadRaw& read_raw, const std::string& what);

// Moves the branch from `chain.base` to the chain's last version if it still
// points to `chain.base` (the zero id: no branch yet); on a lost race re-reads
// the branch, writes the chain's commits again on top of it and tries again,
// a few times. Then checks that every object of the chain exists: a
// concurrent `git gc --prune=now` that read the refs before the move deletes
// them (so when a gc is running, the check waits for it to end, up to a
// minute). Gone objects are written again (they are named by their content,
// so the same ids come back; raw bytes read again through `read_raw` must
// hash as before) and checked after a pause, a few rounds; if they still do
// not stay, the branch is moved back to `chain.base` and the result is
// kCorrupt: strata never leaves the branch on a missing object. `what` names
// the import in messages. Empty chain: nothing to do.
Result<void> publish(git_repository* repo, WrittenChain& chain, const ReadRaw& read_raw, const std::string& what,
                     const ImportOptions& options);

// For a repair (import.cpp): `chain` rebuilds the commit the branch points
// to, which was not in the store. As publish once the branch moved: checks
// that every object of the chain stays, writing gone ones again; kCorrupt
// when they do not (the branch is left as it was found).
Result<void> keep_rebuilt(git_repository* repo, WrittenChain& chain, const ReadRaw& read_raw, const std::string& what,
                          const ImportOptions& options);

// The commits versions would have, worked out by writing their objects to a
// repository whose only object database is in memory: nothing reaches the
// store. The chain starts on `base` (none: a first version), copied in.
class Rehearsal {
 public:
  static Result<Rehearsal> start(git_repository* repo, const std::optional<git_oid>& base);
  // The commit of `p` (its bytes in `p.raw`) on the last version rehearsed.
  Result<git_oid> next(const Prepared& p, const std::string& what);

 private:
  RepoPtr scratch_;
  std::optional<git_oid> last_;
};

// Removes kImportRef, which append_version points to the last version
// written, once the import has ended, stored or not.
void release(git_repository* repo);

}  // namespace strata::store
