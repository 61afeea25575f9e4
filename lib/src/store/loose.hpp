// A guard in front of libgit2's loose-object reader.
//
// libgit2 1.5.1 spins forever on a truncated loose object: its zstream loop
// treats zlib's Z_BUF_ERROR ("no more input") as progress. Every object the
// store reads is first checked here to be a complete zlib stream, so damage
// becomes an error instead of a hang. Packed objects are not checked (strata
// never packs; `git gc` by hand may, and packs carry their own checksums).
#pragma once

#include <git2.h>

#include <string>
#include <string_view>

#include "strata/result.hpp"

namespace strata::store {

// `objects_dir` is the repository's objects folder. A missing file is not an
// error here (the object may be packed, or libgit2 reports it missing).
Result<void> check_loose_object(const std::string& objects_dir, const git_oid& oid, std::string_view what);

// The objects folder of an open repository.
std::string objects_dir(git_repository* repo);

}  // namespace strata::store
