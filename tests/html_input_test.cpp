// The HTML reader: structure, chrome rules, selectors, the pre-scan guard,
// and the 2023 snapshot as a page read the same as its Markdown.
#include <gtest/gtest.h>

#include "ingest/html_scan.hpp"
#include "ingest/ingest.hpp"
#include "ingest/selector.hpp"
#include "strata/load.hpp"
#include "test_util.hpp"

namespace strata {
namespace {

std::vector<std::string> texts(const std::string& html, const ContentSelectors& selectors = {}) {
  auto raw = ingest(html, "page.html", IngestOptions{InputFormat::kHtml, selectors});
  EXPECT_TRUE(raw) << raw.error().message;
  std::vector<std::string> out;
  if (raw) {
    for (const RawBlock& b : raw->blocks) out.push_back(b.text.str());
  }
  return out;
}

using Texts = std::vector<std::string>;

TEST(HtmlInput, StructureAndInlineText) {
  auto raw = ingest(
      "<h1 id=top>Terms</h1><p>Wo<b>rd</b> and <a href=\"/faq\">the <i>FAQ</i></a>.<br>Next line.</p>"
      "<ul><li>one<ul><li>nested</li></ul></li></ul><blockquote><p>quoted</p></blockquote>"
      "<pre>  keep\n    this</pre><dl><dt>Term</dt><dd>Definition</dd></dl>"
      "<table><tr><th>Data</th><th>Shared with</th></tr><tr><td>Email</td><td>Partners<br>Vendors</td></tr></table>",
      "page.html");
  ASSERT_TRUE(raw) << raw.error().message;
  struct Expect {
    RawBlock::Kind kind;
    int indent;
    const char* text;
  } expected[] = {
      {RawBlock::Kind::kHeading, 0, "Terms"},
      {RawBlock::Kind::kParagraph, 0, "Word and the FAQ."},
      {RawBlock::Kind::kParagraph, 0, "Next line."},
      {RawBlock::Kind::kListItem, 0, "one"},
      {RawBlock::Kind::kListItem, 1, "nested"},
      {RawBlock::Kind::kQuote, 0, "quoted"},
      {RawBlock::Kind::kCode, 0, "  keep\n    this"},
      {RawBlock::Kind::kListItem, 0, "Term"},
      {RawBlock::Kind::kListItem, 0, "Definition"},
      {RawBlock::Kind::kTableRow, 0, "Data: Email; Shared with: Partners Vendors"},
  };
  ASSERT_EQ(raw->blocks.size(), std::size(expected));
  for (size_t i = 0; i < raw->blocks.size(); ++i) {
    EXPECT_EQ(raw->blocks[i].kind, expected[i].kind) << i;
    EXPECT_EQ(raw->blocks[i].indent, expected[i].indent) << i;
    EXPECT_EQ(raw->blocks[i].text, expected[i].text) << i;
  }
  EXPECT_EQ(raw->blocks[0].anchor, "top");
  ASSERT_EQ(raw->blocks[1].links.size(), 1u);
  EXPECT_EQ(raw->blocks[1].links[0].text, "the FAQ");
  EXPECT_EQ(raw->blocks[1].links[0].target, "/faq");
}

TEST(HtmlInput, ChromeRulesRemoveAndReport) {
  struct Case {
    const char* chrome;
    const char* rule;
  } cases[] = {
      {"<nav><a href=/>Home</a> Menu</nav>", "nav"},
      {"<header>Site banner</header>", "header"},
      {"<footer>Copyright line</footer>", "footer"},
      {"<aside>Related reading</aside>", "aside"},
      {"<div style=\"display: none\">Hidden text</div>", "hidden"},
      {"<div hidden>Hidden text</div>", "hidden"},
      {"<p aria-hidden=\"true\">Hidden text</p>", "hidden"},
      {"<div id=\"cookie-banner\">We use cookies</div>", "cookie-banner"},
      {"<div class=\"consent-bar\">Accept all</div>", "cookie-banner"},
      {"<div role=\"dialog\">Subscribe now</div>", "dialog"},
      {"<noscript>Enable JavaScript</noscript>", "noscript"},
  };
  for (const Case& c : cases) {
    const std::string page = std::string("<!DOCTYPE html><body>") + c.chrome + "<p>Body text.</p></body>";
    auto raw = ingest(page, "page.html");
    ASSERT_TRUE(raw) << raw.error().message;
    ASSERT_EQ(raw->blocks.size(), 1u) << c.chrome;
    EXPECT_EQ(raw->blocks[0].text, "Body text.");
    ASSERT_EQ(raw->removals.size(), 1u) << c.chrome;
    EXPECT_EQ(raw->removals[0].rule, c.rule);
  }
  // Scripts and styles are dropped without a report; they never held prose.
  EXPECT_EQ(texts("<script>var a = 'Not text.';</script><style>p{}</style><p>Body.</p>"), Texts{"Body."});
  // A header inside the article is its title, and a section id="cookies" is content.
  EXPECT_EQ(texts("<body><article><header><h1>Title</h1></header><p>Body.</p></article></body>"),
            (Texts{"Title", "Body."}));
  EXPECT_EQ(texts("<body><section id=\"cookies\"><p>How we use cookies.</p></section></body>"),
            Texts{"How we use cookies."});
}

TEST(HtmlInput, MainContentIsChosen) {
  EXPECT_EQ(texts("<body><div>Promo</div><main><p>Main.</p></main><div>More promo</div></body>"), Texts{"Main."});
  EXPECT_EQ(texts("<body><div>Promo</div><div role=\"main\"><p>Main.</p></div></body>"), Texts{"Main."});
  EXPECT_EQ(texts("<body><div>Promo</div><article><p>Article.</p></article></body>"), Texts{"Article."});
  // No landmark: the child holding nearly all the text.
  const std::string long_text(400, 'x');
  EXPECT_EQ(texts("<body><div class=l>Tiny link</div><div><p>" + long_text + "</p></div></body>"), Texts{long_text});
  // Two articles: both are kept.
  EXPECT_EQ(texts("<body><article><p>A.</p></article><article><p>B.</p></article></body>"), (Texts{"A.", "B."}));
}

TEST(HtmlInput, SelectorsFromTheUser) {
  const std::string page =
      "<body><div id=terms><h2>Scope</h2><p class=\"note x\">Note.</p><p>Body.</p><div class=promo>Buy</div></div>"
      "<div id=other><p>Other.</p></div></body>";
  ContentSelectors select;
  select.select = {"#terms"};
  EXPECT_EQ(texts(page, select), (Texts{"Scope", "Note.", "Body.", "Buy"}));
  select.remove = {".promo", "div#terms > p.note"};
  EXPECT_EQ(texts(page, select), (Texts{"Scope", "Body."}));
  ContentSelectors none;
  none.select = {"#missing"};
  auto raw = ingest(page, "page.html", IngestOptions{InputFormat::kHtml, none});
  ASSERT_FALSE(raw);
  EXPECT_NE(raw.error().message.find("--select '#missing' matched nothing"), std::string::npos);
  ContentSelectors bad;
  bad.remove = {"div:first-child"};
  raw = ingest(page, "page.html", IngestOptions{InputFormat::kHtml, bad});
  ASSERT_FALSE(raw);
  EXPECT_NE(raw.error().message.find("selector 'div:first-child'"), std::string::npos);
}

TEST(HtmlInput, SelectorMatching) {
  css::Element body{"body", {}, nullptr};
  css::Element div{"div", {{"id", "main"}, {"class", "a b"}}, &body};
  css::Element p{"p", {{"data-x", "1"}}, &div};
  struct Case {
    const char* selector;
    bool matches_p;
  } cases[] = {
      {"p", true},          {"div p", true},       {"body > div > p", true}, {"body > p", false},
      {"#main p", true},    {".b p", true},        {".c p", false},          {"[data-x]", true},
      {"[data-x=1]", true}, {"[data-x=2]", false}, {"div.a.b#main p", true}, {"span, p", true},
      {"*", true},
  };
  for (const Case& c : cases) {
    auto s = css::Selector::parse(c.selector);
    ASSERT_TRUE(s) << c.selector;
    EXPECT_EQ(s->matches(p), c.matches_p) << c.selector;
  }
  for (const char* bad : {"", "p >", "a,", "[x", "#", "p:hover"}) EXPECT_FALSE(css::Selector::parse(bad)) << bad;
}

TEST(HtmlInput, PreScanMeasuresNesting) {
  struct Case {
    std::string html;
    size_t depth;
  } cases[] = {
      {"<div><p>a<p>b</div>", 2},  // a <p> closes its open sibling
      {"<ul><li>a<li>b<li>c</ul>", 2},
      {"<br><img src=x><hr>", 0},                  // void elements open nothing
      {"<div></span></div><div></div>", 1},        // a stray end tag closes nothing
      {"<script><div><div><div></script><p>", 1},  // raw text is skipped
      {"<!-- <div><div> --><p>", 1},
      {"<div><span><b>x</div>", 3},
  };
  for (const Case& c : cases) EXPECT_EQ(html_scan::measure(c.html).max_depth, c.depth) << c.html;
}

TEST(HtmlInput, DeepUnclosedNestingIsRefusedBeforeParsing) {
  std::string deep;
  for (int i = 0; i < 40000; ++i) deep += "<span>";
  auto raw = ingest("<!DOCTYPE html><body>" + deep + "text</body>", "deep.html");
  ASSERT_FALSE(raw);
  EXPECT_NE(raw.error().message.find("more than 1000 deep"), std::string::npos) << raw.error().message;
  std::string fine;
  for (int i = 0; i < 900; ++i) fine += "<div>";
  auto ok = ingest("<!DOCTYPE html><body>" + fine + "<p>text</p></body>", "ok.html");
  ASSERT_TRUE(ok) << ok.error().message;
  EXPECT_EQ(ok->blocks.size(), 1u);
}

// The 2023 snapshot written out as Markdown and as a captured page with its
// chrome (tests/fixtures/inputs/make_page_2023.py): one document either way.
TEST(HtmlInput, PageReadsLikeItsMarkdown) {
  const std::string dir = std::string(STRATA_SOURCE_DIR) + "/tests/fixtures/inputs/";
  auto md = load_document(dir + "page-2023.md");
  auto html = load_document(dir + "page-2023.html");
  ASSERT_TRUE(md) << md.error().message;
  ASSERT_TRUE(html) << html.error().message;
  EXPECT_EQ(html->meta.format, InputFormat::kHtml);
  EXPECT_EQ(html->meta.title, md->meta.title);
  ASSERT_EQ(html->sections.size(), md->sections.size());
  for (size_t i = 0; i < md->sections.size(); ++i) {
    const Section& a = md->sections[i];
    const Section& b = html->sections[i];
    EXPECT_EQ(b.id, a.id);
    EXPECT_EQ(b.level, a.level) << a.id;
    ASSERT_EQ(b.blocks.size(), a.blocks.size()) << a.id;
    for (size_t k = 0; k < a.blocks.size(); ++k) {
      EXPECT_EQ(b.blocks[k].kind, a.blocks[k].kind) << a.id << " block " << k;
      ASSERT_EQ(b.blocks[k].sentence_count, a.blocks[k].sentence_count) << a.id << " block " << k;
      for (size_t n = 0; n < a.blocks[k].sentence_count; ++n) {
        EXPECT_EQ(b.sentences_of(b.blocks[k])[n].norm, a.sentences_of(a.blocks[k])[n].norm);
      }
      ASSERT_EQ(b.links_of(k).size(), a.links_of(k).size()) << a.id << " block " << k;
      for (size_t n = 0; n < a.links_of(k).size(); ++n) {
        EXPECT_EQ(b.links_of(k)[n].target, a.links_of(k)[n].target);
      }
    }
  }
  // The same claims as the plain-text snapshot they were made from.
  const Document txt = test::load_snapshot("page-2023");
  EXPECT_EQ(html->sentence_count(), txt.sentence_count());
  // None of the chrome, and each piece removed by the rule meant for it.
  for (const Section& s : html->sections) {
    for (const Sentence& sentence : s.sentences) {
      for (const char* chrome : {"cookies", "Skip to main", "Multimedia library", "Related topics", "OTAN 2023",
                                 "JavaScript", "Share this page", "Home >", "dataLayer"}) {
        EXPECT_EQ(sentence.text.find(chrome), std::string::npos) << sentence.text;
      }
    }
  }
  std::vector<std::string> rules;
  for (const Removal& r : html->removals) rules.push_back(r.rule);
  EXPECT_EQ(rules, (std::vector<std::string>{"cookie-banner", "header", "hidden", "hidden", "aside", "footer",
                                             "noscript", "main-content"}));
}

}  // namespace
}  // namespace strata
