#include <fmt/core.h>

#include "strata/render.hpp"
#include "util/utf8.hpp"

namespace strata {

std::string terminal_safe(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t start = pos;
    const char32_t cp = utf8::decode(text, pos);
    if (cp == utf8::kInvalid) {
      out += "\xEF\xBF\xBD";
    } else if (cp < 0x20 && cp != '\n' && cp != '\t') {
      utf8::append(out, 0x2400 + cp);
    } else if (cp == 0x7F) {
      utf8::append(out, 0x2421);
    } else if ((cp >= 0x80 && cp < 0xA0) || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
               cp == 0x200E || cp == 0x200F || cp == 0x061C) {
      // C1 controls and bidirectional controls could reorder or hide what the
      // terminal shows; name them instead.
      out += fmt::format("<U+{:04X}>", static_cast<unsigned>(cp));
    } else {
      out.append(text.substr(start, pos - start));
    }
  }
  return out;
}

}  // namespace strata
