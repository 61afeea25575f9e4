// Stage 2, normalize, as a user sets it: the boilerplate rules and the
// version of the comparison form (docs/configuration.md).
#pragma once

#include <string>
#include <vector>

#include "strata/result.hpp"

namespace strata {

// Version of the comparison form and the bundled rules. Stored with every
// snapshot so that a change of rules is never mistaken for a change of text.
inline constexpr int kNormalizationVersion = 2;

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

}  // namespace strata
