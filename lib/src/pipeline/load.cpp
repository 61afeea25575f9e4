#include "strata/load.hpp"

#include <utility>

#include "ingest/ingest.hpp"
#include "normalize/normalize.hpp"
#include "programmes/sentence_cache.hpp"
#include "segment/segment.hpp"

namespace strata {

Result<Document> parse_document(std::string_view bytes, std::string_view source, const LoadOptions& options) {
  auto raw = ingest(bytes, source, IngestOptions{options.format, options.selectors, options.cache.get()});
  if (!raw) return raw.error();
  std::vector<Removal> removals = std::move(raw->removals);
  std::optional<std::string> date = remove_boilerplate(*raw, options.rules, removals);
  outline::BlockMemo* memo = options.sentences ? &options.sentences->memos().blocks : nullptr;
  if (memo != nullptr && !memo->fits(bytes.size())) memo = nullptr;
  Document doc = segment(std::move(*raw), memo);
  if (date) doc.meta.date = *date;
  doc.removals = std::move(removals);
  return doc;
}

Result<Document> load_document(const std::string& path, const LoadOptions& options) {
  auto bytes = read_file_bytes(path);
  if (!bytes) return bytes.error();
  return parse_document(*bytes, path, options);
}

Document empty_document(std::string_view source, InputFormat format) {
  RawDocument nothing;
  nothing.source = std::string(source);
  nothing.format = format == InputFormat::kAuto ? format_from_path(source) : format;
  return segment(std::move(nothing));
}

}  // namespace strata
