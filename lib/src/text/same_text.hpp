// Internal: equality of texts that are often the same bytes.
#pragma once

#include <string_view>

namespace strata::util {

// a == b, without reading the bytes when both view the same ones. The
// versions of a history share the texts of the blocks they have in common
// (segment's BlockMemo), and the memos keyed by sentence keep a share of the
// text they were given: most of their lookups meet their own bytes, where a
// comparison read each sentence twice. Sound because both views are alive
// while they are compared, so the same address holds the same bytes.
inline bool same_text(std::string_view a, std::string_view b) {
  return (a.data() == b.data() && a.size() == b.size()) || a == b;
}

}  // namespace strata::util
