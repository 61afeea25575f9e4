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

// The comparison form of a line short enough to be a heading, the line
// itself when it is in that form (most are: no copy), else made in
// `scratch`; empty for a longer line.
std::string_view heading_norm(const RawBlock& b, std::string& scratch) {
  if (b.text.size() > kMaxBulletHeadingBytes) return {};
  if (in_comparison_form(b.text)) return b.text.view();
  scratch = normalize_text(b.text);
  return scratch;
}

// A source's file name without folders and extension: the title of last
// resort. Empty for standard input.
std::string file_stem(std::string_view source) {
  if (source == "-") return {};
  source = source.substr(source.find_last_of('/') + 1);
  if (const size_t dot = source.rfind('.'); dot != std::string_view::npos && dot > 0) source = source.substr(0, dot);
  return std::string(source);
}

}  // namespace

void Segmentation::decide_plain() {
  std::vector<RawBlock>& blocks = raw_.blocks;
  size_t first = 0;
  std::string title_norm;
  std::string scratch;
  if (!blocks.empty() && !blocks[0].bullet) {
    const std::string_view norm = heading_norm(blocks[0], scratch);
    if (heading_shape(norm, kMaxHeadingBytes, true)) {
      meta_.title = blocks[0].text.str();
      title_norm = norm;
      first = 1;
    }
  }
  std::vector<LineShape> shapes(blocks.size());
  for (size_t i = first; i < blocks.size(); ++i) {
    const std::string_view norm = heading_norm(blocks[i], scratch);
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
  for (size_t i = first; i < n; ++i) {
    const RawBlock& b = blocks[i];
    if (!b.bullet && shapes[i].title) continue;  // the title repeated as a banner
    roles_[i] = heading[i]            ? Role::kHeading
                : b.bullet            ? Role::kListItem
                : shapes[i].quotation ? Role::kQuote
                                      : Role::kParagraph;
  }
}

// Markdown and HTML: the structure is marked up.
void Segmentation::decide_marked() {
  size_t first = 0;
  const bool has_h1 = std::any_of(raw_.blocks.begin(), raw_.blocks.end(),
                                  [](const RawBlock& b) { return b.kind == RawBlock::Kind::kHeading && b.level == 1; });
  // A page without <h1> is named by its <title>, as a front matter title
  // names a Markdown file.
  if (meta_.title.empty() && !has_h1) meta_.title = raw_.page_title;
  // A title from front matter or <title> wins; a first heading repeating it
  // is the title shown again, not a section. Otherwise a lone top-level
  // heading first in the file is the document's title.
  if (!meta_.title.empty()) {
    if (!raw_.blocks.empty() && raw_.blocks[0].kind == RawBlock::Kind::kHeading &&
        normalize_text(raw_.blocks[0].text) == normalize_text(meta_.title)) {
      first = 1;
    }
  } else if (!raw_.blocks.empty() && raw_.blocks[0].kind == RawBlock::Kind::kHeading) {
    const int level = raw_.blocks[0].level;
    const bool lone = std::none_of(raw_.blocks.begin() + 1, raw_.blocks.end(), [&](const RawBlock& b) {
      return b.kind == RawBlock::Kind::kHeading && b.level <= level;
    });
    if (lone) {
      meta_.title = raw_.blocks[0].text.str();
      first = 1;
    }
  }
  // Without any of those: a heading opening the file (kept as a section:
  // other headings of its level follow it), else the page's <title> beside
  // several <h1>, else the file name, so that no version is listed untitled.
  if (meta_.title.empty() && !raw_.blocks.empty() && raw_.blocks[0].kind == RawBlock::Kind::kHeading)
    meta_.title = raw_.blocks[0].text.str();
  if (meta_.title.empty()) meta_.title = raw_.page_title;
  if (meta_.title.empty()) meta_.title = file_stem(raw_.source);
  for (size_t i = first; i < raw_.blocks.size(); ++i) {
    switch (raw_.blocks[i].kind) {
      case RawBlock::Kind::kHeading:
        roles_[i] = Role::kHeading;
        break;
      case RawBlock::Kind::kListItem:
        roles_[i] = Role::kListItem;
        break;
      case RawBlock::Kind::kQuote:
        roles_[i] = Role::kQuote;
        break;
      case RawBlock::Kind::kCode:
        roles_[i] = Role::kCode;
        break;
      case RawBlock::Kind::kTableRow:
        roles_[i] = Role::kTableRow;
        break;
      case RawBlock::Kind::kParagraph:
      case RawBlock::Kind::kLine:
        roles_[i] = Role::kParagraph;
        break;
    }
  }
}

BlockKind Segmentation::kind_of(Role role) {
  switch (role) {
    case Role::kListItem:
      return BlockKind::kListItem;
    case Role::kQuote:
      return BlockKind::kQuote;
    case Role::kCode:
      return BlockKind::kCode;
    case Role::kTableRow:
      return BlockKind::kTableRow;
    default:
      return BlockKind::kParagraph;
  }
}

Segmentation::Segmentation(RawDocument raw) : raw_(std::move(raw)), meta_(meta_of(raw_)) {
  roles_.assign(raw_.blocks.size(), Role::kSkip);
  if (marked()) {
    decide_marked();
  } else {
    decide_plain();
  }
  for (size_t i = 0; i < roles_.size(); ++i) {
    if (roles_[i] != Role::kSkip && roles_[i] != Role::kHeading)
      blocks_.push_back({&raw_.blocks[i].text, roles_[i] == Role::kParagraph});
  }
}

Document Segmentation::build(const std::vector<const BlockMemo::Sentences*>& known, BlockMemo* memo) && {
  // What the memo holds of the blocks, looked up together: one by one, each
  // waited on a few cache misses.
  std::vector<std::shared_ptr<const BlockMemo::Sentences>> found;
  std::vector<const BlockMemo::Sentences*> from_memo;
  const std::vector<const BlockMemo::Sentences*>* sentences = &known;
  if (known.empty() && memo != nullptr) {
    std::vector<std::pair<const SharedText*, bool>> wanted;
    wanted.reserve(blocks_.size());
    for (const BlockText& b : blocks_) wanted.emplace_back(b.text, b.split);
    memo->find_many(wanted, found);
    for (const auto& f : found) from_memo.push_back(f.get());
    sentences = &from_memo;
  }
  const bool marked = this->marked();
  TreeBuilder tree(std::move(meta_), memo);
  std::vector<int> list_indents;  // plain text's open lists, by indent
  size_t next = 0;                // the next of blocks_
  for (size_t i = 0; i < raw_.blocks.size(); ++i) {
    RawBlock& b = raw_.blocks[i];
    const Role role = roles_[i];
    if (role == Role::kSkip) continue;
    if (role == Role::kHeading) {
      if (marked) {
        tree.open(b.text, b.line, HeadingKey{b.level, 0, 0}, 0, false, b.anchor);
      } else {
        // Two or more blank lines before a heading mark a stronger break than one.
        const int gap_rank = b.gap >= 2 ? 0 : 1;
        tree.open(b.text, b.line, HeadingKey{b.indent, b.bullet ? 1 : 0, gap_rank}, b.indent, b.bullet);
        list_indents.clear();
      }
      continue;
    }
    const BlockMemo::Sentences* read = sentences->empty() ? nullptr : (*sentences)[next];
    ++next;
    int depth = 0;
    if (marked) {
      if (role == Role::kListItem) depth = b.indent;
    } else {
      tree.close_for_indent(b.indent);
      if (role == Role::kListItem) {
        while (!list_indents.empty() && list_indents.back() > b.indent) list_indents.pop_back();
        if (list_indents.empty() || list_indents.back() < b.indent) list_indents.push_back(b.indent);
        depth = static_cast<int>(list_indents.size()) - 1;
      } else {
        list_indents.clear();
      }
    }
    tree.add(kind_of(role), depth, b.line, b.text, std::move(b.links), read);
    release(b.text);
  }
  return tree.finish();
}

Document segment(RawDocument raw, BlockMemo* memo) { return Segmentation(std::move(raw)).build({}, memo); }

}  // namespace strata
