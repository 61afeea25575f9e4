#include "ingest/readers.hpp"
#include "strata/ingest.hpp"

namespace strata {

Result<RawDocument> ingest(std::string_view bytes, std::string_view source, InputFormat format) {
  auto text = decode_text(bytes, source);
  if (!text) return text.error();
  RawDocument raw;
  raw.source = std::string(source);
  raw.format = format == InputFormat::kAuto ? format_from_path(source) : format;
  raw.blocks = raw.format == InputFormat::kMarkdown ? readers::read_markdown(*text) : readers::read_plain_text(*text);
  return raw;
}

}  // namespace strata
