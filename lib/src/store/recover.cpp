#include "store/recover.hpp"

#include <fmt/core.h>

#include <set>
#include <vector>

#include "store/git.hpp"
#include "store/loose.hpp"
#include "store/meta.hpp"
#include "store/store_impl.hpp"

namespace strata::store {

namespace {

int collect_id(const git_oid* id, void* payload) {
  static_cast<std::vector<git_oid>*>(payload)->push_back(*id);
  return 0;
}

struct Head {
  git_oid id;
  VersionInfo version;
};

// The strata versions in the store that are no other commit's parent.
std::vector<Head> version_heads(git_repository* repo) {
  git_odb* raw_odb = nullptr;
  if (git_repository_odb(&raw_odb, repo) != 0) return {};
  const GitPtr<git_odb, git_odb_free> odb(raw_odb);
  std::vector<git_oid> ids;
  if (git_odb_foreach(odb.get(), collect_id, &ids) != 0) return {};
  std::vector<Head> versions;
  std::set<std::string> parents;
  for (const git_oid& id : ids) {
    size_t size = 0;
    git_object_t type = GIT_OBJECT_INVALID;
    if (git_odb_read_header(&size, &type, odb.get(), &id) != 0 || type != GIT_OBJECT_COMMIT) continue;
    git_commit* raw = nullptr;
    if (git_commit_lookup(&raw, repo, &id) != 0) continue;
    const CommitPtr commit(raw);
    Head head{id, {}};
    const char* message = git_commit_message_raw(commit.get());
    if (!parse_commit_message(message != nullptr ? message : "", head.version)) continue;
    for (unsigned i = 0; i < git_commit_parentcount(commit.get()); ++i) {
      parents.insert(oid_hex(*git_commit_parent_id(commit.get(), i)));
    }
    versions.push_back(std::move(head));
  }
  std::vector<Head> heads;
  for (auto& v : versions) {
    if (parents.count(oid_hex(v.id)) == 0) heads.push_back(std::move(v));
  }
  return heads;
}

}  // namespace

std::optional<LostTip> find_lost_tip(git_repository* repo, const std::string& dir) {
  LostTip out{};
  if (git_reference_name_to_id(&out.commit, repo, kBranch) != 0) return std::nullopt;
  // Asked of an object database opened for the purpose, which has cached nothing.
  git_odb* raw_odb = nullptr;
  if (git_odb_open(&raw_odb, objects_dir(repo).c_str()) != 0) return std::nullopt;
  const GitPtr<git_odb, git_odb_free> odb(raw_odb);
  if (git_odb_exists(odb.get(), &out.commit) != 0) return std::nullopt;
  const std::vector<Head> heads = version_heads(repo);
  if (heads.size() > 1) return std::nullopt;
  if (heads.empty()) return out;
  auto intact = read_chain_at(repo, dir, heads[0].id);
  if (!intact) return std::nullopt;
  out.intact = std::move(*intact);
  return out;
}

std::string missing_tip_hint(git_repository* repo, const std::string& dir) {
  const std::vector<Head> heads = version_heads(repo);
  if (heads.size() != 1) {
    return fmt::format(
        "; to recover, put the branch back on the last intact version ('git --git-dir {} fsck --lost-found' lists the "
        "candidates): git --git-dir {} update-ref {} COMMIT, then import the lost version again",
        dir, dir, kBranch);
  }
  return fmt::format(
      "; to recover, import the lost versions again, in their order, with the same files, ids and dates (an import "
      "that rebuilds the very commit repairs the branch), or put the branch back on the last intact version, {}: "
      "git --git-dir {} update-ref {} {}, then import the lost version again",
      version_label(heads[0].version), dir, kBranch, oid_hex(heads[0].id));
}

}  // namespace strata::store
