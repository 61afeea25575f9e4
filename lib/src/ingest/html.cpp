// The HTML reader: gumbo's tree to RawBlocks, after the pre-scan that keeps
// gumbo's quadratic cases out, the content rules, and the choice of the
// page's main content (docs/inputs.md). gumbo is included here and in
// html_nodes.cpp only.
#include <fmt/core.h>
#include <gumbo.h>
#include <algorithm>
#include <memory>
#include <unordered_map>

#include "ingest/content_rules.hpp"
#include "ingest/html_nodes.hpp"
#include "ingest/html_scan.hpp"
#include "ingest/readers.hpp"
#include "text/ascii.hpp"

namespace strata::readers {

namespace {

// A removal is reported with the start of the text it removed: enough to
// recognise a banner or a menu, short enough to list dozens.
constexpr size_t kRemovalTextBytes = 160;
// Without <main>, <article> or --select, the reader walks down from <body>
// into the one child holding at least this share of the text, so that a
// wrapper holding the article beside leftovers (a sidebar without <aside>)
// narrows to the article; no single child holds 80% of a page whose text is
// spread over several blocks, and then nothing is dropped.
constexpr double kDenseShare = 0.8;
// Longest text read to tell a permalink mark: the marks are one character
// (4 bytes at most); a little more leaves room for white space around it.
constexpr size_t kMaxMarkBytes = 16;

using Output = std::unique_ptr<GumboOutput, void (*)(GumboOutput*)>;

void destroy(GumboOutput* output) { gumbo_destroy_output(&kGumboDefaultOptions, output); }

class Reader {
 public:
  Reader(const html_rules::ContentRules& rules, uint32_t first_line) : rules_(rules), line_offset_(first_line - 1) {}

  Result<HtmlRead> read(const GumboOutput& output, std::string_view source);

 private:
  struct Context {
    RawBlock::Kind kind = RawBlock::Kind::kParagraph;
    int level = 0;   // heading level
    int depth = -1;  // open lists, minus one
  };

  size_t mark(const GumboNode* node, const css::Element* parent, size_t depth);
  void choose_roots(const GumboNode* body);
  void report(const GumboNode* node, std::string_view rule);
  // The text under `node`, up to about `limit` bytes; `verbatim` keeps white
  // space and line breaks (<pre>). Removed descendants are skipped, `node`
  // itself is read even when removed (to report what a rule removed).
  void collect_text(const GumboNode* node, std::string& out, size_t limit, bool verbatim) const;
  bool permalink(const GumboNode* node, std::string_view href) const;
  void emit(const GumboNode* node, Context ctx);
  void emit_table(const GumboNode* table, Context ctx);
  void flush(const Context& ctx);
  bool removed(const GumboNode* node) const { return removed_.count(node) != 0; }

  const html_rules::ContentRules& rules_;
  uint32_t line_offset_;
  std::unordered_map<const GumboNode*, std::string> removed_;  // node -> rule
  std::vector<const GumboNode*> removed_in_order_;             // for reports in document order
  std::unordered_map<const GumboNode*, size_t> text_bytes_;    // visible text under a node
  std::vector<const GumboNode*> selected_;                     // --select matches, outermost
  const GumboNode* main_ = nullptr;                            // <main> or role=main
  std::vector<const GumboNode*> articles_;
  const GumboNode* title_ = nullptr;
  bool too_deep_ = false;

  HtmlRead out_;
  RawBlock current_;
  std::string text_;      // current_'s text while it is read
  bool in_cell_ = false;  // a data table's cell: <br> is a space, not a new block
  size_t flushes_ = 0;    // blocks ended so far, to tell a link that spans blocks
};

size_t Reader::mark(const GumboNode* node, const css::Element* parent, size_t depth) {
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA)
    return std::string_view(node->v.text.text).size();
  if (!is_element(node)) return 0;
  if (depth > 2 * html_scan::kMaxDepth) {  // the pre-scan's estimate fell short: never recurse without bound
    too_deep_ = true;
    return 0;
  }
  css::Element element;
  element.tag = tag_name(node);
  element.parent = parent;
  const GumboVector& attrs = node->v.element.attributes;
  for (unsigned i = 0; i < attrs.length; ++i) {
    const auto* a = static_cast<const GumboAttribute*>(attrs.data[i]);
    element.attributes.emplace_back(a->name, a->value);
  }
  if (element.tag == "title" && title_ == nullptr) title_ = node;
  if (const std::string_view rule = rules_.removing_rule(element); !rule.empty()) {
    removed_.emplace(node, std::string(rule));
    removed_in_order_.push_back(node);
    return 0;
  }
  bool inside_selected = false;
  for (const GumboNode* s : selected_) {
    for (const GumboNode* p = node->parent; p != nullptr && !inside_selected; p = p->parent) inside_selected = p == s;
  }
  if (!inside_selected) {
    for (const css::Selector& s : rules_.select()) {
      if (s.matches(element)) {
        selected_.push_back(node);
        break;
      }
    }
  }
  const std::string_view* role = element.attribute("role");
  if (main_ == nullptr && (element.tag == "main" || (role != nullptr && *role == "main"))) main_ = node;
  if (element.tag == "article") articles_.push_back(node);
  size_t bytes = 0;
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i)
    bytes += mark(static_cast<const GumboNode*>(children.data[i]), &element, depth + 1);
  text_bytes_[node] = bytes;
  return bytes;
}

