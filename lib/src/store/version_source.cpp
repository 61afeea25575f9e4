// Naming a version wherever one is expected: a store revision or a file path.
#include <filesystem>
#include <optional>
#include <fmt/core.h>
#include <system_error>

#include "store/revision.hpp"
#include "store/store_impl.hpp"
#include "strata/ingest.hpp"
#include "util/parallel.hpp"

namespace strata {

Result<VersionBytes> read_version_bytes(const std::string& store_dir, std::string_view rev) {
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

// Parsing is independent per version and CPU-bound; more threads than
// versions or cores would only wait.
constexpr size_t kMaxParseThreads = 8;

Result<Document> parse_version(const VersionBytes& read, const LoadOptions& options) {
  LoadOptions effective = options;
  if (read.version && effective.format == InputFormat::kAuto) effective.format = read.version->format;
  auto doc = parse_document(read.bytes, read.version ? read.version->id : read.label, effective);
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
  return parse_version(*read, options);
}

std::vector<Result<Document>> load_versions(const std::string& store_dir, const std::vector<std::string>& revs,
                                            const LoadOptions& options) {
  std::vector<Result<VersionBytes>> reads;
  reads.reserve(revs.size());
  for (const std::string& rev : revs) reads.push_back(read_version_bytes(store_dir, rev));
  std::vector<std::optional<Result<Document>>> parsed(revs.size());
  util::parallel_for(revs.size(), kMaxParseThreads, [&](size_t i) {
    parsed[i] = reads[i] ? parse_version(*reads[i], options) : Result<Document>(reads[i].error());
  });
  std::vector<Result<Document>> docs;
  docs.reserve(revs.size());
  for (auto& doc : parsed) docs.push_back(std::move(*doc));
  return docs;
}

}  // namespace strata
