// A cheap look at HTML before a parser sees it: the nesting it would build and
// the elements it would allocate, and single tags read on their own (inline
// HTML in Markdown). Internal to ingest.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace strata::html_scan {

// gumbo 0.10.1 takes time and memory quadratic in the depth of unclosed
// elements (40,000 unclosed <span>: 87 s and 12 GiB). Real pages nest a few
// dozen deep (the deepest bundled or fetched page: under 40); at 1,000 levels
// gumbo takes milliseconds. Deeper input is refused before it is parsed.
inline constexpr size_t kMaxDepth = 1000;
// Each element costs gumbo a few hundred bytes: 500,000 keep a page under
// ~200 MiB, over ten times the element count of the largest page seen.
inline constexpr size_t kMaxElements = 500000;

struct Shape {
  size_t max_depth = 0;
  size_t elements = 0;
  size_t deepest_at = 0;  // byte offset of the start tag that reached max_depth
};

// Nesting as an HTML parser would build it, approximately: end tags close back
// to their open element, elements whose end tag is optional (p, li, td, ...)
// close their open sibling, void elements (br, img, ...) open nothing, and
// comments, script and style contents are skipped. Linear in the input.
Shape measure(std::string_view html);

// One tag read alone: "<a href='x'>" -> {name "a", attributes {href: x}}.
struct Tag {
  std::string name;  // lower case; empty when `text` is not a tag (a comment, a doctype)
  bool closing = false;
  std::vector<std::pair<std::string, std::string>> attributes;  // names lower case, values unquoted

  std::string_view attribute(std::string_view name) const;  // empty when absent
};
Tag parse_tag(std::string_view text);

}  // namespace strata::html_scan
