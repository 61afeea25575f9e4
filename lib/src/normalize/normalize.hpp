// Stage 2, normalize: the comparison form of text, and boilerplate removal.
//
// The comparison form is what every later comparison uses; the original is
// kept for display. It is: Unicode NFC with compatibility folding (NFKC), every
// Unicode space to U+0020, runs of white space folded to one and trimmed,
// typographic quotes, apostrophes, dashes, minus signs, ellipses and bullets
// folded to ASCII equivalents, zero-width characters and soft hyphens dropped,
// other control characters shown as visible symbols (U+2400 block) so they are
// still compared but never reach a terminal raw, and UTF-8 that was misread
// as windows-1252 ("EspaÃ±ol") read as what it meant.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/ingest.hpp"
#include "strata/document.hpp"
#include "strata/normalize.hpp"

namespace strata {

struct NormalizedText {
  std::string text;  // comparison form
  // For each byte of `text`, and one past the end, the byte offset in the
  // original of the code point that produced it. Size text.size() + 1.
  std::vector<uint32_t> to_original;
};

NormalizedText normalize(std::string_view original);
std::string normalize_text(std::string_view original);  // just the comparison form
// Whether `text` is its own comparison form, known without making it:
// printable ASCII without a leading, trailing or doubled space (most lines).
bool in_comparison_form(std::string_view text);

// `text` with each sequence of UTF-8 misread as windows-1252 replaced by
// what it meant (as the comparison form reads it), the rest as it is.
std::string repair_misread_utf8(std::string_view text);

// Drops boilerplate blocks from `raw`, recording each removal in `removals`,
// and returns the date from the first date rule that matched, if any.
std::optional<std::string> remove_boilerplate(RawDocument& raw, const BoilerplateRules& rules,
                                              std::vector<Removal>& removals);

}  // namespace strata
