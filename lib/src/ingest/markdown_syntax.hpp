// What repositories write around CommonMark and a CommonMark parser leaves as
// text: front matter, kramdown and Pandoc attribute lists, kramdown-rfc's
// section markers and references. Internal to ingest.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "strata/document.hpp"

namespace strata::markdown_syntax {

// What the lines around the Markdown said about the document.
struct Preamble {
  std::string title;  // front matter title; may be empty
  std::string date;   // ISO 8601 from a date key of the front matter; may be empty
  // Block attribute lists ("{: #id}" alone on a line) by 1-based line: the
  // id they give the block that ends on the line before.
  std::map<uint32_t, std::string> ids_by_line;
  // Lines taken out as what they are, not content: the dateline a
  // kramdown `datetime` dates ("*Effective July 27, 2023*").
  std::vector<Removal> removals;
};

// Blanks, in place, the lines that are not Markdown content: YAML (---) or
// TOML (+++) front matter, block attribute lists, kramdown extensions
// ({::comment} ... {:/comment}, {::boilerplate ...}), kramdown-rfc's
// "--- middle" markers, lines of Liquid tags that write nothing ("{%
// note %}") and the dateline a `datetime` attribute list dates (in
// `removals`). Lines are blanked rather than removed so that line numbers
// still point into the source. Fenced code is left alone.
Preamble strip_preamble(std::string& text);

// Removes inline attribute lists ("Streams {#streams}", "text{: .note}",
// "[a]{.smallcaps}") from `text`; the first "#id" found is stored in `id`
// when given.
std::string strip_attribute_lists(std::string_view text, std::string* id = nullptr);

// kramdown-rfc references as the RFC prints them: "{{RFC9000}}" and
// "{{?RFC2119}}" -> "[RFC9000]", "[RFC2119]"; "{{Section 4 of QUIC-TLS}}" ->
// "Section 4 of [QUIC-TLS]".
std::string render_references(std::string_view text);

// Links a CommonMark parser left as text because a bracket was escaped
// ("Products[1\](#note-1)" reads "Products[1](#note-1)"): each becomes its text,
// its target appended to `links`.
std::string resolve_literal_links(std::string_view text, std::vector<Link>& links);

// GitHub's alert marker opening the first line of a quote ("[!NOTE]",
// "[!warning] text"): the label GitHub shows for it ("Note:", "Warning:")
// and where the marker ends in `text`; an empty label when there is none.
std::pair<std::string_view, size_t> alert_label(std::string_view text);

}  // namespace strata::markdown_syntax
