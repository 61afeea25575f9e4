// How rules find their text: phrases and claims in the comparison form with
// case folded, section titles by path patterns. Internal to check/.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "strata/result.hpp"

namespace strata::check_detail {

// The words of `text` as a watch compares them: comparison form (typography,
// NBSP, zero-width characters and line breaks folded, normalize.hpp), case
// folded in any script, punctuation dropped.
std::vector<std::string> match_words(std::string_view text);

// Occurrences of `phrase` (match_words) in `words` (match_words), whole words only.
int count_phrase(const std::vector<std::string>& words, const std::vector<std::string>& phrase);

// A title-path pattern: levels separated by '>', each level matched against
// a section title (comparison form, case folded) with '*' (any run of
// characters) and '?' (one character); a level "**" stands for any number of
// levels. A pattern names a section and everything inside it.
class SectionPattern {
 public:
  // Errors: an empty pattern or level, "**" joined to other characters.
  static Result<SectionPattern> parse(std::string_view pattern);
  // `path`: titles from the top level down, original form.
  bool matches(const std::vector<std::string>& path) const;

 private:
  std::vector<std::string> levels_;  // folded; "**" kept as is
};

}  // namespace strata::check_detail
