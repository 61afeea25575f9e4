// The HTML renderer's parts: escaping, ids, and a page built from a
// ChangeSet whose every text field is hostile. Whole pages from the real
// binary are read with an HTML parser in html_pages_test.py and in a browser
// in browser/.
#include <gtest/gtest.h>

#include <functional>
#include <regex>

#include "render/html.hpp"
#include "strata/render.hpp"

namespace strata {
namespace {

TEST(HtmlEscape, ShowsMarkupAndHiddenCharactersAsText) {
  const struct {
    std::string in;
    std::string out;
  } cases[] = {
      {"plain text", "plain text"},
      {"<script>a && b</script>", "&lt;script&gt;a &amp;&amp; b&lt;/script&gt;"},
      {"\"><img onerror='x'>", "&quot;&gt;&lt;img onerror=&#39;x&#39;&gt;"},
      {"]]> </style>", "]]&gt; &lt;/style&gt;"},
      {"&amp;", "&amp;amp;"},
      {"a\u202Eb\u202Cc", "a&lt;U+202E&gt;b&lt;U+202C&gt;c"},  // bidi override
      {"\u2066x\u2069", "&lt;U+2066&gt;x&lt;U+2069&gt;"},      // bidi isolate
      {"in\u200Bvisible", "in&lt;U+200B&gt;visible"},          // zero-width space
      {"\uFEFFbom", "&lt;U+FEFF&gt;bom"},
      {"tag\U000E0041", "tag&lt;U+E0041&gt;"},  // tag character
      {"soft\u00ADhyphen", "soft&lt;U+00AD&gt;hyphen"},
      {"bell\x07", "bell^G"},  // caret notation, as on a terminal
      {"bad \xFF byte", "bad \uFFFD byte"},
      {"caf\u00E9 \u0645\u0631\u062D\u0628\u0627 \U0001F600", "caf\u00E9 \u0645\u0631\u062D\u0628\u0627 \U0001F600"},
      {"emoji\u200Djoin", "emoji\u200Djoin"},  // joiners are kept: scripts need them
  };
  for (const auto& c : cases) EXPECT_EQ(render::html_escape(c.in), c.out) << c.in;
}

TEST(HtmlAnchors, AreAsciiSlugsHandedOutOnce) {
  render::Anchors anchors;
  EXPECT_EQ(anchors.make("Old-evolution/Political support"), "old-evolution-political-support");
  EXPECT_EQ(anchors.make("old-evolution/political-support"), "old-evolution-political-support-2");
  EXPECT_EQ(anchors.make("old-evolution/political-support"), "old-evolution-political-support-3");
  EXPECT_EQ(anchors.make("c-12"), "c-12");
  EXPECT_EQ(anchors.make("\"><script>alert(1)</script>"), "script-alert-1-script");
  EXPECT_EQ(anchors.make("12 Ukraine’s path"), "x-12-ukraines-path");
  EXPECT_EQ(anchors.make("Україна"), "x");
  EXPECT_EQ(anchors.make("Україна"), "x-2");
  EXPECT_EQ(anchors.make("new-Zürich café"), "new-z-rich-caf");
  const std::string long_id = anchors.make(std::string(200, 'a'));
  EXPECT_LE(long_id.size(), 64u);
  const std::regex id("[a-z][a-z0-9-]*");
  for (const char* s : {"", "-", "--a--", "\u202E", "A B C"}) EXPECT_TRUE(std::regex_match(anchors.make(s), id)) << s;
}

TEST(HtmlFileHref, NoNameReadsAsAScheme) {
  EXPECT_EQ(render::file_href("index.html"), "./index.html");
  EXPECT_EQ(render::file_href("page-2023__page-2024.md"), "./page-2023__page-2024.md");
  EXPECT_EQ(render::file_href("javascript:alert(1)//a.html"), "./javascript%3Aalert%281%29%2F%2Fa.html");
  EXPECT_EQ(render::file_href("a b\"<?#.json"), "./a%20b%22%3C%3F%23.json");
  EXPECT_EQ(render::file_href("caf\u00E9.md"), "./caf%C3%A9.md");
}

// A ChangeSet with a change of every kind, each text field set by `text`.
// Members are set by name: the value types grow.
ChangeSet every_kind(const std::function<std::string(int)>& text) {
  ChangeSet c;
  c.old_meta.source = text(1);
  c.old_meta.title = text(2);
  c.old_meta.date = "2023";
  c.new_meta.source = text(3);
  c.new_meta.title = text(4);
  c.new_meta.date = "2024-07-02";
  const auto side = [&](int n, const std::string& id) {
    SectionSide s;
    s.index = n;
    s.id = id;
    s.title = text(n);
    s.path = {text(n + 1), text(n)};
    return s;
  };
  const auto section = [&](ChangeStatus status, std::vector<SectionSide> old_sides,
                           std::vector<SectionSide> new_sides) {
    SectionChange s;
    s.status = status;
    s.old_sides = std::move(old_sides);
    s.new_sides = std::move(new_sides);
    s.similarity = 0.5;
    s.renamed = status == ChangeStatus::kRenamed;
    return s;
  };
  c.sections = {section(ChangeStatus::kRenamed, {side(10, "a")}, {side(12, "b")}),
                section(ChangeStatus::kRemoved, {side(14, "c")}, {}),
                section(ChangeStatus::kSplit, {side(16, "d")}, {side(18, "e"), side(20, "f")}),
                section(ChangeStatus::kAdded, {}, {side(22, "g")})};
  const auto claim = [&](int n, const std::string& id) {
    ClaimSide s;
    s.text = text(n);
    s.norm = text(n);
    s.section_id = id;
    return s;
  };
  const auto change = [&](ChangeStatus status, std::vector<ClaimSide> old_sides, std::vector<ClaimSide> new_sides) {
    ClaimChange k;
    k.status = status;
    k.old_sides = std::move(old_sides);
    k.new_sides = std::move(new_sides);
    k.similarity = 0.7;
    k.index = static_cast<int>(c.claims.size());
    return k;
  };
  ClaimChange modified = change(ChangeStatus::kModified, {claim(30, "a")}, {claim(31, "b")});
  modified.note = text(32);
  modified.diff = {{WordOp::Op::kEqual, text(33)}, {WordOp::Op::kDelete, text(34)}, {WordOp::Op::kInsert, text(35)}};
  modified.facts = {{FactKind::kModality, text(36), text(37), text(38)}};
  c.claims.push_back(modified);
  c.claims.push_back(change(ChangeStatus::kMoved, {claim(40, "c")}, {claim(41, "b")}));
  c.claims.push_back(change(ChangeStatus::kSplit, {claim(42, "d")}, {claim(43, "e"), claim(44, "f")}));
  c.claims.push_back(change(ChangeStatus::kAdded, {}, {claim(45, "g")}));
  c.claims.push_back(change(ChangeStatus::kRemoved, {claim(46, "c")}, {}));
  NumberChange number;
  number.old_value = text(50);
  number.new_value = text(51);
  number.claim = 0;
  c.numbers.push_back(number);
  ProgrammeChange programme;
  programme.status = ChangeStatus::kRenamed;
  programme.old_side = ProgrammeSide{text(52), text(53), 2};
  programme.new_side = ProgrammeSide{text(54), "", 1};
  programme.evidence = {text(55)};
  c.programmes.push_back(programme);
  WordingShift shift;
  shift.from = text(56);
  shift.to = text(57);
  shift.count = 2;
  shift.examples = {text(58)};
  c.wording.push_back(shift);
  c.warnings = {text(59)};
  c.narrative = text(60);
  const auto highlight = [&](HighlightTarget target, int index, int n) {
    Highlight h;
    h.rank = static_cast<int>(c.highlights.size()) + 1;
    h.score = 9 - h.rank;
    h.kind = text(n);
    h.reason = text(n + 1);
    h.target = target;
    h.index = index;
    c.highlights.push_back(h);
  };
  highlight(HighlightTarget::kClaim, 0, 61);
  highlight(HighlightTarget::kClaim, 4, 63);
  highlight(HighlightTarget::kSection, 1, 65);
  highlight(HighlightTarget::kProgramme, 0, 67);
  return c;
}

// The page with text and attribute values taken out: what is left is the
// elements and the attribute names.
std::string skeleton(const std::string& page) {
  static const std::regex values("=\"[^\"]*\"");
  static const std::regex text(">[^<]*<");
  return std::regex_replace(std::regex_replace(page, values, "=\"\""), text, "><");
}

TEST(HtmlDiff, HostileTextAddsNoElementOrAttribute) {
  const std::string hostile[] = {"<script>alert(1)</script>",
                                 "\"><img src=x onerror=alert(1)>",
                                 "javascript:alert(1)",
                                 "</style><b>",
                                 "]]><![CDATA[",
                                 "\u202Eevil\u202C",
                                 "'><svg onload=alert(1)>",
                                 "&lt;&amp;"};
  const auto plain = [](int n) { return "text" + std::to_string(n); };
  const auto bad = [&](int n) {
    return "t" + std::to_string(n) + " " + hostile[static_cast<size_t>(n) % std::size(hostile)];
  };
  const std::string reference = render_diff_html(every_kind(plain), {}, {"index.html", "a.md", "a.json"});
  const std::string page = render_diff_html(every_kind(bad), {}, {"index.html", "a.md", "a.json"});
  EXPECT_EQ(skeleton(page), skeleton(reference));
  EXPECT_EQ(page.find("<script>alert"), std::string::npos);
  EXPECT_EQ(page.find("\u202E"), std::string::npos);
  EXPECT_NE(page.find("&lt;U+202E&gt;evil&lt;U+202C&gt;"), std::string::npos);
  // Every kind of change reached the page.
  for (const char* part : {"id=\"highlights\"", "class=\"narrative\"", "href=\"#c-0\"", "id=\"summary\"",
                           "id=\"warnings\"", "id=\"sections\"", "id=\"claims\"", "id=\"programmes\"", "id=\"figures\"",
                           "id=\"wording\"", "<del>", "<ins>", "class=\"sbs split\"", "moved to"}) {
    EXPECT_NE(reference.find(part), std::string::npos) << part;
  }
}

TEST(HtmlDiff, SamePageForTheSameChanges) {
  const auto plain = [](int n) { return "text" + std::to_string(n); };
  EXPECT_EQ(render_diff_html(every_kind(plain)), render_diff_html(every_kind(plain)));
}

}  // namespace
}  // namespace strata
