// What a report shows, shared by the renderers. Internal to render.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "strata/change.hpp"
#include "strata/render.hpp"

namespace strata::render {

bool shown(ChangeStatus status, const RenderOptions& options);
bool shown(const ClaimChange& change, const RenderOptions& options);

// Shown claim changes filed under the section change they belong to: a
// claim with a new side under its new section, a removed claim under its old
// one. Groups follow the order of ChangeSet::sections, the lead first.
// A split section gives one group per new part, each part's claims under
// its own title; the old section's removed claims go with the first part.
struct ClaimGroup {
  std::string
      label;  // "Title > Subtitle", with "(removed)", "(added)", "(was: Old title)" or "(split from: Old title)"
  const SectionChange* section = nullptr;  // into the ChangeSet; null for the lead
  // The side the group is headed by: its new part, or the old section when
  // removed; null for the lead.
  const SectionSide* side = nullptr;
  std::vector<const ClaimChange*> claims;
  // Parallel to `claims`: for a moved claim, the title path of the old
  // section it came from ("Title > Subtitle", "(lead)"); empty otherwise.
  std::vector<std::string> moved_from;
};
std::vector<ClaimGroup> group_claims(const ChangeSet& changes, const RenderOptions& options);

// A section's title path for a reader: "Title > Subtitle" ("(lead)" for the
// text before the first heading; raw input text: the caller escapes it). section_path
// finds the section by id on one side of `changes` ("(lead)" for the lead;
// the id itself when the ChangeSet has no such section).
// find_section: the side with that id on one side of `changes`, or null.
std::string path_label(const std::vector<std::string>& path);
std::string path_label(const SectionSide& side);
const SectionSide* find_section(const ChangeSet& changes, const std::string& id, bool old_side);
std::string section_path(const ChangeSet& changes, const std::string& id, bool old_side);

// Where a highlight points, in words for a reader: "claim 12 in section
// 'Title'", "section 'Title'", "programme 'Name'" (raw input text: the
// caller escapes it).
std::string highlight_where(const ChangeSet& changes, const Highlight& highlight);

// The stable index of the claim at `position` in changes.claims (its
// position when the ChangeSet was built by hand, without indexes).
int claim_index(const ChangeSet& changes, int position);

}  // namespace strata::render