void Reader::collect_text(const GumboNode* node, std::string& out, size_t limit, bool verbatim) const {
  if (out.size() >= limit) return;
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA || node->type == GUMBO_NODE_WHITESPACE) {
    if (verbatim) {
      out.append(node->v.text.text);
    } else {
      append_folded(out, node->v.text.text);
    }
    return;
  }
  if (!is_element(node)) return;
  if (node->v.element.tag == GUMBO_TAG_BR) out.append(verbatim ? "\n" : " ");
  if (!verbatim && role_of(tag_name(node)) == Role::kBlock) append_folded(out, " ");  // blocks never run together
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    const auto* child = static_cast<const GumboNode*>(children.data[i]);
    if (!removed(child)) collect_text(child, out, limit, verbatim);
  }
}

// A link to its own paragraph or heading, shown as a mark beside it (the
// "¶" xml2rfc puts after every paragraph of an RFC, "#" or "§" on headings),
// or back to the top of the page ("▲", "↑"): page furniture, neither text of
// the claim nor a link of the document. A new render renumbers them all,
// which is no change of the document.
bool Reader::permalink(const GumboNode* node, std::string_view href) const {
  static constexpr std::string_view kMarks[] = {"\u00b6", "\u00a7", "#", "\U0001f517", "\u25b2", "\u2191"};
  if (!href.starts_with('#')) return false;
  std::string text;
  collect_text(node, text, kMaxMarkBytes, false);
  trim(text);
  return std::find(std::begin(kMarks), std::end(kMarks), text) != std::end(kMarks);
}

void Reader::report(const GumboNode* node, std::string_view rule) {
  if (!html_rules::ContentRules::reported(rule)) return;
  std::string text;
  collect_text(node, text, kRemovalTextBytes, false);
  trim(text);
  if (text.empty()) return;
  if (text.size() > kRemovalTextBytes) {
    size_t cut = kRemovalTextBytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // whole code points
    text.resize(cut);
    text += "...";
  }
  out_.removals.push_back(Removal{std::string(rule), std::move(text), node->v.element.start_pos.line + line_offset_});
}

void Reader::choose_roots(const GumboNode* body) {
  if (!selected_.empty()) return;
  if (main_ != nullptr) {
    selected_.push_back(main_);
  } else if (articles_.size() == 1) {
    selected_.push_back(articles_.front());
  } else if (rules_.page() && body != nullptr) {
    const GumboNode* node = body;
    for (;;) {
      const GumboNode* dense = nullptr;
      const size_t total = text_bytes_[node];
      const GumboVector& children = node->v.element.children;
      for (unsigned i = 0; i < children.length; ++i) {
        const auto* child = static_cast<const GumboNode*>(children.data[i]);
        auto it = text_bytes_.find(child);
        if (it != text_bytes_.end() && static_cast<double>(it->second) >= kDenseShare * static_cast<double>(total))
          dense = child;
      }
      if (dense == nullptr || total == 0) break;
      node = dense;
    }
    selected_.push_back(node);
  }
}

void Reader::flush(const Context& ctx) {
  trim(text_);
  if (!text_.empty()) {
    current_.kind = ctx.kind;
    current_.level = ctx.level;
    current_.indent = ctx.kind == RawBlock::Kind::kListItem ? std::max(ctx.depth, 0) : 0;
    current_.text = text_;
    out_.blocks.push_back(std::move(current_));
  }
  current_ = RawBlock();
  text_.clear();
  ++flushes_;
}

