#include "cmd_git_sides.hpp"

#include "strata/ingest.hpp"

namespace strata::cli {

Result<Document> read_side(const std::optional<std::string>& bytes, std::string_view path, std::string_view label,
                           const LoadOptions& options) {
  if (!bytes)
    return empty_document(label, options.format == InputFormat::kAuto ? format_from_path(path) : options.format);
  LoadOptions read = options;
  if (read.format == InputFormat::kAuto) read.format = format_from_path(path);
  return parse_document(*bytes, label, read);
}

}  // namespace strata::cli
