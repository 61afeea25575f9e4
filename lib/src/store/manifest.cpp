// The bundled series as snapshots to import, from the lead's manifest reader.
#include <fmt/core.h>

#include "ingest/ingest.hpp"
#include "strata/manifest.hpp"
#include "strata/store.hpp"

namespace strata {

Result<std::vector<Snapshot>> series_snapshots(const std::string& manifest_path, std::vector<std::string>* skipped) {
  auto manifest = load_manifest(manifest_path);
  if (!manifest) return manifest.error();
  std::vector<Snapshot> out;
  for (const ManifestEntry& e : manifest->series()) {
    auto bytes = read_file_bytes(e.path);
    if (!bytes) return bytes.error();
    if (!e.sha256.empty()) {
      if (const std::string actual = sha256_hex(*bytes); actual != e.sha256) {
        return make_error(ErrorCode::kCorrupt, fmt::format("{}: sha256 is {}, manifest {} says {}", e.path, actual,
                                                           manifest_path, e.sha256));
      }
    }
    Snapshot s;
    s.bytes = std::move(*bytes);
    s.source = e.path;
    s.id = e.id;
    s.title = e.title;
    s.date = e.date;
    s.format = InputFormat::kAuto;  // sniffed from the bytes on import, unless the manifest says
    if (auto format = parse_input_format(e.format); !e.format.empty() && format) s.format = *format;
    s.selectors.select = e.select;
    s.selectors.remove = e.remove;
    out.push_back(std::move(s));
  }
  if (skipped != nullptr) {
    for (const ManifestEntry& e : manifest->entries) {
      if (!e.series) skipped->push_back(e.id);
    }
  }
  return out;
}

}  // namespace strata
