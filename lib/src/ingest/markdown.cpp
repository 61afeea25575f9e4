// The Markdown reader: cmark-gfm's tree to RawBlocks. The one place that
// includes cmark-gfm. What cmark-gfm leaves as text (front matter, attribute
// lists, kramdown-rfc references) is handled in markdown_syntax.cpp; HTML in
// the Markdown goes through the HTML reader, so no tag reaches a claim.
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <memory>
#include <mutex>

#include "ingest/html_scan.hpp"
#include "ingest/markdown_parts.hpp"
#include "ingest/markdown_syntax.hpp"
#include "ingest/read_cache.hpp"
#include "ingest/readers.hpp"

namespace strata::readers {

namespace {

using Parser = std::unique_ptr<cmark_parser, void (*)(cmark_parser*)>;
using Node = std::unique_ptr<cmark_node, void (*)(cmark_node*)>;
using Iter = std::unique_ptr<cmark_iter, void (*)(cmark_iter*)>;

constexpr std::string_view kGfmExtensions[] = {"table", "strikethrough", "autolink", "tasklist"};

std::string_view type_name(cmark_node* node) { return cmark_node_get_type_string(node); }

std::string_view literal(cmark_node* node) {
  const char* s = cmark_node_get_literal(node);
  return s == nullptr ? std::string_view() : std::string_view(s);
}

Parser make_parser() {
  static std::once_flag registered;
  std::call_once(registered, [] { cmark_gfm_core_extensions_ensure_registered(); });
  Parser parser(cmark_parser_new(CMARK_OPT_FOOTNOTES), cmark_parser_free);
  for (std::string_view name : kGfmExtensions) {
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(std::string(name).c_str())) {
      cmark_parser_attach_syntax_extension(parser.get(), ext);
    }
  }
  return parser;
}

// Containers open around the inline text being read.
struct Frame {
  cmark_node_type type;
  int paragraphs = 0;      // items and alerts: paragraphs read so far
  std::string_view alert;  // a quote that GitHub's alert marker opens: its label
};

// The label of the alert marker that opens quote `node` ("> [!NOTE]"), read
// from the text its first paragraph starts with; empty for a quotation.
std::string_view alert_label(cmark_node* node) {
  cmark_node* first = cmark_node_first_child(node);
  if (first == nullptr || cmark_node_get_type(first) != CMARK_NODE_PARAGRAPH) return {};
  std::string line;
  for (cmark_node* c = cmark_node_first_child(first); c != nullptr && cmark_node_get_type(c) == CMARK_NODE_TEXT;
       c = cmark_node_next(c)) {
    line.append(literal(c));
  }
  return markdown_syntax::alert_label(line).first;
}

class Walker {
 public:
  // `first_line`: the source line the parsed text starts on (a part's), for
  // the preamble's ids; the blocks' lines count from the parsed text's start.
  Walker(std::string_view source, const markdown_syntax::Preamble& preamble, uint32_t first_line)
      : source_(source), preamble_(preamble), line_offset_(first_line - 1) {}

  Result<void> walk(cmark_node* document);
  std::vector<RawBlock> take() { return std::move(blocks_); }

 private:
  void enter_text(cmark_node* node);
  void inline_node(cmark_node* node, cmark_event_type event);
  void finish_text(cmark_node* node);
  int list_depth() const;

