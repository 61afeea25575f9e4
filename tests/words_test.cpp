// The one tokenizer and the word tests every later stage shares
// (text/words.hpp), and slugs (text/slug.hpp).
#include <gtest/gtest.h>
#include <utf8proc.h>

#include <string>
#include <vector>

#include "normalize/normalize.hpp"
#include "strata/ingest.hpp"
#include "test_util.hpp"
#include "text/slug.hpp"
#include "text/utf8.hpp"
#include "text/words.hpp"

namespace strata {
namespace {

using classify_detail::Token;

std::vector<std::string> token_texts(std::string_view text) {
  std::vector<std::string> out;
  for (const Token& t : classify_detail::tokenize(text)) {
    out.emplace_back(classify_detail::token_text(text, t));
  }
  return out;
}

std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> out;
  for (std::string_view w : classify_detail::words_of(text)) out.emplace_back(w);
  return out;
}

// Chinese and Japanese put no space between words: each Han character and
// kana is a word, so a word diff marks the characters that changed. Digits,
// Latin words and Hangul (written with spaces) stay whole; the kana middle
// dot is punctuation, and a hyphen does not join a Han character to a word.
TEST(Tokenizer, HanAndKanaAreOneCharacterWords) {
  EXPECT_EQ(token_texts("\u672C\u6587\u3067\u3059\u3002"),  // 本文です。
            (std::vector<std::string>{"\u672C", "\u6587", "\u3067", "\u3059", "\u3002"}));
  EXPECT_EQ(words("2026\u5E745\u67084\u65E5"),  // 2026年5月4日
            (std::vector<std::string>{"2026", "\u5E74", "5", "\u6708", "4", "\u65E5"}));
  EXPECT_EQ(words("Firefox\u306E AI-\u6A5F\u80FD"),  // Firefoxの AI-機能
            (std::vector<std::string>{"Firefox", "\u306E", "AI", "\u6A5F", "\u80FD"}));
  EXPECT_EQ(token_texts("\u30C8\u30FB\u30B7\u30FC"),  // ト・シー: the prolonged sound mark is a letter
            (std::vector<std::string>{"\u30C8", "\u30FB", "\u30B7", "\u30FC"}));
  EXPECT_EQ(words("\uD55C\uAD6D\uC5B4 \uBB38\uC11C 2024\uB144"),  // 한국어 문서 2024년
            (std::vector<std::string>{"\uD55C\uAD6D\uC5B4", "\uBB38\uC11C", "2024\uB144"}));
  EXPECT_EQ(words("\u0E20\u0E32\u0E29\u0E32\u0E44\u0E17\u0E22"),  // ภาษาไทย: one run, as written
            (std::vector<std::string>{"\u0E20\u0E32\u0E29\u0E32\u0E44\u0E17\u0E22"}));
}

TEST(Tokenizer, HyphensAndApostrophesInsideAWordJoinIt) {
  EXPECT_EQ(words("NATO-Ukraine Council's decision"),
            (std::vector<std::string>{"NATO-Ukraine", "Council's", "decision"}));
  // A dash between spaces, or at a word's edge, is punctuation.
  EXPECT_EQ(token_texts("war - and peace-"), (std::vector<std::string>{"war", "-", "and", "peace", "-"}));
  // Typographic apostrophes are kept in display text, which is tokenized too.
  EXPECT_EQ(words("NATO\u2019s role"), (std::vector<std::string>{"NATO\u2019s", "role"}));
}

TEST(Tokenizer, DecimalMarksJoinOnlyBetweenDigits) {
  EXPECT_EQ(words("EUR 1,500.5 million in 2024."),
            (std::vector<std::string>{"EUR", "1,500.5", "million", "in", "2024"}));
  EXPECT_EQ(token_texts("2024. Then"), (std::vector<std::string>{"2024", ".", "Then"}));
  EXPECT_EQ(token_texts("a,b"), (std::vector<std::string>{"a", ",", "b"}));
}

TEST(Tokenizer, LettersOfAnyScriptAreWords) {
  EXPECT_EQ(words("Київ і Вільнюс"), (std::vector<std::string>{"Київ", "і", "Вільнюс"}));
  EXPECT_EQ(words("naïve café"), (std::vector<std::string>{"naïve", "café"}));
  // A no-break space separates words; other symbols are one token each.
  EXPECT_EQ(token_texts("a\u00A0b \u00A7 c"), (std::vector<std::string>{"a", "b", "\u00A7", "c"}));
}

TEST(Tokenizer, EmptyAndPunctuationOnly) {
  EXPECT_TRUE(classify_detail::tokenize("").empty());
  EXPECT_TRUE(classify_detail::tokenize("   \n\t").empty());
  EXPECT_FALSE(classify_detail::has_word("-- ... !"));
  EXPECT_EQ(token_texts("!?"), (std::vector<std::string>{"!", "?"}));
}

// On every bundled snapshot: tokens are in order, never overlap, cover
// every byte that is not white space, and the streaming form gives the
// same tokens as the vector form.
TEST(Tokenizer, CoversEveryNonSpaceByteOfTheBundledSnapshots) {
  for (const char* id : {"page-2015", "page-2023", "page-2024"}) {
    auto bytes = read_file_bytes(test::snapshot_path(id));
    ASSERT_TRUE(bytes) << id;
    const std::string text = normalize_text(*bytes);
    const std::vector<Token> tokens = classify_detail::tokenize(text);
    ASSERT_GT(tokens.size(), 1000u) << id;
    std::vector<Token> streamed;
    classify_detail::for_each_token(text, [&](uint32_t begin, uint32_t end, bool word, uint8_t) {
      streamed.push_back(Token{begin, end, word});
    });
    ASSERT_EQ(streamed.size(), tokens.size()) << id;
    size_t pos = 0;
    for (size_t i = 0; i < tokens.size(); ++i) {
      const Token& t = tokens[i];
      EXPECT_EQ(streamed[i].begin, t.begin);
      EXPECT_EQ(streamed[i].end, t.end);
      EXPECT_EQ(streamed[i].word, t.word);
      ASSERT_GE(t.begin, pos) << id << " token " << i;
      ASSERT_LT(t.begin, t.end) << id << " token " << i;
      for (size_t gap = pos; gap < t.begin; ++gap) {
        ASSERT_TRUE(text[gap] == ' ' || text[gap] == '\n') << id << " byte " << gap << " not in a token";
      }
      pos = t.end;
    }
  }
}

TEST(Words, CaseAndAcronyms) {
  EXPECT_EQ(classify_detail::fold_case("NATO–Україна ÉTÉ"), "nato–україна été");
  EXPECT_TRUE(classify_detail::is_acronym("PfP"));
  EXPECT_TRUE(classify_detail::is_acronym("C-IED"));
  EXPECT_TRUE(classify_detail::is_acronym("KFOR"));
  EXPECT_FALSE(classify_detail::is_acronym("Allies"));
  EXPECT_FALSE(classify_detail::is_acronym("A"));
  bool possessive = false;
  EXPECT_EQ(classify_detail::strip_possessive("Alliance's", possessive), "Alliance");
  EXPECT_TRUE(possessive);
  EXPECT_TRUE(classify_detail::is_number("1,500.5"));
  EXPECT_FALSE(classify_detail::is_number("C4"));
}

TEST(Slug, LowercaseLettersAndDigitsOfAnyScript) {
  EXPECT_EQ(slugify("More background information"), "more-background-information");
  EXPECT_EQ(slugify("Russia's war -- 2022!"), "russias-war-2022");
  EXPECT_EQ(slugify("Відносини з Україною"), "відносини-з-україною");
  // A title without a letter or digit still gives an id.
  EXPECT_EQ(slugify("-"), "section");
  // Long titles keep their distinctive start, never a broken code point.
  const std::string slug = slugify(std::string(40, 'x') + " " + std::string(40, 'y'));
  EXPECT_LE(slug.size(), 60u);
  EXPECT_EQ(slug.substr(0, 41), std::string(40, 'x') + "-");
  // Four-byte letters between dashes, past the limit: whole code points.
  std::string wide;
  for (int k = 0; k < 30; ++k) wide += "\xF0\x9D\x90\x80 ";  // U+1D400, a capital letter
  const std::string wide_slug = slugify(wide);
  EXPECT_EQ(wide_slug.size(), 13u * 5 - 1);  // the last begun under the limit
  EXPECT_EQ(utf8::find_invalid(wide_slug), std::string::npos);
}

// ASCII takes a path without the Unicode tables: each of its characters
// must come out as those tables class and fold it.
TEST(Slug, AsciiAsTheUnicodeTablesSayIt) {
  for (int c = 1; c < 0x80; ++c) {
    const auto cat = utf8proc_category(c);
    const bool alnum = (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
                       (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO);
    const std::string expected = c == '\'' ? "ab"
                                 : alnum   ? "a" + std::string(1, static_cast<char>(utf8proc_tolower(c))) + "b"
                                           : "a-b";
    EXPECT_EQ(slugify("a" + std::string(1, static_cast<char>(c)) + "b"), expected) << c;
  }
}

}  // namespace
}  // namespace strata
