// Significance: which changes matter, ranked, and a paragraph that says so.
//
// classify() scores every claim, section and programme change by rules
// (docs/significance.md), keeps the best as ChangeSet::highlights and
// writes ChangeSet::narrative. The rules' points, the number of highlights
// and the watched terms are the user's to tune, from the `[significance]`
// table of a TOML file.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "strata/change.hpp"
#include "strata/programmes.hpp"
#include "strata/result.hpp"

namespace strata {

struct SignificanceOptions {
  // Highlights kept in ChangeSet::highlights. Default 10, >= 0.
  int highlights = 10;
  // Most highlights of one kind (rule) while changes of other kinds wait
  // for a place, so that ten removed paragraphs do not hide a reworded
  // commitment. Default 3, >= 1; unused places go to the waiting ones.
  int per_kind = 3;
  // Points by rule name, replacing the defaults of docs/significance.md;
  // 0 turns a rule off. Default: empty, every rule at its default.
  std::map<std::string, int, std::less<>> points;
  // Watched terms (words or phrases, matched as whole words ignoring case):
  // a change that adds or drops one scores the rule `watched-term`.
  // Default: empty.
  std::vector<std::string> watch;
};

// Reads the `[significance]` table of a TOML file (keys `highlights`,
// `per_kind`, `watch`, and a `points` table of rule names); other tables of
// the file are left to their readers. An unknown key or rule name, a
// negative number or a malformed file is an error naming the file.
Result<SignificanceOptions> load_significance_options(const std::string& path);

// Every rule's name and default points, in the order docs/significance.md
// lists them.
struct SignificanceRuleInfo {
  std::string name;
  int points = 0;
  std::string when;  // when the rule holds, in words
};
std::vector<SignificanceRuleInfo> significance_rules();

// A paragraph on a whole series of comparisons (`pairs[k]` compares
// snapshot k with k + 1 of `programmes`' snapshots): the span, the most
// significant change of each step, and the programme renames.
std::string series_narrative(const std::vector<ChangeSet>& pairs, const ProgrammeSeries& programmes);

}  // namespace strata