  std::string_view source_;
  const markdown_syntax::Preamble& preamble_;
  uint32_t line_offset_;
  std::vector<Frame> frames_;
  std::vector<RawBlock> blocks_;
  bool reading_ = false;  // inside a paragraph, heading or table cell
  RawBlock current_;
  std::string text_;                     // current_'s text while it is read
  std::vector<size_t> link_starts_;      // text offsets where open links began
  std::vector<std::string> html_links_;  // targets of open <a href> tags
  std::vector<size_t> html_link_starts_;
  std::vector<std::string> row_;     // cells of the table row being read
  std::vector<std::string> header_;  // the table's header cells
  std::vector<Link> row_links_;
};

int Walker::list_depth() const {
  int depth = -1;
  for (const Frame& f : frames_) depth += f.type == CMARK_NODE_LIST;
  return std::max(depth, 0);
}

void Walker::enter_text(cmark_node* node) {
  reading_ = true;
  current_ = RawBlock();
  text_.clear();
  current_.line = static_cast<uint32_t>(cmark_node_get_start_line(node));
  link_starts_.clear();
  html_links_.clear();
  html_link_starts_.clear();
}

void Walker::inline_node(cmark_node* node, cmark_event_type event) {
  const cmark_node_type type = cmark_node_get_type(node);
  std::string& text = text_;
  if (type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE) {
    // An image's children are its alt text, which stays in the claim; its
    // source is kept as a link of kind image.
    if (event == CMARK_EVENT_ENTER) {
      link_starts_.push_back(text.size());
    } else if (!link_starts_.empty()) {
      const char* url = cmark_node_get_url(node);
      const std::string_view target = url == nullptr ? "" : url;
      if (type == CMARK_NODE_LINK) {
        current_.links.push_back(Link{text.substr(link_starts_.back()), std::string(target), LinkKind::kLink});
      } else if (!target.empty()) {
        current_.links.push_back(Link{text.substr(link_starts_.back()), image_target(target), LinkKind::kImage});
      }
      link_starts_.pop_back();
    }
    return;
  }
  if (event != CMARK_EVENT_ENTER) return;
  switch (type) {
    case CMARK_NODE_TEXT:
    case CMARK_NODE_CODE:
      text.append(literal(node));
      break;
    case CMARK_NODE_SOFTBREAK:
    case CMARK_NODE_LINEBREAK:
      text.push_back(' ');
      break;
    case CMARK_NODE_FOOTNOTE_REFERENCE:
      text.append("[").append(literal(node)).append("]");
      break;
    case CMARK_NODE_HTML_INLINE: {
      // Inline tags are markup: <a href> is a link, <br> a space, <img> its
      // alt text; every other tag and every comment is dropped.
      const html_scan::Tag tag = html_scan::parse_tag(literal(node));
      if (tag.name == "br") {
        text.push_back(' ');
      } else if (tag.name == "img") {
        const std::string alt(tag.attribute("alt"));
        text.append(alt);
        if (!tag.attribute("src").empty())
          current_.links.push_back(Link{alt, image_target(tag.attribute("src")), LinkKind::kImage});
      } else if (tag.name == "a" && !tag.closing && !tag.attribute("href").empty()) {
        html_links_.emplace_back(tag.attribute("href"));
        html_link_starts_.push_back(text.size());
      } else if (tag.name == "a" && tag.closing && !html_links_.empty()) {
        current_.links.push_back(
            Link{text.substr(html_link_starts_.back()), std::move(html_links_.back()), LinkKind::kLink});
        html_links_.pop_back();
        html_link_starts_.pop_back();
      }
      break;
    }
    default:
      break;
  }
}

void Walker::finish_text(cmark_node* node) {
  reading_ = false;
  // An alert is a note, not a quotation: its marker is written as the
  // label GitHub shows, and its paragraphs are read as prose.
  if (!frames_.empty() && !frames_.back().alert.empty() && frames_.back().paragraphs++ == 0) {
    const auto [label, end] = markdown_syntax::alert_label(text_);
    if (!label.empty()) text_.replace(0, end, label);
  }
  std::string anchor;
  std::string text = markdown_syntax::render_references(text_);
  text = markdown_syntax::strip_attribute_lists(text, &anchor);
  text = markdown_syntax::resolve_literal_links(text, current_.links);
  for (Link& link : current_.links) {
    link.text = markdown_syntax::strip_attribute_lists(markdown_syntax::render_references(link.text));
  }
  const std::string_view type = type_name(node);
  if (type == "table_cell") {
    row_.push_back(std::move(text));
    for (Link& link : current_.links) row_links_.push_back(std::move(link));
    return;
  }
  current_.text = text;
  if (cmark_node_get_type(node) == CMARK_NODE_HEADING) {
    current_.kind = RawBlock::Kind::kHeading;
    current_.level = cmark_node_get_heading_level(node);
    const auto next_line = static_cast<uint32_t>(cmark_node_get_end_line(node) + 1) + line_offset_;
    if (auto it = preamble_.ids_by_line.find(next_line); anchor.empty() && it != preamble_.ids_by_line.end())
      anchor = it->second;
    current_.anchor = std::move(anchor);
  } else {
    current_.kind = RawBlock::Kind::kParagraph;
    for (auto f = frames_.rbegin(); f != frames_.rend(); ++f) {
      if (f->type == CMARK_NODE_BLOCK_QUOTE && f->alert.empty()) {
        current_.kind = RawBlock::Kind::kQuote;
        break;
      }
      if (f->type == CMARK_NODE_ITEM) {
        if (f->paragraphs++ == 0) current_.kind = RawBlock::Kind::kListItem;
        current_.indent = list_depth();
        break;
      }
    }
  }
  blocks_.push_back(std::move(current_));
  current_ = RawBlock();
}

Result<void> Walker::walk(cmark_node* document) {
  Iter iter(cmark_iter_new(document), cmark_iter_free);
  cmark_event_type event;
  while ((event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
    cmark_node* node = cmark_iter_get_node(iter.get());
    const cmark_node_type type = cmark_node_get_type(node);
    const std::string_view name = type_name(node);
    const bool text_block = type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING || name == "table_cell";
    if (text_block) {
      if (event == CMARK_EVENT_ENTER) {
        enter_text(node);
      } else {
        finish_text(node);
      }
      continue;
    }
    if (reading_) {
      inline_node(node, event);
      continue;
    }
    if (name == "table" && event == CMARK_EVENT_ENTER) header_.clear();
    if (name == "table_row" || name == "table_header") {
      if (event == CMARK_EVENT_ENTER) {
        row_.clear();
        row_links_.clear();
        continue;
      }
      if (name == "table_header") {
        header_ = std::move(row_);
        continue;
      }
      RawBlock row;
      row.kind = RawBlock::Kind::kTableRow;
      row.line = static_cast<uint32_t>(cmark_node_get_start_line(node));
      row.links = std::move(row_links_);
      row.text = table_row_text(row_, header_);
      if (!row.text.empty()) blocks_.push_back(std::move(row));
      continue;
    }
    if (type == CMARK_NODE_CODE_BLOCK) {
      RawBlock code;
      code.kind = RawBlock::Kind::kCode;
      code.line = static_cast<uint32_t>(cmark_node_get_start_line(node));
      std::string_view text = literal(node);
      while (!text.empty() && text.back() == '\n') text.remove_suffix(1);
      code.text = text;
      if (!text.empty()) blocks_.push_back(std::move(code));
      continue;
    }
    if (type == CMARK_NODE_HTML_BLOCK) {
      auto html = read_html(literal(node), source_, {}, false, static_cast<uint32_t>(cmark_node_get_start_line(node)));
      if (!html) return html.error();
      for (RawBlock& b : html->blocks) {
        if (b.kind != RawBlock::Kind::kCode) {
          b.text = markdown_syntax::strip_attribute_lists(markdown_syntax::render_references(b.text));
        }
        blocks_.push_back(std::move(b));
      }
      continue;
    }
    if (type == CMARK_NODE_BLOCK_QUOTE || type == CMARK_NODE_LIST || type == CMARK_NODE_ITEM) {
      if (event == CMARK_EVENT_ENTER) {
        frames_.push_back(Frame{type, 0, type == CMARK_NODE_BLOCK_QUOTE ? alert_label(node) : std::string_view()});
      } else if (!frames_.empty()) {
        frames_.pop_back();
      }
    }
  }
  return {};
}

// The blocks of `body` (or of a part of it starting on `first_line`), lines
// counted from its start.
Result<std::vector<RawBlock>> read_blocks(std::string_view body, std::string_view source,
                                          const markdown_syntax::Preamble& preamble, uint32_t first_line) {
  Parser parser = make_parser();
  cmark_parser_feed(parser.get(), body.data(), body.size());
  Node document(nullptr, cmark_node_free);
  {
    // cmark-gfm 0.29 keeps the special characters of inline syntax in one
    // table for the process, which each parse's inline pass (in finish) fills
    // with its extensions' characters and empties again: two passes at once
    // race, and an autolink or a table cell is read or not by chance.
    static std::mutex inline_pass;
    std::lock_guard lock(inline_pass);
    document.reset(cmark_parser_finish(parser.get()));
  }
  Walker walker(source, preamble, first_line);
  if (auto walked = walker.walk(document.get()); !walked) return walked.error();
  return walker.take();
}

}  // namespace

Result<MarkdownRead> read_markdown(std::string_view text, std::string_view source, ReadCache* cache) {
  std::string body(text);
  MarkdownRead out;
  const markdown_syntax::Preamble preamble = markdown_syntax::strip_preamble(body);
  out.title = preamble.title;
  out.date = preamble.date;
  out.removals = preamble.removals;
  const std::vector<markdown_parts::Part> parts =
      cache == nullptr ? std::vector<markdown_parts::Part>{} : markdown_parts::split(body);
  if (parts.size() < 2) {
    auto blocks = read_blocks(body, source, preamble, 1);
    if (!blocks) return blocks.error();
    out.blocks = std::move(*blocks);
    return out;
  }
  // Each part's bytes as written and as the preamble left them.
  std::vector<std::pair<std::string_view, std::string_view>> texts;
  texts.reserve(parts.size());
  for (const markdown_parts::Part& part : parts) {
    texts.emplace_back(text.substr(part.begin, part.end - part.begin),
                       std::string_view(body).substr(part.begin, part.end - part.begin));
  }
  std::vector<ReadCache::Parts::Blocks> found;
  cache->parts().find_many(texts, found);
  size_t count = 0;
  for (size_t k = 0; k < parts.size(); ++k) {
    ReadCache::Parts::Blocks& blocks = found[k];
    if (blocks == nullptr) {
      auto read = read_blocks(texts[k].second, source, preamble, parts[k].first_line);
      if (!read) return read.error();
      blocks = cache->parts().keep(texts[k].first, texts[k].second, std::move(*read));
    }
    count += blocks->size();
  }
  // Reserved: grown by doubling, the blocks were copied again and again
  // (0.6% of a cold `timeline` of Facebook's privacy policy).
  out.blocks.reserve(count);
  for (size_t k = 0; k < parts.size(); ++k) {
    const markdown_parts::Part& part = parts[k];
    for (const RawBlock& b : *found[k]) {
      out.blocks.push_back(b);
      // cmark-gfm gives some table rows no line (0): they keep none.
      if (b.line > 0) out.blocks.back().line += part.first_line - 1;
    }
  }
  return out;
}

}  // namespace strata::readers
