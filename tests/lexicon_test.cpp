// The word lists of text/lexicon.hpp, laid out by the compiler, and the
// hash they are keyed by (text/hash.hpp), which the compiler must compute
// as the program does.
#include <gtest/gtest.h>

#include <array>
#include <string>
#include <string_view>

#include "text/hash.hpp"
#include "text/lexicon.hpp"

namespace strata {
namespace {

using namespace classify_detail;

// Bytes of every class the hash reads differently: ASCII, UTF-8 (high bit
// set, so signed as char), and 70 of them, past the 32-byte lanes.
constexpr std::string_view kHashed =
    "Ukraine's Kyiv \xe2\x80\x94 caf\xc3\xa9 1,000 NATO-led forces; programme ABCDEFGHIJKLMNOP";

constexpr std::array<uint64_t, kHashed.size() + 1> compile_time_hashes() {
  std::array<uint64_t, kHashed.size() + 1> out{};
  for (size_t n = 0; n <= kHashed.size(); ++n) out[n] = util::word_hash(kHashed.substr(0, n));
  return out;
}

TEST(WordHash, TheCompilerHashesEveryLengthAsTheProgramDoes) {
  constexpr auto kAtCompileTime = compile_time_hashes();
  const std::string bytes(kHashed);  // at run time, from the heap
  for (size_t n = 0; n <= bytes.size(); ++n) {
    EXPECT_EQ(util::word_hash(std::string_view(bytes).substr(0, n)), kAtCompileTime[n]) << "first " << n << " bytes";
  }
}

TEST(Lexicon, FlagsOfWordsOfEachList) {
  struct Case {
    std::string_view word;
    uint32_t flags;
  };
  const Case cases[] = {
      {"the", kStop | kConnector | kDeterminer},
      {"a", kStop | kConnector},
      {"against", kStop | kConnector},
      {"may", kStop | kMonth},
      {"all", kStop},
      {"exercise", kHead | kPrefixHead | kLowercaseHead},
      {"programme", kHead | kLowercaseHead | kGenericTail},
      {"initiative", kHead | kLowercaseHead | kGenericTail},
      {"project", kLowercaseHead},
      {"ukraine", kPlace},
      {"morocco", kPlace},
      {"sept", kMonth},
      {"autumn", kMonth},
      {"secretary", kPersonTitle},
      {"twenty", kNumberWord},
      // Not in any list: unfolded, plural, empty, a prefix of a listed word.
      {"The", 0},
      {"programmes", 0},
      {"", 0},
      {"ukrain", 0},
      {"nato", 0},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(lexicon_flags(c.word), c.flags) << c.word;
    EXPECT_EQ(lexicon().find(c.word, util::word_hash(c.word)), c.flags) << c.word;
  }
}

TEST(Lexicon, SpelledNumbersTwoToTwenty) {
  EXPECT_EQ(spelled_number("two"), 2);
  EXPECT_EQ(spelled_number("twelve"), 12);
  EXPECT_EQ(spelled_number("twenty"), 20);
  EXPECT_EQ(spelled_number("one"), 0);
  EXPECT_EQ(spelled_number("Two"), 0);
}

TEST(WordTableBuilder, AWordAddedAgainGainsTheFlags) {
  constexpr auto kSlots = [] {
    WordTableBuilder<8> table;
    table.add("head", kHead);
    table.add("fund", kHead);
    table.add("head", kPersonTitle);
    return table.slots();
  }();
  const WordTable table(kSlots);
  EXPECT_EQ(table.find("head"), kHead | kPersonTitle);
  EXPECT_EQ(table.find("fund"), kHead);
  EXPECT_EQ(table.find("heads"), 0u);
}

}  // namespace
}  // namespace strata
