#include "store/git.hpp"

#include <fmt/core.h>

namespace strata::store {

namespace {

// A store is strata's data, not the user's repository: ~/.gitconfig, the XDG
// and system config files must not change how it is written or read (with
// core.logAllRefUpdates=always libgit2 would keep reflogs in it, and a
// [strata] section there would make any bare repository pass for a store).
// So every config level but the repository's own gets an empty search path.
// libgit2 reads GIT_* environment variables (GIT_DIR, GIT_CONFIG_*...) only
// when asked to (GIT_REPOSITORY_OPEN_FROM_ENV), which strata never does.
int init_isolated_libgit2() {
  const int rc = git_libgit2_init();
  for (const git_config_level_t level :
       {GIT_CONFIG_LEVEL_PROGRAMDATA, GIT_CONFIG_LEVEL_SYSTEM, GIT_CONFIG_LEVEL_XDG, GIT_CONFIG_LEVEL_GLOBAL}) {
    git_libgit2_opts(GIT_OPT_SET_SEARCH_PATH, level, "");
  }
  return rc;
}

}  // namespace

GitLibrary::GitLibrary() {
  static const int initialised = init_isolated_libgit2();
  (void)initialised;
}

Error git_failure(int code, std::string_view context) {
  const ::git_error* last = git_error_last();
  const std::string reason = last != nullptr && last->message != nullptr ? last->message : "unknown libgit2 error";
  ErrorCode mapped = ErrorCode::kCorrupt;
  switch (code) {
    case GIT_ENOTFOUND:
      mapped = ErrorCode::kNotFound;
      break;
    case GIT_ELOCKED:
      mapped = ErrorCode::kLocked;
      break;
    case GIT_EOWNER:
      mapped = ErrorCode::kUnsupported;
      break;
    default:
      break;
  }
  return make_error(mapped, fmt::format("{}: {}", context, reason));
}

std::string oid_hex(const git_oid& oid) {
  char buf[GIT_OID_HEXSZ + 1] = {};
  git_oid_tostr(buf, sizeof buf, &oid);
  return buf;
}

bool parse_oid(std::string_view hex, git_oid& out) {
  if (hex.size() != GIT_OID_HEXSZ) return false;
  return git_oid_fromstrn(&out, hex.data(), hex.size()) == 0;
}

}  // namespace strata::store
