#include "store/odb.hpp"

#include <fmt/core.h>
#include <git2/sys/odb_backend.h>

#include "store/git.hpp"

namespace strata::store {

Result<void> write_hashed_blob(git_repository* repo, std::string_view bytes, const git_oid& id,
                               const std::string& what) {
  git_odb* raw_odb = nullptr;
  if (int rc = git_repository_odb(&raw_odb, repo); rc != 0) return git_failure(rc, what);
  const OdbPtr odb(raw_odb);
  const size_t backends = git_odb_num_backends(odb.get());
  for (size_t i = 0; i < backends; ++i) {
    git_odb_backend* b = nullptr;
    if (git_odb_get_backend(&b, odb.get(), i) != 0) continue;
    const bool stored =
        b->freshen != nullptr ? b->freshen(b, &id) == 0 : b->exists != nullptr && b->exists(b, &id) != 0;
    if (stored) return {};
  }
  for (size_t i = 0; i < backends; ++i) {
    git_odb_backend* b = nullptr;
    if (git_odb_get_backend(&b, odb.get(), i) != 0 || b->write == nullptr) continue;
    if (int rc = b->write(b, &id, bytes.data(), bytes.size(), GIT_OBJECT_BLOB); rc != 0) {
      return git_failure(rc, what + ": cannot write a blob");
    }
    return {};
  }
  return make_error(ErrorCode::kIo, what + ": the object database has no backend that writes");
}

Result<std::string> read_blob_unchecked(git_repository* repo, const git_oid& id, const std::string& what) {
  git_odb* raw_odb = nullptr;
  if (int rc = git_repository_odb(&raw_odb, repo); rc != 0) return git_failure(rc, what);
  const OdbPtr odb(raw_odb);
  for (size_t i = 0; i < git_odb_num_backends(odb.get()); ++i) {
    git_odb_backend* b = nullptr;
    if (git_odb_get_backend(&b, odb.get(), i) != 0 || b->read == nullptr) continue;
    void* data = nullptr;
    size_t size = 0;
    git_object_t type = GIT_OBJECT_INVALID;
    const int rc = b->read(&data, &size, &type, b, &id);
    if (rc == GIT_ENOTFOUND || rc == GIT_PASSTHROUGH) continue;
    if (rc != 0) return git_failure(rc, what);
    std::string bytes(static_cast<const char*>(data), size);
    git_odb_backend_data_free(b, data);
    if (type != GIT_OBJECT_BLOB) {
      return make_error(ErrorCode::kCorrupt, what + ": object " + oid_hex(id) + " is not a blob");
    }
    return bytes;
  }
  return make_error(ErrorCode::kNotFound, what + ": object " + oid_hex(id) + " is not in the repository");
}

bool blob_hashes_to(std::string_view bytes, std::string_view id) {
  git_oid hashed;
  git_odb_hash(&hashed, bytes.data(), bytes.size(), GIT_OBJECT_BLOB);
  return oid_hex(hashed) == id;
}

Error blob_mismatch(std::string_view source, std::string_view id) {
  return make_error(ErrorCode::kCorrupt,
                    fmt::format("{}: object {} is damaged (its bytes do not hash to its id)", source, id));
}

}  // namespace strata::store
