// Builds a Document's section tree from headings and blocks in reading order.
// Internal to segment.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "segment/block_memo.hpp"
#include "strata/document.hpp"

namespace strata::outline {

// Orders headings by strength: a heading closes every open section whose key
// is greater than or equal to its own (lexicographically), then opens under
// what remains. Markdown uses {level, 0, 0}; plain text {indent, bullet, gap}.
using HeadingKey = std::array<int, 3>;

class TreeBuilder {
 public:
  // `memo` (may be null) keeps the sentences of blocks between documents.
  explicit TreeBuilder(DocumentMeta meta, BlockMemo* memo = nullptr);

  // `anchor`: the source's id for the heading, kept on the Section; may be empty.
  void open(std::string_view title, uint32_t line, HeadingKey key, int indent, bool bullet,
            std::string_view anchor = {});
  // Plain text: a body line at `indent` ends bullet-headed sections at that
  // indent or deeper and plain-headed sections deeper than it.
  void close_for_indent(int indent);
  // `known`: the block's sentences when the caller found them in the memo
  // already (BlockMemo::find_many), else null.
  void add(BlockKind kind, int depth, uint32_t line, const SharedText& text, std::vector<Link> links = {},
           const BlockMemo::Sentences* known = nullptr);
  Document finish();

 private:
  struct Open {
    int section;
    HeadingKey key;
    int indent;
    bool bullet;
  };
  int current() const { return stack_.empty() ? 0 : stack_.back().section; }

  Document doc_;
  std::vector<Open> stack_;
  BlockMemo* memo_;
};

}  // namespace strata::outline
