// Bringing in a document already tracked in git: every version of one file.
#include <fmt/core.h>
#include <algorithm>

#include "ingest/ingest.hpp"
#include "store/git.hpp"
#include "store/loose.hpp"
#include "store/odb.hpp"
#include "store/revision.hpp"
#include "strata/store.hpp"
#include "text/dates.hpp"

namespace strata {

namespace {

using store::git_failure;

// The entry for `path` in a commit's tree, or nullptr when absent.
store::EntryPtr entry_at(git_commit* commit, const std::string& path) {
  git_tree* raw_tree = nullptr;
  if (git_commit_tree(&raw_tree, commit) != 0) return nullptr;
  store::TreePtr tree(raw_tree);
  git_tree_entry* entry = nullptr;
  if (git_tree_entry_bypath(&entry, tree.get(), path.c_str()) != 0) return nullptr;
  if (git_tree_entry_type(entry) != GIT_OBJECT_BLOB) {
    git_tree_entry_free(entry);
    return nullptr;
  }
  return store::EntryPtr(entry);
}

// The path `path` had in `parent` when `child` renamed it, if it did.
std::optional<std::string> renamed_from(git_repository* repo, git_commit* parent, git_commit* child,
                                        const std::string& path) {
  git_tree* raw_old = nullptr;
  git_tree* raw_new = nullptr;
  if (git_commit_tree(&raw_old, parent) != 0) return std::nullopt;
  store::TreePtr old_tree(raw_old);
  if (git_commit_tree(&raw_new, child) != 0) return std::nullopt;
  store::TreePtr new_tree(raw_new);
  git_diff* raw_diff = nullptr;
  if (git_diff_tree_to_tree(&raw_diff, repo, old_tree.get(), new_tree.get(), nullptr) != 0) return std::nullopt;
  store::DiffPtr diff(raw_diff);
  git_diff_find_options find = GIT_DIFF_FIND_OPTIONS_INIT;
  find.flags = GIT_DIFF_FIND_RENAMES;
  if (git_diff_find_similar(diff.get(), &find) != 0) return std::nullopt;
  for (size_t i = 0; i < git_diff_num_deltas(diff.get()); ++i) {
    const git_diff_delta* delta = git_diff_get_delta(diff.get(), i);
    if (delta->status == GIT_DELTA_RENAMED && path == delta->new_file.path) return std::string(delta->old_file.path);
  }
  return std::nullopt;
}

// One version found by the walk: where its bytes are, not the bytes.
struct GitVersion {
  git_oid blob;
  git_oid commit;
  int64_t time = 0;
  std::string path;  // the file's path at that commit
};

// Versions of one file, read from the repository only when asked for: the
// walk keeps object ids, so a history of a thousand versions of a large file
// costs the memory of one.
class GitHistorySource final : public SnapshotSource {
 public:
  GitHistorySource(std::string repo_dir, store::RepoPtr repo, std::vector<GitVersion> versions)
      : repo_dir_(std::move(repo_dir)), repo_(std::move(repo)), versions_(std::move(versions)) {}

  size_t size() const override { return versions_.size(); }

  Result<Snapshot> read(size_t i) override {
    const GitVersion& v = versions_.at(i);
    const std::string hex = store::oid_hex(v.commit);
    const std::string what = fmt::format("{}: {} at commit {}", repo_dir_, v.path, hex);
    // Read without libgit2's hash check: import checks the bytes against
    // blob_id as it hashes them anyway, on its worker threads.
    auto loose = store::read_loose_object(store::objects_dir(repo_.get()), v.blob, what);
    if (!loose) return loose.error();
    if (*loose && (*loose)->type != GIT_OBJECT_BLOB) {
      return make_error(ErrorCode::kCorrupt, fmt::format("{}: object {} is not a blob", what, store::oid_hex(v.blob)));
    }
    auto bytes = *loose ? Result<std::string>(std::move((*loose)->content))
                        : store::read_blob_unchecked(repo_.get(), v.blob, what);
    if (!bytes) return bytes.error();
    Snapshot s;
    s.bytes = std::move(*bytes);
    s.blob_id = store::oid_hex(v.blob);
    s.time = v.time;
    s.date = utc_date(v.time);
    s.id = fmt::format("{}-{}", s.date, hex.substr(0, 10));
    s.source = fmt::format("{}:{}@{}", repo_dir_, v.path, hex.substr(0, 10));
    s.format = format_from_path(v.path);
    return s;
  }

