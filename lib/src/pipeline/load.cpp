#include "strata/load.hpp"

#include <utility>

#include "ingest/ingest.hpp"
#include "normalize/normalize.hpp"
#include "pipeline/load_owned.hpp"
#include "programmes/sentence_cache.hpp"
#include "segment/segment.hpp"

namespace strata {

namespace {

// Ingest -> normalize -> segment. `owned`, when not null, holds `bytes` and
// is let go once ingest has read them (pipeline/load_owned.hpp).
Result<Document> parse(std::string_view bytes, std::string* owned, std::string_view source,
                       const LoadOptions& options) {
  auto raw = ingest(bytes, source, IngestOptions{options.format, options.selectors, options.cache.get()});
  if (!raw) return raw.error();
  outline::BlockMemo* memo =
      pipeline::reads_through_memo(bytes.size(), options) ? &options.sentences->memos().blocks : nullptr;
  if (owned != nullptr) std::string().swap(*owned);  // `bytes` is not read past here
  std::vector<Removal> removals = std::move(raw->removals);
  std::optional<std::string> date = remove_boilerplate(*raw, options.rules, removals);
  Document doc = segment(std::move(*raw), memo);
  if (date) doc.meta.date = *date;
  doc.removals = std::move(removals);
  return doc;
}

}  // namespace

bool pipeline::reads_through_memo(size_t bytes, const LoadOptions& options) {
  return options.sentences != nullptr && options.sentences->memos().blocks.fits(bytes);
}

Result<Document> parse_document(std::string_view bytes, std::string_view source, const LoadOptions& options) {
  return parse(bytes, nullptr, source, options);
}

Result<Document> pipeline::parse_owned(std::string bytes, std::string_view source, const LoadOptions& options) {
  return parse(bytes, &bytes, source, options);
}

Result<Document> load_document(const std::string& path, const LoadOptions& options) {
  auto bytes = read_file_bytes(path);
  if (!bytes) return bytes.error();
  return pipeline::parse_owned(std::move(*bytes), path, options);
}

Document empty_document(std::string_view source, InputFormat format) {
  RawDocument nothing;
  nothing.source = std::string(source);
  nothing.format = format == InputFormat::kAuto ? format_from_path(source) : format;
  return segment(std::move(nothing));
}

}  // namespace strata
