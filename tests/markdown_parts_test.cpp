// Markdown read in parts (markdown_parts.hpp) through a ReadCache reads the
// same blocks as Markdown read whole, on real documents and on the shapes
// that would tell them apart; a second version reads only its new parts.
#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <thread>

#include "ingest/ingest.hpp"
#include "ingest/markdown_parts.hpp"
#include "ingest/markdown_syntax.hpp"
#include "ingest/read_cache.hpp"
#include "test_util.hpp"

namespace strata {
namespace {

RawDocument read(const std::string& text, ReadCache* cache) {
  auto raw = ingest(text, "doc.md", IngestOptions{InputFormat::kMarkdown, {}, cache});
  EXPECT_TRUE(raw) << raw.error().message;
  return raw ? std::move(*raw) : RawDocument();
}

void expect_same(const RawDocument& whole, const RawDocument& parts, const std::string& what) {
  ASSERT_EQ(whole.blocks.size(), parts.blocks.size()) << what;
  for (size_t i = 0; i < whole.blocks.size(); ++i) {
    const RawBlock& a = whole.blocks[i];
    const RawBlock& b = parts.blocks[i];
    EXPECT_EQ(a.text, b.text) << what << " block " << i;
    EXPECT_EQ(a.line, b.line) << what << " block " << i;
    EXPECT_EQ(a.kind, b.kind) << what << " block " << i;
    EXPECT_EQ(a.level, b.level) << what << " block " << i;
    EXPECT_EQ(a.indent, b.indent) << what << " block " << i;
    EXPECT_EQ(a.anchor, b.anchor) << what << " block " << i;
    ASSERT_EQ(a.links.size(), b.links.size()) << what << " block " << i;
    for (size_t k = 0; k < a.links.size(); ++k) EXPECT_EQ(a.links[k].target, b.links[k].target) << what;
  }
  EXPECT_EQ(whole.title, parts.title) << what;
  EXPECT_EQ(whole.date, parts.date) << what;
}

size_t parts_of(std::string body) {
  markdown_syntax::strip_preamble(body);
  return markdown_parts::split(body).size();
}

TEST(MarkdownParts, RealDocumentsReadInPartsAsWhole) {
  const std::string root = std::string(STRATA_SOURCE_DIR) + "/tests/";
  size_t split = 0;
  ReadCache cache;
  for (const char* name :
       {"golden/site-policy-accounts/terms-2018-04-19.md", "golden/site-policy-accounts/terms-2022-09-01.md",
        "golden/site-policy-links/new.md", "golden/terms-edit/old.md", "fixtures/inputs/page-2023.md",
        "fixtures/titles/firefox-privacy-notice-2020-09.md", "fixtures/pinterest/terms-2023-01-26.md",
        "fixtures/facebook/privacy-policy-2026-08-22.md"}) {
    const std::string text = test::read_file(root + name);
    split += parts_of(text) > 1 ? 1 : 0;
    expect_same(read(text, nullptr), read(text, &cache), name);
  }
  EXPECT_GE(split, 5u);  // most are cut, so the comparison says something
}

// Setext headings and paragraphs cut too: a page underlined throughout
// (Facebook's privacy policy) was read whole at every version, and a version
// that rewords one sentence parsed its whole section again.
TEST(MarkdownParts, SetextHeadingsAndParagraphsCutLikeAtxHeadings) {
  const std::string text =
      test::read_file(std::string(STRATA_SOURCE_DIR) + "/tests/fixtures/facebook/privacy-policy-2026-08-22.md");
  // Six underlined headings, the first at the top, and ten paragraphs after
  // a blank line at column 0: a part each. The bullet lists stay with the
  // paragraph before them.
  EXPECT_EQ(parts_of(text), 16u);
}

// What a heading or a paragraph after a blank line does not end stays in one
// part; what reaches across parts reads the document whole.
TEST(MarkdownParts, CutsOnlyWhereNothingIsOpen) {
  struct Case {
    const char* text;
    size_t parts;
  };
  const Case cases[] = {
      {"# A\n\nOne.\n\n## B\n\n- item\n\n# C\n\nTwo.\n", 5},
      {"# A\n\n```\ncode\n\n# not a heading\n```\n\n# B\n\nText.\n", 3},  // inside a fence
      {"# A\n\n~~~~\n~~~\n\n# code\n~~~~\n\n# B\n", 2},                   // a shorter fence does not close
      {"# A\n\n<!-- a comment\n\n# not a heading\n-->\n\n# B\n", 2},      // an HTML comment runs to -->
      {"# A\n\n<pre>\n\n# kept\n</PRE>\n\n# B\n", 2},                     // so does <pre>, to any case
      {"# A\n\n<!DOCTYPE x\n\n# kept\n>\n\n# B\n", 2},                    // a declaration runs to >
      {"# A\n\n<!doctype x\n```>\n\n# B\n", 1},         // but not in lower case: text, then a fence that never closes
      {"# A\n\n<pre>\n\n</textarea>\n\n# B\n", 1},      // only its own end tags close <pre>, not </textarea>
      {"# A\n\n<pre\f\n\n# kept\n</pre>\n\n# B\n", 2},  // a form feed after the name is white space
      {"# A\n\n<div\v\n\n# B\n", 2},                    // so is a vertical tab
      {"# A\n\n<search> x\n```\n\n# B\n```\n", 1},      // <search> opens no block: text, then a fence
      {"# A\n\n<div>\n\n# B\n", 2},                     // a blank line ends a <div>
      {"# A\n\nSee <https://example.org>.\n\n<https://example.org>\n\n# B\n", 3},  // autolinks are text
      {"# A\n\nSee [x].\n\n# B\n\n[x]: https://example.org\n", 1},                 // a definition reaches back
      {"# A\n\nNote[^1].\n\n# B\n\n[^1]: The note.\n", 1},                         // so does a footnote
      {"# A\n\n- item\n\n  ```\n  code\n\n# B\n  ```\n", 1},                       // a list item's fence
      {"# A\n\n<span>\n\n# B\n", 1},                                               // a tag CommonMark may read as text
      {"# A\n\n<span class='x' hidden>\n\n# B\n", 1},                              // with attributes
      {"# A\n\n<span class=\"x\">text</span>\n\n# B\n", 2},                        // not alone on its line: text
      {"# A\n\nText\n  <packet number, timestamp> pairs.\n\n# B\n", 3},            // no tag at all: text
      {"# A\n\n``` a`b\ntext\n```\n\n# B\n```\n", 1},                              // inline code, then a fence
      {"# A\n\n#hashtag\n\n#  B\n", 2},                                            // "#hashtag" is no heading
      {"A\n=\n\nOne.\n\nB\n---\n\n- item\n\nC\n   ===  \n\nTwo.\n", 5},            // Setext headings
      {"A\n===\n\n> quote\n\nÉtat\n---\n", 2},                                     // a quote ends at the blank line
      {"A\n===\n\n- one\n\n- two\n---\n", 1},                                      // a list item may continue a list
      {"A\n===\n\n1. one\n\n2. two\n---\n", 1},                                    // so may a numbered one
      {"A\n===\n\n    code\n\nB\n= =\n\nC\n    ---\n", 3},                         // paragraphs without an underline
      {"- one\n\n  two\n\nAfter.\n\n> quote\n\nÉté.\n", 3},                        // a list and a quote end at column 0
      {"One.\n\n\tcode\n\n3 items\n\n{: .x}\n\n[link](#a)\n", 1},  // a tab, a digit, "{" or "[" opens no part
      {"One.\n\n\xEF\xBB\xBFTwo.\n", 1},  // nor a byte order mark, which cmark-gfm drops only at the start
  };
  ReadCache cache;
  for (const Case& c : cases) {
    EXPECT_EQ(parts_of(c.text), c.parts) << c.text;
    expect_same(read(c.text, nullptr), read(c.text, &cache), c.text);
  }
}

TEST(MarkdownParts, AnchorsAndLinesFollowTheirPart) {
  const std::string text =
      "---\ntitle: T\n---\n\n# Intro {#intro}\n\nOne.\n\n## Frames\n{: #frames}\n\nTwo [x](#intro).\n\n"
      "| a | b |\n|---|---|\n| 1 | 2 |\n\n# End\n\nThree.\n";
  ReadCache cache;
  const RawDocument whole = read(text, nullptr);
  const RawDocument parts = read(text, &cache);
  expect_same(whole, parts, "anchors");
  ASSERT_GE(parts.blocks.size(), 3u);
  EXPECT_EQ(parts.blocks[2].anchor, "frames");
  EXPECT_EQ(parts.blocks[2].line, 9u);
}

TEST(ReadCache, ASecondVersionReadsOnlyItsNewParts) {
  std::string v1 = "# Title\n\nIntro.\n";
  for (int i = 0; i < 20; ++i)
    v1 += "\n## Section " + std::to_string(i) + "\n\nText of section " + std::to_string(i) + ".\n";
  std::string v2 = v1;
  v2.replace(v2.find("Text of section 7."), 18, "Text of section seven.");
  ReadCache cache;
  const RawDocument first = read(v1, &cache);
  EXPECT_EQ(cache.parts().size(), 42u);  // the title, the introduction, each heading and each paragraph
  const RawDocument second = read(v2, &cache);
  EXPECT_EQ(cache.parts().size(), 43u);  // only the edited paragraph was read
  expect_same(read(v2, nullptr), second, "second version");
  // A part whose context blanked it differently is read again: the same
  // bytes are front matter in one version and text in another.
  const RawDocument shifted = read("---\ntitle: X\n---\n\n" + v1, &cache);
  expect_same(read("---\ntitle: X\n---\n\n" + v1, nullptr), shifted, "shifted");
}

TEST(ReadCache, HoldsAboutItsBoundAndStaysRight) {
  ReadCache cache(64 * 1024);
  std::string text;
  for (int i = 0; i < 2000; ++i)
    text += "# Heading " + std::to_string(i) + "\n\nA sentence that is rather long, " + std::to_string(i) + ".\n\n";
  expect_same(read(text, nullptr), read(text, &cache), "bounded");
  EXPECT_LT(cache.parts().size(), 2000u);  // older generations were dropped
  expect_same(read(text, nullptr), read(text, &cache), "bounded again");
}

}  // namespace
}  // namespace strata

