#include "store/odb.hpp"

#include <fmt/core.h>
#include <git2/sys/odb_backend.h>
#include <git2/sys/repository.h>
#include <openssl/evp.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <cerrno>
#include <cstring>
#include <memory>
#include <new>

#include "store/git.hpp"
#include "store/loose.hpp"
#include "sys/fd.hpp"

namespace strata::store {

namespace {

// True when a backend of `odb` holds `id`, whose file is then freshened (its
// time renewed, so that a gc's expiry keeps sparing it), as git_odb_write does.
bool freshen(git_odb* odb, const git_oid& id) {
  for (size_t i = 0; i < git_odb_num_backends(odb); ++i) {
    git_odb_backend* b = nullptr;
    if (git_odb_get_backend(&b, odb, i) != 0) continue;
    const bool stored =
        b->freshen != nullptr ? b->freshen(b, &id) == 0 : b->exists != nullptr && b->exists(b, &id) != 0;
    if (stored) return true;
  }
  return false;
}

Result<OdbPtr> open_odb(git_repository* repo, const std::string& what) {
  git_odb* raw_odb = nullptr;
  if (int rc = git_repository_odb(&raw_odb, repo); rc != 0) return git_failure(rc, what);
  return OdbPtr(raw_odb);
}

}  // namespace

std::string deflate_loose_blob(std::string_view bytes) {
  const std::string header = fmt::format("blob {}", bytes.size()) + '\0';
  z_stream stream{};
  if (deflateInit(&stream, Z_BEST_SPEED) != Z_OK) throw std::bad_alloc();
  // Past 4 GiB zlib's counters wrap; no document gets near (kMaxInputBytes).
  std::string out(deflateBound(&stream, header.size() + bytes.size()), '\0');
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  for (const std::string_view part : {std::string_view(header), bytes}) {
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(part.data()));
    stream.avail_in = static_cast<uInt>(part.size());
    deflate(&stream, Z_NO_FLUSH);
  }
  const int rc = deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  // deflateBound leaves room for the whole stream in one call.
  if (rc != Z_STREAM_END) throw std::bad_alloc();
  return out;
}

Result<void> write_loose_blob(git_repository* repo, std::string_view bytes, std::string_view deflated,
                              const git_oid& id, const std::string& what) {
  auto odb = open_odb(repo, what);
  if (!odb) return odb.error();
  if (freshen(odb->get(), id)) return {};
  std::string deflated_here;
  if (deflated.empty()) deflated = deflated_here = deflate_loose_blob(bytes);
  const std::string objects = objects_dir(repo);
  const std::string path = loose_object_path(objects, id);
  const std::string folder = path.substr(0, path.rfind('/'));
  std::string temp = objects + "/" + std::string(kObjectTempPrefix) + "XXXXXX";
  const auto failed = [&](std::string_view doing, const std::string& file) {
    return make_error(ErrorCode::kIo, fmt::format("{}: cannot {} {}: {}", what, doing, file, std::strerror(errno)));
  };
  const int fd = ::mkostemp(temp.data(), O_CLOEXEC);
  if (fd < 0) return failed("create a file in", objects);
  const bool written = util::write_all(fd, deflated) && ::fchmod(fd, 0444) == 0;
  const int write_errno = errno;
  if (::close(fd) != 0 || !written) {
    if (!written) errno = write_errno;
    const Error error = failed("write", temp);
    ::unlink(temp.c_str());
    return error;
  }
  // A gc's prune deletes empty object folders: the folder is made for each
  // object, and a prune between that and the rename fails the write, which
  // the import tries again (commit.cpp).
  if (::mkdir(folder.c_str(), 0777) != 0 && errno != EEXIST) {
    const Error error = failed("make the folder", folder);
    ::unlink(temp.c_str());
    return error;
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    const Error error = failed("move the object into", path);
    ::unlink(temp.c_str());
    return error;
  }
  return {};
}

Result<void> set_git_fsync(git_repository* repo, bool fsync, const std::string& what) {
  git_libgit2_opts(GIT_OPT_ENABLE_FSYNC_GITDIR, fsync ? 1 : 0);
  git_odb* raw_odb = nullptr;
  if (int rc = git_odb_open(&raw_odb, objects_dir(repo).c_str()); rc != 0) return git_failure(rc, what);
  const OdbPtr odb(raw_odb);
  if (int rc = git_repository_set_odb(repo, odb.get()); rc != 0) return git_failure(rc, what);
  git_refdb* raw_refdb = nullptr;
  if (int rc = git_refdb_open(&raw_refdb, repo); rc != 0) return git_failure(rc, what);
  const GitPtr<git_refdb, git_refdb_free> refdb(raw_refdb);
  if (int rc = git_repository_set_refdb(repo, refdb.get()); rc != 0) return git_failure(rc, what);
  return {};
}

Result<void> flush_store(git_repository* repo, const std::string& what) {
  const std::string objects = objects_dir(repo);
  const int fd = ::open(objects.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  const bool flushed = fd >= 0 && ::syncfs(fd) == 0;
  const int flush_errno = errno;
  if (fd >= 0) ::close(fd);
  if (flushed) return {};
  return make_error(ErrorCode::kIo,
                    fmt::format("{}: cannot flush {} to disk: {}", what, objects, std::strerror(flush_errno)));
}

Result<void> write_hashed_blob(git_repository* repo, std::string_view bytes, const git_oid& id,
                               const std::string& what) {
  auto opened = open_odb(repo, what);
  if (!opened) return opened.error();
  git_odb* odb = opened->get();
  if (freshen(odb, id)) return {};
  for (size_t i = 0; i < git_odb_num_backends(odb); ++i) {
    git_odb_backend* b = nullptr;
    if (git_odb_get_backend(&b, odb, i) != 0 || b->write == nullptr) continue;
    if (int rc = b->write(b, &id, bytes.data(), bytes.size(), GIT_OBJECT_BLOB); rc != 0) {
      return git_failure(rc, what + ": cannot write a blob");
    }
    return {};
  }
  return make_error(ErrorCode::kIo, what + ": the object database has no backend that writes");
}

Result<std::string> read_blob_unchecked(git_repository* repo, const git_oid& id, const std::string& what) {
  auto opened = open_odb(repo, what);
  if (!opened) return opened.error();
  git_odb* odb = opened->get();
  for (size_t i = 0; i < git_odb_num_backends(odb); ++i) {
    git_odb_backend* b = nullptr;
    if (git_odb_get_backend(&b, odb, i) != 0 || b->read == nullptr) continue;
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
