// Page furniture of paginated plain text (ingest/pages.hpp), on RFC 6152 as
// the RFC Editor prints it (tests/fixtures/rfc).
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "ingest/pages.hpp"
#include "test_util.hpp"

namespace strata {
namespace {

const std::string kRfc = std::string(STRATA_SOURCE_DIR) + "/tests/fixtures/rfc/rfc6152-pages-2-4.txt";

std::vector<std::string> sentences(const Document& doc) {
  std::vector<std::string> out;
  for (const Section& s : doc.sections) {
    for (const Sentence& sentence : s.sentences) out.push_back(sentence.text.str());
  }
  return out;
}

RawBlock line(const std::string& text, int gap = 0) {
  RawBlock b;
  b.text = SharedText(text);
  b.gap = gap;
  return b;
}

std::vector<std::string> texts(const std::vector<RawBlock>& blocks) {
  std::vector<std::string> out;
  for (const RawBlock& b : blocks) out.push_back(b.text.str());
  return out;
}

// The footer and running header of each page break go, so the sentence the
// page cut is one claim, and the heading after a break is not nested under
// a page's furniture. With or without the form feed (copies often lose it).
TEST(PageFurniture, AnRfcsPageBreaksGoAndTheCutSentenceIsWhole) {
  std::string text = test::read_file(kRfc);
  for (const bool form_feeds : {true, false}) {
    if (!form_feeds) std::erase(text, '\f');
    const Document doc = test::parse(text, "rfc6152.txt");
    ASSERT_EQ(doc.removals.size(), 4u);
    for (const Removal& r : doc.removals) EXPECT_EQ(r.rule, "page-furniture");
    EXPECT_EQ(doc.removals[0].text, "Klensin, et al.              Standards Track                    [Page 2]");
    EXPECT_EQ(doc.removals[1].line, 11u);  // the running header, after the form feed
    const std::vector<std::string> all = sentences(doc);
    for (const std::string& s : all) {
      EXPECT_EQ(s.find("[Page"), std::string::npos) << s;
      EXPECT_EQ(s.find("RFC 6152 "), std::string::npos) << s;
    }
    EXPECT_NE(std::find(all.begin(), all.end(),
                        "If the server SMTP responds with code 250 to the EHLO command, and the response includes "
                        "the EHLO keyword value 8BITMIME, then the server SMTP is indicating that it supports the "
                        "extended MAIL command and will accept MIME messages containing arbitrary octet-aligned "
                        "material."),
              all.end());
    ASSERT_EQ(doc.sections.size(), 2u);
    EXPECT_EQ(doc.sections[1].title, "4.  Usage Example");
  }
}

// Prose that names a page is no footer; a line after a lone footer is a
// header only when set in columns; a text without footers is left alone.
TEST(PageFurniture, OnlyFootersAndTheirHeadersGo) {
  std::vector<Removal> removals;
  std::vector<RawBlock> lines = {line("The table is on [Page 2]"), line("See the annex, as printed [Page 3]"),
                                 line("Smith                         Informational                  [Page 1]"),
                                 line("The text goes on after the break.", 3)};
  remove_page_furniture(lines, removals);
  EXPECT_EQ(texts(lines), (std::vector<std::string>{"The table is on [Page 2]", "See the annex, as printed [Page 3]",
                                                    "The text goes on after the break."}));
  ASSERT_EQ(removals.size(), 1u);
  EXPECT_EQ(lines.back().gap, 1);

  removals.clear();
  lines = {line("Text."), line("Smith        Informational        [Page 1]"),
           line("RFC 9999        A Short Memo        May 2026"), line("More text.")};
  remove_page_furniture(lines, removals);
  EXPECT_EQ(texts(lines), (std::vector<std::string>{"Text.", "More text."}));

  removals.clear();
  lines = {line("Text."), line("Body text without any page marks.")};
  remove_page_furniture(lines, removals);
  EXPECT_EQ(lines.size(), 2u);
  EXPECT_TRUE(removals.empty());
}

}  // namespace
}  // namespace strata
