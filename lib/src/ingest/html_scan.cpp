#include "ingest/html_scan.hpp"

#include <algorithm>
#include <unordered_map>

#include "text/ascii.hpp"

namespace strata::html_scan {

namespace {

constexpr std::string_view kVoid[] = {"area",  "base", "br",   "col",   "embed",  "hr",    "img",
                                      "input", "link", "meta", "param", "source", "track", "wbr"};
// Elements a parser closes when a sibling of the same name opens.
constexpr std::string_view kSelfClosingSiblings[] = {"p",      "li",       "dt",    "dd",    "tr",    "td", "th",
                                                     "option", "optgroup", "thead", "tbody", "tfoot", "rt", "rp"};
// Elements whose content is text up to their end tag.
constexpr std::string_view kRawText[] = {"script", "style",  "textarea", "title",
                                         "xmp",    "iframe", "noembed",  "noframes"};

template <size_t N>
bool one_of(std::string_view name, const std::string_view (&list)[N]) {
  return std::find(std::begin(list), std::end(list), name) != std::end(list);
}

bool space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

size_t name_end(std::string_view s, size_t pos) {
  while (pos < s.size() && !space(s[pos]) && s[pos] != '>' && s[pos] != '/') ++pos;
  return pos;
}

// Where the raw text opened before `pos` ends: its end tag "</name", matched
// without regard to case; the end of the input when it has none.
size_t raw_text_end(std::string_view html, size_t pos, std::string_view name) {
  while ((pos = html.find("</", pos)) != std::string_view::npos) {
    if (ascii::lower(html.substr(pos + 2, name.size())) == name) return pos;
    pos += 2;
  }
  return html.size();
}

}  // namespace

Shape measure(std::string_view html) {
  Shape shape;
  std::vector<std::string> stack;
  std::unordered_map<std::string, size_t> open;  // open elements by name, to ignore stray end tags in O(1)
  size_t pos = 0;
  while ((pos = html.find('<', pos)) != std::string_view::npos) {
    if (html.substr(pos, 4) == "<!--") {
      const size_t end = html.find("-->", pos + 4);
      if (end == std::string_view::npos) break;
      pos = end + 3;
      continue;
    }
    const bool closing = pos + 1 < html.size() && html[pos + 1] == '/';
    const size_t name_start = pos + (closing ? 2 : 1);
    if (name_start >= html.size() || !ascii::alpha(html[name_start])) {
      ++pos;
      continue;
    }
    const size_t end_of_name = name_end(html, name_start);
    std::string name = ascii::lower(html.substr(name_start, end_of_name - name_start));
    const size_t tag_end = html.find('>', end_of_name);
    if (tag_end == std::string_view::npos) break;
    const size_t tag_at = pos;
    pos = tag_end + 1;
    if (closing) {
      auto it = open.find(name);
      if (it == open.end() || it->second == 0) continue;
      while (!stack.empty()) {
        std::string top = std::move(stack.back());
        stack.pop_back();
        --open[top];
        if (top == name) break;
      }
      continue;
    }
    ++shape.elements;
    if (one_of(name, kRawText)) {
      pos = raw_text_end(html, pos, name);
      continue;
    }
    if (one_of(name, kVoid) || html[tag_end - 1] == '/') continue;
    if (one_of(name, kSelfClosingSiblings) && !stack.empty() && stack.back() == name) {
      stack.pop_back();
      --open[name];
    }
    ++open[name];
    stack.push_back(std::move(name));
    if (stack.size() > shape.max_depth) {
      shape.max_depth = stack.size();
      shape.deepest_at = tag_at;
    }
    if (shape.max_depth > kMaxDepth || shape.elements > kMaxElements) break;  // the verdict is known
  }
  return shape;
}

std::string_view Tag::attribute(std::string_view wanted) const {
  for (const auto& [key, value] : attributes) {
    if (key == wanted) return value;
  }
  return {};
}

Tag parse_tag(std::string_view text) {
  Tag tag;
  if (text.size() < 3 || text.front() != '<') return tag;
  size_t pos = 1;
  if (text[pos] == '/') {
    tag.closing = true;
    ++pos;
  }
  if (pos >= text.size() || !ascii::alpha(text[pos])) return tag;
  const size_t end = name_end(text, pos);
  tag.name = ascii::lower(text.substr(pos, end - pos));
  pos = end;
  while (pos < text.size()) {
    while (pos < text.size() && (space(text[pos]) || text[pos] == '/')) ++pos;
    if (pos >= text.size() || text[pos] == '>') break;
    size_t name_stop = pos;
    while (name_stop < text.size() && !space(text[name_stop]) && text[name_stop] != '=' && text[name_stop] != '>') {
      ++name_stop;
    }
    std::string name = ascii::lower(text.substr(pos, name_stop - pos));
    pos = name_stop;
    while (pos < text.size() && space(text[pos])) ++pos;
    std::string value;
    if (pos < text.size() && text[pos] == '=') {
      ++pos;
      while (pos < text.size() && space(text[pos])) ++pos;
      if (pos < text.size() && (text[pos] == '"' || text[pos] == '\'')) {
        const size_t close = text.find(text[pos], pos + 1);
        const size_t stop = close == std::string_view::npos ? text.size() : close;
        value = std::string(text.substr(pos + 1, stop - pos - 1));
        pos = stop + 1;
      } else {
        const size_t start = pos;
        while (pos < text.size() && !space(text[pos]) && text[pos] != '>') ++pos;
        value = std::string(text.substr(start, pos - start));
      }
    }
    if (name.empty()) {
      ++pos;
      continue;
    }
    tag.attributes.emplace_back(std::move(name), std::move(value));
  }
  return tag;
}

}  // namespace strata::html_scan
