// Stage 1, ingest: bytes from a file or memory to a RawDocument.
//
// Ingest checks that the bytes are a text document (UTF-8, not binary, not
// empty), strips a BOM, turns CRLF and CR line ends into LF, and hands the
// text to a format reader that marks up its block structure. Readers are
// chosen by InputFormat; adding one (HTML) touches only this stage.
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
    kHeading,  // Markdown heading; `level` is 1..6
    kParagraph,
    kListItem,
    kQuote,
    kCode,
  };
  Kind kind = Kind::kLine;
  int level = 0;      // heading level (Markdown), 0 otherwise
  int indent = 0;     // plain text: leading columns; Markdown lists: nesting depth
  int gap = 0;        // blank lines before this block (plain text)
  bool bullet = false;// plain text: the line began with a bullet mark
  uint32_t line = 0;  // 1-based source line
  std::string text;   // content without markup, bullet or indentation, original form
};

struct RawDocument {
  std::string source;  // path or label, for messages
  InputFormat format = InputFormat::kPlainText;
  std::vector<RawBlock> blocks;
};

// Largest input ingest accepts. Beyond it the input is refused rather than
// risking the memory bound (documents are web pages; 256 MiB is far past any).
inline constexpr size_t kMaxInputBytes = size_t{256} << 20;

// Format from a file name's extension: .md/.markdown -> Markdown, else plain text.
InputFormat format_from_path(std::string_view path);
Result<InputFormat> parse_input_format(std::string_view name);  // "auto", "text", "markdown"

// Checks and decodes `bytes` (see above). `source` names the input in errors.
Result<std::string> decode_text(std::string_view bytes, std::string_view source);

Result<RawDocument> ingest(std::string_view bytes, std::string_view source, InputFormat format);

// Reads a whole regular file; refuses directories, missing files and inputs
// above kMaxInputBytes with a message naming the path.
Result<std::string> read_file_bytes(const std::string& path);

}  // namespace strata