void Reader::emit(const GumboNode* node, Context ctx) {
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA || node->type == GUMBO_NODE_WHITESPACE) {
    if (text_.empty()) current_.line = node->v.text.start_pos.line + line_offset_;
    append_folded(text_, node->v.text.text);
    return;
  }
  if (!is_element(node) || removed(node)) return;
  const std::string_view tag = tag_name(node);
  const Role role = role_of(tag);
  if (role == Role::kSkip) return;
  const GumboVector& children = node->v.element.children;
  auto each_child = [&](const Context& c) {
    for (unsigned i = 0; i < children.length; ++i) emit(static_cast<const GumboNode*>(children.data[i]), c);
  };
  if (tag == "br") {
    if (in_cell_) {
      append_folded(text_, " ");
    } else {
      flush(ctx);
    }
    return;
  }
  if (tag == "img") {
    const std::string_view alt = attribute(node, "alt");
    append_folded(text_, alt);
    const std::string_view src = attribute(node, "src");
    if (!src.empty() && !tracking_pixel(node)) {
      std::string text;
      append_folded(text, alt);
      trim(text);
      current_.links.push_back(Link{std::move(text), image_target(src), LinkKind::kImage});
    }
    return;
  }
  if (tag == "a") {
    const std::string_view href = attribute(node, "href");
    if (permalink(node, href)) return;
    const size_t start = text_.size();
    const size_t flushes = flushes_;
    each_child(ctx);
    if (flushes == flushes_ && !href.empty() && ascii::lower(href.substr(0, 11)) != "javascript:") {
      std::string text = text_.substr(std::min(start, text_.size()));
      trim(text);
      current_.links.push_back(Link{std::move(text), std::string(href), LinkKind::kLink});
    }
    return;
  }
  if (role == Role::kInline) {
    each_child(ctx);
    return;
  }
  if (tag == "table") {
    emit_table(node, ctx);
    return;
  }
  flush(ctx);
  Context inner = ctx;
  if (tag == "pre") {
    collect_text(node, text_, std::string::npos, true);
    while (!text_.empty() && text_.front() == '\n') text_.erase(0, 1);
    while (!text_.empty() && (text_.back() == '\n' || text_.back() == ' ')) text_.pop_back();
    current_.line = node->v.element.start_pos.line + line_offset_;
    inner.kind = RawBlock::Kind::kCode;
    if (!text_.empty()) {
      current_.kind = RawBlock::Kind::kCode;
      current_.text = text_;
      out_.blocks.push_back(std::move(current_));
    }
    current_ = RawBlock();
    text_.clear();
    return;
  }
  if (tag.size() == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6') {
    inner.kind = RawBlock::Kind::kHeading;
    inner.level = tag[1] - '0';
    each_child(inner);
    current_.anchor = std::string(attribute(node, "id"));
    flush(inner);
    return;
  }
  if (tag == "ul" || tag == "ol" || tag == "menu" || tag == "dl") {
    ++inner.depth;
  } else if (tag == "li" || tag == "dt" || tag == "dd") {
    inner.kind = RawBlock::Kind::kListItem;
    inner.depth = std::max(inner.depth, 0);
  } else if (tag == "blockquote") {
    inner.kind = RawBlock::Kind::kQuote;
  }
  each_child(inner);
  flush(inner);
}

void Reader::emit_table(const GumboNode* table, Context ctx) {
  std::vector<const GumboNode*> rows;
  bool layout = false;
  auto walk = [&](auto&& self, const GumboNode* node) -> void {
    if (!is_element(node) || removed(node)) return;
    const std::string_view tag = tag_name(node);
    if (node != table && tag == "table") {
      layout = true;
      return;
    }
    if (tag == "tr") rows.push_back(node);
    if (tag == "p" || tag == "div" || tag == "ul" || tag == "ol" || tag == "blockquote" || tag == "pre" ||
        (tag.size() == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6')) {
      layout = true;
    }
    const GumboVector& children = node->v.element.children;
    for (unsigned i = 0; i < children.length && !layout; ++i)
      self(self, static_cast<const GumboNode*>(children.data[i]));
  };
  walk(walk, table);
  flush(ctx);
  if (layout) {  // a table that lays out a page: its cells are blocks like any other
    const GumboVector& children = table->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) emit(static_cast<const GumboNode*>(children.data[i]), ctx);
    flush(ctx);
    return;
  }
  std::vector<std::string> header;
  in_cell_ = true;
  for (size_t r = 0; r < rows.size(); ++r) {
    std::vector<std::string> cells;
    std::vector<Link> links;
    bool all_th = true;
    const GumboVector& children = rows[r]->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) {
      const auto* cell = static_cast<const GumboNode*>(children.data[i]);
      if (!is_element(cell) || removed(cell) ||
          (cell->v.element.tag != GUMBO_TAG_TD && cell->v.element.tag != GUMBO_TAG_TH))
        continue;
      all_th = all_th && cell->v.element.tag == GUMBO_TAG_TH;
      // Cells hold no block here (see `layout`): their children are read inline.
      const GumboVector& content = cell->v.element.children;
      for (unsigned k = 0; k < content.length; ++k) emit(static_cast<const GumboNode*>(content.data[k]), ctx);
      trim(text_);
      cells.push_back(std::move(text_));
      for (Link& link : current_.links) links.push_back(std::move(link));
      current_ = RawBlock();
      text_.clear();
    }
    if (r == 0 && all_th) {
      header = std::move(cells);
      continue;
    }
    RawBlock row;
    row.kind = RawBlock::Kind::kTableRow;
    row.line = rows[r]->v.element.start_pos.line + line_offset_;
    row.links = std::move(links);
    row.text = table_row_text(cells, header);
    if (!row.text.empty()) out_.blocks.push_back(std::move(row));
  }
  in_cell_ = false;
}

