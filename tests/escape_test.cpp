// The escaping layer (lib/src/render/escape.cpp), context by context, on
// crafted hostile text. Markdown is checked by rendering it with GitHub's own
// parser (cmark-gfm and its extensions).
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <gtest/gtest.h>

#include "render/escape.hpp"
#include "strata/render.hpp"

namespace strata {
namespace {

TEST(TerminalSafe, ControlsBecomeVisible) {
  const struct {
    std::string in;
    std::string out;
  } cases[] = {
      {"a\x1b[2Jb", "a^[[2Jb"},  // ESC: caret notation
      {"x\x7fy", "x^?y"},        // DEL
      {"\x07\x08\r", "^G^H^M"},  // bell, backspace, carriage return
      {"\xC2\x9B"
       "31m",
       "<U+009B>31m"},                     // CSI, the C1 form of ESC [
      {"abc\u202Edef", "abc<U+202E>def"},  // right-to-left override
      {"\u2066x\u2069", "<U+2066>x<U+2069>"},
      {"a\u2028b\u2029", "a<U+2028>b<U+2029>"},
      {"bad\xFF", "bad\uFFFD"},  // invalid UTF-8
      {"line\nnext\tcell", "line\nnext\tcell"},
      {"caf\u00E9 \u65E5\u672C", "caf\u00E9 \u65E5\u672C"},  // ordinary text untouched
  };
  for (const auto& c : cases) EXPECT_EQ(terminal_safe(c.in), c.out) << c.in;
}

TEST(TerminalLine, EscapesBreaksAndCutsAtCharacters) {
  EXPECT_EQ(terminal_line("evil\n[fake] line\te"), "evil^J[fake] line^Ie");
  // A cut inside the two bytes of "é" keeps neither.
  const std::string name = std::string(59, 'a') + "\u00E9tail";
  EXPECT_EQ(terminal_line(name, 60), std::string(59, 'a') + "...");
  EXPECT_EQ(terminal_line(name, 61), std::string(59, 'a') + "\u00E9...");
  EXPECT_EQ(terminal_line("short", 60), "short");
}

TEST(CsvField, StaysOneTextFieldOfItsRow) {
  const struct {
    std::string in;
    std::string out;
  } cases[] = {
      {"Fees", "Fees"},
      {"Fees, charges", "\"Fees, charges\""},              // a comma: quoted
      {"the \"new\" rules", "\"the \"\"new\"\" rules\""},  // quotes doubled inside quotes
      {"a\nb\rc\td", "a^Jb^Mc^Id"},                        // the field stays on its row
      {"red\x1b[31m\x7f\xC2\x9B", "red^[[31m^?<U+009B>"},
      // What a spreadsheet would run as a formula is text.
      {"=HYPERLINK(\"http://x.example\",\"y\")", "\"'=HYPERLINK(\"\"http://x.example\"\",\"\"y\"\")\""},
      {"+1", "'+1"},
      {"-2+3", "'-2+3"},
      {"@SUM(A1)", "'@SUM(A1)"},
      {"\t=1", "^I=1"},  // a tab before it is made visible, so the field opens with ^
      {"1 = 1", "1 = 1"},
  };
  for (const auto& c : cases) EXPECT_EQ(render::csv_field(c.in), c.out) << c.in;
}

TEST(JsonText, EscapesEveryControlAndSeparator) {
  const nlohmann::ordered_json value = "a\x7f\xC2\x85\xC2\x9B\xE2\x80\xA8\xE2\x80\xA9\x1b\t\xFF\u00E9";
  const std::string text = render::json_text(value);
  EXPECT_EQ(text, "\"a\\u007f\\u0085\\u009b\\u2028\\u2029\\u001b\\t\uFFFD\u00E9\"");
  // Still JSON, with the same string (the invalid byte replaced).
  EXPECT_EQ(nlohmann::json::parse(text).get<std::string>(),
            "a\x7f\xC2\x85\xC2\x9B\xE2\x80\xA8\xE2\x80\xA9\x1b\t\uFFFD\u00E9");
  for (unsigned char c : text) EXPECT_TRUE(c >= 0x20 && c != 0x7f) << static_cast<int>(c);
}

// The streamed writer of the diff report escapes strings itself: it must
// write what json_text writes for the same string, byte for byte.
TEST(JsonString, WritesWhatJsonTextWrites) {
  std::string every_ascii_byte;
  for (int b = 1; b < 0x80; ++b) every_ascii_byte += static_cast<char>(b);
  std::vector<std::string> inputs = {
      "",
      "plain words",
      every_ascii_byte,
      "ends on lead bytes \xC2\xA9\xE2\x80\x94",
      "quote \" backslash \\ slash /",
      "\b\f\n\r\t\x01\x1f\x7f",
      "C1 \xC2\x80 \xC2\x9B \xC2\x9F, not C1 \xC2\xA0 \xC2\xA9",
      "separators \xE2\x80\xA8 \xE2\x80\xA9, other \xE2\x80\x93 \xE2\x82\xAC",
      "invalid \xFF and cut \xE2\x80",
      "\xC3\xA9t\xC3\xA9 \xF0\x9F\x98\x80",
  };
  // Plain bytes are passed eight at a time: each byte to escape, and a
  // separator, at every place in and across such words.
  for (const std::string special : {"\"", "\\", "\n", "\x7f", "\x01", "\xC2\x85", "\xE2\x80\xA8", "\xE2\x80\x94"}) {
    for (size_t at = 0; at <= 17; ++at) inputs.push_back(std::string(at, 'a') + special + std::string(20 - at, 'b'));
  }
  for (const std::string& s : inputs) {
    std::string out = "x";
    render::append_json_string(s, out);
    EXPECT_EQ(out, "x" + render::json_text(nlohmann::ordered_json(s), -1)) << s;
  }
}

// Renders `markdown` as GitHub does (autolinks, tables, strikethrough).
std::string github_html(const std::string& markdown) {
  cmark_gfm_core_extensions_ensure_registered();
  cmark_parser* parser = cmark_parser_new(CMARK_OPT_DEFAULT);
  for (const char* name : {"autolink", "table", "strikethrough", "tagfilter", "tasklist"}) {
    cmark_parser_attach_syntax_extension(parser, cmark_find_syntax_extension(name));
  }
  cmark_parser_feed(parser, markdown.data(), markdown.size());
  cmark_node* doc = cmark_parser_finish(parser);
  char* html = cmark_render_html(doc, CMARK_OPT_UNSAFE, cmark_parser_get_syntax_extensions(parser));
  std::string out(html);
  free(html);
  cmark_node_free(doc);
  cmark_parser_free(parser);
  return out;
}

TEST(MarkdownText, NothingFromTheInputBecomesMarkup) {
  const std::string hostile[] = {
      "see https://evil.example/login now",
      "visit www.evil.example today",
      "mail admin@evil.example or mailto:x@evil.example",
      "[click](https://evil.example) and ![img](https://evil.example/a.png)",
      "<script>alert(1)</script> <img src=x onerror=alert(1)>",
      "&lt;b&gt; &#60;i&#62;",
      "**bold** _em_ ~~gone~~ `code`",
      "# heading | cell | cell",
      "[^note] <https://evil.example>",
  };
  for (const std::string& text : hostile) {
    const std::string html = github_html("| a |\n|---|\n| " + render::md(text) + " |\n\n- " + render::md(text) + "\n");
    for (const char* tag : {"<a ", "<img", "<script", "<em>", "<strong>", "<del>", "<code>", "<h1>", "<i>", "<b>"}) {
      EXPECT_EQ(html.find(tag), std::string::npos) << text << "\n" << html;
    }
    // One cell per row: the input's pipes did not split it.
    EXPECT_EQ(html.find("<td>", html.find("<td>") + 1), std::string::npos) << html;
  }
}

TEST(MarkdownCode, FenceOutrunsEveryBacktickRun) {
  EXPECT_EQ(render::md_code("plain"), "`plain`");
  EXPECT_EQ(render::md_code("a``b"), "```a``b```");
  EXPECT_EQ(render::md_code("`x"), "`` `x ``");
  const std::string html = github_html("x " + render::md_code("a```b`") + " y\n");
  EXPECT_NE(html.find("<code>a```b`</code>"), std::string::npos) << html;
}

// A link target holding a pipe, in a table cell: the cell stays one cell
// and one code span, and the rest of the target is no autolink.
TEST(MarkdownCode, APipeInsideATableCellSplitsNothing) {
  const std::string target = "https://e.com/a?x=[2J|``=1&next=https://evil.example";
  const std::string html = github_html("| a | b |\n|---|---|\n| " + render::md_code(target) + " | c |\n");
  EXPECT_EQ(html.find("<a "), std::string::npos) << html;
  EXPECT_NE(html.find("<td><code>https://e.com/a?x=[2J|``=1&amp;next=https://evil.example</code></td>"),
            std::string::npos)
      << html;
  EXPECT_NE(html.find("<td>c</td>"), std::string::npos) << html;
}

}  // namespace
}  // namespace strata
