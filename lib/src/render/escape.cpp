#include <fmt/core.h>

#include "render/html.hpp"
#include "render/select.hpp"
#include "strata/render.hpp"
#include "text/utf8.hpp"

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

namespace strata::render {

namespace {

// Characters that take no space on screen, so that text could hide in them
// (tag characters smuggle whole ASCII strings) or words could look whole
// while they are not. Joiners (U+200C, U+200D) stay: scripts and emoji need them.
bool invisible(char32_t cp) {
  return cp == 0x00AD || cp == 0x034F || cp == 0x180E || cp == 0x200B || (cp >= 0x2060 && cp <= 0x2064) ||
         cp == 0xFEFF || (cp >= 0xE0000 && cp <= 0xE007F);
}

}  // namespace

std::string html_escape(std::string_view text) {
  const std::string safe = terminal_safe(text);
  std::string out;
  out.reserve(safe.size());
  size_t pos = 0;
  while (pos < safe.size()) {
    const size_t start = pos;
    const char32_t cp = utf8::decode(safe, pos);
    switch (cp) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default:
        if (invisible(cp)) {
          out += fmt::format("&lt;U+{:04X}&gt;", static_cast<unsigned>(cp));
        } else {
          out.append(safe, start, pos - start);
        }
    }
  }
  return out;
}

// GitHub's rules for workflow commands (@actions/core, command.ts): data
// escapes '%', CR and LF; a property also ':' and ','. terminal_safe has
// already made CR a visible U+240D, so only LF is left to escape.
std::string github_data(std::string_view text) {
  std::string out;
  for (char c : terminal_safe(text)) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\n': out += "%0A"; break;
      default: out += c;
    }
  }
  return out;
}

std::string github_property(std::string_view text) {
  std::string out;
  for (char c : github_data(text)) {
    switch (c) {
      case ':': out += "%3A"; break;
      case ',': out += "%2C"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace strata::render
