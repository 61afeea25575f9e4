#include "segment/tree.hpp"

#include <algorithm>
#include <cstdint>
#include <unordered_map>

#include "normalize/normalize.hpp"
#include "segment/segment.hpp"
#include "text/slug.hpp"

namespace strata::outline {

namespace {

// Appends the sentences of a block's `text` to `out`: split when `split` (a
// paragraph), else one; each with its original text, trimmed, and its
// comparison form. A sentence that is the whole block (a list item, a line,
// a paragraph of one sentence) shares the block's text.
void append_sentences(const SharedText& text, bool split, std::vector<Sentence>& out) {
  const NormalizedText norm = normalize(text);
  auto push = [&](size_t begin, size_t end) {
    if (begin >= end) return;
    Sentence s;
    const std::string_view compared = std::string_view(norm.text).substr(begin, end - begin);
    size_t from = norm.to_original[begin];
    size_t to = norm.to_original[end];
    while (to > from && (text[to - 1] == ' ' || text[to - 1] == '\t' || text[to - 1] == '\n')) --to;
    s.text = from == 0 && to == text.size() ? text : SharedText(text.substr(from, to - from));
    // Most sentences read as they compare: one text for both.
    s.norm = compared == s.text.view() ? s.text : SharedText(compared);
    out.push_back(std::move(s));
  };
  if (split) {
    for (const Span& span : split_sentences(norm.text)) push(span.begin, span.end);
  } else {
    push(0, norm.text.size());
  }
}

}  // namespace

TreeBuilder::TreeBuilder(DocumentMeta meta, BlockMemo* memo) : memo_(memo) {
  doc_.meta = std::move(meta);
  Section root;
  root.id = "lead";
  doc_.sections.push_back(std::move(root));
}

void TreeBuilder::open(std::string_view title, uint32_t line, HeadingKey key, int indent, bool bullet,
                       std::string_view anchor) {
  const std::string norm = normalize_text(title);
  // The same heading twice in a row with nothing between is one heading
  // (pages repeat a title as a banner and again as a heading).
  const Section& top = doc_.sections[static_cast<size_t>(current())];
  if (current() != 0 && top.blocks.empty() && top.children.empty() && top.title_norm == norm) return;

  while (!stack_.empty() && stack_.back().key >= key) stack_.pop_back();
  Section s;
  s.title = title;
  s.title_norm = norm;
  s.parent = current();
  s.level = static_cast<int>(stack_.size()) + 1;
  s.line = line;
  s.anchor = std::string(anchor);
  const int index = static_cast<int>(doc_.sections.size());
  doc_.sections[static_cast<size_t>(s.parent)].children.push_back(index);
  doc_.sections.push_back(std::move(s));
  stack_.push_back(Open{index, key, indent, bullet});
}

void TreeBuilder::close_for_indent(int indent) {
  while (!stack_.empty() && (stack_.back().bullet ? stack_.back().indent >= indent : stack_.back().indent > indent)) {
    stack_.pop_back();
  }
}

void TreeBuilder::add(BlockKind kind, int depth, uint32_t line, const SharedText& text, std::vector<Link> links,
                      const BlockMemo::Sentences* known) {
  Section& section = doc_.sections[static_cast<size_t>(current())];
  std::vector<Sentence>& sentences = section.sentences;
  const size_t first = sentences.size();
  // A list item, a code block, a table row or a quote is one claim, however
  // many sentences.
  const bool split = kind == BlockKind::kParagraph;
  std::shared_ptr<const BlockMemo::Sentences> held;
  if (known == nullptr && memo_ != nullptr) {
    held = memo_->get(text, split, [&] { return block_sentences(text, split); });
    known = held.get();
  }
  if (known != nullptr) {
    sentences.insert(sentences.end(), known->begin(), known->end());
  } else {
    append_sentences(text, split, sentences);
  }
  if (sentences.size() == first) return;
  Block block;
  block.kind = kind;
  block.depth = static_cast<uint16_t>(std::clamp(depth, 0, int{UINT16_MAX}));
  block.line = line;
  block.first_sentence = static_cast<uint32_t>(first);
  block.sentence_count = static_cast<uint32_t>(sentences.size() - first);
  for (Link& link : links) {
    link.block = static_cast<uint32_t>(section.blocks.size());
    section.links.push_back(std::move(link));
  }
  section.blocks.push_back(block);
}

Document TreeBuilder::finish() {
  // Ids: the slug path, made unique in document order ("-2", "-3", ...).
  std::unordered_map<std::string, int> seen;
  seen.reserve(doc_.sections.size() * 2);
  seen["lead"] = 1;
  for (size_t i = 1; i < doc_.sections.size(); ++i) {
    Section& s = doc_.sections[i];
    const std::string& parent_id = s.parent == 0 ? std::string() : doc_.sections[static_cast<size_t>(s.parent)].id;
    std::string id = parent_id.empty() ? slugify(s.title_norm) : parent_id + "/" + slugify(s.title_norm);
    const int n = ++seen[id];
    if (n > 1) {
      std::string candidate;
      int k = n;
      do {
        candidate = id + "-" + std::to_string(k++);
      } while (seen.count(candidate) != 0);
      seen[candidate] = 1;
      id = candidate;
    }
    s.id = std::move(id);
  }
  return std::move(doc_);
}

}  // namespace strata::outline

namespace strata {

outline::BlockMemo::Sentences block_sentences(const SharedText& text, bool split) {
  outline::BlockMemo::Sentences made;
  outline::append_sentences(text, split, made);
  return made;
}

}  // namespace strata
