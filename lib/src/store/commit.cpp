#include "store/commit.hpp"

#include <fmt/core.h>
#include <git2/sys/commit.h>
#include <git2/sys/mempack.h>
#include <git2/sys/odb_backend.h>

#include <chrono>
#include <cstring>
#include <thread>

#include "store/gc.hpp"
#include "store/git.hpp"
#include "store/loose.hpp"
#include "store/meta.hpp"
#include "store/odb.hpp"

namespace strata::store {

namespace {

// The writer lock makes a lost race impossible between strata processes; the
// compare-and-swap guards against plain git moving the branch meanwhile. A
// handful of retries covers that; more would hide a real fight over the ref.
// Writes that fail while a gc runs are tried as often.
constexpr int kMaxRefRetries = 8;
constexpr auto kRefRetryPause = std::chrono::milliseconds(20);
// Tries at the import's own ref while something else holds its lock: a
// `git gc` packs the refs of a store of a thousand versions in well under
// the 2 s that 100 tries at 20 ms make.
constexpr int kMaxLockedRef = 100;

// Rounds of rewriting objects a concurrent prune deleted. A prune works from
// the refs it read when it started, so it can delete a rewritten object again
// while it is still walking the object folders; a `git gc` is waited for
// (below), a `git prune` run alone is not, and the pause lets it finish
// before the next look (`git gc --prune=now` on a store of a hundred versions
// takes about 25 ms on the project's machine, its prune less). Three losses
// in a row mean something other than one prune is deleting objects.
constexpr int kMaxRestores = 3;
constexpr auto kRestorePause = std::chrono::milliseconds(100);

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

// The commit of `v` on `parent`, from ids: neither is read back. That they
// exist is what publish checks once the branch holds the chain.
Result<git_oid> write_commit(git_repository* repo, const WrittenVersion& v, const std::optional<git_oid>& parent) {
  git_signature* raw_sig = nullptr;
  if (int rc = git_signature_new(&raw_sig, "strata", "strata@localhost", v.info.time, 0); rc != 0) {
    return git_failure(rc, v.what + ": cannot make its signature");
  }
  SigPtr sig(raw_sig);
  const git_oid* parents[1] = {parent ? &*parent : nullptr};
  const std::string message = commit_message(v.info);
  git_oid commit;
  if (int rc = git_commit_create_from_ids(&commit, repo, nullptr, sig.get(), sig.get(), nullptr, message.c_str(),
                                          &v.tree, parent ? 1 : 0, parents);
      rc != 0) {
    return git_failure(rc, v.what + ": cannot write its commit");
  }
  return commit;
}

// Writes the objects of `v` other than its raw blob, on `parent`, setting
// their ids.
Result<void> write_after_blob(git_repository* repo, WrittenVersion& v, const std::optional<git_oid>& parent) {
  auto meta_blob = write_blob(repo, v.meta, v.what);
  if (!meta_blob) return meta_blob.error();
  v.meta_blob = *meta_blob;
  auto tree = write_tree(repo, v.raw_blob, v.meta_blob, v.what);
  if (!tree) return tree.error();
  v.tree = *tree;
  auto commit = write_commit(repo, v, parent);
  if (!commit) return commit.error();
  v.commit = *commit;
  return {};
}

// Writes the four objects of `v` (raw bytes `raw`) on `parent`, setting its
// ids. Objects are named by their content, so writing them again gives the
// same ids: this is also how pruned objects are restored (an object whose
// file is gone is written again, one still there only touched).
Result<void> write_objects(git_repository* repo, WrittenVersion& v, std::string_view raw,
                           const std::optional<git_oid>& parent) {
  if (auto ok = write_hashed_blob(repo, raw, v.raw_blob, v.what); !ok) return ok.error();
  return write_after_blob(repo, v, parent);
}

// Points kImportRef to `v`'s commit. A `git gc` packing refs locks each
// loose ref for a moment (`<ref>.lock`): a locked ref is tried again.
Result<void> hold(git_repository* repo, const WrittenVersion& v) {
  const std::string log = "strata import " + v.info.id;
  for (int attempt = 0;; ++attempt) {
    git_reference* raw_ref = nullptr;
    const int rc = git_reference_create(&raw_ref, repo, kImportRef, &v.commit, 1, log.c_str());
    git_reference_free(raw_ref);
    if (rc == 0) return {};
    if (rc != GIT_ELOCKED || attempt + 1 == kMaxLockedRef) {
      return git_failure(rc, v.what + ": cannot move " + kImportRef);
    }
    std::this_thread::sleep_for(kRefRetryPause);
  }
}

// `p` as a version to write, its objects' ids not known yet.
WrittenVersion to_write(const Prepared& p, size_t index, const std::string& what) {
  WrittenVersion v;
  v.index = index;
  v.info = p.info;
  v.meta = meta_json(p.info, p.raw.size(), p.raw_sha256);
  v.what = what;
  v.raw_blob = p.raw_blob;
  return v;
}

std::optional<git_oid> parent_of(const WrittenChain& chain, size_t k) {
  return k == 0 ? chain.base : std::optional<git_oid>(chain.versions[k - 1].commit);
}

// Writes every object of the chain again, each raw blob from the source,
// which must still hold the bytes that were hashed.
Result<void> restore(git_repository* repo, WrittenChain& chain, const ReadRaw& read_raw) {
  for (size_t k = 0; k < chain.versions.size(); ++k) {
    WrittenVersion& v = chain.versions[k];
    auto raw = read_raw(v.index);
    if (!raw) return raw.error();
    if (!blob_hashes_to(*raw, v.info.raw_blob)) {
      return make_error(ErrorCode::kInvalidArgument, fmt::format("{}: changed while being imported", v.what));
    }
    const git_oid before = v.commit;
    if (auto ok = write_objects(repo, v, *raw, parent_of(chain, k)); !ok) return ok.error();
    if (!git_oid_equal(&before, &v.commit)) {
      return make_error(ErrorCode::kCorrupt, fmt::format("{}: written again as another commit", v.what));
    }
  }
  return chain.versions.empty() ? Result<void>() : hold(repo, chain.versions.back());
}

// The chain's commits written again on a new base (the branch moved).
Result<void> rebase_chain(git_repository* repo, WrittenChain& chain) {
  for (size_t k = 0; k < chain.versions.size(); ++k) {
    auto commit = write_commit(repo, chain.versions[k], parent_of(chain, k));
    if (!commit) return commit.error();
    chain.versions[k].commit = *commit;
  }
  return hold(repo, chain.versions.back());
}

// True when every object of the chain is on disk now. Asked of an object
// database opened for the purpose, which has read nothing yet: the
// repository's own answers from its cache of objects read before, whatever
// the disk holds.
bool all_present(const std::string& objects, const WrittenChain& chain) {
  git_odb* raw_odb = nullptr;
  if (git_odb_open(&raw_odb, objects.c_str()) != 0) return false;
  const OdbPtr odb(raw_odb);
  for (const WrittenVersion& v : chain.versions) {
    for (const git_oid* id : {&v.commit, &v.tree, &v.raw_blob, &v.meta_blob}) {
      if (git_odb_exists(odb.get(), id) == 0) return false;
    }
  }
  return true;
}

// Moves the branch from `commit` back to `previous` (removes it when the
// store was empty), by compare-and-swap: only if it still holds `commit`.
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

// Once the branch leads to the chain's last commit: waits for a gc running
// now to end (a prune that read the refs before has then done all its
// deleting), checks that every object of the chain is on disk and writes
// those gone again, a few rounds. Empty when they stayed, else why not.
std::optional<std::string> lost_objects(git_repository* repo, WrittenChain& chain, const ReadRaw& read_raw,
                                        const ImportOptions& options) {
  const std::string objects = objects_dir(repo);
  const std::string commit = oid_hex(chain.versions.back().commit);
  const std::string git_dir = git_repository_path(repo);
  wait_for_running_gc(git_dir);
  for (int round = 0;; ++round) {
    if (options.before_objects_check) options.before_objects_check(commit);
    if (all_present(objects, chain)) return std::nullopt;
    if (round == kMaxRestores) break;
    auto again = restore(repo, chain, read_raw);
    if (!again && wait_for_running_gc(git_dir)) continue;  // as in append_version
    if (!again) return fmt::format("could not be written again ({})", again.error().message);
    std::this_thread::sleep_for(kRestorePause);
  }
  return fmt::format("did not stay when written again {} times", kMaxRestores);
}

// See publish: the check after the branch moved, and what follows.
Result<void> keep_or_move_back(git_repository* repo, WrittenChain& chain, const ReadRaw& read_raw,
                               const std::string& log, const std::string& what, const ImportOptions& options) {
  const git_oid head = chain.versions.back().commit;
  const std::optional<std::string> why = lost_objects(repo, chain, read_raw, options);
  if (!why) return {};
  const std::string lost = fmt::format(
      "{}: its objects were deleted after {} moved to commit {} (by a 'git gc --prune=now' running beside "
      "the import?) and {}",
      what, kBranch, oid_hex(head), *why);
  if (auto back = move_back(repo, head, chain.base, log, what); !back) {
    return make_error(ErrorCode::kCorrupt, fmt::format("{}; {}", lost, back.error().message));
  }
  return make_error(ErrorCode::kCorrupt,
                    fmt::format("{}; {} is back on the version before: nothing was stored", lost, kBranch));
}

}  // namespace

void release(git_repository* repo) {
  // As in hold, a ref a gc is packing is tried again. Left behind after
  // that, it keeps the objects of the import's versions from a prune until
  // the next import removes it.
  for (int attempt = 0; attempt < kMaxLockedRef; ++attempt) {
    git_reference* raw_ref = nullptr;
    if (git_reference_lookup(&raw_ref, repo, kImportRef) != 0) return;
    const RefPtr ref(raw_ref);
    if (git_reference_delete(ref.get()) != GIT_ELOCKED) return;
    std::this_thread::sleep_for(kRefRetryPause);
  }
}

Result<void> append_version(git_repository* repo, const Prepared& p, size_t index, WrittenChain& chain,
                            const ReadRaw& read_raw, const std::string& what) {
  WrittenVersion v = to_write(p, index, what);
  const std::string git_dir = git_repository_path(repo);
  for (int attempt = 0;; ++attempt) {
    auto written = write_loose_blob(repo, p.raw, p.deflated, v.raw_blob, v.what);
    if (written) written = write_after_blob(repo, v, parent_of(chain, chain.versions.size()));
    // The import's ref keeps the versions written so far from a prune: a
    // later version's tree and commit need the ones before.
    if (written) written = hold(repo, v);
    if (written) break;
    // A gc's prune deletes what this import wrote before its ref held it
    // (and the empty object folders libgit2 writes into): once that gc has
    // ended, writing again works. A prune seen too late to find its gc.pid
    // (between two runs of a gc in a loop) gets the same tries.
    if (attempt + 1 == kMaxRefRetries) return written.error();
    if (!wait_for_running_gc(git_dir)) std::this_thread::sleep_for(kRefRetryPause);
    if (!all_present(objects_dir(repo), chain)) {
      if (auto restored = restore(repo, chain, read_raw); !restored) return restored.error();
    }
  }
  chain.versions.push_back(std::move(v));
  return {};
}

Result<void> publish(git_repository* repo, WrittenChain& chain, const ReadRaw& read_raw, const std::string& what,
                     const ImportOptions& options) {
  if (chain.versions.empty()) return {};
  const std::string log = "strata import " + chain.versions.back().info.id;
  const std::string git_dir = git_repository_path(repo);
  git_oid zero;
  std::memset(&zero, 0, sizeof zero);
  for (int attempt = 0; attempt < kMaxRefRetries; ++attempt) {
    const git_oid head = chain.versions.back().commit;
    git_reference* raw_ref = nullptr;
    const int rc = git_reference_create_matching(&raw_ref, repo, kBranch, &head, 1, chain.base ? &*chain.base : &zero,
                                                 log.c_str());
    if (rc == 0) {
      git_reference_free(raw_ref);
      return keep_or_move_back(repo, chain, read_raw, log, what, options);
    }
    if (rc != GIT_EMODIFIED && rc != GIT_ELOCKED && rc != GIT_EEXISTS) {
      // libgit2 refuses to point a ref at an object that is not there: a
      // running gc's prune deleted the chain's head before the move.
      if (attempt + 1 < kMaxRefRetries && wait_for_running_gc(git_dir)) {
        if (auto restored = restore(repo, chain, read_raw); !restored) return restored.error();
        continue;
      }
      return git_failure(rc, what + ": cannot move " + kBranch);
    }
    std::this_thread::sleep_for(kRefRetryPause);
    git_oid now;
    if (int read = git_reference_name_to_id(&now, repo, kBranch); read == 0) {
      chain.base = now;
    } else if (read == GIT_ENOTFOUND) {
      chain.base.reset();
    } else {
      return git_failure(read, what + ": cannot read " + kBranch);
    }
    if (auto rebased = rebase_chain(repo, chain); !rebased) return rebased.error();
  }
  return make_error(ErrorCode::kLocked, fmt::format("{}: {} kept moving under this import ({} attempts); another "
                                                    "program is writing to the store",
                                                    what, kBranch, kMaxRefRetries));
}

Result<void> keep_rebuilt(git_repository* repo, WrittenChain& chain, const ReadRaw& read_raw, const std::string& what,
                          const ImportOptions& options) {
  const std::optional<std::string> why = lost_objects(repo, chain, read_raw, options);
  if (!why) return {};
  return make_error(ErrorCode::kCorrupt,
                    fmt::format("{}: the lost versions were written again, but their objects {}; {} still points to "
                                "commit {}, which is not in the store",
                                what, *why, kBranch, oid_hex(chain.versions.back().commit)));
}

Result<Rehearsal> Rehearsal::start(git_repository* repo, const std::optional<git_oid>& base) {
  Rehearsal out;
  git_odb* raw_odb = nullptr;
  git_odb_backend* memory = nullptr;
  if (int rc = git_odb_new(&raw_odb); rc != 0) return git_failure(rc, "cannot make an object database in memory");
  const OdbPtr odb(raw_odb);
  if (int rc = git_mempack_new(&memory); rc != 0) return git_failure(rc, "cannot make an object database in memory");
  if (int rc = git_odb_add_backend(odb.get(), memory, 1); rc != 0) {
    memory->free(memory);
    return git_failure(rc, "cannot make an object database in memory");
  }
  git_repository* raw_repo = nullptr;
  if (int rc = git_repository_wrap_odb(&raw_repo, odb.get()); rc != 0) return git_failure(rc, "cannot rehearse");
  out.scratch_.reset(raw_repo);
  out.last_ = base;
  if (!base) return out;
  // The first version's parent, which libgit2 checks is there.
  git_odb* raw_store = nullptr;
  if (int rc = git_repository_odb(&raw_store, repo); rc != 0) return git_failure(rc, "cannot read the store");
  const OdbPtr store(raw_store);
  git_odb_object* raw_commit = nullptr;
  if (int rc = git_odb_read(&raw_commit, store.get(), &*base); rc != 0) {
    return git_failure(rc, "cannot read commit " + oid_hex(*base));
  }
  const GitPtr<git_odb_object, git_odb_object_free> commit(raw_commit);
  git_oid copied;
  if (int rc = git_odb_write(&copied, odb.get(), git_odb_object_data(commit.get()), git_odb_object_size(commit.get()),
                             git_odb_object_type(commit.get()));
      rc != 0) {
    return git_failure(rc, "cannot copy commit " + oid_hex(*base));
  }
  return out;
}

Result<git_oid> Rehearsal::next(const Prepared& p, const std::string& what) {
  WrittenVersion v = to_write(p, 0, what);
  if (auto ok = write_objects(scratch_.get(), v, p.raw, last_); !ok) return ok.error();
  last_ = v.commit;
  return v.commit;
}

}  // namespace strata::store
