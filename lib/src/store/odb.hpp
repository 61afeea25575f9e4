// Blobs read and written through the object database's backends, without the
// SHA-1 that git_odb_read and git_odb_write compute over every object: import
// hashes each snapshot once, on a worker thread, and uses that hash both to
// check what it read and to name what it writes. Only lib/src/store includes
// this.
#pragma once

#include <git2.h>

#include <string>
#include <string_view>

#include "strata/result.hpp"

namespace strata::store {

// Stores `bytes` as blob `id`, which must be their git blob id (the caller
// hashed them). As git_odb_write: a blob already stored is only freshened
// (its file's time renewed, so that a gc's expiry keeps sparing it), else the
// first backend that can write writes it (the loose objects folder).
Result<void> write_hashed_blob(git_repository* repo, std::string_view bytes, const git_oid& id,
                               const std::string& what);

// A loose object file's bytes for blob `bytes`: "blob <size>\0" and the
// bytes, deflated as libgit2 deflates loose objects (zlib at Z_BEST_SPEED),
// so that the file is the one libgit2 would write. A pure function: import
// runs it on its checking threads, since the compression is most of the cost
// of writing a version and the writing thread is the one that sets the pace.
std::string deflate_loose_blob(std::string_view bytes);

// Stores blob `id` of `bytes` as git's loose object file, from its bytes
// `deflated` (deflate_loose_blob(bytes); deflated here when empty). As
// write_hashed_blob, a blob already stored is only freshened. The file is
// written as libgit2 writes one: to a temporary file in the objects folder
// (kObjectTempPrefix), made read-only and renamed into place; not flushed
// (flush_store). For a store on disk only.
Result<void> write_loose_blob(git_repository* repo, std::string_view bytes, std::string_view deflated,
                              const git_oid& id, const std::string& what);

// Whether libgit2 fsyncs each object and ref file it writes, and its folder,
// from now on in `repo`. libgit2 reads that option when it opens a
// repository's object database and refs, and keeps it: both are opened
// again here.
Result<void> set_git_fsync(git_repository* repo, bool fsync, const std::string& what);

// Flushes to disk everything written to the file system that holds the
// store (syncfs), its objects and folders included: one flush where an
// fsync per object file and per folder would make one each.
Result<void> flush_store(git_repository* repo, const std::string& what);

// The names of write_loose_blob's temporary files in the objects folder,
// swept as libgit2's are when a writer died (lock.cpp).
inline constexpr std::string_view kObjectTempPrefix = "tmp_object_strata_";

// The bytes of blob `id` as the backend holding it gives them, unchecked: the
// caller must compare their hash with `id` before trusting them.
Result<std::string> read_blob_unchecked(git_repository* repo, const git_oid& id, const std::string& what);

// True when `bytes` hash to the git blob id `id` (40 hex digits).
bool blob_hashes_to(std::string_view bytes, std::string_view id);

// kCorrupt: the bytes read from `source` do not hash to `id`, the blob id its
// repository names them by.
Error blob_mismatch(std::string_view source, std::string_view id);

}  // namespace strata::store
