// Slugs: ids made from titles, for section ids and HTML anchors.
#pragma once

#include <string>
#include <string_view>

namespace strata {

// A URL- and JSON-friendly slug of a title: lowercase letters and digits of
// any script, other runs to '-'; "section" when the title has none.
std::string slugify(std::string_view title);

}  // namespace strata