 private:
  store::GitLibrary library_;
  std::string repo_dir_;
  store::RepoPtr repo_;
  std::vector<GitVersion> versions_;  // oldest first
};

}  // namespace

Result<std::unique_ptr<SnapshotSource>> open_git_history(const std::string& repo_dir, const std::string& path) {
  store::GitLibrary library;
  git_repository* raw_repo = nullptr;
  if (int rc = git_repository_open_ext(&raw_repo, repo_dir.c_str(), GIT_REPOSITORY_OPEN_NO_SEARCH, nullptr); rc != 0) {
    return git_failure(rc, fmt::format("{}: cannot open the git repository", repo_dir));
  }
  store::RepoPtr repo(raw_repo);
  git_oid oid;
  if (int rc = git_reference_name_to_id(&oid, repo.get(), "HEAD"); rc != 0) {
    return git_failure(rc, fmt::format("{}: no HEAD commit", repo_dir));
  }
  const std::string objects = store::objects_dir(repo.get());

  // First parents only, newest first: the line of history a reader followed.
  std::vector<GitVersion> newest_first;
  std::string current = path;
  for (bool more = true; more;) {
    const std::string what = fmt::format("{}: commit {}", repo_dir, store::oid_hex(oid));
    if (auto intact = store::check_loose_object(objects, oid, what); !intact) return intact.error();
    git_commit* raw_commit = nullptr;
    if (int rc = git_commit_lookup(&raw_commit, repo.get(), &oid); rc != 0) return git_failure(rc, what);
    store::CommitPtr commit(raw_commit);
    const git_oid this_commit = oid;
    store::CommitPtr parent;
    if (git_commit_parentcount(commit.get()) > 0) {
      oid = *git_commit_parent_id(commit.get(), 0);
      const std::string parent_what = fmt::format("{}: parent of commit {}", repo_dir, store::oid_hex(this_commit));
      if (auto intact = store::check_loose_object(objects, oid, parent_what); !intact) return intact.error();
      git_commit* raw_parent = nullptr;
      if (int rc = git_commit_parent(&raw_parent, commit.get(), 0); rc != 0) return git_failure(rc, parent_what);
      parent.reset(raw_parent);
    } else {
      more = false;
    }
    store::EntryPtr here = entry_at(commit.get(), current);
    if (!here) continue;
    std::string older_path = current;
    if (parent) {
      store::EntryPtr before = entry_at(parent.get(), current);
      if (before && git_oid_equal(git_tree_entry_id(before.get()), git_tree_entry_id(here.get()))) continue;
      if (!before) {
        if (auto from = renamed_from(repo.get(), parent.get(), commit.get(), current)) {
          older_path = *from;
          // A pure rename is not a new version of the text.
          store::EntryPtr old_entry = entry_at(parent.get(), older_path);
          if (old_entry && git_oid_equal(git_tree_entry_id(old_entry.get()), git_tree_entry_id(here.get()))) {
            current = older_path;
            continue;
          }
        }
      }
    }
    newest_first.push_back({*git_tree_entry_id(here.get()), this_commit, git_commit_time(commit.get()), current});
    current = older_path;
  }
  if (newest_first.empty()) {
    return make_error(ErrorCode::kNotFound,
                      fmt::format("{}: no version of '{}' in the history of HEAD", repo_dir, path));
  }
  std::reverse(newest_first.begin(), newest_first.end());
  return std::unique_ptr<SnapshotSource>(
      std::make_unique<GitHistorySource>(repo_dir, std::move(repo), std::move(newest_first)));
}

Result<std::vector<Snapshot>> read_git_history(const std::string& repo_dir, const std::string& path) {
  auto source = open_git_history(repo_dir, path);
  if (!source) return source.error();
  std::vector<Snapshot> out;
  for (size_t i = 0; i < (*source)->size(); ++i) {
    auto s = (*source)->read(i);
    if (!s) return s.error();
    if (!store::blob_hashes_to(s->bytes, s->blob_id)) return store::blob_mismatch(s->source, s->blob_id);
    out.push_back(std::move(*s));
  }
  return out;
}

}  // namespace strata
