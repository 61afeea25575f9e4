// A table row as one block of text, the same from the HTML and Markdown
// readers (readers.hpp).
#include "ingest/readers.hpp"

namespace strata::readers {

std::string table_row_text(const std::vector<std::string>& cells, const std::vector<std::string>& header) {
  std::string text;
  for (size_t c = 0; c < cells.size(); ++c) {
    if (cells[c].empty()) continue;
    if (!text.empty()) text += "; ";
    if (c < header.size() && !header[c].empty() && header[c] != cells[c]) text += header[c] + ": ";
    text += cells[c];
  }
  return text;
}

}  // namespace strata::readers
