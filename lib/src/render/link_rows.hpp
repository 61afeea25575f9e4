// The link changes as the reports list them. Internal to render.
#pragma once

#include <string>
#include <vector>

#include "strata/change.hpp"

namespace strata::render {

// A row of a report's links: one link change, or the retagged links that
// differ by the same parameters (a page that added "entry_point" to 229
// links gets one row, not 229), shown by the first of them.
struct LinkRow {
  const LinkChange* link = nullptr;
  size_t count = 1;        // the links the row stands for
  std::string parameters;  // retagged: the names that differ, ", " between them
};

// Every change but the retagged ones in order, then a row per set of
// parameters, in order of first appearance. JSON lists every link instead.
std::vector<LinkRow> link_rows(const std::vector<LinkChange>& links);

}  // namespace strata::render
