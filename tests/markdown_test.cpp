// The Markdown reader on what repositories write: front matter, kramdown
// attribute lists, inline and block HTML, tables, footnotes, links.
#include <gtest/gtest.h>

#include "ingest/ingest.hpp"
#include "strata/load.hpp"

namespace strata {
namespace {

RawDocument read(const std::string& text) {
  auto raw = ingest(text, "doc.md");
  EXPECT_TRUE(raw) << raw.error().message;
  return raw ? std::move(*raw) : RawDocument();
}

std::vector<std::string> texts(const RawDocument& raw) {
  std::vector<std::string> out;
  for (const RawBlock& b : raw.blocks) out.push_back(b.text.str());
  return out;
}

TEST(Markdown, FrontMatterIsMetadataNotProse) {
  struct Case {
    const char* text;
    const char* title;
    const char* date;
  } cases[] = {
      {"---\ntitle: GitHub Terms of Service\nredirect_from:\n  - /tos/\n---\n\nThank you.\n", "GitHub Terms of Service",
       ""},
      {"---\ntitle: \"Terms\"\ndate: 2023-01-05T10:00:00Z\neffective_date: 2023-02-01\n---\nText.\n", "Terms",
       "2023-02-01"},
      {"+++\ntitle = \"Privacy\"\nlastmod = \"2024-07-02\"\n+++\n\nText.\n", "Privacy", "2024-07-02"},
      {"---\ntitle: QUIC\nauthor:\n  -\n    ins: J. Iyengar\n\n--- abstract\n\nText.\n", "QUIC", ""},
  };
  for (const Case& c : cases) {
    const RawDocument raw = read(c.text);
    EXPECT_EQ(raw.title, c.title);
    EXPECT_EQ(raw.date, c.date);
    for (const RawBlock& b : raw.blocks) {
      EXPECT_EQ(b.text.find(":"), std::string::npos) << "front matter leaked: " << b.text;
    }
  }
}

TEST(Markdown, AttributeListsGoAndIdsBecomeAnchors) {
  const RawDocument raw = read(
      "# Streams {#streams}\n\nText one.\n\n## Frames\n{: #frames .wide}\n\nText{: .note} two.\n\n"
      "~~~\ncode\n~~~\n{: #fig-ex-format title=\"Example Format\"}\n\n*Effective July 27, 2023*\n{: "
      "datetime=\"2023-07-27\" }\n");
  ASSERT_EQ(raw.blocks.size(), 5u);
  EXPECT_EQ(raw.blocks[0].text, "Streams");
  EXPECT_EQ(raw.blocks[0].anchor, "streams");
  EXPECT_EQ(raw.blocks[2].text, "Frames");
  EXPECT_EQ(raw.blocks[2].anchor, "frames");
  EXPECT_EQ(raw.blocks[3].text, "Text two.");
  EXPECT_EQ(raw.blocks[4].kind, RawBlock::Kind::kCode);
  EXPECT_EQ(raw.blocks[4].text, "code");
  EXPECT_EQ(raw.date, "2023-07-27");
  // The line the datetime dates is the version's date, not a claim.
  ASSERT_EQ(raw.removals.size(), 1u);
  EXPECT_EQ(raw.removals[0].rule, "dateline");
  EXPECT_EQ(raw.removals[0].text, "*Effective July 27, 2023*");
  EXPECT_EQ(raw.removals[0].line, 15u);
}

// GitHub Docs wraps notes in Liquid tags, then moved them into GitHub's
// alerts (github/site-policy, the Corporate Terms of Service): both are
// markup, and the note reads the same before and after the move.
TEST(Markdown, LiquidTagsAndAlertsAreMarkup) {
  const RawDocument before = read(
      "{% note %}\n\n**Note:** The Corporate Terms were deprecated.\n\n{% endnote %}\n\n"
      "{%- ifversion ghes -%}\nWe use {% data variables.product.prodname_dotcom %} daily.\n{% endif %}\n\n"
      "{% comment %}\nAn editor's remark.\n{% endcomment %}\n\n```\n{% note %}\n```\n");
  EXPECT_EQ(texts(before),
            (std::vector<std::string>{"Note: The Corporate Terms were deprecated.",
                                      "We use {% data variables.product.prodname_dotcom %} daily.", "{% note %}"}));
  const RawDocument after = read(
      "> [!NOTE]\n> The Corporate Terms were deprecated.\n\n> [!Warning] We are deprecating extensions.\n\n"
      "> A quote.\n> [!TIP]\n\n>[!FOO] Not an alert.\n\n    > [!NOTE]\n");
  EXPECT_EQ(texts(after), (std::vector<std::string>{"Note: The Corporate Terms were deprecated.",
                                                    "Warning: We are deprecating extensions.", "A quote. [!TIP]",
                                                    "[!FOO] Not an alert.", "> [!NOTE]"}));
  // An alert is a note, so its paragraph is read as prose, sentence by
  // sentence, as before the move; a quote stays a quote.
  EXPECT_EQ(after.blocks[0].kind, RawBlock::Kind::kParagraph);
  EXPECT_EQ(after.blocks[0].line, 1u);
  EXPECT_EQ(after.blocks[1].line, 4u);
  EXPECT_EQ(after.blocks[2].kind, RawBlock::Kind::kQuote);
  // What an alert holds is read as Markdown: a list, and code.
  const RawDocument list = read("> [!IMPORTANT]\n> - One.\n>   - Two.\n>\n> ```\n> code\n> ```\n\nAfter.\n");
  EXPECT_EQ(texts(list), (std::vector<std::string>{"Important:", "One.", "Two.", "code", "After."}));
  EXPECT_EQ(list.blocks[1].kind, RawBlock::Kind::kListItem);
  EXPECT_EQ(list.blocks[3].kind, RawBlock::Kind::kCode);
}

// Mozilla's Dutch notice dates itself day first; a dateline is one line
// alone, so a paragraph of two keeps its text.
TEST(Markdown, DatetimeDayFirst) {
  const RawDocument raw = read("*Geldig vanaf 17 december 2025*\n{: datetime=\"17-12-2025\" }\n\nTekst.\n");
  EXPECT_EQ(raw.date, "2025-12-17");
  EXPECT_EQ(texts(raw), std::vector<std::string>{"Tekst."});
  const RawDocument two = read("Tekst.\n\nWe changed this\nnotice today.\n{: datetime=\"2025-12-17\" }\n");
  EXPECT_EQ(two.date, "2025-12-17");
  EXPECT_EQ(texts(two), (std::vector<std::string>{"Tekst.", "We changed this notice today."}));
  EXPECT_TRUE(two.removals.empty());
}

TEST(Markdown, KramdownRfcMarkersAndReferences) {
  const RawDocument raw = read(
      "---\ntitle: T\n--- abstract\n\nAbstract text.\n\n--- middle\n\n# Overview\n\n{::boilerplate bcp14}\n\n"
      "See {{QUIC-TLS}} and {{?RFC2119}}, and {{Section 4 of QUIC-TLS}}.\n\nTerm:\n\n: The definition.\n");
  EXPECT_EQ(texts(raw), (std::vector<std::string>{"Abstract", "Abstract text.", "Overview",
                                                  "See [QUIC-TLS] and [RFC2119], and Section 4 of [QUIC-TLS].",
                                                  "Term:", "The definition."}));
}

// Marks whose closing mark never comes stay text, and a closed mark after
// them is still read.
TEST(Markdown, MarksWithoutTheirClosingMarkStayText) {
  const RawDocument raw = read(
      "See {{RFC9000}}, then {{ alone.\n\nText {#id} and {not a list and {: .note} end.\n\n"
      "Products[1\\](#n) and [x\\](a b) and [only.\n\n[a [b\\](#c) then [d.\n");
  EXPECT_EQ(texts(raw), (std::vector<std::string>{"See [RFC9000], then {{ alone.", "Text and {not a list and end.",
                                                  "Products1 and [x](a b) and [only.", "[a b then [d."}));
  ASSERT_EQ(raw.blocks[2].links.size(), 1u);
  EXPECT_EQ(raw.blocks[2].links[0].target, "#n");
  ASSERT_EQ(raw.blocks[3].links.size(), 1u);
  EXPECT_EQ(raw.blocks[3].links[0].text, "b");
}

TEST(Markdown, HtmlNeverLeaksAsTags) {
  const RawDocument raw = read(
      "<!-- markdownlint-disable -->\n\nLearn more about <a "
      "href=\"https://example.org/t\">translation</a>.<br>Next.\n\n"
      "<div class=\"note\">\n<p>Block <b>HTML</b> paragraph.</p>\n</div>\n\n<aside markdown=\"block\">\nNote: see "
      "{{x}}.\n</aside>\n");
  EXPECT_EQ(texts(raw), (std::vector<std::string>{"Learn more about translation. Next.", "Block HTML paragraph.",
                                                  "Note: see [x]."}));
  ASSERT_EQ(raw.blocks[0].links.size(), 1u);
  EXPECT_EQ(raw.blocks[0].links[0].text, "translation");
  EXPECT_EQ(raw.blocks[0].links[0].target, "https://example.org/t");
}

TEST(Markdown, LinksKeepTheirTargets) {
  const RawDocument raw = read(
      "See [the FAQ](https://example.org/faq \"FAQ\") and www.example.com.\n\n"
      "Meta Products[1\\](#annotation-1) are covered.\n\n![Diagram of a stream](s.png)\n");
  ASSERT_EQ(raw.blocks.size(), 3u);
  EXPECT_EQ(raw.blocks[0].text, "See the FAQ and www.example.com.");
  ASSERT_EQ(raw.blocks[0].links.size(), 2u);
  EXPECT_EQ(raw.blocks[0].links[0].target, "https://example.org/faq");
  EXPECT_EQ(raw.blocks[0].links[1].target, "http://www.example.com");
  EXPECT_EQ(raw.blocks[1].text, "Meta Products1 are covered.");
  ASSERT_EQ(raw.blocks[1].links.size(), 1u);
  EXPECT_EQ(raw.blocks[1].links[0].target, "#annotation-1");
  EXPECT_EQ(raw.blocks[2].text, "Diagram of a stream");
}

TEST(Markdown, TablesAreOneClaimARowWithTheirHeaders) {
  const RawDocument raw = read("| Data | Shared with |\n|---|---|\n| Email | Partners |\n| Location | |\n");
  ASSERT_EQ(raw.blocks.size(), 2u);
  EXPECT_EQ(raw.blocks[0].kind, RawBlock::Kind::kTableRow);
  EXPECT_EQ(raw.blocks[0].text, "Data: Email; Shared with: Partners");
  EXPECT_EQ(raw.blocks[1].text, "Data: Location");
}

TEST(Markdown, ListsQuotesCodeAndFootnotes) {
  const RawDocument raw = read(
      "- one\n  - nested *two*\n\n    second paragraph\n- ~~gone~~ three\n\n> quoted\n> line\n\n"
      "```\nkeep  this\n  verbatim\n```\n\nA claim.[^n]\n\n[^n]: The note.\n");
  struct Expect {
    RawBlock::Kind kind;
    int indent;
    const char* text;
  } expected[] = {
      {RawBlock::Kind::kListItem, 0, "one"},
      {RawBlock::Kind::kListItem, 1, "nested two"},
      {RawBlock::Kind::kParagraph, 1, "second paragraph"},  // of the nested item
      {RawBlock::Kind::kListItem, 0, "gone three"},
      {RawBlock::Kind::kQuote, 0, "quoted line"},
      {RawBlock::Kind::kCode, 0, "keep  this\n  verbatim"},
      {RawBlock::Kind::kParagraph, 0, "A claim.[1]"},  // footnotes are numbered in order
      {RawBlock::Kind::kParagraph, 0, "The note."},
  };
  ASSERT_EQ(raw.blocks.size(), std::size(expected)) << ::testing::PrintToString(texts(raw));
  for (size_t i = 0; i < raw.blocks.size(); ++i) {
    EXPECT_EQ(raw.blocks[i].kind, expected[i].kind) << i;
    EXPECT_EQ(raw.blocks[i].indent, expected[i].indent) << i;
    EXPECT_EQ(raw.blocks[i].text, expected[i].text) << i;
  }
}

TEST(Markdown, TitleFromFrontMatterAndLinesFromTheSource) {
  auto doc = parse_document("---\ntitle: Terms\ndate: 2024-07-02\n---\n\n# Terms\n\n## Scope\n\nText.\n", "t.md");
  ASSERT_TRUE(doc);
  EXPECT_EQ(doc->meta.title, "Terms");
  EXPECT_EQ(doc->meta.date, "2024-07-02");
  ASSERT_EQ(doc->sections.size(), 2u);  // the repeated title is not a section
  EXPECT_EQ(doc->sections[1].title, "Scope");
  EXPECT_EQ(doc->sections[1].line, 8u);
  EXPECT_EQ(doc->sections[1].blocks[0].line, 10u);
}

}  // namespace
}  // namespace strata
