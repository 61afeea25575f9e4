// What a user chooses about input (docs/inputs.md): the format, or its
// sniffing, and which parts of an HTML page are the document; and reading
// bytes. Documents come from load_document() and parse_document() (load.hpp).
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "strata/document.hpp"
#include "strata/result.hpp"

namespace strata {

// Which parts of an HTML page are the document (docs/inputs.md). Selectors are
// simple CSS: tag, #id, .class, [attr], combined (div.note#x) and separated by
// spaces for descendants; a comma separates alternatives.
struct ContentSelectors {
  std::vector<std::string>
      select;  // keep only what these match; default: <main>, <article>, role=main, else the densest block
  std::vector<std::string> remove;  // removed on top of the bundled chrome rules (nav, header, footer, ...)
};

// Readings of document parts kept between the documents of one history,
// whose versions share most of their paragraphs: each part is parsed once.
// Markdown is cut into parts before its headings and paragraphs
// (docs/inputs.md); other formats are read whole. Documents are the same
// with or without a cache.
// Thread-safe. It holds about `max_bytes` of parts and readings at most,
// dropping the older half when full.
class ReadCache {
 public:
  static constexpr size_t kDefaultBytes = size_t{64} << 20;
  explicit ReadCache(size_t max_bytes = kDefaultBytes);
  ~ReadCache();
  ReadCache(const ReadCache&) = delete;
  ReadCache& operator=(const ReadCache&) = delete;

  struct Parts;  // ingest's own
  Parts& parts() const { return *parts_; }

 private:
  std::unique_ptr<Parts> parts_;
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

// decode()'s text alone, for a format already known.
Result<std::string> decode_text(std::string_view bytes, std::string_view source,
                                InputFormat format = InputFormat::kPlainText);

// Reads a whole file, or standard input for "-". Refuses directories, missing
// files and inputs above kMaxInputBytes (a regular file by its size before
// reading, a pipe while reading) with a message naming the path.
Result<std::string> read_file_bytes(const std::string& path);

}  // namespace strata
