// The closed-class lexicons facts are read from (classify/fact_words.hpp),
// laid out by the compiler: every item as the tokenizer reads it, found as
// itself, the longest item at each word.
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "classify/fact_words.hpp"
#include "text/words.hpp"

namespace strata {
namespace {

using namespace classify_detail;

struct Named {
  std::string_view name;
  const Lexicon& lexicon;
  size_t items;
};

std::vector<Named> all_lexicons() {
  return {{"negations", negations(), 33},
          {"modals", modals(), 19},
          {"hedges", hedges(), 24},
          {"intensifiers", intensifiers(), 31},
          {"quantifiers", quantifiers(), 20}};
}

// "canonical@begin-end" for each occurrence of `lexicon` in `text`.
std::vector<std::string> found(const Lexicon& lexicon, std::string_view text) {
  const Hunks hunks = build_hunks(text, "", {});
  std::vector<std::string> out;
  for (const auto& o : lexicon.find(hunks.old_side)) {
    out.push_back(std::string(o.item) + "@" + std::to_string(o.begin) + "-" + std::to_string(o.end));
  }
  return out;
}

TEST(FactLexicons, TheTokenizerReadsEveryItemAsItsWords) {
  for (const Named& n : all_lexicons()) {
    EXPECT_EQ(n.lexicon.entries().size(), n.items) << n.name;
    for (const Lexicon::Entry& e : n.lexicon.entries()) {
      const std::vector<std::string_view> expected(e.words.begin(), e.words.begin() + static_cast<long>(e.size));
      EXPECT_EQ(words_of(e.form), expected) << n.name << ": " << e.form;
    }
  }
}

TEST(FactLexicons, EntriesSortedByFirstWordThenLongestFirst) {
  for (const Named& n : all_lexicons()) {
    const auto entries = n.lexicon.entries();
    for (size_t i = 1; i < entries.size(); ++i) {
      const auto& a = entries[i - 1];
      const auto& b = entries[i];
      EXPECT_TRUE(a.words[0] < b.words[0] || (a.words[0] == b.words[0] && a.size >= b.size))
          << n.name << ": '" << a.form << "' before '" << b.form << "'";
    }
  }
}

TEST(FactLexicons, EveryItemIsFoundAsItself) {
  for (const Named& n : all_lexicons()) {
    for (const Lexicon::Entry& e : n.lexicon.entries()) {
      const std::string expected = std::string(e.canonical) + "@0-" + std::to_string(e.size);
      EXPECT_EQ(found(n.lexicon, e.form), std::vector<std::string>{expected}) << n.name;
      EXPECT_EQ(found(n.lexicon, "and " + std::string(e.form) + " so"),
                std::vector<std::string>{std::string(e.canonical) + "@1-" + std::to_string(e.size + 1)})
          << n.name;
    }
  }
}

TEST(FactLexicons, ItemsInSentences) {
  struct Case {
    const Lexicon& lexicon;
    std::string_view text;
    std::vector<std::string> expected;
  };
  const Case cases[] = {
      // Contracted forms read as their modal, and as the "not" they carry.
      {modals(), "Allies won't and cannot agree", {"will@1-2", "can@3-4"}},
      {negations(), "Allies won't and cannot agree", {"not@1-2", "not@3-4"}},
      // The longest item at each word.
      {negations(), "not yet, not now, no longer", {"not yet@0-2", "not@2-3", "no longer@4-6"}},
      {intensifiers(), "condemns in the strongest possible terms", {"in the strongest possible terms@1-6"}},
      {quantifiers(), "a few of the majority of all", {"a few@0-2", "the majority of@3-6", "all@6-7"}},
      {hedges(), "it appears to be up to them", {"appears to@1-3", "up to@4-6"}},
      {modals(), "You ought to", {"ought to@1-3"}},
      // Case is folded, but "May" is a month.
      {modals(), "WILL; May 2015; they may", {"will@0-1", "may@4-5"}},
      // A first word alone is no item.
      {hedges(), "appears in part", {"in part@1-3"}},
      {quantifiers(), "a wide range", {}},
  };
  for (const Case& c : cases) EXPECT_EQ(found(c.lexicon, c.text), c.expected) << c.text;
}

}  // namespace
}  // namespace strata
