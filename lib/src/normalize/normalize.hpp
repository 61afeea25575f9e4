// Stage 2, normalize: the comparison form of text, and boilerplate removal.
//
// The comparison form is what every later comparison uses; the original is
// kept for display. It is: Unicode NFC with compatibility folding (NFKC), every
// Unicode space to U+0020, runs of white space folded to one and trimmed,
// typographic quotes, apostrophes, dashes, minus signs, ellipses and bullets
// folded to ASCII equivalents, zero-width characters and soft hyphens dropped,
// other control characters shown as visible symbols (U+2400 block) so they are
// still compared but never reach a terminal raw.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "strata/document.hpp"
#include "strata/ingest.hpp"
#include "strata/result.hpp"

namespace strata {

// Version of the comparison form and the bundled rules. Stored with every
// snapshot so that a change of rules is never mistaken for a change of text.
inline constexpr int kNormalizationVersion = 1;

struct NormalizedText {
  std::string text;  // comparison form
  // For each byte of `text`, and one past the end, the byte offset in the
  // original of the code point that produced it. Size text.size() + 1.
  std::vector<uint32_t> to_original;
};

NormalizedText normalize(std::string_view original);
std::string normalize_text(std::string_view original);  // just the comparison form

// A boilerplate rule: a line whose comparison form matches is removed from
// the content. `kind` says how `pattern` is matched.
struct BoilerplateRule {
  enum class Match { kExact, kPrefix, kRegex };
  enum class Action { kRemove, kDate };  // kDate: the line becomes the document date
  std::string name;
  Match match = Match::kExact;
  Action action = Action::kRemove;
  std::string pattern;  // compared with the line's comparison form
};

struct BoilerplateRules {
  std::vector<BoilerplateRule> rules;
};

// The bundled rule set: navigation and widget lines seen in captured pages
// ("Skip to main content", "Loading ...", "more >>", "Learn more: ..."),
// and "Last updated: <date>" lines.
BoilerplateRules default_boilerplate_rules();

// Reads a TOML rules file (format in docs/configuration.md) and applies it on
// top of `base`: [[rule]] tables add rules, `disable = ["name", ...]` drops
// bundled ones.
Result<BoilerplateRules> load_boilerplate_rules(const std::string& path, BoilerplateRules base);

// Drops boilerplate blocks from `raw`, recording each removal in `removals`,
// and returns the date from the first date rule that matched, if any.
std::optional<std::string> remove_boilerplate(RawDocument& raw, const BoilerplateRules& rules,
                                              std::vector<Removal>& removals);

}  // namespace strata
