// Format readers: decoded text to RawBlocks. Internal to ingest.
#pragma once

#include <string_view>
#include <vector>

#include "strata/ingest.hpp"

namespace strata::readers {

// One RawBlock of kind kLine per non-blank line, with indent, gap and bullet.
std::vector<RawBlock> read_plain_text(std::string_view text);

// CommonMark's block structure, minus HTML blocks and tables' cells: ATX and
// setext headings, paragraphs, nested lists, block quotes, fenced code.
// Inline markup is stripped to its text.
std::vector<RawBlock> read_markdown(std::string_view text);

// "**a** [b](c) `d`" -> "a b d": the text a reader sees.
std::string strip_inline_markdown(std::string_view text);

}  // namespace strata::readers
