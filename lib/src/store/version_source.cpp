// Naming a version wherever one is expected: a store revision or a file path.
#include <fmt/core.h>
#include <filesystem>
#include <system_error>

#include "ingest/ingest.hpp"
#include "pipeline/load_owned.hpp"
#include "store/revision.hpp"
#include "store/store_impl.hpp"

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

Result<Document> load_version(const std::string& store_dir, std::string_view rev, const LoadOptions& options) {
  auto read = read_version_bytes(store_dir, rev);
  if (!read) return read.error();
  LoadOptions effective = options;
  if (read->version && effective.format == InputFormat::kAuto) effective.format = read->version->format;
  // A stored page is read with the selectors it was imported with, unless
  // the command gives its own.
  if (read->version && effective.selectors.select.empty() && effective.selectors.remove.empty())
    effective.selectors = read->version->selectors;
  auto doc = pipeline::parse_owned(std::move(read->bytes), read->version ? read->version->id : read->label, effective);
  if (!doc) return doc.error();
  if (read->version) {
    doc->meta.source = read->version->id;
    doc->meta.title = read->version->title;
    doc->meta.date = read->version->date;
    doc->meta.format = read->version->format;
  }
  return doc;
}

}  // namespace strata
