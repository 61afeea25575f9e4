// Stage 3, segment: the section tree, blocks and sentences.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ingest/ingest.hpp"
#include "segment/block_memo.hpp"
#include "strata/document.hpp"
#include "strata/result.hpp"

namespace strata {

// Builds the section tree from a RawDocument whose boilerplate is already
// removed. Plain-text structure is inferred (see docs/segmentation.md);
// Markdown structure is taken as marked. `memo` (may be null) keeps the
// sentences of blocks between the documents of one history. Takes `raw`
// whole: each block's text is let go once its sentences are made, so that
// the document being built reuses that memory rather than holding the text
// a second time (a million lines: about 50 MB).
Document segment(RawDocument raw, outline::BlockMemo* memo = nullptr);

// Splits comparison-form text into sentences: byte ranges [begin, end) of
// `norm`. Knows abbreviations, initials, decimals, dates like "06 May. 2015",
// quotes and ellipses; never splits at a semicolon.
struct Span {
  size_t begin = 0;
  size_t end = 0;
};
std::vector<Span> split_sentences(std::string_view norm);

}  // namespace strata
