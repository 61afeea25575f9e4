// Section trees from RawBlocks. Plain-text structure is inferred as described
// in docs/segmentation.md; Markdown structure is taken as marked.
#include <algorithm>
#include <string>
#include <utility>

#include "normalize/normalize.hpp"
#include "segment/segment.hpp"
#include "segment/tree.hpp"
#include "text/ascii.hpp"

namespace strata {

namespace {

using outline::BlockMemo;
using outline::HeadingKey;
using outline::TreeBuilder;

// A plain-text heading is a short line: at most 12 words and 100 bytes, the
// longest headings in the bundled pages being 10 words ("Practical support to
// Ukraine – the Comprehensive Assistance Package") while their image captions
// and one-line paragraphs run longer.
constexpr size_t kMaxHeadingWords = 12;
constexpr size_t kMaxHeadingBytes = 100;
// A bullet line with an indented body is a section even when longer: the
// numbered questions of a FAQ ("6. How has NATO supported Ukraine since
// Russia illegally annexed Crimea in 2014?") run to 14 words.
constexpr size_t kMaxBulletHeadingBytes = 160;

size_t word_count(std::string_view s) {
  size_t n = 0;
  bool in_word = false;
  for (char c : s) {
    const bool space = c == ' ';
    if (!space && !in_word) ++n;
    in_word = !space;
  }
  return n;
}

// Shape of a plain heading: no closing punctuation, does not start like a
// continuation (lower case, comma) or a quotation/aside (quote, bracket).
bool heading_shape(std::string_view norm, size_t max_bytes, bool allow_question) {
  if (norm.empty() || norm.size() > max_bytes) return false;
  const char last = norm.back();
  if (last == '.' || last == ',' || last == ';' || last == ':' || last == '!') return false;
  if (last == '?' && !allow_question) return false;
  const char first = norm.front();
  if (first == '"' || first == '\'' || first == '(' || first == '[' || first == ',' || first == '*') return false;
  if (ascii::lower_case(first)) return false;
  return true;
}

bool is_quotation(std::string_view norm) {
  if (norm.size() < 2 || norm.front() != '"') return false;
  const size_t close = norm.find_last_of('"');
  return close > 0 && close + 3 >= norm.size();
}

DocumentMeta meta_of(const RawDocument& raw) {
  DocumentMeta meta;
  meta.source = raw.source;
  meta.format = raw.format;
  meta.title = raw.title;
  meta.date = raw.date;
  meta.normalized = raw.normalized;
  return meta;
}

// Lets go of a block's text once its sentences are made (segment()).
void release(SharedText& text) { text = SharedText(); }

// What finding headings reads of a line's comparison form, kept for each
// line instead of the form itself: the forms of every line would be a copy
// of the document held through its segmentation (80 MB for a million lines).
struct LineShape {
  bool heading = false;         // a plain heading's shape, of at most kMaxHeadingWords words
  bool bullet_heading = false;  // a bullet heading's shape
  bool quotation = false;       // is_quotation()
  bool title = false;           // the document's title repeated
};

// The comparison form of a line short enough to be a heading; empty for a longer one.
std::string heading_norm(const RawBlock& b) {
  return b.text.size() <= kMaxBulletHeadingBytes ? normalize_text(b.text) : std::string();
}

Document segment_plain(RawDocument& raw, BlockMemo* memo) {
  std::vector<RawBlock>& blocks = raw.blocks;
  DocumentMeta meta = meta_of(raw);
  size_t first = 0;
  std::string title_norm;
  if (!blocks.empty() && !blocks[0].bullet) {
    std::string norm = heading_norm(blocks[0]);
    if (heading_shape(norm, kMaxHeadingBytes, true)) {
      meta.title = blocks[0].text.str();
      title_norm = std::move(norm);
      first = 1;
    }
  }
  std::vector<LineShape> shapes(blocks.size());
  for (size_t i = first; i < blocks.size(); ++i) {
    const std::string norm = heading_norm(blocks[i]);
    LineShape& shape = shapes[i];
    shape.heading = heading_shape(norm, kMaxHeadingBytes, false) && word_count(norm) <= kMaxHeadingWords;
    shape.bullet_heading = heading_shape(norm, kMaxBulletHeadingBytes, true);
    shape.quotation = is_quotation(norm);
    shape.title = !title_norm.empty() && norm == title_norm;
  }

  // Candidates, then confirmation from the end: a heading needs a body after
  // it, so a run of short link lines closing a page stays text.
  const size_t n = blocks.size();
  std::vector<char> heading(n, 0);
  for (size_t i = n; i-- > first;) {
    const RawBlock& b = blocks[i];
    size_t next = i + 1;
    while (next < n && shapes[next].title && !blocks[next].bullet) ++next;
    if (next >= n) continue;
    if (b.bullet) {
      heading[i] = blocks[next].indent > b.indent && shapes[i].bullet_heading;
    } else {
      const bool next_is_body = !(blocks[next].bullet ? false : shapes[next].heading) || heading[next];
      heading[i] = shapes[i].heading && next_is_body;
    }
  }

  TreeBuilder tree(meta, memo);
  std::vector<int> list_indents;
  for (size_t i = first; i < n; ++i) {
    RawBlock& b = blocks[i];
    if (!b.bullet && shapes[i].title) continue;  // the title repeated as a banner
    if (heading[i]) {
      // Two or more blank lines before a heading mark a stronger break than one.
      const int gap_rank = b.gap >= 2 ? 0 : 1;
      tree.open(b.text, b.line, HeadingKey{b.indent, b.bullet ? 1 : 0, gap_rank}, b.indent, b.bullet);
      list_indents.clear();
      continue;
    }
    tree.close_for_indent(b.indent);
    if (b.bullet) {
      while (!list_indents.empty() && list_indents.back() > b.indent) list_indents.pop_back();
      if (list_indents.empty() || list_indents.back() < b.indent) list_indents.push_back(b.indent);
      tree.add(BlockKind::kListItem, static_cast<int>(list_indents.size()) - 1, b.line, b.text);
    } else {
      list_indents.clear();
      tree.add(shapes[i].quotation ? BlockKind::kQuote : BlockKind::kParagraph, 0, b.line, b.text);
    }
    release(b.text);
  }
  return tree.finish();
}

// A source's file name without folders and extension: the title of last
// resort. Empty for standard input.
std::string file_stem(std::string_view source) {
  if (source == "-") return {};
  source = source.substr(source.find_last_of('/') + 1);
  if (const size_t dot = source.rfind('.'); dot != std::string_view::npos && dot > 0) source = source.substr(0, dot);
  return std::string(source);
}

// Markdown and HTML: the structure is marked up.
Document segment_marked(RawDocument& raw, BlockMemo* memo) {
  DocumentMeta meta = meta_of(raw);
  size_t first = 0;
  const bool has_h1 = std::any_of(raw.blocks.begin(), raw.blocks.end(),
                                  [](const RawBlock& b) { return b.kind == RawBlock::Kind::kHeading && b.level == 1; });
  // A page without <h1> is named by its <title>, as a front matter title
  // names a Markdown file.
  if (meta.title.empty() && !has_h1) meta.title = raw.page_title;
  // A title from front matter or <title> wins; a first heading repeating it
  // is the title shown again, not a section. Otherwise a lone top-level
  // heading first in the file is the document's title.
  if (!meta.title.empty()) {
    if (!raw.blocks.empty() && raw.blocks[0].kind == RawBlock::Kind::kHeading &&
        normalize_text(raw.blocks[0].text) == normalize_text(meta.title)) {
      first = 1;
    }
  } else if (!raw.blocks.empty() && raw.blocks[0].kind == RawBlock::Kind::kHeading) {
    const int level = raw.blocks[0].level;
    const bool lone = std::none_of(raw.blocks.begin() + 1, raw.blocks.end(), [&](const RawBlock& b) {
      return b.kind == RawBlock::Kind::kHeading && b.level <= level;
    });
    if (lone) {
      meta.title = raw.blocks[0].text.str();
      first = 1;
    }
  }
  // Without any of those: a heading opening the file (kept as a section:
  // other headings of its level follow it), else the page's <title> beside
  // several <h1>, else the file name, so that no version is listed untitled.
  if (meta.title.empty() && !raw.blocks.empty() && raw.blocks[0].kind == RawBlock::Kind::kHeading)
    meta.title = raw.blocks[0].text.str();
  if (meta.title.empty()) meta.title = raw.page_title;
  if (meta.title.empty()) meta.title = file_stem(raw.source);
  TreeBuilder tree(meta, memo);
  // What the memo holds of the blocks, looked up together: paragraphs are
  // split into sentences, other blocks are one (TreeBuilder::add).
  std::vector<std::shared_ptr<const BlockMemo::Sentences>> found;
  if (memo != nullptr) {
    std::vector<std::pair<const SharedText*, bool>> wanted;
    wanted.reserve(raw.blocks.size() - first);
    for (size_t i = first; i < raw.blocks.size(); ++i) {
      const RawBlock::Kind kind = raw.blocks[i].kind;
      wanted.emplace_back(&raw.blocks[i].text, kind == RawBlock::Kind::kParagraph || kind == RawBlock::Kind::kLine);
    }
    memo->find_many(wanted, found);
  }
  for (size_t i = first; i < raw.blocks.size(); ++i) {
    RawBlock& b = raw.blocks[i];
    const BlockMemo::Sentences* known = found.empty() ? nullptr : found[i - first].get();
    switch (b.kind) {
      case RawBlock::Kind::kHeading:
        tree.open(b.text, b.line, HeadingKey{b.level, 0, 0}, 0, false, b.anchor);
        break;
      case RawBlock::Kind::kListItem:
        tree.add(BlockKind::kListItem, b.indent, b.line, b.text, std::move(b.links), known);
        break;
      case RawBlock::Kind::kQuote:
        tree.add(BlockKind::kQuote, 0, b.line, b.text, std::move(b.links), known);
        break;
      case RawBlock::Kind::kCode:
        tree.add(BlockKind::kCode, 0, b.line, b.text, {}, known);
        break;
      case RawBlock::Kind::kTableRow:
        tree.add(BlockKind::kTableRow, 0, b.line, b.text, std::move(b.links), known);
        break;
      case RawBlock::Kind::kParagraph:
      case RawBlock::Kind::kLine:
        tree.add(BlockKind::kParagraph, 0, b.line, b.text, std::move(b.links), known);
        break;
    }
    release(b.text);
  }
  return tree.finish();
}

}  // namespace

Document segment(RawDocument raw, BlockMemo* memo) {
  return raw.format == InputFormat::kMarkdown || raw.format == InputFormat::kHtml ? segment_marked(raw, memo)
                                                                                  : segment_plain(raw, memo);
}

}  // namespace strata
