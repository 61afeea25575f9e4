// Opening a store, listing its versions, resolving revisions, reading bytes.
#include "strata/store.hpp"

#include <fmt/core.h>
#include <sys/stat.h>
#include <unistd.h>
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string_view>
#include <system_error>
#include <tuple>
#include <unordered_map>

#include "store/loose.hpp"
#include "store/meta.hpp"
#include "store/odb.hpp"
#include "store/recover.hpp"
#include "store/revision.hpp"
#include "store/store_impl.hpp"

namespace strata {

namespace fs = std::filesystem;
using store::git_failure;

namespace store {

std::string version_label(const VersionInfo& v) {
  return v.date.empty() ? fmt::format("'{}'", v.id) : fmt::format("'{}' ({})", v.id, v.date);
}

void order_versions(std::vector<VersionInfo>& versions) {
  // Dates were validated on import and re-parsed on read; a bad one sorts first.
  const auto key = [](const VersionInfo& v) {
    auto k = parse_date_key(v.date);
    return k ? *k : DateKey{};
  };
  // Equal dates go by time (a git history's captures of one day in the
  // order they were made), then by id: the order of a store does not depend
  // on the order (or the race) in which its versions were imported.
  std::stable_sort(versions.begin(), versions.end(), [&](const VersionInfo& a, const VersionInfo& b) {
    return std::tuple(key(a), a.time, std::string_view(a.id)) < std::tuple(key(b), b.time, std::string_view(b.id));
  });
  for (size_t i = 0; i < versions.size(); ++i) versions[i].position = static_cast<int>(i) + 1;
}

Result<Chain> read_chain(git_repository* repo, const std::string& dir) {
  git_oid tip;
  if (int rc = git_reference_name_to_id(&tip, repo, kBranch); rc == GIT_ENOTFOUND) {
    return Chain{};
  } else if (rc != 0) {
    return git_failure(rc, fmt::format("store {}: cannot read {}", dir, kBranch));
  }
  return read_chain_at(repo, dir, tip);
}

Result<Chain> read_chain_at(git_repository* repo, const std::string& dir, const git_oid& tip) {
  Chain chain;
  chain.tip = tip;
  const std::string objects = objects_dir(repo);
  git_oid at = tip;
  std::string child;                                          // label of the version read last, for messages
  std::unordered_map<std::string, std::string> commit_of_id;  // ids are unique in a store
  while (true) {
    const std::string where = child.empty() ? fmt::format("{} points to commit {}", kBranch, oid_hex(at))
                                            : fmt::format("commit {} (the version before {})", oid_hex(at), child);
    if (auto intact = check_loose_object(objects, at, fmt::format("store {}: {}", dir, where)); !intact) {
      return intact.error();
    }
    git_commit* raw = nullptr;
    if (int rc = git_commit_lookup(&raw, repo, &at); rc == GIT_ENOTFOUND && child.empty()) {
      return make_error(ErrorCode::kCorrupt,
                        fmt::format("store {}: {}, which is not in the store (deleted by a 'git gc --prune=now' "
                                    "run beside an import?){}",
                                    dir, where, missing_tip_hint(repo, dir)));
    } else if (rc != 0) {
      Error error = git_failure(rc, fmt::format("store {}: {}, which cannot be read", dir, where));
      error.code = ErrorCode::kCorrupt;
      return error;
    }
    CommitPtr commit(raw);
    VersionInfo v;
    v.commit = oid_hex(at);
    v.time = git_commit_time(commit.get());
    const char* message = git_commit_message_raw(commit.get());
    if (auto parsed = parse_commit_message(message != nullptr ? message : "", v); !parsed) {
      return make_error(ErrorCode::kCorrupt, fmt::format("store {}: commit {} is not a strata version: {}", dir,
                                                         v.commit, parsed.error().message));
    }
    if (auto date = parse_date_key(v.date); !date) {
      return make_error(ErrorCode::kCorrupt,
                        fmt::format("store {}: version '{}': {}", dir, v.id, date.error().message));
    }
    if (const auto [other, fresh] = commit_of_id.emplace(v.id, v.commit); !fresh) {
      return make_error(ErrorCode::kCorrupt, fmt::format("store {}: commits {} and {} both hold version id '{}'", dir,
                                                         v.commit, other->second, v.id));
    }
    child = version_label(v);
    chain.versions.push_back(std::move(v));
    if (git_commit_parentcount(commit.get()) == 0) break;
    at = *git_commit_parent_id(commit.get(), 0);
  }
  std::reverse(chain.versions.begin(), chain.versions.end());
  order_versions(chain.versions);
  return chain;
}

}  // namespace store

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

const std::string& Store::dir() const { return impl_->dir; }

Result<Store> Store::open(const std::string& dir) {
  // Checked before anything touches libgit2, whose start costs more than
  // reading a page: a file name given where a revision may be asks here first.
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    return make_error(ErrorCode::kNotFound, fmt::format("no store at {} (run 'strata init' to make one)", dir));
  }
  auto impl = std::make_unique<Impl>();
  impl->dir = dir;
  // As git's safe.directory rule: a store owned by someone else could carry
  // hooks or config that person controls. libgit2 1.5.1 checks this for
  // work trees only, so bare stores are checked here.
  struct stat info {};
  if (::stat(dir.c_str(), &info) == 0 && info.st_uid != ::geteuid()) {
    return make_error(
        ErrorCode::kUnsupported,
        fmt::format("store {} is owned by another user (uid {}); strata opens only stores you own", dir, info.st_uid));
  }
  git_repository* repo = nullptr;
  if (int rc = git_repository_open_bare(&repo, dir.c_str()); rc != 0) {
    if (rc == GIT_EOWNER) return git_failure(rc, fmt::format("store {} is owned by another user", dir));
    return make_error(ErrorCode::kCorrupt,
                      fmt::format("{} is not a strata store (not a bare git repository; run 'strata init')", dir));
  }
  impl->repo.reset(repo);
  git_config* raw_config = nullptr;
  if (int rc = git_repository_config_snapshot(&raw_config, repo); rc != 0) {
    return git_failure(rc, fmt::format("store {}: cannot read its config", dir));
  }
  store::ConfigPtr config(raw_config);
  int32_t format = 0;
  if (git_config_get_int32(&format, config.get(), "strata.store") != 0) {
    return make_error(
        ErrorCode::kCorrupt,
        fmt::format("{} is a git repository but not a strata store (no strata.store in its config)", dir));
  }
  if (format != store::kStoreFormat) {
    return make_error(
        ErrorCode::kUnsupported,
        fmt::format("store {} has layout version {}; this strata reads version {}", dir, format, store::kStoreFormat));
  }
  return Store(std::move(impl));
}

