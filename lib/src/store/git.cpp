#include "store/git.hpp"

#include <fmt/core.h>

namespace strata::store {

Error git_failure(int code, std::string_view context) {
  const ::git_error* last = git_error_last();
  const std::string reason = last != nullptr && last->message != nullptr ? last->message : "unknown libgit2 error";
  ErrorCode mapped = ErrorCode::kCorrupt;
  switch (code) {
    case GIT_ENOTFOUND: mapped = ErrorCode::kNotFound; break;
    case GIT_ELOCKED: mapped = ErrorCode::kLocked; break;
    case GIT_EOWNER: mapped = ErrorCode::kUnsupported; break;
    default: break;
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
