#include "render/link_rows.hpp"

#include <fmt/format.h>

#include <map>

namespace strata::render {

std::vector<LinkRow> link_rows(const std::vector<LinkChange>& links) {
  std::vector<LinkRow> rows;
  std::map<std::string, size_t> retagged;  // parameters -> its row in `rows`, after the others
  std::vector<LinkRow> groups;
  for (const LinkChange& l : links) {
    if (l.status != LinkStatus::kRetagged) {
      rows.push_back({&l, 1, {}});
      continue;
    }
    // No parameter differs when the targets differ in their escaping alone.
    std::string parameters =
        l.parameters.empty() ? std::string("percent-escaping") : fmt::format("{}", fmt::join(l.parameters, ", "));
    const auto [it, added] = retagged.try_emplace(parameters, groups.size());
    if (added) {
      groups.push_back({&l, 1, std::move(parameters)});
    } else {
      ++groups[it->second].count;
    }
  }
  rows.insert(rows.end(), groups.begin(), groups.end());
  return rows;
}

}  // namespace strata::render
