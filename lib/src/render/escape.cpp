#include "render/escape.hpp"

#include <fmt/core.h>
#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <cstring>

#include "render/html.hpp"
#include "render/select.hpp"
#include "strata/render.hpp"
#include "text/ascii.hpp"
#include "text/utf8.hpp"

namespace strata {

namespace {

// Code points that a terminal (or a reader of the text) takes for something
// else than a character: C1 controls (U+009B is CSI), bidirectional controls
// that reorder what is around them (U+202E shows "txt.exe" as "exe.txt"),
// and the Unicode line and paragraph separators.
bool shown_by_name(char32_t cp) {
  return (cp >= 0x80 && cp < 0xA0) || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
         cp == 0x200E || cp == 0x200F || cp == 0x061C || cp == 0x2028 || cp == 0x2029;
}

// C0 controls and DEL in caret notation (ESC is ^[, DEL ^?), C1, bidi and
// separators as <U+XXXX>, invalid bytes as U+FFFD. `keep_breaks` keeps line
// feeds and tabs (report text); a message keeps neither.
std::string escape_for_terminal(std::string_view text, bool keep_breaks) {
  std::string out;
  out.reserve(text.size());
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t start = pos;
    const char32_t cp = utf8::decode(text, pos);
    if (cp == utf8::kInvalid) {
      out += "\xEF\xBF\xBD";
    } else if (keep_breaks && (cp == '\n' || cp == '\t')) {
      out += static_cast<char>(cp);
    } else if (cp < 0x20 || cp == 0x7F) {
      out += '^';
      out += static_cast<char>(cp ^ 0x40);
    } else if (shown_by_name(cp)) {
      out += fmt::format("<U+{:04X}>", static_cast<unsigned>(cp));
    } else {
      out.append(text.substr(start, pos - start));
    }
  }
  return out;
}

}  // namespace

std::string terminal_safe(std::string_view text) { return escape_for_terminal(text, true); }

std::string terminal_line(std::string_view text, size_t max_bytes) {
  const std::string_view cut = utf8::prefix(text, max_bytes);
  std::string out = escape_for_terminal(cut, false);
  if (cut.size() < text.size()) out += "...";
  return out;
}

}  // namespace strata

