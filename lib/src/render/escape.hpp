// Escaping for every output context, in one place: what text from an input
// document (or a store, or the command line) may become in each output. One
// section a context; the terminal forms are public (strata/render.hpp) because
// the CLI prints messages with them. Internal to render.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace strata::render {

// --- JSON -------------------------------------------------------------------
// `value` as JSON text, `indent` spaces deep (-1: on one line). Invalid UTF-8
// becomes U+FFFD, so the text is always valid UTF-8 (and so never holds a lone
// surrogate). Besides the C0 controls JSON requires escaped, DEL, the C1
// controls (U+009B starts a terminal control sequence as ESC [ does) and
// U+2028/U+2029 (line breaks to JavaScript before ES2019) are written as
// \uXXXX, so that printing a report, or pasting it into a script, is safe.
std::string json_text(const nlohmann::ordered_json& value, int indent = 2);
// Appends `s` as a JSON string (quoted), escaped exactly as json_text
// escapes a string value, without building a JSON value for it.
void append_json_string(std::string_view s, std::string& out);

// --- Markdown (GitHub Flavored) ---------------------------------------------
// Inline text, also fit for a table cell: shown as written, never read as
// markup. Punctuation that starts emphasis, links, code, tables or headings
// is backslash-escaped, < > & become entities (no HTML from the input), line
// breaks become spaces, the autolink triggers (scheme://, www., user@host)
// are broken, and controls are made visible (terminal_safe).
std::string md(std::string_view s);
// A code span for a table cell: fenced by one backtick more than the
// longest run inside, its pipes escaped (GFM splits a row at a pipe even
// inside a code span, and what followed it would be read as Markdown).
std::string md_code(std::string_view s);

// --- GitHub workflow commands -------------------------------------------------
// A workflow command's message and its properties (file=, title=) for
// GitHub Actions, escaped by GitHub's rules; control characters visible.
std::string github_data(std::string_view text);
std::string github_property(std::string_view text);

// --- CSV ----------------------------------------------------------------------
// A field of an RFC 4180 row, read by spreadsheets and printed to terminals:
// controls, line breaks and tabs in the terminal's notation (a field stays on
// its row), quoted when it holds a comma or a quote, and a field that a
// spreadsheet would run as a formula (opening with = + - @) led by an
// apostrophe, which makes it text.
std::string csv_field(std::string_view s);

// --- HTML --------------------------------------------------------------------
// html_escape, declared with the pages that use it (render/html.hpp), is
// defined in escape.cpp beside these.

}  // namespace strata::render
