#include "ingest/html_nodes.hpp"

namespace strata::readers {

std::string_view tag_name(const GumboNode* node) {
  const GumboElement& e = node->v.element;
  if (e.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(e.tag);
  GumboStringPiece piece = e.original_tag;
  gumbo_tag_from_original_text(&piece);
  return {piece.data, piece.length};
}

bool is_element(const GumboNode* node) { return node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE; }

std::string_view attribute(const GumboNode* node, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, name);
  return a == nullptr ? std::string_view() : std::string_view(a->value);
}

// The largest side, in pixels, of a tracking pixel.
constexpr int kPixelSide = 1;

bool tracking_pixel(const GumboNode* node) {
  for (const char* side : {"width", "height"}) {
    const std::string_view v = attribute(node, side);
    if (v.empty() || v.size() > 1 || v[0] < '0' || v[0] - '0' > kPixelSide) return false;
  }
  return true;
}

bool space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

void append_folded(std::string& out, std::string_view text) {
  for (char c : text) {
    if (space(c)) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
}

void trim(std::string& s) {
  while (!s.empty() && s.back() == ' ') s.pop_back();
  size_t lead = 0;
  while (lead < s.size() && s[lead] == ' ') ++lead;
  s.erase(0, lead);
}

Role role_of(std::string_view tag) {
  static constexpr std::string_view kInline[] = {
      "a",    "abbr",   "b",  "bdi",  "bdo",   "cite",   "code",   "data", "dfn", "em",   "font", "i",   "kbd",
      "mark", "q",      "s",  "samp", "small", "span",   "strong", "sub",  "sup", "time", "u",    "var", "del",
      "ins",  "strike", "tt", "big",  "label", "output", "nobr",   "img",  "wbr", "ruby", "rb",   "rt",  "rp"};
  for (std::string_view t : kInline) {
    if (tag == t) return Role::kInline;
  }
  if (tag == "head" || tag == "title" || tag == "rp") return Role::kSkip;
  return Role::kBlock;
}

}  // namespace strata::readers
