// The link changes as the reports list them. Internal to render.
#pragma once

#include <fmt/core.h>

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

// What a row says before its link's text: nothing for one link change;
// "227 links differing only in entry_point; the first: " for retagged ones,
// the parameters as `escape` writes them for the report's format.
template <typename Escape>
std::string row_lead(const LinkRow& row, Escape&& escape) {
  if (row.link->status != LinkStatus::kRetagged) return {};
  return fmt::format("{} link{} differing only in {}; the first: ", row.count, row.count == 1 ? "" : "s",
                     escape(row.parameters));
}

}  // namespace strata::render
