// Naming a version wherever one is expected: a store revision or a file path.
#include <fmt/core.h>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <system_error>

#include "ingest/ingest.hpp"
#include "pipeline/load_owned.hpp"
#include "store/revision.hpp"
#include "store/store_impl.hpp"
#include "sys/parallel.hpp"

namespace strata {

Result<VersionBytes> read_version_bytes(const std::string& store_dir, std::string_view rev) {
  if (rev == "-") {  // standard input
    auto bytes = read_file_bytes(std::string(rev));
    if (!bytes) return bytes.error();
    return VersionBytes{std::move(*bytes), std::string(rev), std::nullopt};
  }
  auto parsed = store::parse_revision(rev);
  std::optional<Error> store_error;
  if (parsed) {
    auto opened = Store::open(store_dir);
    if (opened) {
      auto version = opened->resolve(rev);
      if (version) {
        auto bytes = opened->read_raw(*version);
        if (!bytes) return bytes.error();
        return VersionBytes{std::move(*bytes), fmt::format("{} ({})", version->id, version->date), *version};
      }
      store_error = version.error();
      // A damaged store is reported, never papered over with a same-named file.
      if (version.error().code != ErrorCode::kNotFound) return version.error();
    } else {
      store_error = opened.error();
    }
  }
  std::error_code ec;
  const std::string path(rev);
  if (std::filesystem::exists(path, ec)) {
    auto bytes = read_file_bytes(path);
    if (!bytes) return bytes.error();
    return VersionBytes{std::move(*bytes), path, std::nullopt};
  }
  // Not revision-shaped (a path with '/', say): it can only have been a
  // file, so say what reading the file says ("x.txt: no such file").
  if (!parsed) return read_file_bytes(path).error();
  return make_error(ErrorCode::kNotFound,
                    fmt::format("'{}' is neither a file nor a version ({})", rev, store_error->message));
}

namespace {

// The size of the file `rev` names when it can name only a file (standard
// input and revision-shaped names excluded); 0 otherwise.
uint64_t file_size_of(std::string_view rev) {
  if (rev == "-" || store::parse_revision(rev)) return 0;
  std::error_code ec;
  const std::filesystem::path path(rev);
  if (!std::filesystem::is_regular_file(path, ec)) return 0;
  const uintmax_t size = std::filesystem::file_size(path, ec);
  return ec ? 0 : size;
}

// How the bytes of a version are read: a stored version keeps its recorded
// format and selectors.
LoadOptions options_for(const VersionBytes& read, const LoadOptions& options) {
  LoadOptions effective = options;
  if (read.version && effective.format == InputFormat::kAuto) effective.format = read.version->format;
  // A stored page is read with the selectors it was imported with, unless
  // the command gives its own.
  if (read.version && effective.selectors.select.empty() && effective.selectors.remove.empty())
    effective.selectors = read.version->selectors;
  return effective;
}

std::string_view source_of(const VersionBytes& read) { return read.version ? read.version->id : read.label; }

// A stored version's document keeps its recorded names.
void name_version(const VersionBytes& read, Document& doc) {
  if (!read.version) return;
  doc.meta.source = read.version->id;
  doc.meta.title = read.version->title;
  doc.meta.date = read.version->date;
  doc.meta.format = read.version->format;
}

Result<Document> parse_version(VersionBytes read, const LoadOptions& options) {
  auto doc = pipeline::parse_owned(std::move(read.bytes), source_of(read), options_for(read, options));
  if (!doc) return doc.error();
  name_version(read, *doc);
  return doc;
}

}  // namespace

Result<Document> load_version(const std::string& store_dir, std::string_view rev, const LoadOptions& options) {
  auto read = read_version_bytes(store_dir, rev);
  if (!read) return read.error();
  return parse_version(std::move(*read), options);
}

Result<VersionPair> load_version_pair(const std::string& store_dir, std::string_view old_rev, std::string_view new_rev,
                                      const LoadOptions& options) {
  // Two files large enough to be parsed on two threads are read on two: a
  // read is mostly the kernel's copy into fresh pages, about 9 ms for the
  // two 10 MB versions of the benchmark pair. A store is read on one.
  std::optional<Result<VersionBytes>> reads[2];
  const std::string_view revs[2] = {old_rev, new_rev};
  const bool together = file_size_of(old_rev) + file_size_of(new_rev) >= pipeline::kParallelPairBytes;
  util::parallel_for(2, together ? 2 : 1, [&](size_t k) {
    // In turn, the new version is not read when the old one is refused.
    if (together || k == 0 || *reads[0]) reads[k] = read_version_bytes(store_dir, revs[k]);
  });
  Result<VersionBytes>& old_read = *reads[0];
  if (!old_read) return old_read.error();
  Result<VersionBytes>& new_read = *reads[1];
  if (!new_read) {
    // The old version's own trouble is reported first, as when the two are
    // loaded one after the other.
    auto old_doc = parse_version(std::move(*old_read), options);
    if (!old_doc) return old_doc.error();
    return new_read.error();
  }
  const LoadOptions old_options = options_for(*old_read, options);
  const LoadOptions new_options = options_for(*new_read, options);
  auto docs = pipeline::parse_owned_pair({std::move(old_read->bytes), source_of(*old_read), &old_options},
                                         {std::move(new_read->bytes), source_of(*new_read), &new_options});
  if (!docs) return docs.error();
  name_version(*old_read, docs->first);
  name_version(*new_read, docs->second);
  return VersionPair{std::move(docs->first), std::move(docs->second)};
}

}  // namespace strata
