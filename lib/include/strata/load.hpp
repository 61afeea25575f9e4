// The reading half of the pipeline in one call: ingest -> normalize -> segment.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "strata/document.hpp"
#include "strata/ingest.hpp"
#include "strata/normalize.hpp"
#include "strata/programmes.hpp"
#include "strata/result.hpp"

namespace strata {

struct LoadOptions {
  InputFormat format = InputFormat::kAuto;  // kAuto: sniffed from the content (docs/inputs.md)
  BoilerplateRules rules = default_boilerplate_rules();
  ContentSelectors selectors;  // HTML: --select / --remove on top of the bundled rules
  // Parts read before, shared by the documents of one history so that each
  // reads only the parts it does not share (strata/ingest.hpp). May be null.
  std::shared_ptr<ReadCache> cache;
  // Sentences of blocks read before, shared the same way
  // (strata/programmes.hpp). May be null.
  std::shared_ptr<SentenceCache> sentences;
};

Result<Document> load_document(const std::string& path, const LoadOptions& options = {});
Result<Document> parse_document(std::string_view bytes, std::string_view source, const LoadOptions& options = {});

// The side of a change where the document does not exist (a file added or
// deleted in a commit): no sections, no claims. kAuto takes the format from
// `source`'s extension.
Document empty_document(std::string_view source, InputFormat format);

}  // namespace strata
