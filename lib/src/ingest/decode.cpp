// Bytes to text: refusals, charsets, line ends (docs/inputs.md).
#include <fmt/core.h>
#include <cstring>

#include "ingest/charset.hpp"
#include "ingest/ingest.hpp"
#include "ingest/sniff.hpp"
#include "text/ascii.hpp"
#include "text/utf8.hpp"

namespace strata {

namespace {

bool ends_with_ci(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && ascii::lower(s.substr(s.size() - suffix.size())) == suffix;
}

// CRLF and lone CR to LF, recording which the bytes used. The text is
// `bytes` when they hold no CR, else `converted`, made of them.
std::string_view to_lf(std::string_view bytes, std::string& converted, InputNotes& notes) {
  // Which line ends the bytes use, not how many of each.
  bool crlf = false;
  bool cr = false;
  bool lf = false;
  std::string_view text = bytes;  // LF only, the common case: no per-byte pass and no copy
  if (std::memchr(bytes.data(), '\r', bytes.size()) != nullptr) {
    std::string made;
    made.reserve(bytes.size());
    for (size_t i = 0; i < bytes.size(); ++i) {
      const char c = bytes[i];
      lf = lf || c == '\n';
      if (c != '\r') {
        made.push_back(c);
        continue;
      }
      made.push_back('\n');
      if (i + 1 < bytes.size() && bytes[i + 1] == '\n') {
        crlf = true;
        ++i;
      } else {
        cr = true;
      }
    }
    converted = std::move(made);
    text = converted;
  } else {
    lf = std::memchr(bytes.data(), '\n', bytes.size()) != nullptr;
  }
  const int kinds = int{lf} + int{crlf} + int{cr};
  notes.line_endings = kinds == 0 ? "none" : kinds > 1 ? "mixed" : crlf ? "crlf" : cr ? "cr" : "lf";
  notes.final_newline = text.empty() || text.back() == '\n';
  return text;
}

}  // namespace

InputFormat format_from_path(std::string_view path) {
  if (ends_with_ci(path, ".md") || ends_with_ci(path, ".markdown")) return InputFormat::kMarkdown;
  if (ends_with_ci(path, ".html") || ends_with_ci(path, ".htm") || ends_with_ci(path, ".xhtml")) {
    return InputFormat::kHtml;
  }
  return InputFormat::kPlainText;
}

InputFormat sniff_format(std::string_view text, std::string_view path) {
  // A Markdown file may open with HTML (a logo in a <p align="center">), so
  // its extension wins over markup; any other file that is a page is HTML.
  const InputFormat by_name = format_from_path(path);
  if (by_name != InputFormat::kPlainText) return by_name;
  if (sniff::looks_like_html(text)) return InputFormat::kHtml;
  if (ends_with_ci(path, ".txt")) return InputFormat::kPlainText;
  return sniff::looks_like_markdown(text) ? InputFormat::kMarkdown : InputFormat::kPlainText;
}

Result<InputFormat> parse_input_format(std::string_view name) {
  if (name == "auto") return InputFormat::kAuto;
  if (name == "text" || name == "plain") return InputFormat::kPlainText;
  if (name == "markdown" || name == "md") return InputFormat::kMarkdown;
  if (name == "html") return InputFormat::kHtml;
  return make_error(ErrorCode::kInvalidArgument,
                    fmt::format("unknown input format '{}' (expected auto, text, markdown or html)", name));
}

Result<DecodedText> decode(std::string_view bytes, std::string_view source, InputFormat format) {
  if (bytes.size() > kMaxInputBytes) {
    return make_error(ErrorCode::kInvalidInput, fmt::format("{}: input is {} bytes, above the limit of {} bytes",
                                                            source, bytes.size(), kMaxInputBytes));
  }
  DecodedText out;
  std::string& converted = out.converted;
  if (const auto bom = charset::find_bom(bytes)) {
    out.notes.bom = true;
    out.notes.charset = std::string(bom->charset);
    bytes.remove_prefix(bom->length);
    if (bom->charset != "utf-8") {
      auto utf8 = charset::to_utf8(bytes, out.notes.charset, source);
      if (!utf8) return utf8.error();
      converted = std::move(*utf8);
      bytes = converted;
    }
  } else if (auto refused = sniff::refused_format(bytes)) {
    return make_error(ErrorCode::kUnsupported, fmt::format("{}: {}", source, *refused));
  } else if (const auto wide = charset::guess_wide_charset(bytes)) {
    return make_error(ErrorCode::kUnsupported,
                      fmt::format("{}: {} text without a byte order mark; convert it first (iconv -f {} -t UTF-8)",
                                  source, *wide, *wide));
  }
  // A NUL anywhere makes the input binary: text formats have none, and a
  // check of the first bytes only would let an archive with a text header in.
  if (const void* nul = std::memchr(bytes.data(), '\0', bytes.size()); nul != nullptr) {
    const size_t at = static_cast<size_t>(static_cast<const char*>(nul) - bytes.data());
    return make_error(ErrorCode::kInvalidInput,
                      fmt::format("{}: binary input (NUL byte at {}), not a text document", source, at));
  }
  const bool html = format == InputFormat::kHtml ||
                    (format == InputFormat::kAuto &&
                     (format_from_path(source) == InputFormat::kHtml || sniff::looks_like_html(bytes)));
  if (html && !out.notes.bom) {
    // A page's own declaration decides; one that declares nothing and is not
    // UTF-8 is read as windows-1252, as browsers do.
    std::string declared = charset::declared_html_charset(bytes).value_or("");
    if (declared.empty() && utf8::find_invalid(bytes) != std::string_view::npos) declared = "windows-1252";
    if (!declared.empty() && declared != "utf-8") {
      auto utf8 = charset::to_utf8(bytes, declared, source);
      if (!utf8) return utf8.error();
      converted = std::move(*utf8);
      bytes = converted;
      out.notes.charset = declared;
    }
  }
  if (const size_t bad = utf8::find_invalid(bytes); bad != std::string_view::npos) {
    return make_error(ErrorCode::kInvalidInput,
                      fmt::format("{}: invalid UTF-8 at byte {}; if the file is in a legacy charset, convert it "
                                  "first (iconv -f WINDOWS-1252 -t UTF-8)",
                                  source, bad));
  }
  const std::string_view text = to_lf(bytes, converted, out.notes);
  out.from_input = text.data() != converted.data();
  if (out.from_input) out.input = text;
  return out;
}

Result<std::string> decode_text(std::string_view bytes, std::string_view source, InputFormat format) {
  auto decoded = decode(bytes, source, format);
  if (!decoded) return decoded.error();
  return std::string(decoded->text());
}

}  // namespace strata