Result<Store> Store::init(const std::string& dir) {
  std::error_code ec;
  if (fs::exists(dir, ec) && !fs::is_empty(dir, ec)) return open(dir);
  store::GitLibrary library;
  git_repository_init_options options = GIT_REPOSITORY_INIT_OPTIONS_INIT;
  options.flags = GIT_REPOSITORY_INIT_BARE | GIT_REPOSITORY_INIT_MKPATH;
  options.initial_head = "main";
  options.description = "strata snapshot store: one commit per version of a document";
  git_repository* raw = nullptr;
  if (int rc = git_repository_init_ext(&raw, dir.c_str(), &options); rc != 0) {
    return git_failure(rc, fmt::format("cannot make a store at {}", dir));
  }
  store::RepoPtr repo(raw);
  git_config* raw_config = nullptr;
  if (int rc = git_repository_config(&raw_config, repo.get()); rc != 0) {
    return git_failure(rc, fmt::format("store {}: cannot open its config", dir));
  }
  store::ConfigPtr config(raw_config);
  // Written last: a store without it is refused, so an interrupted init is
  // never mistaken for a working store.
  if (int rc = git_config_set_int32(config.get(), "strata.store", store::kStoreFormat); rc != 0) {
    return git_failure(rc, fmt::format("store {}: cannot write its config", dir));
  }
  return open(dir);
}

Result<std::vector<VersionInfo>> Store::versions() const {
  auto chain = store::read_chain(impl_->repo.get(), impl_->dir);
  if (!chain) return chain.error();
  return std::move(chain->versions);
}

namespace {

Result<size_t> find_base(git_repository* repo, const std::string& dir, const std::vector<VersionInfo>& versions,
                         const store::Revision& rev, std::string_view text) {
  using Base = store::Revision::Base;
  switch (rev.base) {
    case Base::kHead:
      return versions.size() - 1;
    case Base::kDate: {
      size_t found = versions.size();
      for (size_t i = 0; i < versions.size(); ++i) {
        auto key = store::parse_date_key(versions[i].date);
        if (key && *key <= rev.date) found = i;
      }
      if (found == versions.size()) {
        return make_error(ErrorCode::kNotFound, fmt::format("store {}: no version in force at {} (the first is {})",
                                                            dir, text, store::version_label(versions.front())));
      }
      return found;
    }
    case Base::kName:
    case Base::kCommit:
      break;
  }
  for (size_t i = 0; i < versions.size(); ++i) {
    if (versions[i].id == rev.name) return i;
  }
  git_oid tagged;
  const std::string tag_ref = "refs/tags/" + rev.name;
  if (git_reference_name_to_id(&tagged, repo, tag_ref.c_str()) == 0) {
    git_object* peeled = nullptr;
    git_object* target = nullptr;
    if (auto intact = store::check_loose_object(store::objects_dir(repo), tagged,
                                                fmt::format("store {}: tag '{}'", dir, rev.name));
        !intact) {
      return intact.error();
    }
    if (git_object_lookup(&target, repo, &tagged, GIT_OBJECT_ANY) == 0) {
      store::ObjectPtr target_ptr(target);
      if (git_object_peel(&peeled, target, GIT_OBJECT_COMMIT) == 0) {
        store::ObjectPtr peeled_ptr(peeled);
        const std::string hex = store::oid_hex(*git_object_id(peeled));
        for (size_t i = 0; i < versions.size(); ++i) {
          if (versions[i].commit == hex) return i;
        }
      }
    }
    return make_error(ErrorCode::kNotFound,
                      fmt::format("store {}: tag '{}' does not point to a version on the main branch", dir, rev.name));
  }
  if (store::looks_like_commit(rev.name)) {
    std::string prefix = rev.name;
    std::transform(prefix.begin(), prefix.end(), prefix.begin(),
                   [](char c) { return c >= 'A' && c <= 'F' ? static_cast<char>(c - 'A' + 'a') : c; });
    std::vector<size_t> hits;
    for (size_t i = 0; i < versions.size(); ++i) {
      if (versions[i].commit.starts_with(prefix)) hits.push_back(i);
    }
    if (hits.size() == 1) return hits.front();
    if (hits.size() > 1) {
      return make_error(ErrorCode::kInvalidArgument,
                        fmt::format("store {}: commit prefix '{}' is ambiguous", dir, text));
    }
  }
  return make_error(ErrorCode::kNotFound, fmt::format("store {}: no version, tag or commit named '{}'", dir, text));
}

}  // namespace

