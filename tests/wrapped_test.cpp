// Hard-wrapped text (ingest/wrapped.hpp): a PDF's lines, each a paragraph,
// read as the sentences they cut; other documents left as they are.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ingest/wrapped.hpp"
#include "strata/compare.hpp"
#include "strata/render.hpp"
#include "test_util.hpp"

namespace strata {
namespace {

std::vector<std::string> sentences(const Document& doc) {
  std::vector<std::string> out;
  for (const Section& s : doc.sections) {
    for (const Sentence& sentence : s.sentences) out.push_back(sentence.text.str());
  }
  return out;
}

RawBlock paragraph(const std::string& text) {
  RawBlock b;
  b.kind = RawBlock::Kind::kParagraph;
  b.text = SharedText(text);
  return b;
}

std::vector<std::string> texts(const std::vector<RawBlock>& blocks) {
  std::vector<std::string> out;
  for (const RawBlock& b : blocks) out.push_back(b.text.str());
  return out;
}

// The same policy set in lines, one paragraph each, as a PDF's text is.
const std::string kWrapped =
    "# Conditions\n\n"
    "We keep the data you give us for as long as the\n\n"
    "law requires, and no longer. You may ask for a copy of it at any\n\n"
    "time by writing to our office. Our partners may use it to show you\n\n"
    "offers, unless you object in your [account settings](https://example.org/account)\n\n"
    "or by mail. We answer every request within one\n\n"
    "month. Our partners are listed in the\n\n"
    "Annex of these conditions.\n";

TEST(WrappedLines, APdfsLinesAreReadAsTheSentencesTheyCut) {
  const Document doc = test::parse(kWrapped, "terms.md");
  EXPECT_EQ(doc.meta.normalized.joined_lines, 6u);
  EXPECT_EQ(sentences(doc),
            (std::vector<std::string>{
                "We keep the data you give us for as long as the law requires, and no longer.",
                "You may ask for a copy of it at any time by writing to our office.",
                "Our partners may use it to show you offers, unless you object in your account settings or by mail.",
                "We answer every request within one month.",
                "Our partners are listed in the Annex of these conditions.",
            }));
  // The link of a joined line stays with the paragraph it was joined into.
  ASSERT_EQ(doc.sections.back().links.size(), 1u);
  EXPECT_EQ(doc.sections.back().links[0].target, "https://example.org/account");
  EXPECT_NE(render_outline_json(doc).find("\"joined_lines\": 6"), std::string::npos);
}

TEST(WrappedLines, TheSameTextWrappedElsewhereChangesNoClaim) {
  const std::string rewrapped =
      "# Conditions\n\n"
      "We keep the data you give us for as long as the law\n\n"
      "requires, and no longer. You may ask for a copy of it at any time by\n\n"
      "writing to our office. Our partners may use it to show you offers,\n\n"
      "unless you object in your [account settings](https://example.org/account) or by\n\n"
      "mail. We answer every request within one month. Our partners are\n\n"
      "listed in the Annex of these conditions.\n";
  const ChangeSet changes = compare(test::parse(kWrapped, "a.md"), test::parse(rewrapped, "b.md"));
  EXPECT_FALSE(changes.has_changes());
}

TEST(WrappedLines, ItemsPageNumbersAddressesAndHeadingsStayApart) {
  std::vector<RawBlock> blocks;
  for (const char* line :
       {"These conditions apply to every", "flight the carrier operates and to", "every passenger it carries.",
        "The carrier may refuse to carry a passenger who", "does not pay the fare,", "a. who is drunk",
        "b. who refuses a check", "The same rules apply when", "4", "a flight is delayed and the", "corres-",
        "pondance is missed; our partner sites", "https://example.org/partners", "list them for every",
        "ARTICLE 6 : FARES", "fares are set by the carrier and", "2. Scope"}) {
    blocks.push_back(paragraph(line));
  }
  EXPECT_EQ(join_wrapped_lines(blocks).joined, 6u);
  EXPECT_EQ(texts(blocks), (std::vector<std::string>{
                               "These conditions apply to every flight the carrier operates and to every passenger it "
                               "carries.",
                               "The carrier may refuse to carry a passenger who does not pay the fare,",
                               "a. who is drunk",
                               "b. who refuses a check",
                               "The same rules apply when a flight is delayed and the corres-pondance is missed; our "
                               "partner sites",
                               "4",  // the page number, after the sentence it cut
                               "https://example.org/partners",
                               "list them for every",
                               "ARTICLE 6 : FARES",
                               "fares are set by the carrier and",
                               "2. Scope",
                           }));
}

// RFCs wrap before words in capitals ("US-ASCII octet range", "MIME
// message"): a full line goes on into one when lower case follows it, not
// into a heading in capitals throughout.
TEST(WrappedLines, AFullLineGoesOnIntoAWordInCapitals) {
  std::vector<RawBlock> blocks;
  for (const char* line : {"The carrier may refuse to carry a passenger who", "does not pay the fare.",
                           "the client SMTP must not, under any circumstances, attempt to", "transfer a content",
                           "that contains characters outside of the US-ASCII octet range.",
                           "The value associated with the BODY parameter indicates whether the",
                           "content body that will be passed using the DATA command consists of a",
                           "MIME message containing some arbitrary octet-aligned material.",
                           "These conditions apply to every flight the carrier operates and to", "ARTICLE 6 : FARES",
                           "fares are set by the carrier and", "change with the season."}) {
    blocks.push_back(paragraph(line));
  }
  join_wrapped_lines(blocks);
  EXPECT_EQ(texts(blocks),
            (std::vector<std::string>{
                "The carrier may refuse to carry a passenger who does not pay the fare.",
                "the client SMTP must not, under any circumstances, attempt to transfer a content that contains "
                "characters outside of the US-ASCII octet range.",
                "The value associated with the BODY parameter indicates whether the content body that will be "
                "passed using the DATA command consists of a MIME message containing some arbitrary octet-aligned "
                "material.",
                "These conditions apply to every flight the carrier operates and to",
                "ARTICLE 6 : FARES",
                "fares are set by the carrier and change with the season.",
            }));
}

// A line opening with a figure goes on the sentence ("2.5 million"), one
// opening with an item's or a section's number does not ("2.1 Scope").
TEST(WrappedLines, ALineOpeningWithAFigureGoesOn) {
  std::vector<RawBlock> blocks;
  for (const char* line :
       {"These conditions apply to every", "flight the carrier operates and to", "every passenger it carries.",
        "The carrier may refuse to carry a passenger who", "does not pay the fare on time and",
        "who is not at the gate.", "A sign reads \u2039 keep out. \u203A", "then a door opens.",
        "The fund paid out a total of", "2.5 million euros to the", "10.000 clients it served.",
        "Its rules are set out in the", "annex of the fund and in", "2.1 Scope", "The fund pays out",
        "4.2.1Avant le transport", "5.1.2.Nos agents", "The fund pays its members.", "3) Fees"}) {
    blocks.push_back(paragraph(line));
  }
  EXPECT_EQ(join_wrapped_lines(blocks).joined, 7u);
  EXPECT_EQ(texts(blocks),
            (std::vector<std::string>{
                "These conditions apply to every flight the carrier operates and to every passenger it carries.",
                "The carrier may refuse to carry a passenger who does not pay the fare on time and who is not at "
                "the gate.",
                "A sign reads \u2039 keep out. \u203A",  // a closing mark after the full stop ends the line
                "then a door opens.",
                "The fund paid out a total of 2.5 million euros to the 10.000 clients it served.",
                "Its rules are set out in the annex of the fund and in",
                "2.1 Scope",
                "The fund pays out",
                "4.2.1Avant le transport",  // a PDF's section number glued to its heading
                "5.1.2.Nos agents",
                "The fund pays its members.",
                "3) Fees",
            }));
}

TEST(WrappedLines, ADocumentWithAFewOpenLinesIsLeftAsItIs) {
  // Two paragraphs going on in lower case among twelve: a careless page,
  // not a PDF's lines.
  std::string text = "# Policy\n\n";
  for (int i = 0; i < 10; ++i) text += "Rule " + std::to_string(i) + " applies to every account.\n\n";
  text += "Contact us at\n\nsupport, or by mail\n\nto the office.\n";
  const Document doc = test::parse(text, "policy.md");
  EXPECT_EQ(doc.meta.normalized.joined_lines, 0u);
  EXPECT_EQ(sentences(doc).size(), 13u);
}

TEST(WrappedLines, AJoinedParagraphStopsGrowingAtItsCap) {
  // Lines that never close a sentence: one claim of the whole text would be
  // too long to pair. Paragraphs stop at the cap; no word is lost.
  std::vector<RawBlock> blocks;
  size_t bytes = 0;
  for (int i = 0; i < 5000; ++i) {
    blocks.push_back(paragraph("alpha beta gamma delta line " + std::to_string(i) + " goes on and"));
    bytes += blocks.back().text.size() + 1;
  }
  const WrappedJoin join = join_wrapped_lines(blocks);
  const size_t joined = join.joined;
  EXPECT_GT(joined, 4000u);
  EXPECT_EQ(join.capped, blocks.size() - 1);
  EXPECT_EQ(blocks.size(), 5000u - joined);
  EXPECT_GT(blocks.size(), bytes / kMaxJoinedBytes);
  size_t kept = 0;
  for (const RawBlock& b : blocks) {
    EXPECT_LT(b.text.size(), kMaxJoinedBytes);
    kept += b.text.size() + 1;
  }
  EXPECT_EQ(kept, bytes);
}

TEST(WrappedLines, TheCapIsAWarningOfTheComparison) {
  std::string text;
  for (int i = 0; i < 3000; ++i) text += "the fund pays for item " + std::to_string(i) + " and\n\n";
  const Document doc = test::parse(text, "lines.txt");
  EXPECT_GT(doc.meta.normalized.joined_capped, 0u);
  const ChangeSet changes = compare(test::parse("One claim.\n", "a.txt"), doc);
  const std::string warning = "new: " + std::to_string(doc.meta.normalized.joined_capped) +
                              " paragraphs of hard-wrapped text reached 16384 bytes";
  ASSERT_EQ(changes.warnings.empty(), false);
  EXPECT_TRUE(changes.warnings.front().starts_with(warning)) << changes.warnings.front();
}

TEST(WrappedLines, PlainTextLinesAreJoinedToo) {
  std::string text;
  for (int i = 0; i < 6; ++i)
    text += "The member states agree that the fund\n\nwill pay for item " + std::to_string(i) + ".\n\n";
  const Document doc = test::parse(text, "plain.txt");
  EXPECT_EQ(doc.meta.normalized.joined_lines, 6u);
  EXPECT_EQ(sentences(doc).front(), "The member states agree that the fund will pay for item 0.");
}

// Two records of Bershka's conditions by Open Terms Archive
// (tests/fixtures/bershka): a PDF's lines, wrapped at other words after the
// text was revised. Read as lines, every claim of the introduction changed;
// read as sentences, the revision is what is left.
TEST(WrappedLines, ARevisedPdfShowsItsRevisionNotItsWrapping) {
  const std::string dir = std::string(STRATA_SOURCE_DIR) + "/tests/fixtures/bershka/";
  const Document a = test::parse(test::read_file(dir + "conditions-2026-08-11a.md"), "a.md");
  const Document b = test::parse(test::read_file(dir + "conditions-2026-08-11b.md"), "b.md");
  EXPECT_GT(a.meta.normalized.joined_lines, 0u);
  EXPECT_GT(b.meta.normalized.joined_lines, 0u);
  const ChangeSet changes = compare(a, b);
  size_t unchanged = 0;
  std::vector<std::string> modified;
  for (const ClaimChange& c : changes.claims) {
    if (c.status == ChangeStatus::kUnchanged || c.status == ChangeStatus::kEquivalent) ++unchanged;
    if (c.status == ChangeStatus::kModified) modified.push_back(c.new_sides.front().text);
  }
  // The first sentence, whole on both sides, gained « BERSHKA »; "ce site
  // Internet" became "les Plateformes" in two more.
  ASSERT_FALSE(modified.empty());
  EXPECT_TRUE(modified.front().starts_with("Ce document (ainsi que les documents"));
  EXPECT_TRUE(modified.front().ends_with("(ci-après les « Conditions »)."));
  EXPECT_LE(modified.size(), 6u);
  EXPECT_GE(unchanged, 2u);
  bool replaced = false;
  for (const WordingShift& w : changes.wording) replaced |= w.from == "ce site Internet" && w.to == "les Plateformes";
  EXPECT_TRUE(replaced);
}

}  // namespace
}  // namespace strata
