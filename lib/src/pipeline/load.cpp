#include "strata/load.hpp"

#include "strata/ingest.hpp"
#include "strata/segment.hpp"

namespace strata {

Result<Document> parse_document(std::string_view bytes, std::string_view source, const LoadOptions& options) {
  auto raw = ingest(bytes, source, IngestOptions{options.format, options.selectors});
  if (!raw) return raw.error();
  std::vector<Removal> removals = std::move(raw->removals);
  std::optional<std::string> date = remove_boilerplate(*raw, options.rules, removals);
  Document doc = segment(*raw);
  if (date) doc.meta.date = *date;
  doc.removals = std::move(removals);
  return doc;
}

Result<Document> load_document(const std::string& path, const LoadOptions& options) {
  auto bytes = read_file_bytes(path);
  if (!bytes) return bytes.error();
  return parse_document(*bytes, path, options);
}

}  // namespace strata
