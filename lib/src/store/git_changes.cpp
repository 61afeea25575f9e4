// The files a change of a git repository touched, both sides read in full:
// what `strata check --git BASE HEAD` compares (a pull request's documents).
#include <fmt/core.h>
#include <algorithm>

#include "store/git.hpp"
#include "store/loose.hpp"
#include "strata/store.hpp"

namespace strata {

namespace {

using store::git_failure;

Result<store::TreePtr> tree_at(git_repository* repo, std::string_view rev, const std::string& dir) {
  const std::string spec(rev);
  git_object* raw = nullptr;
  if (int rc = git_revparse_single(&raw, repo, spec.c_str()); rc != 0) {
    return git_failure(rc, fmt::format("{}: cannot resolve revision '{}'", dir, spec));
  }
  store::ObjectPtr object(raw);
  git_object* peeled = nullptr;
  if (int rc = git_object_peel(&peeled, object.get(), GIT_OBJECT_TREE); rc != 0) {
    return git_failure(rc, fmt::format("{}: revision '{}' names no tree", dir, spec));
  }
  return store::TreePtr(reinterpret_cast<git_tree*>(peeled));
}

// The bytes of one side of a delta; nullopt when that side does not exist.
Result<std::optional<std::string>> side_bytes(git_repository* repo, const std::string& objects,
                                              const git_diff_file& file, const std::string& what) {
  if ((file.flags & GIT_DIFF_FLAG_EXISTS) == 0 || git_oid_is_zero(&file.id)) return std::optional<std::string>();
  if (auto intact = store::check_loose_object(objects, file.id, what); !intact) return intact.error();
  git_blob* raw = nullptr;
  if (int rc = git_blob_lookup(&raw, repo, &file.id); rc != 0) return git_failure(rc, what);
  store::BlobPtr blob(raw);
  return std::optional<std::string>(std::string(static_cast<const char*>(git_blob_rawcontent(blob.get())),
                                                static_cast<size_t>(git_blob_rawsize(blob.get()))));
}

}  // namespace

Result<std::vector<GitChange>> read_git_changes(const std::string& dir, std::string_view base, std::string_view head,
                                                const std::vector<std::string>& pathspecs) {
  store::GitLibrary library;
  git_repository* raw_repo = nullptr;
  if (int rc = git_repository_open_ext(&raw_repo, dir.c_str(), 0, nullptr); rc != 0) {
    return git_failure(rc, fmt::format("{}: not inside a git repository", dir));
  }
  store::RepoPtr repo(raw_repo);
  auto old_tree = tree_at(repo.get(), base, dir);
  if (!old_tree) return old_tree.error();
  auto new_tree = tree_at(repo.get(), head, dir);
  if (!new_tree) return new_tree.error();

  std::vector<char*> specs;
  for (const std::string& spec : pathspecs) specs.push_back(const_cast<char*>(spec.c_str()));
  git_diff_options options = GIT_DIFF_OPTIONS_INIT;
  options.pathspec.strings = specs.data();
  options.pathspec.count = specs.size();
  git_diff* raw_diff = nullptr;
  if (int rc = git_diff_tree_to_tree(&raw_diff, repo.get(), old_tree->get(), new_tree->get(), &options); rc != 0) {
    return git_failure(rc, fmt::format("{}: cannot compare {} with {}", dir, base, head));
  }
  store::DiffPtr diff(raw_diff);
  git_diff_find_options find = GIT_DIFF_FIND_OPTIONS_INIT;
  find.flags = GIT_DIFF_FIND_RENAMES;
  if (int rc = git_diff_find_similar(diff.get(), &find); rc != 0) {
    return git_failure(rc, fmt::format("{}: cannot find renames between {} and {}", dir, base, head));
  }

  const std::string objects = store::objects_dir(repo.get());
  std::vector<GitChange> out;
  for (size_t i = 0; i < git_diff_num_deltas(diff.get()); ++i) {
    const git_diff_delta* delta = git_diff_get_delta(diff.get(), i);
    // Submodules and symbolic links are no documents.
    const auto is_file = [](const git_diff_file& f) {
      return f.mode == 0 || f.mode == GIT_FILEMODE_BLOB || f.mode == GIT_FILEMODE_BLOB_EXECUTABLE;
    };
    if (!is_file(delta->old_file) || !is_file(delta->new_file)) continue;
    GitChange change;
    change.old_path = delta->old_file.path;
    change.path = delta->status == GIT_DELTA_DELETED ? change.old_path : std::string(delta->new_file.path);
    auto old_bytes =
        side_bytes(repo.get(), objects, delta->old_file, fmt::format("{}: {} at {}", dir, change.old_path, base));
    if (!old_bytes) return old_bytes.error();
    auto new_bytes =
        side_bytes(repo.get(), objects, delta->new_file, fmt::format("{}: {} at {}", dir, change.path, head));
    if (!new_bytes) return new_bytes.error();
    change.old_bytes = std::move(*old_bytes);
    change.new_bytes = std::move(*new_bytes);
    out.push_back(std::move(change));
  }
  std::sort(out.begin(), out.end(), [](const GitChange& a, const GitChange& b) { return a.path < b.path; });
  return out;
}

}  // namespace strata
