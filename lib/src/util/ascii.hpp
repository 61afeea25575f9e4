// ASCII case folding shared by the stages. Internal. Comparison forms keep
// case; these helpers fold only where a rule says case does not matter
// (titles, acronyms, abbreviations, watched terms). Non-ASCII bytes are kept.
#pragma once

#include <string>
#include <string_view>

namespace strata::ascii {

inline std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  return out;
}

}  // namespace strata::ascii
