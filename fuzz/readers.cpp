#include "readers.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <gumbo.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <mutex>
#include <nlohmann/json.hpp>

#include "text/utf8.hpp"

namespace strata::fuzz {

void finding(const char* what) {
  std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
  std::abort();
}

void check_utf8(const std::string& s, const char* what) {
  if (utf8::find_invalid(s) != std::string_view::npos) finding(what);
}

// What strata prints for a reader (text and Markdown reports, outlines,
// messages) holds no character a terminal takes for a command or that
// reorders the text around it: no C0 control but line feeds and tabs (and
// not those in a one-line message), no DEL, no C1 control, no bidirectional
// control, no line or paragraph separator. Input holding them shows them by
// name (docs/reliability.md).
void check_terminal_safe(const std::string& s, bool breaks, const char* what) {
  check_utf8(s, what);
  for (size_t pos = 0; pos < s.size();) {
    const char32_t cp = utf8::decode(s, pos);
    const bool c0 = cp < 0x20 && !(breaks && (cp == '\n' || cp == '\t'));
    const bool bidi = (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E ||
                      cp == 0x200F || cp == 0x061C;
    if (c0 || (cp >= 0x7F && cp < 0xA0) || bidi || cp == 0x2028 || cp == 0x2029) finding(what);
  }
}

void check_json(const std::string& s, const char* what) {
  check_utf8(s, what);
  // Valid JSON may hold DEL, C1 controls and the line and paragraph
  // separators raw; strata's never does (docs/reliability.md, Escaping).
  for (size_t i = 0; i < s.size(); ++i) {
    const auto b = static_cast<unsigned char>(s[i]);
    const bool c1 = b == 0xC2 && static_cast<unsigned char>(s[i + 1]) < 0xA0;  // valid UTF-8: s[i + 1] exists
    const bool separator = b == 0xE2 && s[i + 1] == '\x80' && (s[i + 2] == '\xA8' || s[i + 2] == '\xA9');
    if (b == 0x7F || c1 || separator) finding(what);
  }
  // Validated without building its values: a value tree of every outline
  // was a fifth of the readers' fuzzing time.
  if (!nlohmann::json::accept(s)) finding(what);
}

namespace {

// A page strata writes holds only the elements and attributes its
// renderers write, whatever the documents said: an input that adds one
// (a tag, an event handler, a link away from the page) found a hole in the
// escaping.
constexpr std::string_view kPageElements[] = {
    "html", "head",  "body",    "meta",  "title",  "style",  "script", "a",    "p",     "div",    "span",   "section",
    "h1",   "h2",    "h3",      "nav",   "header", "footer", "main",   "ul",   "ol",    "li",     "dl",     "dt",
    "dd",   "table", "caption", "thead", "tbody",  "tr",     "th",     "td",   "label", "input",  "output", "ins",
    "del",  "b",     "bdi",     "code",  "svg",    "g",      "path",   "rect", "line",  "circle", "text",   "desc"};

// Calls `on_element` for every element under `node`, in document order.
template <typename OnElement>
void for_each_element(const GumboNode* node, OnElement&& on_element) {
  if (node->type != GUMBO_NODE_ELEMENT) return;
  const GumboElement& element = node->v.element;
  std::string_view tag = gumbo_normalized_tagname(element.tag);
  if (element.tag == GUMBO_TAG_UNKNOWN) {
    GumboStringPiece name = element.original_tag;
    gumbo_tag_from_original_text(&name);
    tag = std::string_view(name.data, name.length);
  }
  on_element(element, tag);
  for (unsigned i = 0; i < element.children.length; ++i) {
    for_each_element(static_cast<const GumboNode*>(element.children.data[i]), on_element);
  }
}

template <typename OnElement>
void parse_html(std::string_view html, OnElement&& on_element) {
  GumboOutput* output = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
  for_each_element(output->root, on_element);
  gumbo_destroy_output(&kGumboDefaultOptions, output);
}

template <size_t N>
bool one_of(std::string_view tag, const std::string_view (&names)[N]) {
  return std::find(std::begin(names), std::end(names), tag) != std::end(names);
}

}  // namespace

void check_page(const std::string& page, std::initializer_list<std::string_view> files) {
  check_utf8(page, "HTML page not UTF-8");
  size_t scripts = 0;
  parse_html(page, [&](const GumboElement& element, std::string_view tag) {
    if (!one_of(tag, kPageElements)) finding("HTML page holds an element strata does not write");
    if (element.tag == GUMBO_TAG_SCRIPT) ++scripts;
    for (unsigned i = 0; i < element.attributes.length; ++i) {
      const auto* attribute = static_cast<const GumboAttribute*>(element.attributes.data[i]);
      const std::string_view name = attribute->name;
      if (name.starts_with("on") || name == "src" || name == "style" || name == "srcdoc" || name == "action") {
        finding("HTML page holds an attribute strata does not write");
      }
      const std::string_view value = attribute->value;
      if (name == "href" && !value.starts_with("#") && std::find(files.begin(), files.end(), value) == files.end()) {
        finding("HTML page links away from itself");
      }
    }
  });
  if (scripts != 1) finding("HTML page holds a script strata does not write");
}

namespace {

constexpr std::string_view kReportTags[] = {"html", "head", "body", "details", "summary", "b"};

}  // namespace

// The Markdown report as GitHub reads it (GFM, with its extended autolinks):
// no link or image at all, and in its HTML only the collapsible sections
// strata writes (<details><summary><b>), without attributes. Anything else
// came from the documents through a hole in the escaping.
void check_markdown(const std::string& report) {
  check_terminal_safe(report, true, "Markdown report unsafe for a terminal");
  static std::once_flag registered;
  std::call_once(registered, [] { cmark_gfm_core_extensions_ensure_registered(); });
  cmark_parser* parser = cmark_parser_new(CMARK_OPT_DEFAULT);
  for (const char* name : {"table", "strikethrough", "autolink", "tagfilter", "tasklist"}) {
    cmark_parser_attach_syntax_extension(parser, cmark_find_syntax_extension(name));
  }
  cmark_parser_feed(parser, report.data(), report.size());
  cmark_node* document = cmark_parser_finish(parser);
  cmark_iter* iter = cmark_iter_new(document);
  for (cmark_event_type event; (event = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
    cmark_node* node = cmark_iter_get_node(iter);
    const cmark_node_type type = cmark_node_get_type(node);
    if (event != CMARK_EVENT_ENTER) continue;
    if (type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE) finding("Markdown report holds a link");
    if (type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE) {
      parse_html(cmark_node_get_literal(node), [](const GumboElement& element, std::string_view tag) {
        if (!one_of(tag, kReportTags) || element.attributes.length > 0) {
          finding("Markdown report holds HTML strata does not write");
        }
      });
    }
  }
  cmark_iter_free(iter);
  cmark_node_free(document);
  cmark_parser_free(parser);
}

// GitHub Actions reads every line that opens with "::" as a command: each
// line but the verdict must be one annotation, its properties only file,
// line and title, so that no text of the documents starts a command or
// adds a property.
void check_workflow_commands(const std::string& out) {
  check_utf8(out, "workflow commands not UTF-8");
  std::string_view rest = out;
  while (!rest.empty()) {
    const size_t end = rest.find('\n');
    const std::string_view line = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    if (rest.empty()) break;  // the verdict
    const size_t space = line.find(' ');
    const std::string_view command = line.substr(0, space);
    if (command != "::error" && command != "::warning" && command != "::notice") finding("a line that is no command");
    const size_t data = line.find("::", space);
    if (space == std::string_view::npos || data == std::string_view::npos) finding("a command without data");
    std::string_view properties = line.substr(space + 1, data - space - 1);
    for (size_t comma = 0; comma != std::string_view::npos;) {
      comma = properties.find(',');
      const std::string_view property = properties.substr(0, comma);
      if (!property.starts_with("file=") && !property.starts_with("line=") && !property.starts_with("title=")) {
        finding("a command property strata does not write");
      }
      // GitHub's own toolkit escapes ':' in a property, as strata does.
      if (property.find(':') != std::string_view::npos) finding("a colon in a command property");
      properties = comma == std::string_view::npos ? std::string_view() : properties.substr(comma + 1);
    }
    if (line.find('\r') != std::string_view::npos) finding("a carriage return in a command");
  }
}

namespace {

constexpr std::string_view kJunitElements[] = {"html",     "head",    "body",       "testsuites", "testsuite",
                                               "testcase", "failure", "system-out", "system-err"};
constexpr std::string_view kJunitAttributes[] = {"name", "tests", "failures", "errors", "classname", "type", "message"};

}  // namespace

// JUnit XML, read as markup: only the elements and attributes strata writes.
void check_junit(const std::string& xml) {
  check_utf8(xml, "JUnit report not UTF-8");
  parse_html(xml, [](const GumboElement& element, std::string_view tag) {
    if (!one_of(tag, kJunitElements)) finding("JUnit report holds an element strata does not write");
    for (unsigned i = 0; i < element.attributes.length; ++i) {
      const auto* attribute = static_cast<const GumboAttribute*>(element.attributes.data[i]);
      if (!one_of(attribute->name, kJunitAttributes)) finding("JUnit report holds an attribute strata does not write");
    }
  });
}

}  // namespace strata::fuzz
