// Page furniture of paginated plain text: the footer and running header
// that RFCs and Internet-Drafts print at every page break ("Klensin, et al.
// Standards Track [Page 2]", then "RFC 6152  SMTP Extension for 8-bit MIME
// March 2011"). Left in, they are joined into the sentence the page cut, and
// every version paginated differently changes claims. Internal to ingest.
#pragma once

#include <vector>

#include "ingest/ingest.hpp"

namespace strata {

// Removes, from the lines of a plain text, each page footer (a line ending
// in "[Page N]", set apart from what precedes it by two spaces or more, or
// that alone) and each running header (the first line after a footer, when
// the same line follows another footer, or, when it is the one line that
// follows a footer, when it is set in columns). Each removal is recorded
// with the rule name "page-furniture"; the line after a break keeps one
// blank line before it, as a paragraph or heading there would have
// without the break.
void remove_page_furniture(std::vector<RawBlock>& lines, std::vector<Removal>& removals);

}  // namespace strata
