#include "text/addresses.hpp"

#include <algorithm>

#include "text/ascii.hpp"

namespace strata {

namespace {

bool scheme_char(char c) { return ascii::alnum(c) || c == '+' || c == '-' || c == '.'; }

// Where an address ends: white space, or a character never left unescaped
// in one (quotes and angle brackets around it, as text puts them).
bool ends_address(char c) { return ascii::space(c) || c == '"' || c == '<' || c == '>'; }

// Trailing characters that close the sentence or a bracket around the
// address, not the address: ".", ",", ")" without its "(", closing quotes.
size_t trimmed_end(std::string_view text, size_t begin, size_t end) {
  const std::string_view all = text.substr(begin, end - begin);
  auto opens = std::count(all.begin(), all.end(), '(');
  auto closes = std::count(all.begin(), all.end(), ')');
  const bool square = all.find('[') != std::string_view::npos;
  for (;;) {
    const std::string_view s = text.substr(begin, end - begin);
    if (s.empty()) return end;
    const char last = s.back();
    if (std::string_view(".,;:!?'*_").find(last) != std::string_view::npos || (last == ']' && !square)) {
      --end;
    } else if (last == ')' && opens < closes) {
      --end;
      --closes;
    } else if (s.ends_with("\u201D") || s.ends_with("\u2019")) {
      end -= 3;
    } else if (s.ends_with("\u00BB")) {
      end -= 2;
    } else {
      return end;
    }
  }
}

}  // namespace

AddressSpans web_addresses(std::string_view text) {
  AddressSpans out;
  if (text.find("://") == std::string_view::npos && text.find("www.") == std::string_view::npos) return out;
  size_t i = 0;
  while (i < text.size()) {
    size_t begin = std::string_view::npos;
    const bool scheme = text.compare(i, 3, "://") == 0;
    if (scheme) {
      size_t s = i;
      while (s > 0 && scheme_char(text[s - 1])) --s;
      if (s < i && ascii::alpha(text[s])) begin = s;
    } else if ((i == 0 || !(scheme_char(text[i - 1]) || text[i - 1] == '/' || text[i - 1] == '@')) &&
               ascii::iequals(text.substr(i, 4), "www.")) {
      begin = i;
    }
    if (begin == std::string_view::npos) {
      ++i;
      continue;
    }
    size_t end = i;
    while (end < text.size() && !ends_address(text[end])) ++end;
    end = trimmed_end(text, begin, end);
    // An address needs something after its scheme or "www.".
    if (end > i + (scheme ? 3 : 4)) out.emplace_back(begin, end);
    i = std::max(end, i + 1);
  }
  return out;
}

}  // namespace strata
