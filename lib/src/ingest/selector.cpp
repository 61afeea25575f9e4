#include "ingest/selector.hpp"

#include <fmt/core.h>

#include "text/ascii.hpp"

namespace strata::css {

namespace {

bool name_char(char c) { return ascii::alnum(c) || c == '-' || c == '_' || static_cast<unsigned char>(c) >= 0x80; }

bool space(char c) { return c == ' ' || c == '\t' || c == '\n'; }

}  // namespace

const std::string_view* Element::attribute(std::string_view name) const {
  for (const auto& [key, value] : attributes) {
    if (key == name) return &value;
  }
  return nullptr;
}

bool Element::has_class(std::string_view name) const {
  const std::string_view* classes = attribute("class");
  if (classes == nullptr) return false;
  size_t pos = 0;
  while (pos < classes->size()) {
    while (pos < classes->size() && space((*classes)[pos])) ++pos;
    size_t end = pos;
    while (end < classes->size() && !space((*classes)[end])) ++end;
    if (classes->substr(pos, end - pos) == name) return true;
    pos = end;
  }
  return false;
}

Result<Selector> Selector::parse(std::string_view text) {
  Selector selector;
  selector.text_ = std::string(text);
  auto fail = [&](std::string_view why) {
    return make_error(ErrorCode::kInvalidArgument, fmt::format("selector '{}': {}", text, why));
  };
  size_t i = 0;
  Complex complex;
  bool child_next = false;
  auto read_name = [&]() {
    const size_t start = i;
    while (i < text.size() && name_char(text[i])) ++i;
    return std::string(text.substr(start, i - start));
  };
  for (;;) {
    while (i < text.size() && space(text[i])) ++i;
    if (i >= text.size() || text[i] == ',') {
      if (complex.empty() || child_next) return fail("empty selector");
      selector.alternatives_.push_back(std::move(complex));
      complex.clear();
      if (i >= text.size()) break;
      ++i;
      continue;
    }
    if (text[i] == '>') {
      if (complex.empty() || child_next) return fail("'>' needs an element on each side");
      child_next = true;
      ++i;
      continue;
    }
    Compound c;
    c.child_of_previous = child_next;
    child_next = false;
    if (text[i] == '*') {
      ++i;
    } else if (name_char(text[i])) {
      c.tag = ascii::lower(read_name());
    }
    while (i < text.size() && !space(text[i]) && text[i] != ',' && text[i] != '>') {
      const char mark = text[i++];
      if (mark == '#' || mark == '.') {
        std::string name = read_name();
        if (name.empty()) return fail(fmt::format("'{}' needs a name", mark));
        (mark == '#' ? c.ids : c.classes).push_back(std::move(name));
      } else if (mark == '[') {
        std::string name = ascii::lower(read_name());
        if (name.empty()) return fail("'[' needs an attribute name");
        std::string value;
        const bool has_value = i < text.size() && text[i] == '=';
        if (has_value) {
          ++i;
          const char quote = i < text.size() && (text[i] == '"' || text[i] == '\'') ? text[i] : '\0';
          if (quote != '\0') ++i;
          const size_t start = i;
          while (i < text.size() && (quote != '\0' ? text[i] != quote : text[i] != ']')) ++i;
          value = std::string(text.substr(start, i - start));
          if (quote != '\0' && i < text.size()) ++i;
        }
        if (i >= text.size() || text[i] != ']') return fail("missing ']'");
        ++i;
        c.attributes.emplace_back(std::move(name), std::move(value));
        c.attribute_has_value.push_back(has_value);
      } else {
        return fail(
            fmt::format("unexpected '{}' (simple selectors only: tag, #id, .class, [attr], [attr=value])", mark));
      }
    }
    complex.push_back(std::move(c));
  }
  return selector;
}

bool Selector::matches(const Compound& c, const Element& e) {
  if (!c.tag.empty() && c.tag != e.tag) return false;
  for (const std::string& id : c.ids) {
    const std::string_view* value = e.attribute("id");
    if (value == nullptr || *value != id) return false;
  }
  for (const std::string& cls : c.classes) {
    if (!e.has_class(cls)) return false;
  }
  for (size_t k = 0; k < c.attributes.size(); ++k) {
    const std::string_view* value = e.attribute(c.attributes[k].first);
    if (value == nullptr || (c.attribute_has_value[k] && *value != c.attributes[k].second)) return false;
  }
  return true;
}

bool Selector::matches(const Complex& complex, size_t last, const Element& e) {
  if (!matches(complex[last], e)) return false;
  if (last == 0) return true;
  if (complex[last].child_of_previous) return e.parent != nullptr && matches(complex, last - 1, *e.parent);
  for (const Element* a = e.parent; a != nullptr; a = a->parent) {
    if (matches(complex, last - 1, *a)) return true;
  }
  return false;
}

bool Selector::matches(const Element& element) const {
  for (const Complex& complex : alternatives_) {
    if (matches(complex, complex.size() - 1, element)) return true;
  }
  return false;
}

}  // namespace strata::css
