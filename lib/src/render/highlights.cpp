// What the renderers share about highlights: where one points.
#include <fmt/core.h>

#include "render/select.hpp"

namespace strata::render {

int claim_index(const ChangeSet& changes, int position) {
  const int index = changes.claims[static_cast<size_t>(position)].index;
  return index >= 0 ? index : position;
}

namespace {

std::string claim_where(const ChangeSet& changes, int position) {
  const ClaimChange& c = changes.claims[static_cast<size_t>(position)];
  const bool old_side = c.new_sides.empty();
  const std::string& id = (old_side ? c.old_sides : c.new_sides).front().section_id;
  return fmt::format("claim {} in section '{}'", claim_index(changes, position), section_path(changes, id, old_side));
}

}  // namespace

std::string highlight_where(const ChangeSet& changes, const Highlight& h) {
  const auto at = static_cast<size_t>(h.index);
  switch (h.target) {
    case HighlightTarget::kClaim: {
      // The same change made in several places names each.
      std::string out = claim_where(changes, h.index);
      for (int other : h.also) out += " and " + claim_where(changes, other);
      return out;
    }
    case HighlightTarget::kSection: {
      const SectionChange& s = changes.sections[at];
      return fmt::format("section '{}'", path_label((s.new_sides.empty() ? s.old_sides : s.new_sides).front()));
    }
    case HighlightTarget::kProgramme: {
      const ProgrammeChange& p = changes.programmes[at];
      return fmt::format("programme '{}'", p.new_side ? p.new_side->name : p.old_side->name);
    }
  }
  return {};
}

}  // namespace strata::render
