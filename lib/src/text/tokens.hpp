// Tokens of a claim for word diffs and similarity. Internal.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace strata::diff {

struct Token {
  std::string_view norm;  // comparison form of the token: a view into the tokenized text
  size_t begin = 0;   // byte range in the comparison form
  size_t end = 0;
};

// Words (letters, digits, inner apostrophes and decimal or thousands
// separators: "Russia's", "1.5", "133,000"), and every other non-space code
// point as a token of its own. Cuts only between whole code points.
// The tokens view `norm`, which must outlive them.
std::vector<Token> tokenize(std::string_view norm);

}  // namespace strata::diff
