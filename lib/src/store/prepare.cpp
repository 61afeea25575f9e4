#include "store/prepare.hpp"

#include <fmt/core.h>
#include <algorithm>

#include "normalize/normalize.hpp"
#include "store/git.hpp"
#include "store/meta.hpp"
#include "store/odb.hpp"
#include "store/revision.hpp"
#include "strata/load.hpp"
#include "strata/manifest.hpp"
#include "text/utf8.hpp"

namespace strata::store {

namespace {

// Last second libgit2 1.5.1 can write in a commit header (2106-02-07T06:28:15Z).
constexpr int64_t kMaxCommitTime = 0xFFFF'FFFF;

}  // namespace

Result<Prepared> prepare(Snapshot& s, const SharedReads& reads) {
  Prepared p;
  p.source = s.source;
  LoadOptions options;
  options.cache = reads.parts;
  options.sentences = reads.sentences;
  options.format = s.format;
  options.selectors = s.selectors;
  // Decodes, and picks the format from the text when none was given, as a
  // later reading of the stored version will.
  auto doc = parse_document(s.bytes, s.source, options);
  if (!doc) return doc.error();
  p.explicit_id = !s.id.empty();
  p.info.id = p.explicit_id ? s.id : id_from_source(s.source);
  if (auto ok = check_version_id(p.info.id); !ok) {
    return make_error(ErrorCode::kInvalidArgument, fmt::format("{}: {}", s.source, ok.error().message));
  }
  p.info.title = one_line(!s.title.empty() ? s.title : !doc->meta.title.empty() ? doc->meta.title : p.info.id);
  p.info.date = !s.date.empty() ? s.date : doc->meta.date;
  if (p.info.date.empty()) {
    return make_error(ErrorCode::kInvalidArgument,
                      fmt::format("{}: no date given and none found in the document; give one with --date", s.source));
  }
  auto key = parse_date_key(p.info.date);
  if (!key) return make_error(ErrorCode::kInvalidArgument, fmt::format("{}: {}", s.source, key.error().message));
  p.info.source = one_line(s.source);
  if (p.info.title.size() > kMaxTrailerValue || p.info.source.size() > kMaxTrailerValue) {
    return make_error(ErrorCode::kInvalidArgument, fmt::format("{}: title or source longer than {} bytes",
                                                               utf8::excerpt(s.source, 80), kMaxTrailerValue));
  }
  p.info.format = doc->meta.format;
  p.info.selectors = s.selectors;
  p.info.normalization = kNormalizationVersion;
  // libgit2 1.5.1 writes commit times as unsigned 32-bit numbers: earlier
  // than 1970 or later than 2106 they would wrap around. The Snapshot-Date
  // trailer, not the commit time, is what strata orders by, so clamp.
  p.info.time = std::clamp<int64_t>(s.time.value_or(date_start_seconds(*key)), 0, kMaxCommitTime);
  // libgit2's SHA-1 refuses bytes made to collide with others (and leaves
  // the id unset): such a version is refused, never stored under a name
  // another content has.
  if (const int rc = git_odb_hash(&p.raw_blob, s.bytes.data(), s.bytes.size(), GIT_OBJECT_BLOB); rc != 0) {
    return git_failure(rc, fmt::format("{}: cannot name its bytes", s.source));
  }
  p.info.raw_blob = oid_hex(p.raw_blob);
  if (!s.blob_id.empty() && s.blob_id != p.info.raw_blob) return blob_mismatch(s.source, s.blob_id);
  p.raw_sha256 = sha256_hex(s.bytes);
  if (reads.stored_blobs->count(p.info.raw_blob) == 0) p.deflated = deflate_loose_blob(s.bytes);
  p.raw = std::move(s.bytes);
  return p;
}

}  // namespace strata::store
