#include <gtest/gtest.h>

#include "normalize/normalize.hpp"
#include "segment/segment.hpp"

namespace strata {
namespace {

std::vector<std::string> split(const std::string& text) {
  const std::string norm = normalize_text(text);
  std::vector<std::string> out;
  for (const Span& s : split_sentences(norm)) out.push_back(norm.substr(s.begin, s.end - s.begin));
  return out;
}

TEST(SentenceSplitter, SplitsPlainSentences) {
  EXPECT_EQ(split("One sentence. Another one! A third? Yes."),
            (std::vector<std::string>{"One sentence.", "Another one!", "A third?", "Yes."}));
}

// Chinese and Japanese end a sentence with '。', '！' or '？' and no space:
// the full stop ends one whatever follows; '!' and '?' (the comparison form
// of the fullwidth marks) when a Han character or kana follows. Closing
// brackets stay with the sentence; Latin text after '!' does not split.
TEST(SentenceSplitter, SplitsChineseAndJapaneseSentences) {
  EXPECT_EQ(split("\u672C\u6587\u3067\u3059\u3002\u6B21\u306E\u6587\u3067\u3059\u3002"),  // 本文です。次の文です。
            (std::vector<std::string>{"\u672C\u6587\u3067\u3059\u3002", "\u6B21\u306E\u6587\u3067\u3059\u3002"}));
  EXPECT_EQ(split("\u300C\u306F\u3044\u3002\u300D\u7B54\u3048\u3002"),  // 「はい。」答え。
            (std::vector<std::string>{"\u300C\u306F\u3044\u3002\u300D", "\u7B54\u3048\u3002"}));
  EXPECT_EQ(split("\u4F55\uFF1F\u6B21\uFF01\u7D42"),  // 何？次！終
            (std::vector<std::string>{"\u4F55?", "\u6B21!", "\u7D42"}));
  EXPECT_EQ(split("\u6570\u636E\u3002 Data follows."),  // 数据。 Data follows.
            (std::vector<std::string>{"\u6570\u636E\u3002", "Data follows."}));
  EXPECT_EQ(split("Visit Yahoo!Japan today. Price 3.5\u5186\u3002"),
            (std::vector<std::string>{"Visit Yahoo!Japan today.", "Price 3.5\u5186\u3002"}));
}

TEST(SentenceSplitter, KeepsAbbreviationsAndInitials) {
  struct Case {
    const char* text;
    size_t count;
  } cases[] = {
      {"Measures include training, e.g. demining. Next sentence.", 2},
      {"It is so, i.e. Not split here. But here.", 2},
      {"Mr. Smith met Dr. Jones. They talked.", 2},
      {"See No. 5 of the list. Then stop.", 2},
      {"He lives on St. Patrick Street. Fine.", 2},
      {"The U.S. Government agreed. Done.", 2},
      {"Secretary General J. Stoltenberg spoke. End.", 2},
  };
  for (const Case& c : cases) EXPECT_EQ(split(c.text).size(), c.count) << c.text;
}

TEST(SentenceSplitter, KeepsDatesAndNumbers) {
  EXPECT_EQ(split("Last updated: 06 May. 2015 09:43").size(), 1u);
  EXPECT_EQ(split("A project to destroy 1.5 million small arms and 133,000 tons. It ended.").size(), 2u);
  EXPECT_EQ(split("The budget was EUR 690 million. More followed.").size(), 2u);
  // A section cited by its number and title, as Air France's privacy policy
  // does ("rubrique « 6. QUI EST ... ? »"): one sentence.
  EXPECT_EQ(split("Veuillez vous reporter au point 6.4 de la rubrique \u00AB 6. QUI EST SUSCEPTIBLE "
                  "D'ACC\u00C9DER \u00C0 VOS DONN\u00C9ES ? \u00BB. Merci.")
                .size(),
            2u);
  EXPECT_EQ(split("See \"3. Scope\" and (4.2. Fees) below. Then stop.").size(), 2u);
  // A number that ends a sentence still ends it.
  EXPECT_EQ(split("The fee rose to 6. The cap stays.").size(), 2u);
  EXPECT_EQ(split("The fee rose to 6. May we ask why in 2025?").size(), 2u);
  // The day of a date as German writes it (Mozilla's German privacy
  // notice: "Gültig ab 17. Dezember 2025." was two claims, and the new date
  // a figure changed from 17 to 4).
  const auto german = split("G\u00fcltig ab Montag, 4. Mai 2026. Dieser Hinweis gilt ab 1. Januar 2027.");
  ASSERT_EQ(german.size(), 2u);
  EXPECT_EQ(german[0], "G\u00fcltig ab Montag, 4. Mai 2026.");
}

TEST(SentenceSplitter, HandlesQuotesAndEllipses) {
  EXPECT_EQ(split("He said: \u201CWe will help.\u201D The Allies agreed.").size(), 2u);
  EXPECT_EQ(split("Ministers stated : \u00AB\u2026In order to help, we act.\u00BB Then more.").size(), 2u);
  EXPECT_EQ(split("It went on\u2026 And then it stopped.").size(), 2u);
  EXPECT_EQ(split("It went on\u2026 and on.").size(), 1u);
}

TEST(SentenceSplitter, SemicolonListStaysOneSentence) {
  EXPECT_EQ(
      split("Five chapters: political issues; defence issues; resources; security issues; and legal issues.").size(),
      1u);
}

TEST(SentenceSplitter, NeverSplitsBeforeLowerCase) {
  EXPECT_EQ(split("The rate is 2.5 per cent. of the total.").size(), 1u);
}

}  // namespace
}  // namespace strata