namespace strata {
namespace {

// cmark-gfm keeps the special characters of its extensions' inline syntax in
// one table for the whole process: parses on several threads must still read
// every autolink, table and strikethrough alike.
TEST(Markdown, ParsesOnSeveralThreadsReadTheSame) {
  std::string text = "# Links\n\n";
  for (int i = 0; i < 60; ++i) {
    text += "Register at <https://example.org/wiki/v" + std::to_string(i) + "\\>, see www.example.com/" +
            std::to_string(i) + " or ~~old~~ <mail" + std::to_string(i) + "@example.org>.\n\n| a | b |\n|---|---|\n| " +
            std::to_string(i) + " | https://example.net/" + std::to_string(i) + " |\n\n";
  }
  const RawDocument alone = read(text, nullptr);
  std::atomic<int> differing{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int round = 0; round < 40; ++round) {
        const RawDocument again = read(text, nullptr);
        bool same = again.blocks.size() == alone.blocks.size();
        for (size_t i = 0; same && i < again.blocks.size(); ++i) {
          same = again.blocks[i].text == alone.blocks[i].text &&
                 again.blocks[i].links.size() == alone.blocks[i].links.size();
        }
        differing += same ? 0 : 1;
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(differing.load(), 0);
}

}  // namespace
}  // namespace strata
