#include "store/loose.hpp"

#include <zlib.h>

#include <fmt/core.h>
#include <fstream>
#include <iterator>

#include "store/git.hpp"

namespace strata::store {

std::string objects_dir(git_repository* repo) { return std::string(git_repository_path(repo)) + "objects"; }

Result<void> check_loose_object(const std::string& objects, const git_oid& oid, std::string_view what) {
  const std::string hex = oid_hex(oid);
  const std::string path = objects + "/" + hex.substr(0, 2) + "/" + hex.substr(2);
  std::ifstream in(path, std::ios::binary);
  if (!in) return {};
  const std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  z_stream stream{};
  if (inflateInit(&stream) != Z_OK) return {};
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  unsigned char sink[16384];
  int rc = Z_OK;
  while (rc == Z_OK) {
    stream.next_out = sink;
    stream.avail_out = sizeof sink;
    rc = inflate(&stream, Z_NO_FLUSH);
    if (rc == Z_BUF_ERROR && stream.avail_in == 0) break;
    if (rc == Z_BUF_ERROR) rc = Z_OK;  // output was full; go on
  }
  inflateEnd(&stream);
  if (rc == Z_STREAM_END) return {};
  const char* reason = rc == Z_BUF_ERROR ? "truncated" : "not a valid compressed object";
  return make_error(ErrorCode::kCorrupt, fmt::format("{}: object {} is damaged ({})", what, hex, reason));
}

}  // namespace strata::store
