// Simple CSS selectors for picking a page's content: tag, #id, .class,
// [attr], [attr=value], combined (div.note#x), descendant (a b) and child
// (a > b) combinators, alternatives separated by commas. Internal to ingest.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "strata/result.hpp"

namespace strata::css {

// What a selector can see of one element, and its parent: a chain from the
// element up to the root, borrowed for the duration of a match.
struct Element {
  std::string_view tag;                                                   // lower case
  std::vector<std::pair<std::string_view, std::string_view>> attributes;  // names lower case
  const Element* parent = nullptr;

  const std::string_view* attribute(std::string_view name) const;  // nullptr when absent
  bool has_class(std::string_view name) const;
};

class Selector {
 public:
  // Parses `text`; the error names the selector and what is wrong with it.
  static Result<Selector> parse(std::string_view text);

  bool matches(const Element& element) const;
  const std::string& text() const { return text_; }

 private:
  struct Compound {
    std::string tag;  // empty or "*": any
    std::vector<std::string> ids;
    std::vector<std::string> classes;
    std::vector<std::pair<std::string, std::string>> attributes;  // value empty: presence
    std::vector<bool> attribute_has_value;
    bool child_of_previous = false;  // joined to the compound before it by '>'
  };
  using Complex = std::vector<Compound>;  // left to right

  static bool matches(const Compound& c, const Element& e);
  static bool matches(const Complex& complex, size_t last, const Element& e);

  std::string text_;
  std::vector<Complex> alternatives_;
};

}  // namespace strata::css
