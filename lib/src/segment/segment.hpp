// Stage 3, segment: the section tree, blocks and sentences.
#pragma once

#include <cstdint>
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

// A block whose sentences a document holds: its text, and whether it is
// split into sentences (a paragraph) or is one (a list item, a quote, code,
// a table row).
struct BlockText {
  const SharedText* text = nullptr;
  bool split = false;
};

// segment() in two steps, for a caller that reads the blocks of two
// documents together (pipeline's pair): the structure is decided first (the
// title, the headings, each block's kind), then the tree is built with the
// sentences of the blocks the caller read.
class Segmentation {
 public:
  explicit Segmentation(RawDocument raw);
  // The blocks the document holds, in order; they view the raw document's
  // texts, alive until build().
  const std::vector<BlockText>& blocks() const { return blocks_; }
  // `known`: empty, or one entry per blocks(), the block's sentences or null;
  // the others are read here, through `memo` when not null.
  Document build(const std::vector<const outline::BlockMemo::Sentences*>& known, outline::BlockMemo* memo = nullptr) &&;

 private:
  // What a raw block becomes.
  enum class Role : uint8_t { kSkip, kHeading, kListItem, kQuote, kCode, kTableRow, kParagraph };
  static BlockKind kind_of(Role role);  // the kind of block a role adds
  // Markdown and HTML: the structure is marked up; plain text's is inferred.
  bool marked() const { return raw_.format == InputFormat::kMarkdown || raw_.format == InputFormat::kHtml; }
  void decide_plain();
  void decide_marked();

  RawDocument raw_;
  DocumentMeta meta_;
  std::vector<Role> roles_;  // by raw block
  std::vector<BlockText> blocks_;
};

// The sentences of a block's text as segment() reads them: split when
// `split`, else one.
outline::BlockMemo::Sentences block_sentences(const SharedText& text, bool split);

// Splits comparison-form text into sentences: byte ranges [begin, end) of
// `norm`. Knows abbreviations, initials, decimals, dates like "06 May. 2015",
// quotes and ellipses; never splits at a semicolon.
struct Span {
  size_t begin = 0;
  size_t end = 0;
};
std::vector<Span> split_sentences(std::string_view norm);

}  // namespace strata
