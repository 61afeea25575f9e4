// Stage 1, ingest: bytes from a file or memory to a RawDocument.
//
// Ingest decides what the bytes are (docs/inputs.md): it refuses formats it
// cannot read (PDF, office documents, archives, images, other binaries) with
// the format named, converts UTF-16/32 with a byte order mark and legacy
// charsets that HTML declares, turns CRLF and CR line ends into LF, sniffs the
// format when asked to (HTML, Markdown, plain text), and hands the text to a
// format reader that marks up its block structure. What it changed on the way
// is recorded in InputNotes; what an HTML rule removed, in `removals`.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "strata/document.hpp"
#include "strata/result.hpp"

namespace strata {

// What a reader found on one line or block of the source, before
// normalization and before the section tree is known.
struct RawBlock {
  enum class Kind {
    kLine,     // plain text: one source line; segment decides what it is
    kHeading,  // Markdown or HTML heading; `level` is 1..6
    kParagraph,
    kListItem,
    kQuote,
    kCode,
    kTableRow,  // cells joined, each after its column header ("Header: cell")
  };
  Kind kind = Kind::kLine;
  int level = 0;            // heading level (Markdown, HTML), 0 otherwise
  int indent = 0;           // plain text: leading columns; Markdown and HTML lists: nesting depth
  int gap = 0;              // blank lines before this block (plain text)
  bool bullet = false;      // plain text: the line began with a bullet mark
  uint32_t line = 0;        // 1-based source line
  std::string text;         // content without markup, bullet or indentation, original form
  std::string anchor;       // headings: the source's id ({#id}, id="..."); may be empty
  std::vector<Link> links;  // links in `text`, in reading order
};

struct RawDocument {
  std::string source;                            // path or label, for messages
  InputFormat format = InputFormat::kPlainText;  // never kAuto once ingested
  std::string title;  // from front matter or <title>; may be empty (segment then looks at headings)
  std::string date;   // ISO 8601 from front matter; may be empty
  InputNotes normalized;
  std::vector<RawBlock> blocks;
  std::vector<Removal> removals;  // what the HTML reader's rules removed, each with its rule
};

// Which parts of an HTML page are the document (docs/inputs.md). Selectors are
// simple CSS: tag, #id, .class, [attr], combined (div.note#x) and separated by
// spaces for descendants; a comma separates alternatives.
struct ContentSelectors {
  std::vector<std::string>
      select;  // keep only what these match; default: <main>, <article>, role=main, else the densest block
  std::vector<std::string> remove;  // removed on top of the bundled chrome rules (nav, header, footer, ...)
};

struct IngestOptions {
  InputFormat format = InputFormat::kAuto;  // kAuto: sniffed from the content, the extension breaking ties
  ContentSelectors selectors;               // HTML only
};

// Largest input ingest accepts. Beyond it the input is refused rather than
// risking the memory bound (documents are web pages; 256 MiB is far past any).
inline constexpr size_t kMaxInputBytes = size_t{256} << 20;

// Format from a file name's extension alone: .md/.markdown -> Markdown,
// .html/.htm/.xhtml -> HTML, else plain text.
InputFormat format_from_path(std::string_view path);
// Format from the content, `path`'s extension breaking ties (docs/inputs.md).
// Expects text already decoded to UTF-8.
InputFormat sniff_format(std::string_view text, std::string_view path);
Result<InputFormat> parse_input_format(std::string_view name);  // "auto", "text", "markdown", "html"

struct DecodedText {
  std::string text;  // UTF-8, LF line ends
  InputNotes notes;
};

// Checks that `bytes` are a text document and decodes them: refuses binary
// formats by name, converts UTF-16/32 with a BOM, and for HTML the charset it
// declares (or windows-1252 when it declares none and is not UTF-8, as
// browsers do). `source` names the input in errors. Empty input is an empty
// text, not an error.
Result<DecodedText> decode(std::string_view bytes, std::string_view source, InputFormat format);
// decode()'s text alone, for a format already known.
Result<std::string> decode_text(std::string_view bytes, std::string_view source,
                                InputFormat format = InputFormat::kPlainText);

Result<RawDocument> ingest(std::string_view bytes, std::string_view source, const IngestOptions& options = {});

// Reads a whole file, or standard input for "-". Refuses directories, missing
// files and inputs above kMaxInputBytes (a regular file by its size before
// reading, a pipe while reading) with a message naming the path.
Result<std::string> read_file_bytes(const std::string& path);

}  // namespace strata
