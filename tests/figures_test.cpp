#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "strata/classify.hpp"

namespace strata {
namespace {

struct Expected {
  std::string text;
  std::string value;
};

struct FigureCase {
  std::string input;
  std::vector<Expected> figures;
};

std::vector<Expected> found(const std::string& input) {
  std::vector<Expected> out;
  for (const auto& f : extract_figures(input)) out.push_back({f.text, f.value});
  return out;
}

bool operator==(const Expected& a, const Expected& b) { return a.text == b.text && a.value == b.value; }

void PrintTo(const Expected& e, std::ostream* os) { *os << "{" << e.text << ", " << e.value << "}"; }

TEST(Figures, ParsesAmountsCountsDatesAndRanges) {
  const std::vector<FigureCase> cases = {
      {"Allies and partners have committed over EUR 690 million (around USD 740 million) to Ukraine CAP Trust Fund.",
       {{"EUR 690 million", "amount:EUR:690000000"}, {"USD 740 million", "amount:USD:740000000"}}},
      {"Allies have agreed more than USD 10 billion in framework contracts, covering critical needs like 155 mm "
       "artillery.",
       {{"USD 10 billion", "amount:USD:10000000000"}, {"155 mm", "count:155"}}},
      {"Today, NATO has 500,000 troops at high readiness.", {{"500,000 troops", "count:500000"}}},
      {"NATO Leaders also pledged to invest a minimum of 2% of Gross Domestic Product annually on defence.",
       {{"2%", "percent:2"}}},
      {"Some 1.5 million people were displaced.", {{"1.5 million people", "count:1500000"}}},
      {"Ukraine joined the Air Situation Data Exchange programme in July 2006.", {{"July 2006", "date:2006-07"}}},
      {"Last updated: 06 May. 2015 09:43", {{"06 May. 2015", "date:2015-05-06"}}},
      {"The inaugural meeting took place on 12 July 2023 at the Vilnius Summit.",
       {{"12 July 2023", "date:2023-07-12"}}},
      {"Ukraine supported the follow-on Resolute Support Mission (2015-2021).", {{"2015-2021", "range:2015-2021"}}},
      {"In 2019, a corresponding amendment entered into force.", {{"2019", "year:2019"}}},
      {"It focuses on eight defence higher education institutions.", {{"eight", "count:8"}}},
      {"Published on 2024-07-02.", {{"2024-07-02", "date:2024-07-02"}}},
  };
  for (const auto& c : cases) EXPECT_EQ(found(c.input), c.figures) << c.input;
}

// Dates as the other languages a version is read in write them.
TEST(Figures, ParsesDatesOfOtherLanguages) {
  const std::vector<FigureCase> cases = {
      {"G\u00fcltig ab 17. Dezember 2025.", {{"17. Dezember 2025", "date:2025-12-17"}}},
      {"Mise \u00e0 jour le 27 avril 2016.", {{"27 avril 2016", "date:2016-04-27"}}},
      {"En vigueur au 1er janvier 2024.", {{"1er janvier 2024", "date:2024-01-01"}}},
      {"Vigente desde el 4 de mayo de 2026.", {{"4 de mayo de 2026", "date:2026-05-04"}}},
      {"Ingangsdatum: 3 maart 2021", {{"3 maart 2021", "date:2021-03-03"}}},
      // A month and a year without a day, in languages that write months
      // capitalized and in lowercase.
      {"Stand: M\u00e4rz 2024", {{"M\u00e4rz 2024", "date:2024-03"}}},
      {"Version de f\u00e9vrier 2023.", {{"f\u00e9vrier 2023", "date:2023-02"}}},
      {"Actualizado en mayo de 2026.", {{"mayo de 2026", "date:2026-05"}}},
      {"Bijgewerkt in Juni 2022 en mars 2020.", {{"Juni 2022", "date:2022-06"}, {"mars 2020", "date:2020-03"}}},
      // An English month is one only capitalized: "may" is a verb.
      {"We may 3 times a year send you news.", {{"3 times", "count:3"}}},
      {"Members may 2024 budgets.", {{"2024", "year:2024"}}},
      // Before a year, other words are what they were.
      {"Founded in 1949 and renewed again 2004.", {{"1949", "year:1949"}, {"2004", "year:2004"}}},
  };
  for (const auto& c : cases) EXPECT_EQ(found(c.input), c.figures) << c.input;
}

// Dates written with the year, month and day markers of Chinese and
// Japanese (年 月 日), with or without spaces, and of Korean (년 월 일).
TEST(Figures, ParsesDatesWithYearMonthDayMarkers) {
  const std::vector<FigureCase> cases = {
      {"\u751F\u6548\u65E5\u671F 2026\u5E745\u67084\u65E5",  // 生效日期 2026年5月4日
       {{"2026\u5E745\u67084\u65E5", "date:2026-05-04"}}},
      {"\u767A\u52B9\u65E5 2025 \u5E74 12 \u6708 17 \u65E5",  // 発効日 2025 年 12 月 17 日
       {{"2025 \u5E74 12 \u6708 17 \u65E5", "date:2025-12-17"}}},
      {"2024\u5E747\u6708\u306B", {{"2024\u5E747\u6708", "date:2024-07"}}},  // 2024年7月に
      {"\uC2DC\uD589\uC77C 2024\uB144 7\uC6D4 2\uC77C",                      // 시행일 2024년 7월 2일
       {{"2024\uB144 7\uC6D4 2\uC77C", "date:2024-07-02"}}},
      {"7\u67082\u65E5\u306B", {{"7\u67082\u65E5", "date:--07-02"}}},                              // 7月2日に
      {"2023\u5E742\u670830\u65E5", {{"2023\u5E742\u6708", "date:2023-02"}, {"30", "count:30"}}},  // no 30 February
  };
  for (const auto& c : cases) EXPECT_EQ(found(c.input), c.figures) << c.input;
}

TEST(Figures, SkipsReferencesEnumeratorsModalsAndTimes) {
  EXPECT_TRUE(found("This is enshrined in Article 51 of the United Nations Charter.").empty());
  EXPECT_TRUE(found("NATO supports United Nations Security Council Resolution 1325.").empty());
  EXPECT_TRUE(found("2. Why does NATO exist?").empty());
  EXPECT_TRUE(found("Allies may decide to act.").empty());
  EXPECT_TRUE(found("Updated at 14:08 today.").empty());
  // Note markers, as Open Terms Archive's captures of Meta's policy hold them.
  EXPECT_TRUE(found("Apps and features you use. See examples[8].").empty());
  EXPECT_TRUE(found("Such as your Facebook Feed[29], Instagram Feed and Stories.").empty());
  EXPECT_TRUE(found("As noted [12], the policy applies.").empty());
  ASSERT_EQ(found("Keep it [30 days] at most.").size(), 1u);
  ASSERT_EQ(found("See note [5]; 7 days remain.").size(), 1u);
  // References to a part of the text, as real terms and policies write them
  // (Air France's privacy policy renumbered its "section 5" as "5.1").
  EXPECT_TRUE(found("You can read point e) in section \u201C5.1 PROCESSING PURPOSE\u201D.").empty());
  EXPECT_TRUE(
      found("Veuillez vous reporter au point 6.4 de la rubrique \u00AB 6. QUI EST CONCERN\u00C9 ? \u00BB.").empty());
  EXPECT_TRUE(found("Processing is lawful under Art. 6 GDPR and \u00A7 26 BDSG.").empty());
  EXPECT_TRUE(found("See clause 12, Appendix 3 and Schedule 2.").empty());
  // Items of a list run into the sentence, an act's number, an enumerator
  // behind unclosed Markdown emphasis (Open Terms Archive's TAP Air
  // Portugal policy).
  EXPECT_TRUE(found("We may share it (1) with carriers, (2) with courts or (4) with travel services.").empty());
  EXPECT_TRUE(found("Under Regulation (EU) 2016/679 of the European Parliament.").empty());
  EXPECT_TRUE(found("**5. Your rights").empty());
  // Outline labels: GitHub's Terms of Service, 2021, corrected "D.4 - D.1".
  EXPECT_TRUE(found("We need you to grant us certain legal permissions, listed in Sections D.4 — D.7.").empty());
  ASSERT_EQ(found("We need 4 permissions, as of version 2. 7 remain.").size(), 3u);
  // Models and versions of products named in mixed case (Mozilla's notices).
  EXPECT_TRUE(found("On a device with Apple Intelligence (iPhone 15 Pro+ with iOS 26 or later).").empty());
  ASSERT_EQ(found("Summaries for 15 iPhone users.").size(), 1u);
  // A web address's numbers are a link's (GitHub's privacy statement, 2025).
  EXPECT_TRUE(found("For additional information visit "
                    "https://www.dataprivacyframework.gov/s/article/ANNEX-I-introduction-dpf?tabset-35584=2.")
                  .empty());
  EXPECT_TRUE(found("See www.example.org/2024/05/notice for details.").empty());
  ASSERT_EQ(found("Read https://example.org/faq#3 within 30 days.").size(), 1u);
  // Quantities stay figures: a reference word needs its number right after it.
  ASSERT_EQ(found("We keep data for 30 days at no cost.").size(), 1u);
  ASSERT_EQ(found("Part of the fund, 5 million euros, is spent.").size(), 1u);
}

TEST(Figures, EqualFiguresCompareEqualHoweverWritten) {
  auto a = extract_figures("1.5 million");
  auto b = extract_figures("1,500,000");
  ASSERT_EQ(a.size(), 1u);
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(a[0].value, b[0].value);
  auto c = extract_figures("EUR 690 million");
  auto d = extract_figures("690 million euros");
  ASSERT_EQ(c.size(), 1u);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(c[0].value, d[0].value);
}

TEST(Figures, OffsetsPointAtTheText) {
  const std::string text = "Since January 2023, almost EUR 20 million has been dedicated.";
  for (const auto& f : extract_figures(text)) EXPECT_EQ(text.substr(f.offset, f.text.size()), f.text);
}

}  // namespace
}  // namespace strata
