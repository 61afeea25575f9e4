// Stage 1, ingest: bytes from a file or memory to a RawDocument (internal;
// what a user chooses is in strata/ingest.hpp).
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
#include "strata/ingest.hpp"
#include "strata/result.hpp"
#include "strata/shared_text.hpp"

namespace strata {

// What a reader found on one line or block of the source, before
// normalization and before the section tree is known.
struct RawBlock {
  enum class Kind : uint8_t {
    kLine,     // plain text: one source line; segment decides what it is
    kHeading,  // Markdown or HTML heading; `level` is 1..6
    kParagraph,
    kListItem,
    kQuote,
    kCode,
    kTableRow,  // cells joined, each after its column header ("Header: cell")
  };
  Kind kind = Kind::kLine;
  uint8_t level = 0;    // heading level (Markdown, HTML), 0 otherwise
  bool bullet = false;  // plain text: the line began with a bullet mark
  int indent = 0;       // plain text: leading columns; Markdown and HTML lists: nesting depth
  int gap = 0;          // blank lines before this block (plain text)
  uint32_t line = 0;    // 1-based source line
  // Content without markup, bullet or indentation, original form. Shared:
  // the Markdown reader hands the blocks of a part an earlier version had to
  // each later version, and the block memo keys by it.
  SharedText text;
  // headings: the source's id ({#id}, id="..."); may be empty. Shared text,
  // not a std::string, and the small fields packed: a block is 56 bytes, not
  // 88 (a million-line text's blocks took 96 MiB).
  SharedText anchor;
  std::vector<Link> links;  // links in `text`, in reading order
};

struct RawDocument {
  std::string source;                            // path or label, for messages
  InputFormat format = InputFormat::kPlainText;  // never kAuto once ingested
  std::string title;                             // from front matter; may be empty (segment then looks at headings)
  std::string page_title;  // an HTML page's <title>; may be empty (segment's choice of a title: docs/inputs.md)
  std::string date;        // ISO 8601 from front matter; may be empty
  InputNotes normalized;
  std::vector<RawBlock> blocks;
  std::vector<Removal> removals;  // what the HTML reader's rules removed, each with its rule
};

struct IngestOptions {
  InputFormat format = InputFormat::kAuto;  // kAuto: sniffed from the content, the extension breaking ties
  ContentSelectors selectors;               // HTML only
  ReadCache* cache = nullptr;               // parts read before, shared by a history's versions; may be null
};

// The text is the bytes decode() read when they were UTF-8 with LF line
// ends already (the bytes must then outlive it): a copy of a 30 MB input was
// 30 MB more at the peak of its diff.
struct DecodedText {
  std::string_view input;  // when from_input
  std::string converted;   // else: the bytes in UTF-8 with LF line ends
  bool from_input = true;
  InputNotes notes;

  std::string_view text() const { return from_input ? input : std::string_view(converted); }
};

// Checks that `bytes` are a text document and decodes them: refuses binary
// formats by name, converts UTF-16/32 with a BOM, and for HTML the charset it
// declares (or windows-1252 when it declares none and is not UTF-8, as
// browsers do). `source` names the input in errors. Empty input is an empty
// text, not an error.
Result<DecodedText> decode(std::string_view bytes, std::string_view source, InputFormat format);

Result<RawDocument> ingest(std::string_view bytes, std::string_view source, const IngestOptions& options = {});

}  // namespace strata
