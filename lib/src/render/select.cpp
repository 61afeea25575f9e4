#include "render/select.hpp"

#include <algorithm>

namespace strata::render {

bool shown(ChangeStatus status, const RenderOptions& options) {
  if (!options.only.empty()) return std::find(options.only.begin(), options.only.end(), status) != options.only.end();
  return options.all || status != ChangeStatus::kUnchanged;
}

bool shown(const ClaimChange& change, const RenderOptions& options) { return shown(change.status, options); }

namespace {

std::string path_label(const SectionSide& side) {
  std::string label;
  for (const std::string& t : side.path) label += (label.empty() ? "" : " > ") + t;
  return label;
}

}  // namespace

std::vector<ClaimGroup> group_claims(const ChangeSet& changes, const RenderOptions& options) {
  std::vector<ClaimGroup> groups(1);
  groups[0].label = "(lead)";
  std::map<std::string, size_t> by_old{{"lead", 0}}, by_new{{"lead", 0}};
  for (const SectionChange& c : changes.sections) {
    ClaimGroup g;
    g.section = &c;
    if (c.new_sides.empty()) {
      g.label = path_label(c.old_sides[0]) + " (removed)";
    } else {
      g.label = path_label(c.new_sides[0]);
      if (c.old_sides.empty()) g.label += " (added)";
      if (c.renamed && !c.old_sides.empty()) g.label += " (was: " + c.old_sides[0].title + ")";
    }
    for (const SectionSide& s : c.old_sides) by_old.emplace(s.id, groups.size());
    for (const SectionSide& s : c.new_sides) by_new.emplace(s.id, groups.size());
    groups.push_back(std::move(g));
  }
  for (const ClaimChange& c : changes.claims) {
    if (!shown(c, options)) continue;
    const auto& map = c.new_sides.empty() ? by_old : by_new;
    const std::string& id = c.new_sides.empty() ? c.old_sides[0].section_id : c.new_sides[0].section_id;
    const auto it = map.find(id);
    groups[it == map.end() ? 0 : it->second].claims.push_back(&c);
  }
  std::erase_if(groups, [](const ClaimGroup& g) { return g.claims.empty(); });
  return groups;
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
  if (changes.unchanged_claims_left_out > 0) {
    counts[to_string(ChangeStatus::kUnchanged)] += changes.unchanged_claims_left_out;
  }
  return counts;
}

}  // namespace strata
