#include "render/select.hpp"

#include <algorithm>

namespace strata::render {

bool shown(ChangeStatus status, const RenderOptions& options) {
  if (!options.only.empty()) return std::find(options.only.begin(), options.only.end(), status) != options.only.end();
  return options.all || status != ChangeStatus::kUnchanged;
}

bool shown(const ClaimChange& change, const RenderOptions& options) { return shown(change.status, options); }

std::string path_label(const std::vector<std::string>& path) {
  if (path.empty()) return "(lead)";
  std::string label;
  for (const std::string& t : path) label += (label.empty() ? "" : " > ") + t;
  return label;
}

std::string path_label(const SectionSide& side) { return path_label(side.path); }

const SectionSide* find_section(const ChangeSet& changes, const std::string& id, bool old_side) {
  for (const SectionChange& c : changes.sections) {
    for (const SectionSide& s : old_side ? c.old_sides : c.new_sides) {
      if (s.id == id) return &s;
    }
  }
  return nullptr;
}

std::string section_path(const ChangeSet& changes, const std::string& id, bool old_side) {
  if (id == "lead") return "(lead)";
  const SectionSide* s = find_section(changes, id, old_side);
  return s == nullptr ? id : path_label(*s);
}

std::vector<ClaimGroup> group_claims(const ChangeSet& changes, const RenderOptions& options) {
  std::vector<ClaimGroup> groups(1);
  groups[0].label = "(lead)";
  std::map<std::string, size_t> by_old{{"lead", 0}}, by_new{{"lead", 0}};
  std::map<std::string, std::string> old_paths{{"lead", "(lead)"}};
  for (const SectionChange& c : changes.sections) {
    for (const SectionSide& s : c.old_sides) old_paths.emplace(s.id, path_label(s));
    for (const SectionSide& s : c.old_sides) by_old.emplace(s.id, groups.size());
    if (c.new_sides.empty()) {
      ClaimGroup g;
      g.section = &c;
      g.side = &c.old_sides[0];
      g.label = path_label(c.old_sides[0]) + " (removed)";
      groups.push_back(std::move(g));
      continue;
    }
    for (size_t k = 0; k < c.new_sides.size(); ++k) {
      ClaimGroup g;
      g.section = &c;
      g.side = &c.new_sides[k];
      g.label = path_label(c.new_sides[k]);
      if (c.old_sides.empty()) {
        g.label += " (added)";
      } else if (k > 0) {
        g.label += " (split from: " + c.old_sides[0].title + ")";
      } else if (c.renamed) {
        g.label += " (was: " + c.old_sides[0].title + ")";
      }
      by_new.emplace(c.new_sides[k].id, groups.size());
      groups.push_back(std::move(g));
    }
  }
  for (const ClaimChange& c : changes.claims) {
    if (!shown(c, options)) continue;
    const auto& map = c.new_sides.empty() ? by_old : by_new;
    const std::string& id = c.new_sides.empty() ? c.old_sides[0].section_id : c.new_sides[0].section_id;
    const auto it = map.find(id);
    ClaimGroup& g = groups[it == map.end() ? 0 : it->second];
    g.claims.push_back(&c);
    std::string from;
    if (c.status == ChangeStatus::kMoved) {
      const auto p = old_paths.find(c.old_sides[0].section_id);
      from = p == old_paths.end() ? c.old_sides[0].section_id : p->second;
    }
    g.moved_from.push_back(std::move(from));
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
  for (const auto& [status, n] : changes.claims_not_listed) counts[to_string(status)] += n;
  return counts;
}

}  // namespace strata
