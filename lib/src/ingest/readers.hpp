// Format readers: decoded text to RawBlocks. Internal to ingest.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ingest/ingest.hpp"

namespace strata::readers {

// One RawBlock of kind kLine per non-blank line, with indent, gap and bullet.
std::vector<RawBlock> read_plain_text(std::string_view text);

struct MarkdownRead {
  std::vector<RawBlock> blocks;
  std::string title;              // from front matter; may be empty
  std::string date;               // from front matter; may be empty
  std::vector<Removal> removals;  // lines taken out as metadata (markdown_syntax.hpp)
};

// CommonMark with GitHub's extensions (tables, strikethrough, autolinks,
// footnotes) through cmark-gfm, after front matter and attribute lists are
// taken out (markdown_syntax.hpp). HTML in the Markdown is read by read_html.
// With a cache, the body is read in parts (markdown_parts.hpp), each part
// read before taken from it.
Result<MarkdownRead> read_markdown(std::string_view text, std::string_view source, ReadCache* cache = nullptr);

struct HtmlRead {
  std::vector<RawBlock> blocks;
  std::string title;  // <title>; may be empty
  std::vector<Removal> removals;
};

// HTML through gumbo, refused before parsing when nested deeper than
// html_scan::kMaxDepth or larger than kMaxElements. `page`: a whole page, whose
// chrome is removed and main content chosen; otherwise a fragment (HTML in
// Markdown) read whole. `first_line` is the source line `text` starts on.
Result<HtmlRead> read_html(std::string_view text, std::string_view source, const ContentSelectors& selectors, bool page,
                           uint32_t first_line = 1);

// An image's source as a link target: as written, except a `data:` URI,
// whose bytes would fill a report, which becomes its media type and a hash of
// the whole ("data:image/png;… #1f0c…"), so a swapped inline picture is
// still a new target.
std::string image_target(std::string_view source);

// A table row's text: its cells joined by "; ", each but the empty ones,
// after its column's header ("Header: cell") where the header says more.
std::string table_row_text(const std::vector<std::string>& cells, const std::vector<std::string>& header);

}  // namespace strata::readers