Result<HtmlRead> Reader::read(const GumboOutput& output, std::string_view source) {
  mark(output.root, nullptr, 0);
  if (too_deep_) {
    return make_error(
        ErrorCode::kInvalidInput,
        fmt::format("{}: HTML nested deeper than {} elements; not parsed further", source, 2 * html_scan::kMaxDepth));
  }
  if (!rules_.select().empty() && selected_.empty()) {
    std::string list;
    for (const css::Selector& s : rules_.select()) list += (list.empty() ? "" : ", ") + s.text();
    return make_error(ErrorCode::kInvalidInput, fmt::format("{}: --select '{}' matched nothing", source, list));
  }
  const GumboNode* body = nullptr;
  const GumboVector& top = output.root->v.element.children;
  for (unsigned i = 0; i < top.length; ++i) {
    const auto* child = static_cast<const GumboNode*>(top.data[i]);
    if (is_element(child) && child->v.element.tag == GUMBO_TAG_BODY) body = child;
  }
  const std::string selection_rule = rules_.select().empty() ? "main-content" : "select";
  choose_roots(body);
  for (const GumboNode* node : removed_in_order_) report(node, removed_.at(node));
  // What lies beside the chosen content, from each chosen node up to <body>.
  for (const GumboNode* root : selected_) {
    for (const GumboNode* n = root;
         n != nullptr && n != body && n->parent != nullptr && n->parent->type == GUMBO_NODE_ELEMENT; n = n->parent) {
      const GumboVector& siblings = n->parent->v.element.children;
      for (unsigned i = 0; i < siblings.length; ++i) {
        const auto* sibling = static_cast<const GumboNode*>(siblings.data[i]);
        if (sibling == n || !is_element(sibling) || removed(sibling) || role_of(tag_name(sibling)) == Role::kSkip)
          continue;
        if (std::find(selected_.begin(), selected_.end(), sibling) != selected_.end()) continue;
        report(sibling, selection_rule);
      }
    }
  }
  if (selected_.empty()) selected_.push_back(body != nullptr ? body : output.root);
  for (const GumboNode* root : selected_) emit(root, Context{});
  flush(Context{});
  if (title_ != nullptr) {
    collect_text(title_, out_.title, std::string::npos, false);
    trim(out_.title);
  }
  return std::move(out_);
}

}  // namespace

Result<HtmlRead> read_html(std::string_view text, std::string_view source, const ContentSelectors& selectors, bool page,
                           uint32_t first_line) {
  const html_scan::Shape shape = html_scan::measure(text);
  if (shape.max_depth > html_scan::kMaxDepth) {
    return make_error(ErrorCode::kInvalidInput,
                      fmt::format("{}: HTML nests elements more than {} deep (at byte {}); refused before parsing, "
                                  "as such input makes the parser quadratic",
                                  source, html_scan::kMaxDepth, shape.deepest_at));
  }
  if (shape.elements > html_scan::kMaxElements) {
    return make_error(
        ErrorCode::kInvalidInput,
        fmt::format("{}: HTML has more than {} elements; refused before parsing", source, html_scan::kMaxElements));
  }
  auto rules = html_rules::ContentRules::make(selectors, page);
  if (!rules) return rules.error();
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // parse errors are normal on the web and are not kept
  Output output(gumbo_parse_with_options(&options, text.data(), text.size()), destroy);
  if (output == nullptr) return make_error(ErrorCode::kInvalidInput, fmt::format("{}: the HTML parser failed", source));
  Reader reader(*rules, first_line);
  return reader.read(*output, source);
}

}  // namespace strata::readers
