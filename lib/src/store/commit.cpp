#include "store/commit.hpp"

#include <fmt/core.h>

#include <array>
#include <chrono>
#include <cstring>
#include <thread>

#include "store/gc.hpp"
#include "store/git.hpp"
#include "store/loose.hpp"
#include "store/meta.hpp"

namespace strata::store {

namespace {

// The writer lock makes a lost race impossible between strata processes; the
// compare-and-swap guards against plain git moving the branch meanwhile. A
// handful of retries covers that; more would hide a real fight over the ref.
constexpr int kMaxRefRetries = 8;
constexpr auto kRefRetryPause = std::chrono::milliseconds(20);

// Rounds of rewriting a version's objects a concurrent prune deleted. A prune
// works from the refs it read when it started, so it can delete a rewritten
// object again while it is still walking the object folders; a `git gc` is
// waited for (below), a `git prune` run alone is not, and the pause lets it
// finish before the next look (`git gc --prune=now` on a store of a hundred
// versions takes about 25 ms on the project's machine, its prune less).
// Three losses in a row mean something other than one prune is deleting
// objects.
constexpr int kMaxRestores = 3;
constexpr auto kRestorePause = std::chrono::milliseconds(100);

// The four objects of a version.
struct VersionObjects {
  git_oid commit;
  git_oid tree;
  git_oid raw_blob;
  git_oid meta_blob;
};

Result<git_oid> write_blob(git_repository* repo, std::string_view bytes, const std::string& what) {
  git_oid oid;
  if (int rc = git_blob_create_from_buffer(&oid, repo, bytes.data(), bytes.size()); rc != 0) {
    return git_failure(rc, what + ": cannot write a blob");
  }
  return oid;
}

Result<git_oid> write_tree(git_repository* repo, const git_oid& raw_blob, const git_oid& meta_blob,
                           const std::string& what) {
  git_treebuilder* raw_builder = nullptr;
  if (int rc = git_treebuilder_new(&raw_builder, repo, nullptr); rc != 0) return git_failure(rc, what);
  BuilderPtr builder(raw_builder);
  for (const auto& [name, blob] : {std::pair{kRawEntry, &raw_blob}, std::pair{kMetaEntry, &meta_blob}}) {
    if (int rc = git_treebuilder_insert(nullptr, builder.get(), name, blob, GIT_FILEMODE_BLOB); rc != 0) {
      return git_failure(rc, what + ": cannot build its tree");
    }
  }
  git_oid tree;
  if (int rc = git_treebuilder_write(&tree, builder.get()); rc != 0)
    return git_failure(rc, what + ": cannot write its tree");
  return tree;
}

// Writes the version's blobs, tree and commit (on `parent`, if any) without
// moving any ref. Objects are named by their content, so writing them again
// gives the same ids: this is also how pruned objects are restored (libgit2
// writes an object again when its file is gone, and only touches it when not).
Result<VersionObjects> write_version(git_repository* repo, const VersionInfo& info, std::string_view raw, int64_t time,
                                     const std::optional<git_oid>& parent_id, const std::string& what) {
  VersionObjects out{};
  auto raw_blob = write_blob(repo, raw, what);
  if (!raw_blob) return raw_blob.error();
  auto meta_blob = write_blob(repo, meta_json(info, raw), what);
  if (!meta_blob) return meta_blob.error();
  auto tree_id = write_tree(repo, *raw_blob, *meta_blob, what);
  if (!tree_id) return tree_id.error();
  out.raw_blob = *raw_blob;
  out.meta_blob = *meta_blob;
  out.tree = *tree_id;
  git_tree* raw_tree = nullptr;
  if (int rc = git_tree_lookup(&raw_tree, repo, &out.tree); rc != 0) return git_failure(rc, what);
  TreePtr tree(raw_tree);
  git_signature* raw_sig = nullptr;
  if (int rc = git_signature_new(&raw_sig, "strata", "strata@localhost", time, 0); rc != 0) {
    return git_failure(rc, what + ": cannot make its signature");
  }
  SigPtr sig(raw_sig);
  CommitPtr parent;
  if (parent_id) {
    git_commit* raw_parent = nullptr;
    if (int rc = git_commit_lookup(&raw_parent, repo, &*parent_id); rc != 0) {
      return git_failure(rc, what + ": cannot read the current last version");
    }
    parent.reset(raw_parent);
  }
  const git_commit* parents[1] = {parent.get()};
  const std::string message = commit_message(info);
  if (int rc = git_commit_create(&out.commit, repo, nullptr, sig.get(), sig.get(), nullptr, message.c_str(), tree.get(),
                                 parent_id ? 1 : 0, parents);
      rc != 0) {
    return git_failure(rc, what + ": cannot write its commit");
  }
  return out;
}

// True when all four objects are on disk now. Asked of an object database
// opened for the purpose, which has read nothing yet: the repository's own
// answers from its cache of objects read before, whatever the disk holds.
bool all_present(const std::string& objects, const VersionObjects& v) {
  git_odb* raw_odb = nullptr;
  if (git_odb_open(&raw_odb, objects.c_str()) != 0) return false;
  const GitPtr<git_odb, git_odb_free> odb(raw_odb);
  for (const git_oid* id : {&v.commit, &v.tree, &v.raw_blob, &v.meta_blob}) {
    if (git_odb_exists(odb.get(), id) == 0) return false;
  }
  return true;
}

// Moves the branch from `commit` back to `previous` (removes it when the
// version was the first), by compare-and-swap: only if it still holds `commit`.
Result<void> move_back(git_repository* repo, const git_oid& commit, const std::optional<git_oid>& previous,
                       const std::string& log, const std::string& what) {
  git_reference* raw_ref = nullptr;
  int rc = 0;
  if (previous) {
    rc = git_reference_create_matching(&raw_ref, repo, kBranch, &*previous, 1, &commit, log.c_str());
  } else if (rc = git_reference_lookup(&raw_ref, repo, kBranch); rc == 0) {
    const git_oid* now = git_reference_target(raw_ref);
    // git_reference_delete is itself a compare-and-swap against `now`.
    rc = now != nullptr && git_oid_equal(now, &commit) ? git_reference_delete(raw_ref) : GIT_EMODIFIED;
  }
  const RefPtr ref(raw_ref);
  if (rc != 0) return git_failure(rc, what + ": cannot move " + kBranch + " back");
  return {};
}

// See commit_on_branch: the check after the branch moved, and what follows.
Result<void> keep_or_move_back(git_repository* repo, const VersionInfo& info, std::string_view raw, int64_t time,
                               const std::optional<git_oid>& parent, const VersionObjects& written,
                               const std::string& log, const std::string& what, const ImportOptions& options) {
  const std::string objects = objects_dir(repo);
  const std::string commit = oid_hex(written.commit);
  const std::string git_dir = git_repository_path(repo);
  // A prune that read the refs before the move has done all its deleting
  // once its gc has ended; whatever it deleted is then written again.
  wait_for_running_gc(git_dir);
  for (int round = 0;; ++round) {
    if (options.before_objects_check) options.before_objects_check(commit);
    if (all_present(objects, written)) return {};
    if (round == kMaxRestores) break;
    auto again = write_version(repo, info, raw, time, parent, what);
    if (!again && wait_for_running_gc(git_dir)) continue;  // as in commit_on_branch
    if (!again || !git_oid_equal(&again->commit, &written.commit)) break;
    std::this_thread::sleep_for(kRestorePause);
  }
  const std::string lost = fmt::format(
      "{}: its objects were deleted after {} moved to commit {} (by a 'git gc --prune=now' running beside the "
      "import?) and did not stay when written again {} times",
      what, kBranch, commit, kMaxRestores);
  if (auto back = move_back(repo, written.commit, parent, log, what); !back) {
    return make_error(ErrorCode::kCorrupt, fmt::format("{}; {}", lost, back.error().message));
  }
  return make_error(ErrorCode::kCorrupt,
                    fmt::format("{}; {} is back on the version before: nothing was stored", lost, kBranch));
}

}  // namespace

Result<git_oid> commit_on_branch(git_repository* repo, const VersionInfo& info, std::string_view raw, int64_t time,
                                 std::optional<git_oid>& tip, const std::string& what, const ImportOptions& options) {
  const std::string log = "strata import " + info.id;
  const std::string git_dir = git_repository_path(repo);
  for (int attempt = 0; attempt < kMaxRefRetries; ++attempt) {
    const std::optional<git_oid> parent = tip;
    auto written = write_version(repo, info, raw, time, parent, what);
    // A running gc's prune deletes what this import writes before the branch
    // references it (and the empty object folders libgit2 writes into): once
    // it has ended, writing again works.
    if (!written && attempt + 1 < kMaxRefRetries && wait_for_running_gc(git_dir)) continue;
    if (!written) return written.error();
    git_oid zero;
    std::memset(&zero, 0, sizeof zero);
    git_reference* raw_ref = nullptr;
    const int rc =
        git_reference_create_matching(&raw_ref, repo, kBranch, &written->commit, 1, tip ? &*tip : &zero, log.c_str());
    if (rc == 0) {
      git_reference_free(raw_ref);
      if (auto kept = keep_or_move_back(repo, info, raw, time, parent, *written, log, what, options); !kept) {
        return kept.error();
      }
      tip = written->commit;
      return written->commit;
    }
    if (rc != GIT_EMODIFIED && rc != GIT_ELOCKED && rc != GIT_EEXISTS) {
      // libgit2 refuses to point a ref at an object that is not there.
      if (attempt + 1 < kMaxRefRetries && wait_for_running_gc(git_dir)) continue;
      return git_failure(rc, what + ": cannot move " + kBranch);
    }
    std::this_thread::sleep_for(kRefRetryPause);
    git_oid now;
    if (int read = git_reference_name_to_id(&now, repo, kBranch); read == 0) {
      tip = now;
    } else if (read == GIT_ENOTFOUND) {
      tip.reset();
    } else {
      return git_failure(read, what + ": cannot read " + kBranch);
    }
  }
  return make_error(ErrorCode::kLocked, fmt::format("{}: {} kept moving under this import ({} attempts); another "
                                                    "program is writing to the store",
                                                    what, kBranch, kMaxRefRetries));
}

}  // namespace strata::store
