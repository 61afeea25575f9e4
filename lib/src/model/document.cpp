#include "strata/document.hpp"

#include <algorithm>

namespace strata {

const char* to_string(BlockKind kind) {
  switch (kind) {
    case BlockKind::kParagraph:
      return "paragraph";
    case BlockKind::kListItem:
      return "list-item";
    case BlockKind::kQuote:
      return "quote";
    case BlockKind::kCode:
      return "code";
    case BlockKind::kTableRow:
      return "table-row";
  }
  return "paragraph";
}

const char* to_string(LinkKind kind) { return kind == LinkKind::kImage ? "image" : "link"; }

const char* to_string(InputFormat format) {
  switch (format) {
    case InputFormat::kAuto:
      return "auto";
    case InputFormat::kPlainText:
      return "text";
    case InputFormat::kMarkdown:
      return "markdown";
    case InputFormat::kHtml:
      return "html";
  }
  return "text";
}

std::vector<std::string> Document::title_path(int index) const {
  std::vector<std::string> path;
  for (int i = index; i > 0; i = sections[static_cast<size_t>(i)].parent) {
    path.push_back(sections[static_cast<size_t>(i)].title);
  }
  std::reverse(path.begin(), path.end());
  return path;
}

std::span<const Link> Section::links_of(size_t block) const {
  // Links are in block order: a binary search, as few blocks have links.
  const auto first = std::partition_point(links.begin(), links.end(), [&](const Link& l) { return l.block < block; });
  const auto last = std::partition_point(first, links.end(), [&](const Link& l) { return l.block == block; });
  return {first, last};
}

const Sentence& Document::sentence_at(int section, int block, int sentence) const {
  const Section& s = sections[static_cast<size_t>(section)];
  return s.sentences[s.blocks[static_cast<size_t>(block)].first_sentence + static_cast<size_t>(sentence)];
}

size_t Document::block_count() const {
  size_t n = 0;
  for (const Section& s : sections) n += s.blocks.size();
  return n;
}

size_t Document::sentence_count() const {
  size_t n = 0;
  for (const Section& s : sections) n += s.sentences.size();
  return n;
}

}  // namespace strata
