#include "render/select.hpp"

#include <algorithm>

namespace strata::render {

bool shown(ChangeStatus status, const RenderOptions& options) {
  if (!options.only.empty()) return std::find(options.only.begin(), options.only.end(), status) != options.only.end();
  return options.all || status != ChangeStatus::kUnchanged;
}

bool shown(const ClaimChange& change, const RenderOptions& options) { return shown(change.status, options); }

const std::string& claim_section(const ClaimChange& change) {
  return change.new_sides.empty() ? change.old_sides.front().section_id : change.new_sides.front().section_id;
}

std::string section_label(const ChangeSet& changes, const ClaimChange& change) {
  const bool removed = change.new_sides.empty();
  const std::string& id = claim_section(change);
  for (const SectionChange& s : changes.sections) {
    const auto& sides = removed ? s.old_sides : s.new_sides;
    for (const SectionSide& side : sides) {
      if (side.id != id) continue;
      std::string label;
      for (const std::string& t : side.path) label += (label.empty() ? "" : " > ") + t;
      return label;
    }
  }
  return id == "lead" ? std::string("(lead)") : id;
}

}  // namespace strata::render

namespace strata {

std::map<std::string, int> count_section_changes(const ChangeSet& changes) {
  std::map<std::string, int> counts;
  for (const SectionChange& c : changes.sections) ++counts[to_string(c.status)];
  return counts;
}

std::map<std::string, int> count_claim_changes(const ChangeSet& changes) {
  std::map<std::string, int> counts;
  for (const ClaimChange& c : changes.claims) ++counts[to_string(c.status)];
  return counts;
}

}  // namespace strata
