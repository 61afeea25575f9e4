// Stage 7, render: reports as strings. The CLI decides where they go.
#pragma once

#include <string>

#include "strata/change.hpp"
#include "strata/document.hpp"

namespace strata {

// `strata sections`: one line a section, indented by level, with counts.
std::string render_outline_text(const Document& doc);
// Schema "strata.sections/1" (docs/json.md): the tree with every sentence,
// original and normalized, and the boilerplate removals.
std::string render_outline_json(const Document& doc);

// Text that is safe to print on a terminal: control characters and bidi
// overrides from the input become visible escapes (U+2400 pictures, <U+202E>).
std::string terminal_safe(std::string_view text);

}  // namespace strata
