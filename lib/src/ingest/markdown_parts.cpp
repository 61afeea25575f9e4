#include "ingest/markdown_parts.hpp"

#include <array>

#include "text/ascii.hpp"

namespace strata::markdown_parts {

namespace {

// CommonMark's HTML blocks of kind 6: a blank line ends them. The list of
// CommonMark 0.29, which cmark-gfm 0.29 follows: "search" came later.
constexpr std::array<std::string_view, 61> kBlockTags = {
    "address",  "article",    "aside",  "base",    "basefont", "blockquote", "body",     "caption",  "center",
    "col",      "colgroup",   "dd",     "details", "dialog",   "dir",        "div",      "dl",       "dt",
    "fieldset", "figcaption", "figure", "footer",  "form",     "frame",      "frameset", "h1",       "h2",
    "h3",       "h4",         "h5",     "h6",      "head",     "header",     "hr",       "html",     "iframe",
    "legend",   "li",         "link",   "main",    "menu",     "menuitem",   "nav",      "noframes", "ol",
    "optgroup", "option",     "p",      "param",   "section",  "summary",    "table",    "tbody",    "td",
    "tfoot",    "th",         "thead",  "title",   "tr",       "track",      "ul"};

// Kinds 1 to 5 and the string that ends each.
struct Closing {
  std::string_view open;
  std::string_view close;
};
// "<textarea" joined kind 1 after CommonMark 0.29.
constexpr std::array<Closing, 7> kClosings = {{{"<script", "</script>"},
                                               {"<pre", "</pre>"},
                                               {"<style", "</style>"},
                                               {"<!--", "-->"},
                                               {"<?", "?>"},
                                               {"<![CDATA[", "]]>"},
                                               {"<!", ">"}}};

// Kinds 1 to 5 end on the line that holds their closing string; the three
// tags of kind 1 end at any of their end tags, in any case.
bool closes(std::string_view line, std::string_view close) {
  if (close.substr(0, 2) != "</") return line.find(close) != std::string_view::npos;
  const std::string lower = ascii::lower(line);
  for (std::string_view tag : {"</script>", "</pre>", "</style>"}) {
    if (lower.find(tag) != std::string::npos) return true;
  }
  return false;
}

bool blank(std::string_view line) { return line.find_first_not_of(" \t") == std::string_view::npos; }

// White space inside an HTML tag and after a block's opening tag name, as
// cmark-gfm's scanners read it: a form feed, a vertical tab or a carriage
// return counts ("<pre\f" opens a block that runs to "</pre>").
bool tag_space(char c) { return c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == '\r'; }

// The line without up to three spaces of indentation; empty when it is
// indented further (code, or a container's content).
std::string_view unindented(std::string_view line) {
  size_t n = 0;
  while (n < line.size() && n < 4 && line[n] == ' ') ++n;
  return n == 4 || (n < line.size() && line[n] == '\t') ? std::string_view() : line.substr(n);
}

bool atx_heading(std::string_view line) {
  size_t n = 0;
  while (n < line.size() && line[n] == '#') ++n;
  return n >= 1 && n <= 6 && (n == line.size() || line[n] == ' ' || line[n] == '\t');
}

// A line at column 0 opening with a letter (ASCII or not). After a blank
// line, such a line is outside every list and quote and starts a paragraph
// (or a Setext heading's text), while a digit or a '-', '*' or '+' may open
// a list item that continues the list before it, and '{' a kramdown
// attribute list that belongs to the block before it. Not a byte order
// mark, which cmark-gfm drops at the start of what it parses and keeps
// elsewhere (LinkedIn's privacy policy opens a paragraph with one).
bool opens_paragraph(std::string_view line) {
  return !line.empty() && (ascii::alpha(line[0]) || static_cast<unsigned char>(line[0]) >= 0x80) &&
         !line.starts_with("\xEF\xBB\xBF");
}

// The fence a line opens or closes: its character and length, 0 if none.
size_t fence_length(std::string_view t, char& mark) {
  if (t.empty() || (t[0] != '`' && t[0] != '~')) return 0;
  size_t n = 0;
  while (n < t.size() && t[n] == t[0]) ++n;
  // "``` a`b" is inline code in a paragraph, not a fence.
  if (n < 3 || (t[0] == '`' && t.find('`', n) != std::string_view::npos)) return 0;
  mark = t[0];
  return n;
}

enum class Html { kNone, kToBlank, kToString, kDoubt };

// The length of the open or closing tag that `t` opens with, by
// CommonMark's grammar (a name, then attributes, each value unquoted or
// quoted), 0 when it opens with none.
size_t tag_length(std::string_view t) {
  size_t i = t.size() > 1 && t[1] == '/' ? 2 : 1;
  const bool closing = i == 2;
  if (i >= t.size() || !ascii::alpha(t[i])) return 0;
  while (i < t.size() && (ascii::alnum(t[i]) || t[i] == '-')) ++i;
  const auto spaces = [&] {
    const size_t from = i;
    while (i < t.size() && tag_space(t[i])) ++i;
    return i > from;
  };
  const auto name_char = [](char c) { return ascii::alnum(c) || c == '_' || c == '.' || c == ':' || c == '-'; };
  while (!closing) {
    const size_t before = i;
    if (!spaces() || i >= t.size() || !(ascii::alpha(t[i]) || t[i] == '_' || t[i] == ':')) {
      i = before;
      break;
    }
    while (i < t.size() && name_char(t[i])) ++i;
    const size_t after_name = i;
    spaces();
    if (i >= t.size() || t[i] != '=') {
      i = after_name;
      continue;
    }
    ++i;
    spaces();
    if (i < t.size() && (t[i] == '"' || t[i] == '\'')) {
      const size_t close = t.find(t[i], i + 1);
      if (close == std::string_view::npos) return 0;
      i = close + 1;
    } else {
      const size_t from = i;
      while (i < t.size() && !tag_space(t[i]) && std::string_view("\"'=<>`").find(t[i]) == std::string_view::npos) ++i;
      if (i == from) return 0;
    }
  }
  spaces();
  if (!closing && i < t.size() && t[i] == '/') ++i;
  return i < t.size() && t[i] == '>' ? i + 1 : 0;
}

// What an unindented line opening with '<' starts. An autolink
// (<https://...>) is text; a tag named in kBlockTags runs to a blank line;
// kinds 1 to 5 run to their closing string (`close`). Any other tag is in
// doubt when it is alone on its line: it is then an HTML block only when not
// inside a paragraph, which this cheap look does not follow. What is not a
// whole tag alone on its line ("<packet number, timestamp> pairs", in the
// QUIC draft's first versions) opens no block: it is text.
Html html_start(std::string_view t, std::string_view& close) {
  const std::string lower = ascii::lower(t.substr(0, 12));
  for (const Closing& c : kClosings) {
    const bool named = ascii::alpha(c.open.back());  // tag names match in any case, "<![CDATA[" as written
    if (!(named ? std::string_view(lower) : t).starts_with(c.open)) continue;
    const char after = t.size() > c.open.size() ? t[c.open.size()] : ' ';
    // A declaration opens with an uppercase letter in CommonMark 0.29,
    // which cmark-gfm 0.29 follows: "<!u" is text.
    if (c.open == "<!" && !ascii::upper(after)) continue;
    if (named && !tag_space(after) && after != '>') continue;
    close = c.close;
    return Html::kToString;
  }
  size_t name_at = t.size() > 1 && t[1] == '/' ? 2 : 1;
  size_t end = name_at;
  while (end < t.size() && (ascii::alnum(t[end]) || t[end] == '-')) ++end;
  if (end == name_at) return Html::kNone;  // "<" then a space or a digit: text
  if (end < t.size() && (t[end] == ':' || t[end] == '@' || t[end] == '.')) return Html::kNone;  // an autolink
  const std::string name = ascii::lower(t.substr(name_at, end - name_at));
  const bool ends = end == t.size() || tag_space(t[end]) || t[end] == '>' || t.substr(end, 2) == "/>";
  for (std::string_view tag : kBlockTags) {
    if (name == tag && ends) return Html::kToBlank;
  }
  const size_t tag = tag_length(t);
  // Alone on its line: spaces, tabs and form feeds may follow it.
  return tag > 0 && t.find_first_not_of(" \t\f", tag) == std::string_view::npos ? Html::kDoubt : Html::kNone;
}

// A link reference or footnote definition, "[label]: ...", at the start of a
// line or of a container's content on it (quote and list marks skipped).
bool definition(std::string_view line) {
  const size_t start = line.find_first_not_of(" \t>-*+.)0123456789");
  if (start == std::string_view::npos) return false;
  const std::string_view t = line.substr(start);
  if (t[0] != '[') return false;
  const size_t close = t.find("]:");
  return close != std::string_view::npos && t.substr(1, close - 1).find(']') == std::string_view::npos;
}

}  // namespace

std::vector<Part> split(std::string_view body) {
  const std::vector<Part> whole = {Part{0, body.size(), 1}};
  std::vector<Part> parts = {Part{0, 0, 1}};
  char fence_mark = 0;
  size_t fence = 0;  // length of the open fence, 0 outside one
  Html html = Html::kNone;
  std::string_view html_close;
  bool after_blank = false;
  uint32_t line_number = 0;
  for (size_t at = 0; at < body.size();) {
    size_t end = body.find('\n', at);
    end = end == std::string_view::npos ? body.size() : end;
    const std::string_view line = body.substr(at, end - at);
    ++line_number;
    const std::string_view t = unindented(line);
    if (fence > 0) {
      char mark = 0;
      if (fence_length(t, mark) >= fence && mark == fence_mark && blank(t.substr(fence_length(t, mark)))) fence = 0;
    } else if (html == Html::kToString) {
      if (closes(line, html_close)) html = Html::kNone;
    } else if (html == Html::kToBlank && blank(line)) {
      html = Html::kNone;
    } else if (html == Html::kNone) {
      if (definition(line)) return whole;
      if (after_blank && at > 0 && (atx_heading(line) || opens_paragraph(line))) {
        parts.push_back(Part{at, 0, line_number});
      }
      // An opener indented one to three spaces may be a list item's, which
      // an unindented line closes early: only openers at column 0 are
      // followed, and a document with another is read whole.
      const bool column0 = t.size() == line.size();
      if (const size_t n = fence_length(t, fence_mark); n > 0) {
        if (!column0) return whole;
        fence = n;
      } else if (!t.empty() && t[0] == '<') {
        html = html_start(t, html_close);
        if (html == Html::kDoubt || (html != Html::kNone && !column0)) return whole;
        if (html == Html::kToString && closes(line, html_close)) html = Html::kNone;
      }
    }
    after_blank = blank(line);
    at = end + 1;
  }
  for (size_t i = 0; i + 1 < parts.size(); ++i) parts[i].end = parts[i + 1].begin;
  parts.back().end = body.size();
  return parts;
}

}  // namespace strata::markdown_parts
