// Where a Markdown body can be cut into parts that cmark-gfm reads the same
// apart as together, so that the versions of a history parse only the parts
// that changed (ReadCache, strata/ingest.hpp). Internal to ingest.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace strata::markdown_parts {

struct Part {
  size_t begin = 0;  // byte range in the body
  size_t end = 0;
  uint32_t first_line = 1;  // 1-based source line of `begin`
};

// The body (after markdown_syntax::strip_preamble) cut before each ATX
// heading and each paragraph that opens a line after a blank line: every
// container a blank line and an unindented line close is closed there, and
// a version that rewords one paragraph has only that part to parse. Never
// inside fenced code or an HTML block that a blank line does not end
// (comments, <script>, <pre>, ...). One part, the whole body, when the body
// holds what reaches across parts (link reference or footnote definitions)
// or a line holding a whole tag alone, which CommonMark's HTML block rules
// leave in doubt.
std::vector<Part> split(std::string_view body);

}  // namespace strata::markdown_parts
