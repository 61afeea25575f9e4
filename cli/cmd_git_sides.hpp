// Reading one side of a change that git hands over, where the side may not
// exist (an added or deleted file): shared by `check --git` and `git-diff`.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "strata/load.hpp"

namespace strata::cli {

// `bytes` read as the document at `path` (whose extension picks the format
// when `options` says auto), labelled `label`; nullopt gives a document with
// no text, so that everything in the other side is added or removed.
Result<Document> read_side(const std::optional<std::string>& bytes, std::string_view path, std::string_view label,
                           const LoadOptions& options);

}  // namespace strata::cli
