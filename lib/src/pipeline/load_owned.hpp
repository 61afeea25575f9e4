// parse_document() for bytes the caller hands over: they are let go once
// ingest has read them, so that a version is not held as bytes through its
// segmentation too (the version of a diff read second: its bytes, 22 MB
// for a million lines, were held at the peak of loading it).
#pragma once

#include <string>
#include <string_view>

#include "strata/load.hpp"

namespace strata::pipeline {

Result<Document> parse_owned(std::string bytes, std::string_view source, const LoadOptions& options);

// Whether a version of `bytes` is read through the paragraph memo of
// `options.sentences`: only then does a version read after it find the
// paragraphs they share already split (outline::BlockMemo::fits).
bool reads_through_memo(size_t bytes, const LoadOptions& options);

}  // namespace strata::pipeline
