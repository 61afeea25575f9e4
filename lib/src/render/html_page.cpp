// The page shell shared by the comparison page and the series index.
#include <fmt/core.h>

#include "render/html.hpp"
#include "strata/manifest.hpp"
#include "text/slug.hpp"

namespace strata::render {

namespace {

// Ids stay short enough to read in an address bar; the distinctive start of
// a title is kept (slugify keeps 60 bytes of it).
constexpr size_t kMaxIdBytes = 64;

// The "'sha256-...'" source of a Content-Security-Policy for `text`: the
// base64 of its SHA-256 digest.
std::string csp_hash(std::string_view text) {
  static constexpr char kBase64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  const std::string hex = sha256_hex(text);
  std::string bytes;
  for (size_t i = 0; i + 1 < hex.size(); i += 2)
    bytes.push_back(static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16)));
  std::string out;
  for (size_t i = 0; i < bytes.size(); i += 3) {
    unsigned n = static_cast<unsigned>(static_cast<unsigned char>(bytes[i])) << 16;
    if (i + 1 < bytes.size()) n |= static_cast<unsigned>(static_cast<unsigned char>(bytes[i + 1])) << 8;
    if (i + 2 < bytes.size()) n |= static_cast<unsigned>(static_cast<unsigned char>(bytes[i + 2]));
    out += kBase64[(n >> 18) & 63];
    out += kBase64[(n >> 12) & 63];
    out += i + 1 < bytes.size() ? kBase64[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.size() ? kBase64[n & 63] : '=';
  }
  return "'sha256-" + out + "'";
}

const char* status_sign(ChangeStatus status) {
  switch (status) {
    case ChangeStatus::kUnchanged:
      return "=";
    case ChangeStatus::kEquivalent:
      return "\u2248";  // ≈
    case ChangeStatus::kModified:
      return "~";
    case ChangeStatus::kRenamed:
      return "\u270E";  // ✎
    case ChangeStatus::kMoved:
      return "\u2192";  // →
    case ChangeStatus::kSplit:
      return "\u00F7";  // ÷
    case ChangeStatus::kMerged:
      return "\u222A";  // ∪
    case ChangeStatus::kAdded:
      return "+";
    case ChangeStatus::kRemoved:
      return "\u2212";  // −
  }
  return "";
}

}  // namespace

std::string Anchors::make(std::string_view base) {
  // slugify folds case and turns everything but letters and digits into
  // single dashes; what is left outside [a-z0-9] (accented or non-Latin
  // letters) becomes a dash too, so ids never need escaping.
  std::string id;
  for (char c : slugify(base)) {
    const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (keep) {
      id += c;
    } else if (!id.empty() && id.back() != '-') {
      id += '-';
    }
  }
  if (id.size() > kMaxIdBytes) id.resize(kMaxIdBytes);
  while (!id.empty() && id.back() == '-') id.pop_back();
  if (id.empty()) {
    id = "x";
  } else if (id[0] < 'a' || id[0] > 'z') {
    id.insert(0, "x-");
  }
  std::string unique = id;
  for (int n = 2; !taken_.insert(unique).second; ++n) unique = fmt::format("{}-{}", id, n);
  return unique;
}

std::string html_page(std::string_view title, std::string_view body) {
  const std::string_view style = html_stylesheet();
  const std::string_view script = html_script();
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += fmt::format(
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src {}; script-src {}; "
      "base-uri 'none'; form-action 'none'\">\n",
      csp_hash(style), csp_hash(script));
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<meta name=\"referrer\" content=\"no-referrer\">\n";
  out += fmt::format("<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n", html_escape(title), style);
  out += "<a class=\"skip\" href=\"#main\">Skip to the content</a>\n";
  out += body;
  out += fmt::format("<script>{}</script>\n</body>\n</html>\n", script);
  return out;
}

std::string status_class(ChangeStatus status) { return std::string("st-") + to_string(status); }

std::string status_badge(ChangeStatus status) {
  return fmt::format("<span class=\"badge {}\"><span aria-hidden=\"true\">{}</span> {}</span>", status_class(status),
                     status_sign(status), to_string(status));
}

std::string status_badge(LinkStatus status) {
  // A re-pointed link is drawn as a modification and a retagged one as an
  // equivalent change, named for what they are.
  const ChangeStatus look = status == LinkStatus::kAdded      ? ChangeStatus::kAdded
                            : status == LinkStatus::kRemoved  ? ChangeStatus::kRemoved
                            : status == LinkStatus::kRetagged ? ChangeStatus::kEquivalent
                                                              : ChangeStatus::kModified;
  return fmt::format("<span class=\"badge {}\"><span aria-hidden=\"true\">{}</span> {}</span>", status_class(look),
                     status_sign(look), to_string(status));
}

std::string status_badge(ChangeStatus status, int count) {
  return fmt::format("<span class=\"badge {}\"><span aria-hidden=\"true\">{}</span> {} {}</span>", status_class(status),
                     status_sign(status), count, to_string(status));
}

std::string shortened(const std::string& text, size_t length) {
  size_t end = 0;
  for (size_t n = 0; end < text.size() && n < length; ++n) {
    ++end;
    while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
  }
  if (end >= text.size()) return text;
  const size_t space = text.rfind(' ', end);
  if (space != std::string::npos && space > 0) end = space;
  return text.substr(0, end) + "\u2026";
}

std::string section_title(const ChangeSet& changes, const std::string& id, bool old_side) {
  if (id == "lead") return "the lead";
  const SectionSide* s = render::find_section(changes, id, old_side);
  return s == nullptr ? id : s->title;
}

std::string file_href(std::string_view name) {
  std::string out = "./";
  for (char c : name) {
    const bool plain =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    out += plain ? std::string(1, c) : fmt::format("%{:02X}", static_cast<unsigned>(static_cast<unsigned char>(c)));
  }
  return out;
}

std::string isolated(std::string_view text) { return "<bdi>" + html_escape(text) + "</bdi>"; }

std::string page_header(std::string_view heading, std::string_view inner) {
  return fmt::format(
      "<header class=\"band\">\n<div class=\"wrap\">\n<p "
      "class=\"kicker\">strata</p>\n<h1>{}</h1>\n{}</div>\n</header>\n",
      heading, inner);
}

std::string page_nav(const std::vector<std::pair<std::string, std::string>>& entries) {
  std::string out = "<nav class=\"toc\" aria-label=\"Contents\">\n<div class=\"wrap\">\n<ul>\n";
  for (const auto& [anchor, label] : entries)
    out += fmt::format("<li><a href=\"#{}\">{}</a></li>\n", anchor, html_escape(label));
  return out + "</ul>\n</div>\n</nav>\n";
}

std::string page_footer(std::string_view inner) {
  return fmt::format("<footer>\n<div class=\"wrap\">\n{}</div>\n</footer>\n", inner);
}

}  // namespace strata::render