Result<VersionInfo> Store::resolve(std::string_view rev) const {
  auto parsed = store::parse_revision(rev);
  if (!parsed) return parsed.error();
  auto versions = this->versions();
  if (!versions) return versions.error();
  if (versions->empty()) {
    return make_error(ErrorCode::kNotFound, fmt::format("store {} has no versions yet (no '{}')", impl_->dir, rev));
  }
  auto base = find_base(impl_->repo.get(), impl_->dir, *versions, *parsed, rev);
  if (!base) return base.error();
  if (static_cast<size_t>(parsed->back) > *base) {
    return make_error(ErrorCode::kNotFound,
                      fmt::format("store {}: '{}' goes back past the first version", impl_->dir, rev));
  }
  return (*versions)[*base - static_cast<size_t>(parsed->back)];
}

Result<std::string> Store::read_raw(const VersionInfo& version) const {
  const std::string what = fmt::format("store {}: version {}", impl_->dir, store::version_label(version));
  git_oid commit_id;
  if (!store::parse_oid(version.commit, commit_id)) {
    return make_error(ErrorCode::kInvalidArgument, what + ": malformed commit id");
  }
  git_repository* repo = impl_->repo.get();
  std::string objects;
  git_oid blob_id;
  {
    const std::lock_guard<std::mutex> lock(impl_->git);
    objects = store::objects_dir(repo);
    if (auto intact = store::check_loose_object(objects, commit_id, what); !intact) return intact.error();
    git_commit* raw_commit = nullptr;
    if (int rc = git_commit_lookup(&raw_commit, repo, &commit_id); rc != 0) {
      return git_failure(rc, what + ": cannot read its commit");
    }
    store::CommitPtr commit(raw_commit);
    if (auto intact = store::check_loose_object(objects, *git_commit_tree_id(commit.get()), what); !intact) {
      return intact.error();
    }
    git_tree* raw_tree = nullptr;
    if (int rc = git_commit_tree(&raw_tree, commit.get()); rc != 0)
      return git_failure(rc, what + ": cannot read its tree");
    store::TreePtr tree(raw_tree);
    const git_tree_entry* entry = git_tree_entry_byname(tree.get(), store::kRawEntry);
    if (entry == nullptr || git_tree_entry_type(entry) != GIT_OBJECT_BLOB) {
      return make_error(ErrorCode::kCorrupt, what + ": its tree has no 'raw' blob");
    }
    blob_id = *git_tree_entry_id(entry);
  }
  if (store::oid_hex(blob_id) != version.raw_blob) {
    return make_error(ErrorCode::kCorrupt, what + ": its 'raw' blob differs from the Raw-Blob trailer");
  }
  // The bulk of the work (reading, inflating, hashing) runs without the lock.
  auto loose = store::read_loose_object(objects, blob_id, what);
  if (!loose) return loose.error();
  if (*loose) {
    // Read and inflated once, above; the hash check libgit2 would make
    // (strict hash verification, on by default) is made here instead.
    if ((*loose)->type != GIT_OBJECT_BLOB)
      return make_error(ErrorCode::kCorrupt, what + ": its 'raw' object is not a blob");
    if (!store::blob_hashes_to((*loose)->content, version.raw_blob))
      return store::blob_mismatch(what, version.raw_blob);
    return std::move((*loose)->content);
  }
  // Packed, by a `git gc` run by hand: libgit2 reads it and checks its hash.
  const std::lock_guard<std::mutex> lock(impl_->git);
  git_blob* raw_blob = nullptr;
  if (int rc = git_blob_lookup(&raw_blob, repo, &blob_id); rc != 0) {
    Error error = git_failure(rc, what + ": cannot read its raw bytes");
    error.code = ErrorCode::kCorrupt;
    return error;
  }
  store::BlobPtr blob(raw_blob);
  const auto size = static_cast<size_t>(git_blob_rawsize(blob.get()));
  return std::string(static_cast<const char*>(git_blob_rawcontent(blob.get())), size);
}

}  // namespace strata
