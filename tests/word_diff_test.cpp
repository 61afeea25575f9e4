#include <gtest/gtest.h>

#include <random>

#include "normalize/normalize.hpp"
#include "strata/compare.hpp"
#include "text/utf8.hpp"

namespace strata {
namespace {

std::string side(const std::vector<WordOp>& ops, WordOp::Op skip) {
  std::string out;
  for (const WordOp& op : ops) {
    if (op.op != skip) out += op.text;
  }
  return out;
}

TEST(WordDiff, ReplacesOnePhrase) {
  const auto ops = word_diff("They have no legitimacy, and NATO will not recognise them.",
                             "They have no legitimacy, and NATO does not recognise them.", 250000);
  ASSERT_EQ(ops.size(), 4u);
  EXPECT_EQ(ops[1].op, WordOp::Op::kDelete);
  EXPECT_EQ(ops[1].text, "will");
  EXPECT_EQ(ops[2].op, WordOp::Op::kInsert);
  EXPECT_EQ(ops[2].text, "does");
  EXPECT_EQ(ops[3].text, " not recognise them.");
}

// The white space around an edit stays outside it: a deleted sentence end
// follows the word it ends on, and the space the two sides share comes
// after the markers (the bundled 2023 -> 2024 pair printed
// "NATO [-. Recognising ... Alliance -]when").
TEST(WordDiff, SpaceAroundAnEditStaysOutside) {
  struct Case {
    const char* old_text;
    const char* new_text;
    std::vector<std::pair<WordOp::Op, std::string>> ops;
  };
  using Op = WordOp::Op;
  const Case cases[] = {
      {"a member of NATO. Recognising its progress, Allies will invite Ukraine when Allies agree.",
       "a member of NATO when Allies agree.",
       {{Op::kEqual, "a member of NATO"},
        {Op::kDelete, ". Recognising its progress, Allies will invite Ukraine"},
        {Op::kEqual, " when Allies agree."}}},
      {"one two three four five",
       "one two four five",
       {{Op::kEqual, "one two "}, {Op::kDelete, "three "}, {Op::kEqual, "four five"}}},
      {"one two four five",
       "one two three four five",
       {{Op::kEqual, "one two "}, {Op::kInsert, "three "}, {Op::kEqual, "four five"}}},
      {"start here and go",
       "begin here and go",
       {{Op::kDelete, "start"}, {Op::kInsert, "begin"}, {Op::kEqual, " here and go"}}},
      {"it ends here",
       "it ends there now",
       {{Op::kEqual, "it ends "}, {Op::kDelete, "here"}, {Op::kInsert, "there now"}}},
  };
  for (const Case& c : cases) {
    const auto ops = word_diff(c.old_text, c.new_text, 250000);
    std::vector<std::pair<WordOp::Op, std::string>> got;
    for (const WordOp& op : ops) got.emplace_back(op.op, op.text);
    EXPECT_EQ(got, c.ops) << c.old_text;
    EXPECT_EQ(side(ops, WordOp::Op::kDelete), c.new_text);
    EXPECT_EQ(side(ops, WordOp::Op::kInsert), c.old_text);
  }
}

TEST(WordDiff, OpsRebuildBothSides) {
  const char* pairs[][2] = {
      {"NATO condemns in the strongest possible terms Russia\u2019s illegal war.",
       "NATO condemns Russia's brutal and unprovoked war, again."},
      {"a b c d e", "x b y d z"},
      {"", "Only new."},
      {"Only old.", ""},
      {"Since 2014, EUR 690 million.", "Since 2015, EUR 700 million."},
  };
  for (const auto& p : pairs) {
    const auto ops = word_diff(p[0], p[1], 250000);
    EXPECT_EQ(side(ops, WordOp::Op::kDelete), p[1]) << p[0];
    EXPECT_EQ(normalize_text(side(ops, WordOp::Op::kInsert)), normalize_text(p[0])) << p[0];
  }
}

TEST(WordDiff, SmallEqualIslandsJoinTheEdit) {
  // "the" between two edits is absorbed: one replaced phrase, not fragments.
  const auto ops = word_diff("alpha the beta stays here", "gamma the delta stays here", 250000);
  ASSERT_EQ(ops.size(), 3u);
  EXPECT_EQ(ops[0].text, "alpha the beta");
  EXPECT_EQ(ops[1].text, "gamma the delta");
  EXPECT_EQ(ops[2].op, WordOp::Op::kEqual);
}

TEST(WordDiff, CutsBetweenWholeCodePoints) {
  const auto ops = word_diff("un caf\u00E9 noir", "un caf\u00E8 noir", 250000);
  ASSERT_EQ(ops.size(), 4u);
  EXPECT_EQ(ops[1].text, "caf\u00E9");
  EXPECT_EQ(ops[2].text, "caf\u00E8");
  for (const WordOp& op : ops) EXPECT_EQ(utf8::find_invalid(op.text), std::string_view::npos);
  // A combining mark never stands alone in an edit.
  const auto nfd = word_diff("cafe\u0301 noir", "cafe\u0300 noir", 250000);
  ASSERT_EQ(nfd.size(), 3u);
  EXPECT_EQ(nfd[0].text, "cafe\u0301");
  EXPECT_EQ(nfd[1].text, "cafe\u0300");
}

TEST(WordDiff, TypographyOnlyIsNoEdit) {
  const auto ops = word_diff("Russia\u2019s \u201Cannexation\u201D", "Russia's \"annexation\"", 250000);
  ASSERT_EQ(ops.size(), 1u);
  EXPECT_EQ(ops[0].op, WordOp::Op::kEqual);
}

TEST(WordDiff, CapReturnsNothing) {
  std::string a, b;
  for (int i = 0; i < 600; ++i) {
    a += "w" + std::to_string(i) + " ";
    b += "v" + std::to_string(i) + " ";
  }
  EXPECT_TRUE(word_diff(a, b, 250000).empty());
  // No token once on each side to cut at, and no common end: one stretch
  // over the cap, nothing.
  std::string c, d;
  for (int i = 0; i < 600; ++i) {
    c += "alpha beta ";
    d += "beta alpha ";
  }
  EXPECT_TRUE(word_diff(c, d, 250000).empty());
}

// A claim over the cap whose edits are local (a table row of a privacy
// policy, three items inserted) is still diffed: its common ends set aside
// and the rest cut at words found once on each side, each stretch under the
// cap. The edits are the inserted words alone.
TEST(WordDiff, LocalEditsOverTheCapAreStillDiffed) {
  std::string old_text, new_text;
  for (int i = 0; i < 700; ++i) {
    const std::string word = "w" + std::to_string(i) + (i % 7 == 0 ? " and " : " ");
    old_text += word;
    new_text += word;
    if (i == 100) new_text += "children under 16 ";
    if (i == 400) new_text += "minimum age ";
  }
  ASSERT_GT(old_text.size() / 3 * (new_text.size() / 3), 250000u);  // well over the cap in tokens
  const auto ops = word_diff(old_text, new_text, 250000);
  ASSERT_FALSE(ops.empty());
  std::vector<std::string> inserted;
  for (const auto& op : ops) {
    EXPECT_NE(op.op, WordOp::Op::kDelete) << op.text;
    if (op.op == WordOp::Op::kInsert) inserted.push_back(op.text);
  }
  EXPECT_EQ(inserted, (std::vector<std::string>{"children under 16 ", "minimum age "}));
  EXPECT_EQ(side(ops, WordOp::Op::kInsert), old_text);
  EXPECT_EQ(side(ops, WordOp::Op::kDelete), new_text);
}

// Whatever path a pair takes (dtl whole, or by stretches over a small cap,
// or nothing when a stretch is over it), what it returns spells both sides:
// the kept and deleted texts give the old one, the kept and inserted the
// new one. Pairs drawn from a seeded generator: words from a small
// vocabulary (few anchors) and unique ones (many), edited in places.
TEST(WordDiff, EveryPathSpellsBothSides) {
  std::mt19937 random(20261129);
  auto pick = [&](size_t n) { return static_cast<size_t>(random() % n); };
  size_t diffed_over_cap = 0;
  for (int round = 0; round < 300; ++round) {
    std::vector<std::string> words;
    const size_t length = 5 + pick(120);
    for (size_t k = 0; k < length; ++k) {
      words.push_back(pick(3) == 0 ? "u" + std::to_string(k) : "w" + std::to_string(pick(6)));
    }
    std::vector<std::string> edited = words;
    for (size_t e = pick(5); e > 0; --e) {
      const size_t at = pick(edited.size() + 1);
      if (pick(2) == 0 && at < edited.size()) {
        edited.erase(edited.begin() + static_cast<std::ptrdiff_t>(at));
      } else {
        edited.insert(edited.begin() + static_cast<std::ptrdiff_t>(at), "n" + std::to_string(pick(4)));
      }
    }
    std::string old_text, new_text;
    for (const auto& w : words) old_text += w + " ";
    for (const auto& w : edited) new_text += w + " ";
    const size_t cap = 50 + pick(400);
    const auto ops = word_diff(old_text, new_text, cap);
    if (ops.empty()) continue;
    if (words.size() * edited.size() > cap) ++diffed_over_cap;
    EXPECT_EQ(side(ops, WordOp::Op::kInsert), old_text) << "round " << round;
    EXPECT_EQ(side(ops, WordOp::Op::kDelete), new_text) << "round " << round;
  }
  EXPECT_GT(diffed_over_cap, 50u);  // the anchored path was taken, and often
}

}  // namespace
}  // namespace strata
