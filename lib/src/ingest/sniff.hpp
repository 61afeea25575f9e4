// What the bytes are: formats ingest refuses, and which reader fits a text.
// Internal to ingest.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace strata::sniff {

// A format ingest cannot read, named with a hint on how to get its text
// ("a PDF document; extract its text first: pdftotext -layout FILE out.txt"),
// from its leading magic bytes; nullopt when the bytes start like none.
std::optional<std::string> refused_format(std::string_view bytes);

// True when the bytes look like an HTML page: a doctype or an <html>, <head>
// or <body> tag first (after white space and comments), or dense markup.
// Works on undecoded bytes: every marker is ASCII.
bool looks_like_html(std::string_view bytes);

// True when a text shows Markdown's own syntax: front matter, ATX headings,
// setext underlines, fenced code, or [text](target) links.
bool looks_like_markdown(std::string_view text);

}  // namespace strata::sniff
