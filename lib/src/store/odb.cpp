#include "store/odb.hpp"

#include <fmt/core.h>
#include <git2/sys/odb_backend.h>
#include <openssl/evp.h>

#include <memory>

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

// A check of bytes against the id they are stored or listed under, so
// OpenSSL's SHA-1 (the CPU's SHA instructions where it has them: about 5
// times the speed of the collision-detecting SHA-1 libgit2 is built with).
// Detecting a crafted collision matters when content is named
// (prepare.cpp names each new blob with libgit2's); bytes that only have to
// match a name given beforehand need plain SHA-1.
bool blob_hashes_to(std::string_view bytes, std::string_view id) {
  const std::string header = fmt::format("blob {}", bytes.size()) + '\0';
  const std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (context == nullptr || EVP_DigestInit_ex(context.get(), EVP_sha1(), nullptr) != 1 ||
      EVP_DigestUpdate(context.get(), header.data(), header.size()) != 1 ||
      EVP_DigestUpdate(context.get(), bytes.data(), bytes.size()) != 1 ||
      EVP_DigestFinal_ex(context.get(), digest, &length) != 1 || length != GIT_OID_RAWSZ) {
    return false;
  }
  git_oid hashed;
  git_oid_fromraw(&hashed, digest);
  return oid_hex(hashed) == id;
}

Error blob_mismatch(std::string_view source, std::string_view id) {
  return make_error(ErrorCode::kCorrupt,
                    fmt::format("{}: object {} is damaged (its bytes do not hash to its id)", source, id));
}

}  // namespace strata::store
