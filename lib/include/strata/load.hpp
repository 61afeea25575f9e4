// The reading half of the pipeline in one call: ingest -> normalize -> segment.
#pragma once

#include <string>
#include <string_view>

#include "strata/document.hpp"
#include "strata/normalize.hpp"
#include "strata/result.hpp"

namespace strata {

struct LoadOptions {
  InputFormat format = InputFormat::kAuto;  // kAuto: from the file extension
  BoilerplateRules rules = default_boilerplate_rules();
};

Result<Document> load_document(const std::string& path, const LoadOptions& options = {});
Result<Document> parse_document(std::string_view bytes, std::string_view source,
                                const LoadOptions& options = {});

}  // namespace strata
