// SharedText: a text that copies by reference, and the documents of a
// history that share the sentences of the paragraphs they have in common.
#include "strata/shared_text.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "strata/load.hpp"
#include "strata/programmes.hpp"
#include "test_util.hpp"

namespace strata {
namespace {

TEST(SharedText, CopiesShareOneTextAndCompareByContent) {
  const std::string source = "The service stores your data for 30 days.";
  SharedText a(source);
  EXPECT_EQ(a.view(), source);
  EXPECT_NE(static_cast<const void*>(a.data()), static_cast<const void*>(source.data()));
  EXPECT_STREQ(a.data(), source.c_str());  // ends with a NUL, as a std::string's
  SharedText b = a;
  EXPECT_TRUE(b.same_as(a));
  EXPECT_EQ(b.data(), a.data());
  const SharedText c{std::string_view(source)};
  EXPECT_FALSE(c.same_as(a));
  EXPECT_EQ(c, a);
  EXPECT_EQ(a, source);
  EXPECT_EQ(a, "The service stores your data for 30 days.");
  EXPECT_LT(SharedText("abc"), SharedText("abd"));
  EXPECT_GT(SharedText("b"), std::string_view("a"));
  EXPECT_EQ(a + "!", source + "!");
  EXPECT_EQ("> " + a, "> " + source);
  EXPECT_EQ(a.find("30"), source.find("30"));
  EXPECT_EQ(a.substr(4, 7), "service");
  // A text made from part of a longer one ends where the part does.
  const SharedText part(std::string_view(source).substr(4, 7));
  EXPECT_STREQ(part.data(), "service");
}

TEST(SharedText, EmptyMovedAndReassigned) {
  const SharedText empty;
  EXPECT_TRUE(empty.empty());
  EXPECT_EQ(empty.size(), 0u);
  EXPECT_STREQ(empty.data(), "");
  EXPECT_TRUE(SharedText(std::string()).same_as(empty));  // no allocation for an empty text
  SharedText a("first");
  SharedText moved = std::move(a);
  EXPECT_EQ(moved, "first");
  EXPECT_TRUE(a.empty());  // NOLINT(bugprone-use-after-move): a moved-from text is empty
  SharedText b("second");
  b = moved;
  EXPECT_TRUE(b.same_as(moved));
  const SharedText& self = b;
  b = self;
  EXPECT_EQ(b, "first");
  b = std::string("third");
  EXPECT_EQ(b, "third");
  EXPECT_EQ(moved, "first");
}

// The hash is the text's, whichever copy asks first, and never 0; texts
// with other bytes hash otherwise (these do; 64 bits make a collision rare).
TEST(SharedText, HashIsTheTextsAndSharedByItsCopies) {
  const std::string source(100, 'a');
  const SharedText a(source);
  const SharedText copy = a;
  const SharedText made_again(source);
  EXPECT_EQ(copy.hash(), made_again.hash());  // asked of a copy first
  EXPECT_EQ(a.hash(), made_again.hash());
  EXPECT_NE(a.hash(), 0u);
  EXPECT_NE(SharedText().hash(), 0u);
  EXPECT_EQ(SharedText().hash(), SharedText(std::string()).hash());
  EXPECT_NE(a.hash(), SharedText(std::string(99, 'a')).hash());
  EXPECT_NE(a.hash(), SharedText(std::string(99, 'a') + "b").hash());
  // Two threads asking at once get the same value.
  const SharedText fresh(std::string(5000, 'z'));
  uint64_t one = 0, two = 0;
  std::thread first([&] { one = fresh.hash(); });
  std::thread second([&] { two = fresh.hash(); });
  first.join();
  second.join();
  EXPECT_EQ(one, two);
  EXPECT_EQ(one, SharedText(std::string(5000, 'z')).hash());
}

// Copies made and dropped on two threads at once: the count of references is
// exact (a lost count frees a text still in use, which the sanitizers and the
// content check below catch).
TEST(SharedText, CopiesOnManyThreads) {
  const SharedText shared(std::string(1000, 'x'));
  auto work = [&] {
    std::vector<SharedText> held;
    for (int round = 0; round < 20000; ++round) {
      held.push_back(shared);
      if (held.size() > 64) held.clear();
    }
  };
  std::thread one(work), two(work);
  one.join();
  two.join();
  EXPECT_EQ(shared.view(), std::string(1000, 'x'));
}

// Two versions of a real policy (GitHub's account terms, CC0) parsed with the
// caches of one history: the sentences of the paragraphs the second kept are
// the first one's texts, not copies of them; a sentence that compares as it
// reads holds one text for both forms.
TEST(SharedText, VersionsOfAHistoryShareTheirUnchangedSentences) {
  const std::string dir = std::string(STRATA_SOURCE_DIR) + "/tests/golden/site-policy-accounts/";
  LoadOptions options;
  options.cache = std::make_shared<ReadCache>();
  options.sentences = std::make_shared<SentenceCache>();
  const auto older = parse_document(test::read_file(dir + "terms-2018-04-19.md"), "a.md", options);
  const auto newer = parse_document(test::read_file(dir + "terms-2018-05-10.md"), "b.md", options);
  ASSERT_TRUE(older && newer);
  auto texts_of = [](std::span<const Sentence> sentences) {
    std::vector<std::string> out;
    for (const Sentence& k : sentences) out.push_back(k.text.str());
    return out;
  };
  std::vector<std::pair<BlockKind, std::span<const Sentence>>> before;
  for (const Section& s : older->sections)
    for (const Block& b : s.blocks) before.emplace_back(b.kind, s.sentences_of(b));
  size_t kept = 0, blocks = 0, one_text = 0;
  for (const Section& s : newer->sections) {
    for (const Block& b : s.blocks) {
      ++blocks;
      const auto sentences = s.sentences_of(b);
      for (const Sentence& k : sentences) {
        if (k.norm == k.text) {
          ++one_text;
          EXPECT_TRUE(k.norm.same_as(k.text)) << k.text;
        }
      }
      for (const auto& [kind, old] : before) {
        if (kind != b.kind || texts_of(old) != texts_of(sentences)) continue;
        ++kept;
        for (size_t k = 0; k < sentences.size(); ++k) {
          EXPECT_TRUE(old[k].text.same_as(sentences[k].text)) << sentences[k].text;
          EXPECT_TRUE(old[k].norm.same_as(sentences[k].norm)) << sentences[k].text;
        }
        break;
      }
    }
  }
  // May 2018 capitalized "Account" in many of April's paragraphs: the others
  // are April's.
  EXPECT_GE(kept, blocks / 3);
  EXPECT_LT(kept, blocks);
  EXPECT_GT(one_text, 0u);
}

}  // namespace
}  // namespace strata
