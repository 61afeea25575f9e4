// What a report shows, shared by the renderers. Internal to render.
#pragma once

#include <map>
#include <vector>
#include <string>

#include "strata/change.hpp"
#include "strata/render.hpp"

namespace strata::render {

bool shown(ChangeStatus status, const RenderOptions& options);
bool shown(const ClaimChange& change, const RenderOptions& options);

// Shown claim changes filed under the section change they belong to: a
// claim with a new side under its new section, a removed claim under its old
// one. Groups follow the order of ChangeSet::sections, the lead first.
struct ClaimGroup {
  std::string label;   // "Title > Subtitle", with "(removed)", "(added)" or "(was: Old title)"
  const SectionChange* section = nullptr;  // into the ChangeSet; null for the lead
  std::vector<const ClaimChange*> claims;
};
std::vector<ClaimGroup> group_claims(const ChangeSet& changes, const RenderOptions& options);

// Where a highlight points, in words for a reader: "claim 12 in section
// 'Title'", "section 'Title'", "programme 'Name'" (raw input text: the
// caller escapes it).
std::string highlight_where(const ChangeSet& changes, const Highlight& highlight);

// The stable index of the claim at `position` in changes.claims (its
// position when the ChangeSet was built by hand, without indexes).
int claim_index(const ChangeSet& changes, int position);

}  // namespace strata::render
