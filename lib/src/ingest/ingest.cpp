#include "ingest/ingest.hpp"
#include "ingest/pages.hpp"
#include "ingest/readers.hpp"
#include "ingest/wrapped.hpp"

namespace strata {

Result<RawDocument> ingest(std::string_view bytes, std::string_view source, const IngestOptions& options) {
  auto decoded = decode(bytes, source, options.format);
  if (!decoded) return decoded.error();
  RawDocument raw;
  raw.source = std::string(source);
  raw.format = options.format == InputFormat::kAuto ? sniff_format(decoded->text(), source) : options.format;
  raw.normalized = decoded->notes;
  switch (raw.format) {
    case InputFormat::kMarkdown: {
      auto read = readers::read_markdown(decoded->text(), source, options.cache);
      if (!read) return read.error();
      raw.blocks = std::move(read->blocks);
      raw.title = std::move(read->title);
      raw.date = std::move(read->date);
      raw.removals = std::move(read->removals);
      break;
    }
    case InputFormat::kHtml: {
      auto read = readers::read_html(decoded->text(), source, options.selectors, true);
      if (!read) return read.error();
      raw.blocks = std::move(read->blocks);
      raw.page_title = std::move(read->title);
      raw.removals = std::move(read->removals);
      break;
    }
    case InputFormat::kAuto:
    case InputFormat::kPlainText:
      raw.blocks = readers::read_plain_text(decoded->text());
      remove_page_furniture(raw.blocks, raw.removals);
      break;
  }
  const WrappedJoin join = join_wrapped_lines(raw.blocks);
  raw.normalized.joined_lines = join.joined;
  raw.normalized.joined_capped = join.capped;
  return raw;
}

}  // namespace strata
