#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "strata/load.hpp"
#include "test_util.hpp"

namespace strata {
namespace {

using test::find_section;
using test::load_snapshot;

std::vector<std::string> child_titles(const Document& doc, int index) {
  std::vector<std::string> out;
  for (int c : doc.sections[static_cast<size_t>(index)].children)
    out.push_back(doc.sections[static_cast<size_t>(c)].title);
  return out;
}

// List nesting is kept in 16 bits: a hostile list nested 70,000 deep counts
// as 65,535 deep, where a wider count would have made every block larger.
TEST(Segment, ListsNestedPastTheLimitCountAsTheDeepest) {
  std::string nested;
  for (int k = 0; k < 70'000; ++k) nested += "- ";
  auto doc = parse_document(nested + "deep\n", "deep.md");
  ASSERT_TRUE(doc) << doc.error().message;
  ASSERT_EQ(doc->sentence_count(), 1u);
  EXPECT_EQ(doc->sections[0].blocks[0].depth, 65'535);
  EXPECT_EQ(doc->sections[0].sentences[0].text, "deep");
}

TEST(Segment, Page2015Outline) {
  const Document doc = load_snapshot("page-2015");
  EXPECT_EQ(doc.meta.title, "NATO\u2019s relations with Ukraine");
  EXPECT_EQ(doc.meta.date, "2015-05-06");
  const int more = find_section(doc, "More background information");
  ASSERT_GT(more, 0);
  EXPECT_EQ(
      child_titles(doc, more),
      (std::vector<std::string>{"Response to the Russia-Ukraine conflict", "Key areas of NATO-Ukraine cooperation",
                                "Framework for cooperation", "Milestones in relations"}));
  const int key = find_section(doc, "Key areas of NATO-Ukraine cooperation");
  EXPECT_EQ(child_titles(doc, key),
            (std::vector<std::string>{"Peace-support operations", "Defence and security sector reform",
                                      "Military-to-military cooperation", "Defence technical cooperation",
                                      "Civil emergency planning", "Security-related scientific cooperation",
                                      "Public information"}));
  // Bullet-headed subsections with an indented body, trimmed of layout spaces.
  const int reform = find_section(doc, "Defence and security sector reform");
  const auto reform_children = child_titles(doc, reform);
  EXPECT_NE(std::find(reform_children.begin(), reform_children.end(), "Capacity-building and civil control"),
            reform_children.end());
  EXPECT_NE(std::find(reform_children.begin(), reform_children.end(), "Defence Education Enhancement Programme (DEEP)"),
            reform_children.end());
  // The C4 trust-fund lines are list items of their section, not headings.
  const int response = find_section(doc, "Response to the Russia-Ukraine conflict");
  const auto& blocks = doc.sections[static_cast<size_t>(response)].blocks;
  EXPECT_EQ(std::count_if(blocks.begin(), blocks.end(), [](const Block& b) { return b.kind == BlockKind::kListItem; }),
            5);
  // "Last updated" is metadata, not content.
  ASSERT_FALSE(doc.removals.empty());
  EXPECT_EQ(doc.removals[0].rule, "last-updated");
}

TEST(Segment, Page2023Outline) {
  const Document doc = load_snapshot("page-2023");
  const int first = find_section(doc, "Evolution of NATO-Ukraine relations");
  const int second = find_section(doc, "Evolution of NATO-Ukraine relations", first);
  ASSERT_GT(first, 0);
  ASSERT_GT(second, first);
  EXPECT_NE(doc.sections[static_cast<size_t>(first)].id, doc.sections[static_cast<size_t>(second)].id);
  EXPECT_GT(find_section(doc, "Response to Russia\u2019s war against Ukraine"), 0);
  const int cap = find_section(doc, "Practical support to Ukraine \u2013 the Comprehensive Assistance Package");
  ASSERT_GT(cap, 0);
  EXPECT_EQ(child_titles(doc, cap).size(), 6u);
  EXPECT_EQ(child_titles(doc, cap)[0], "The Ukraine CAP Trust Fund");
  const int rep = find_section(doc, "The NATO Representation to Ukraine");
  EXPECT_EQ(child_titles(doc, rep), (std::vector<std::string>{"NATO Information and Documentation Centre (NIDC)",
                                                              "NATO Liaison Office (NLO)"}));
  const int wider = find_section(doc, "Wider cooperation");
  const auto programmes = child_titles(doc, wider);
  EXPECT_GE(programmes.size(), 9u);
  EXPECT_EQ(programmes.front(), "NATO-Ukraine Platform on Countering Hybrid Warfare");
  EXPECT_NE(std::find(programmes.begin(), programmes.end(), "Science for Peace and Security (SPS) Programme"),
            programmes.end());
  // The title line repeated as a banner is not a section.
  EXPECT_EQ(find_section(doc, "NATO \u2013 Topic: Relations with Ukraine"), -1);
}

TEST(Segment, Page2024QuestionsAreSections) {
  const Document doc = load_snapshot("page-2024");
  EXPECT_EQ(doc.meta.date, "2024-07-02");
  const int faq = find_section(doc, "Frequently Asked Questions");
  ASSERT_GT(faq, 0);
  const auto questions = child_titles(doc, faq);
  ASSERT_EQ(questions.size(), 7u);
  EXPECT_EQ(questions[1], "4. Will Ukraine join NATO?");
  // "Learn more:" link lines are boilerplate.
  for (const Section& s : doc.sections) {
    for (const Sentence& sentence : s.sentences) EXPECT_FALSE(sentence.norm.view().starts_with("Learn more:"));
  }
  // The repeated heading at the end is one section.
  const int relations = find_section(doc, "Relations with Ukraine");
  ASSERT_GT(relations, 0);
  EXPECT_EQ(find_section(doc, "Relations with Ukraine", relations), -1);
}

TEST(Segment, IdsAreUniqueInEverySnapshot) {
  for (const char* id : {"page-2015", "guide-2016-2018", "page-2023", "page-2024", "encyclopedia"}) {
    const Document doc = load_snapshot(id);
    std::set<std::string> ids;
    for (const Section& s : doc.sections) EXPECT_TRUE(ids.insert(s.id).second) << id << ": " << s.id;
  }
}

TEST(Segment, CrlfCopyGivesTheSameTree) {
  const std::string lf = test::read_file(test::snapshot_path("page-2015"));
  std::string crlf;
  for (char c : lf) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  auto a = parse_document(lf, "a.txt");
  auto b = parse_document(crlf, "b.txt");
  ASSERT_TRUE(a && b);
  ASSERT_EQ(a->sections.size(), b->sections.size());
  for (size_t i = 0; i < a->sections.size(); ++i) {
    EXPECT_EQ(a->sections[i].id, b->sections[i].id);
    ASSERT_EQ(a->sections[i].blocks.size(), b->sections[i].blocks.size());
    for (size_t k = 0; k < a->sections[i].blocks.size(); ++k) {
      ASSERT_EQ(a->sections[i].blocks[k].sentence_count, b->sections[i].blocks[k].sentence_count);
      for (size_t s = 0; s < a->sections[i].blocks[k].sentence_count; ++s) {
        EXPECT_EQ(a->sentence_at(i, k, s).text, b->sentence_at(i, k, s).text);
      }
    }
  }
}

TEST(Segment, SentencesKeepTheOriginalText) {
  const Document doc = load_snapshot("page-2023");
  const Sentence& first = doc.sentence_at(0, 0, 0);
  EXPECT_EQ(first.text, "The security of Ukraine is of great importance to NATO and its member states.");
  const Sentence& second = doc.sentence_at(0, 0, 1);
  EXPECT_NE(second.text.find("Ukraine\u2019s inherent right"), std::string::npos);
  EXPECT_NE(second.norm.find("Ukraine's inherent right"), std::string::npos);
}

TEST(Segment, MarkdownStructure) {
  const std::string md =
      "# Report\n\nIntro paragraph. Two sentences.\n\n## First part\n\nText of the\nfirst part.\n\n"
      "- item one\n- item two\n  - nested **bold** item\n\n> A quote.\n\nSecond title\n------------\n\n"
      "1. numbered [link](http://x) item\n\n```\ncode. Not split.\n```\n\n### Deeper\n\nDeep text.\n";
  auto doc = parse_document(md, "t.md");
  ASSERT_TRUE(doc);
  EXPECT_EQ(doc->meta.title, "Report");
  ASSERT_EQ(doc->sections.size(), 4u);
  EXPECT_EQ(doc->sections[0].blocks[0].sentence_count, 2u);
  EXPECT_EQ(doc->sections[1].title, "First part");
  const auto& blocks = doc->sections[1].blocks;
  ASSERT_EQ(blocks.size(), 5u);
  EXPECT_EQ(doc->sentence_at(1, 0, 0).text, "Text of the first part.");
  EXPECT_EQ(blocks[3].kind, BlockKind::kListItem);
  EXPECT_EQ(blocks[3].depth, 1);
  EXPECT_EQ(doc->sentence_at(1, 3, 0).text, "nested bold item");
  EXPECT_EQ(blocks[4].kind, BlockKind::kQuote);
  EXPECT_EQ(doc->sections[2].title, "Second title");
  EXPECT_EQ(doc->sentence_at(2, 0, 0).text, "numbered link item");
  EXPECT_EQ(doc->sections[2].blocks[1].kind, BlockKind::kCode);
  EXPECT_EQ(doc->sections[3].title, "Deeper");
  EXPECT_EQ(doc->sections[3].parent, 2);
}

TEST(Segment, PlainTextWithoutHeadings) {
  auto doc = parse_document("Just one paragraph. With two sentences.\n", "p.txt");
  ASSERT_TRUE(doc);
  EXPECT_EQ(doc->sections.size(), 1u);
  EXPECT_EQ(doc->sentence_count(), 2u);
}

}  // namespace
}  // namespace strata
