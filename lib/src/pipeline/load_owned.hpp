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

}  // namespace strata::pipeline
