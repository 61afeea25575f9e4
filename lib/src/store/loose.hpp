// Reading git's loose objects in front of libgit2's reader.
//
// libgit2 1.5.1 spins forever on a truncated loose object: its zstream loop
// treats zlib's Z_BUF_ERROR ("no more input") as progress. So no loose
// object reaches libgit2's reader unchecked: the bytes a caller wants are
// read here, in one pass that is the check (a complete zlib stream, a
// well-formed header whose size the content matches), and objects libgit2
// must parse (commits, trees, tags) are checked here first. Packed objects
// are not read here (strata never packs; `git gc` by hand may, and packs
// carry their own checksums): they go to libgit2.
#pragma once

#include <git2.h>

#include <optional>
#include <string>
#include <string_view>

#include "strata/result.hpp"

namespace strata::store {

struct LooseObject {
  git_object_t type = GIT_OBJECT_INVALID;
  std::string content;  // without git's "<type> <size>\0" header
};

// Loose object `oid` of the objects folder `objects_dir`, inflated once and
// checked as above, or nullopt when it has no loose file (the object may be
// packed, or libgit2 reports it missing). Its hash is not checked: the caller
// compares it with `oid` (blob_hashes_to) or hands the object to libgit2,
// which does. kCorrupt names `what` and the object; an object declaring more
// than kMaxInputBytes is refused (kInvalidInput) before any allocation.
Result<std::optional<LooseObject>> read_loose_object(const std::string& objects_dir, const git_oid& oid,
                                                     std::string_view what);

// read_loose_object() for an object libgit2 reads next, keeping only the verdict.
Result<void> check_loose_object(const std::string& objects_dir, const git_oid& oid, std::string_view what);

// The objects folder of an open repository.
std::string objects_dir(git_repository* repo);

// Where git keeps loose object `oid` in `objects_dir`: a folder named by the
// first two hex digits, a file by the other 38.
std::string loose_object_path(const std::string& objects_dir, const git_oid& oid);

}  // namespace strata::store
