// Hard-wrapped text: a document whose every visual line became a paragraph
// (text extracted from a PDF, a page that sets each line in a <p>) has its
// sentences cut at the lines, and a version wrapped differently rewrites
// every claim. Internal to ingest.
#pragma once

#include <cstddef>
#include <vector>

#include "ingest/ingest.hpp"

namespace strata {

// Of the boundaries between two paragraphs of a document, the share that
// must look like a line wrapped inside a sentence (the first paragraph ends
// without a closing mark, the next goes on in lower case) for the document
// to be read as hard-wrapped. Web pages and Markdown, even careless ones,
// stay under a tenth; PDF extractions are at a half and more.
inline constexpr double kMinWrappedShare = 0.2;
// Fewer such boundaries than this never make a document hard-wrapped.
inline constexpr size_t kMinWrappedBoundaries = 5;
// A joined paragraph stops growing at this size; the next line starts a
// paragraph, as it would in a text that is not wrapped. A PDF's paragraph
// is a few KiB; lines that never close a sentence (a hostile text, a table
// set as lines) would otherwise make one claim of the whole document, too
// long to pair (align's claim cap is 64 KiB).
inline constexpr size_t kMaxJoinedBytes = 16 * 1024;
// A line this long or longer was cut by the width of the page: in a
// hard-wrapped document, it may go on into a word with a capital ("vous
// pouvez consulter les" then "Conditions."). A shorter one ending on a
// lower-case word is an item or a label. PDFs wrap at 80 to 110 bytes.
inline constexpr size_t kMinFullLineBytes = 60;

struct WrappedJoin {
  size_t joined = 0;  // paragraphs joined into the one before
  size_t capped = 0;  // paragraphs that stopped growing at kMaxJoinedBytes
};

// In a hard-wrapped document, joins each paragraph that goes on from the
// one before into it (a space between; none after a hyphen), and carries
// its links. A line holding only a page number between the two parts of a
// sentence is left as its own paragraph after the joined one. Documents that
// are not hard-wrapped are left as they are.
WrappedJoin join_wrapped_lines(std::vector<RawBlock>& blocks);

}  // namespace strata
