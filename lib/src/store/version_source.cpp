// Naming a version wherever one is expected: a store revision or a file path.
#include <fmt/core.h>
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

// The bytes of a version parsed; a stored version keeps its recorded
// format, selectors and names.
Result<Document> parse_version(VersionBytes read, const LoadOptions& options) {
  LoadOptions effective = options;
  if (read.version && effective.format == InputFormat::kAuto) effective.format = read.version->format;
  // A stored page is read with the selectors it was imported with, unless
  // the command gives its own.
  if (read.version && effective.selectors.select.empty() && effective.selectors.remove.empty())
    effective.selectors = read.version->selectors;
  auto doc = pipeline::parse_owned(std::move(read.bytes), read.version ? read.version->id : read.label, effective);
  if (!doc) return doc.error();
  if (read.version) {
    doc->meta.source = read.version->id;
    doc->meta.title = read.version->title;
    doc->meta.date = read.version->date;
    doc->meta.format = read.version->format;
  }
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
  auto old_read = read_version_bytes(store_dir, old_rev);
  if (!old_read) return old_read.error();
  auto new_read = read_version_bytes(store_dir, new_rev);
  if (!new_read) {
    // The old version's own trouble is reported first, as when the two are
    // loaded one after the other.
    auto old_doc = parse_version(std::move(*old_read), options);
    if (!old_doc) return old_doc.error();
    return new_read.error();
  }
  std::optional<Result<Document>> docs[2];
  VersionBytes* reads[2] = {&*old_read, &*new_read};
  // The new version finds the paragraphs it shares with the old one already
  // split only when both pass through the paragraph memo, read in turn.
  // Otherwise the order gains nothing and the two are parsed at once: a 10
  // MB pair's reading is a fifth of its instructions (docs/benchmarks.md).
  const bool in_turn = pipeline::reads_through_memo(old_read->bytes.size(), options) &&
                       pipeline::reads_through_memo(new_read->bytes.size(), options);
  util::parallel_for(2, in_turn ? 1 : 2, [&](size_t k) { docs[k] = parse_version(std::move(*reads[k]), options); });
  if (!*docs[0]) return docs[0]->error();
  if (!*docs[1]) return docs[1]->error();
  return VersionPair{std::move(**docs[0]), std::move(**docs[1])};
}

}  // namespace strata
