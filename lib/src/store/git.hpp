// RAII handles for libgit2 objects and the one place libgit2 errors become
// strata Errors. Only lib/src/store includes this header.
#pragma once

#include <git2.h>

#include <memory>
#include <string>
#include <string_view>

#include "strata/result.hpp"

namespace strata::store {

template <typename T, void (*Free)(T*)>
struct GitDeleter {
  void operator()(T* p) const { Free(p); }
};

template <typename T, void (*Free)(T*)>
using GitPtr = std::unique_ptr<T, GitDeleter<T, Free>>;

using RepoPtr = GitPtr<git_repository, git_repository_free>;
using CommitPtr = GitPtr<git_commit, git_commit_free>;
using TreePtr = GitPtr<git_tree, git_tree_free>;
using BlobPtr = GitPtr<git_blob, git_blob_free>;
using RefPtr = GitPtr<git_reference, git_reference_free>;
using SigPtr = GitPtr<git_signature, git_signature_free>;
using BuilderPtr = GitPtr<git_treebuilder, git_treebuilder_free>;
using ConfigPtr = GitPtr<git_config, git_config_free>;
using WalkPtr = GitPtr<git_revwalk, git_revwalk_free>;
using DiffPtr = GitPtr<git_diff, git_diff_free>;
using ObjectPtr = GitPtr<git_object, git_object_free>;
using EntryPtr = GitPtr<git_tree_entry, git_tree_entry_free>;
using OdbPtr = GitPtr<git_odb, git_odb_free>;

// libgit2 needs one global init per process. It is made on first use and
// kept to the end of the process: an init reads the system's CA certificates
// (about 10 ms with Debian's Mbed TLS build), and shutting down between two
// store handles, as `strata diff a.txt b.txt` opens, would pay it each time.
// The init also cuts libgit2 off from the user's and the system's git
// configuration (see init_isolated_libgit2).
class GitLibrary {
 public:
  GitLibrary();
};

// "<context>: <libgit2's last message>" with the code mapped to strata's.
Error git_failure(int code, std::string_view context);

std::string oid_hex(const git_oid& oid);
bool parse_oid(std::string_view hex, git_oid& out);

}  // namespace strata::store
