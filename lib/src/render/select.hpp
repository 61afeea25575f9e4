// What a report shows, shared by the renderers. Internal to render.
#pragma once

#include <map>
#include <string>

#include "strata/change.hpp"
#include "strata/render.hpp"

namespace strata::render {

bool shown(ChangeStatus status, const RenderOptions& options);
bool shown(const ClaimChange& change, const RenderOptions& options);

// The section a claim change is filed under: its new section, or its old one
// when it was removed.
const std::string& claim_section(const ClaimChange& change);
// "Title > Subtitle" of the section with `id` on the new side (old side for removed).
std::string section_label(const ChangeSet& changes, const ClaimChange& change);


}  // namespace strata::render
