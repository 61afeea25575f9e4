#include "ingest/charset.hpp"

#include <fmt/core.h>
#include <iconv.h>
#include <cerrno>
#include <string>
#include <string_view>

#include "text/ascii.hpp"

namespace strata::charset {

namespace {

// Browsers read a declaration within the first 1,024 bytes, but they also
// have the HTTP header, which a saved page lacks; saved pages put scripts and
// styles before their <meta>, so we look further.
constexpr size_t kDeclarationScanBytes = 4096;

// How many leading bytes tell UTF-16/32 without a BOM from binary data, and the
// share of code units whose high bytes must be NUL: text in a Latin script is
// almost all ASCII, so nearly every unit has a NUL high byte, while binary
// formats have NULs in no such regular pattern.
constexpr size_t kWideSniffBytes = 1024;
constexpr double kWideNulShare = 0.6;

// Labels the WHATWG Encoding standard decodes as windows-1252.
constexpr std::string_view kWindows1252Labels[] = {
    "ansi_x3.4-1968", "ascii",        "cp1252",   "cp819",      "csisolatin1",     "ibm819", "iso-8859-1",
    "iso-ir-100",     "iso8859-1",    "iso88591", "iso_8859-1", "iso_8859-1:1987", "l1",     "latin1",
    "us-ascii",       "windows-1252", "x-cp1252"};

bool space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// The value after "charset" (or "encoding") at `pos`: skips '=', quotes and spaces.
std::string value_at(std::string_view s, size_t pos) {
  while (pos < s.size() && (space(s[pos]) || s[pos] == '=' || s[pos] == '"' || s[pos] == '\'')) ++pos;
  size_t end = pos;
  while (end < s.size() && !space(s[end]) && s[end] != '"' && s[end] != '\'' && s[end] != ';' && s[end] != '>' &&
         s[end] != '/' && s[end] != '?') {
    ++end;
  }
  return ascii::lower(s.substr(pos, end - pos));
}

// Whether ASCII reads as itself in the character set `label` names (one
// iconv does not know counts as compatible: reading names it).
bool ascii_compatible(const std::string& label) {
  iconv_t cd = iconv_open("UTF-8", label.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) return true;
  constexpr std::string_view kProbe = "<meta charset=x>";
  std::string probe(kProbe);  // iconv's input is not const
  char out[4 * kProbe.size()];
  char* in_ptr = probe.data();
  size_t in_left = probe.size();
  char* out_ptr = out;
  size_t out_left = sizeof out;
  const size_t rc = iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left);
  iconv_close(cd);
  return rc != static_cast<size_t>(-1) && std::string_view(out, static_cast<size_t>(out_ptr - out)) == kProbe;
}

std::string canonical(std::string label) {
  for (std::string_view l : kWindows1252Labels) {
    if (label == l) return "windows-1252";
  }
  // A page cannot be in a character set where ASCII reads otherwise if its
  // declaration was readable as ASCII: the WHATWG prescan reads a page
  // declaring UTF-16 as UTF-8, and so is one declaring any other such set
  // iconv knows ("utf16", "ucs-2", UTF-32, EBCDIC), which would have read
  // the page as other characters.
  if (label == "utf8" || label.rfind("utf-16", 0) == 0 || !ascii_compatible(label)) return "utf-8";
  return label;
}

}  // namespace

std::optional<Bom> find_bom(std::string_view b) {
  if (b.substr(0, 3) == "\xEF\xBB\xBF") return Bom{"utf-8", 3};
  if (b.substr(0, 4) == std::string_view("\xFF\xFE\0\0", 4)) return Bom{"utf-32le", 4};
  if (b.substr(0, 4) == std::string_view("\0\0\xFE\xFF", 4)) return Bom{"utf-32be", 4};
  if (b.substr(0, 2) == "\xFF\xFE") return Bom{"utf-16le", 2};
  if (b.substr(0, 2) == "\xFE\xFF") return Bom{"utf-16be", 2};
  return std::nullopt;
}

std::optional<std::string_view> guess_wide_charset(std::string_view bytes) {
  const size_t n = std::min(bytes.size(), kWideSniffBytes) / 4 * 4;
  if (n < 4) return std::nullopt;
  size_t nul_at[4] = {0, 0, 0, 0};
  for (size_t i = 0; i < n; ++i) {
    if (bytes[i] == '\0') ++nul_at[i % 4];
  }
  const double quads = static_cast<double>(n) / 4;  // n is a multiple of 4
  auto mostly = [&](size_t count) { return static_cast<double>(count) >= kWideNulShare * quads; };
  auto none = [&](size_t count) { return count == 0; };
  if (none(nul_at[0]) && mostly(nul_at[1]) && mostly(nul_at[2]) && mostly(nul_at[3])) return "utf-32le";
  if (mostly(nul_at[0]) && mostly(nul_at[1]) && mostly(nul_at[2]) && none(nul_at[3])) return "utf-32be";
  if (none(nul_at[0]) && none(nul_at[2]) && mostly(nul_at[1]) && mostly(nul_at[3])) return "utf-16le";
  if (none(nul_at[1]) && none(nul_at[3]) && mostly(nul_at[0]) && mostly(nul_at[2])) return "utf-16be";
  return std::nullopt;
}

std::optional<std::string> declared_html_charset(std::string_view bytes) {
  const std::string head = ascii::lower(bytes.substr(0, kDeclarationScanBytes));
  if (head.rfind("<?xml", 0) == 0) {
    const size_t end = head.find("?>");
    const size_t enc = head.find("encoding", 0);
    if (enc != std::string::npos && enc < end) return canonical(value_at(head, enc + 8));
  }
  for (size_t meta = head.find("<meta"); meta != std::string::npos; meta = head.find("<meta", meta + 5)) {
    const size_t end = head.find('>', meta);
    if (end == std::string::npos) break;
    const std::string_view tag = std::string_view(head).substr(meta, end - meta);
    if (const size_t at = tag.find("charset"); at != std::string_view::npos) {
      std::string value = value_at(head, meta + at + 7);
      if (!value.empty()) return canonical(std::move(value));
    }
  }
  return std::nullopt;
}

Result<std::string> to_utf8(std::string_view bytes, const std::string& from, std::string_view source) {
  iconv_t cd = iconv_open("UTF-8", from.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    return make_error(ErrorCode::kInvalidInput, fmt::format("{}: unknown character set '{}'", source, from));
  }
  std::string out;
  out.resize(bytes.size() * 2 + 16);
  char* in_ptr = const_cast<char*>(bytes.data());  // iconv's signature; it does not write the input
  size_t in_left = bytes.size();
  size_t out_used = 0;
  Result<std::string> result = std::string();
  while (in_left > 0) {
    char* out_ptr = out.data() + out_used;
    size_t out_left = out.size() - out_used;
    const size_t rc = iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left);
    out_used = static_cast<size_t>(out_ptr - out.data());
    if (rc != static_cast<size_t>(-1)) break;
    if (errno == E2BIG) {
      out.resize(out.size() * 2);
      continue;
    }
    const size_t at = bytes.size() - in_left;
    result = make_error(ErrorCode::kInvalidInput, fmt::format("{}: not valid {} at byte {}", source, from, at));
    break;
  }
  iconv_close(cd);
  if (!result) return result;
  out.resize(out_used);
  return out;
}

}  // namespace strata::charset