namespace strata::render {

std::string json_text(const nlohmann::ordered_json& value, int indent) {
  const std::string dumped = value.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
  // The dump is valid UTF-8 and these sequences are whole code points; they
  // can only stand inside strings (JSON's own syntax is ASCII).
  std::string out;
  out.reserve(dumped.size());
  for (size_t i = 0; i < dumped.size(); ++i) {
    const auto b = static_cast<unsigned char>(dumped[i]);
    if (b == 0x7F) {
      out += "\\u007f";
    } else if (b == 0xC2 && i + 1 < dumped.size() && static_cast<unsigned char>(dumped[i + 1]) < 0xA0) {
      out += fmt::format("\\u{:04x}", static_cast<unsigned char>(dumped[i + 1]));
      ++i;
    } else if (b == 0xE2 && i + 2 < dumped.size() && dumped[i + 1] == '\x80' &&
               (dumped[i + 2] == '\xA8' || dumped[i + 2] == '\xA9')) {
      out += dumped[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";
      i += 2;
    } else {
      out += dumped[i];
    }
  }
  return out;
}

namespace {

// The bytes append_json_string must look at: C0 controls, '"', '\\', DEL,
// and the lead bytes of the C1 controls (0xC2) and of the line and
// paragraph separators (0xE2). The rest is copied a run at a time: one
// lookup a byte instead of six comparisons (JSON strings are most of a
// diff report).
constexpr auto kJsonLook = [] {
  std::array<bool, 256> look{};
  for (size_t b = 0; b < 0x20; ++b) look[b] = true;
  for (unsigned char b : {'"', '\\', '\x7F', '\xC2', '\xE2'}) look[b] = true;
  return look;
}();

}  // namespace

void append_json_string(std::string_view s, std::string& out) {
  // Invalid UTF-8 takes json_text's path, whose replacement of each bad
  // sequence by U+FFFD is nlohmann's to define; valid text (all but hostile
  // input) is escaped here, by the same table, a run of plain bytes at a time.
  if (utf8::find_invalid(s) != std::string_view::npos) {
    out += json_text(nlohmann::ordered_json(std::string(s)), -1);
    return;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  auto unicode = [&out](unsigned code) {
    out += "\\u";
    for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(code >> shift) & 0xF];
  };
  out += '"';
  size_t run = 0;  // start of the bytes not yet copied
  for (size_t i = 0; i < s.size();) {
    // Eight bytes of printable ASCII other than '"' and '\\' are passed
    // at once; else the eight are looked at one by one.
    if (i + 8 <= s.size()) {
      uint64_t x = 0;
      std::memcpy(&x, s.data() + i, 8);
      if ((ascii::unprintable_in(x) | ascii::has_byte(x, '"') | ascii::has_byte(x, '\\')) == 0) {
        i += 8;
        continue;
      }
    }
    for (const size_t stop = std::min(s.size(), i + 8); i < stop; ++i) {
      const auto b = static_cast<unsigned char>(s[i]);
      if (!kJsonLook[b]) continue;
      if (b == 0xC2 && static_cast<unsigned char>(s[i + 1]) >= 0xA0) continue;  // valid: s[i + 1] exists
      if (b == 0xE2 && !(s[i + 1] == '\x80' && (s[i + 2] == '\xA8' || s[i + 2] == '\xA9'))) continue;
      out.append(s.substr(run, i - run));
      switch (b) {
        case '"':
          out += "\\\"";
          break;
        case '\\':
          out += "\\\\";
          break;
        case '\b':
          out += "\\b";
          break;
        case '\f':
          out += "\\f";
          break;
        case '\n':
          out += "\\n";
          break;
        case '\r':
          out += "\\r";
          break;
        case '\t':
          out += "\\t";
          break;
        case 0xC2:
          unicode(static_cast<unsigned char>(s[++i]));
          break;  // a C1 control
        case 0xE2:
          unicode(s[i + 2] == '\xA8' ? 0x2028 : 0x2029);
          i += 2;
          break;
        default:
          unicode(b);
          break;  // other C0 controls and DEL
      }
      run = i + 1;
    }
  }
  out.append(s.substr(run));
  out += '"';
}

namespace {

bool word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// GitHub's extended autolinks: an address is linked wherever it appears, and
// escapes inside it do not stop that for e-mail addresses (the text around a
// backslash escape is read as one run). These say where a link would start.
bool starts_scheme_link(std::string_view s, size_t colon) { return s.substr(colon, 2) == ":/"; }
bool ends_www(std::string_view s, size_t dot) {
  if (dot < 3) return false;
  for (size_t i = dot - 3; i < dot; ++i) {
    if (s[i] != 'w' && s[i] != 'W') return false;
  }
  return true;
}
bool email_at(std::string_view s, size_t at) {
  if (at == 0 || at + 1 >= s.size()) return false;
  const char before = s[at - 1];
  return word_char(before) || before == '.' || before == '+' || before == '-' || before == '_';
}

}  // namespace

std::string md(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    switch (c) {
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '&':
        out += "&amp;";
        break;
      case '\n':
      case '\r':
        out += ' ';
        break;
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '|':
      case '~':
      case '#':
        out += '\\';
        out += c;
        break;
      case ':':
        out += starts_scheme_link(s, i) ? "\\:" : ":";
        break;
      case '.':
        out += ends_www(s, i) ? "\\." : ".";
        break;
      case '@':
        // A word joiner (invisible, U+2060) before the @ leaves no user part
        // for the e-mail autolink.
        out += email_at(s, i) ? "\u2060@" : "@";
        break;
      default:
        out += c;
    }
  }
  return terminal_safe(out);
}

std::string md_code(std::string_view s) {
  size_t longest = 0;
  size_t run = 0;
  for (char c : s) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  const std::string fence(longest + 1, '`');
  // A space inside the fence keeps a backtick at either end from joining it.
  const bool pad = !s.empty() && (s.front() == '`' || s.back() == '`');
  std::string body;
  for (char c : terminal_safe(s)) {
    if (c == '|') body += '\\';
    body += c == '\n' || c == '\r' ? ' ' : c;
  }
  return fence + (pad ? " " : "") + body + (pad ? " " : "") + fence;
}

// --- HTML ---------------------------------------------------------------

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
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
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
      case '%':
        out += "%25";
        break;
      case '\n':
        out += "%0A";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string csv_field(std::string_view s) {
  std::string out = escape_for_terminal(s, false);
  // "=HYPERLINK(...)" as a section title would be a live link, or worse, in
  // the spreadsheet the timeline is opened in (CSV injection).
  if (!out.empty() && std::string_view("=+-@").find(out.front()) != std::string_view::npos) out.insert(0, 1, '\'');
  if (out.find_first_of(",\"") == std::string::npos) return out;
  std::string quoted = "\"";
  for (char c : out) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + '"';
}

std::string github_property(std::string_view text) {
  std::string out;
  for (char c : github_data(text)) {
    switch (c) {
      case ':':
        out += "%3A";
        break;
      case ',':
        out += "%2C";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace strata::render
