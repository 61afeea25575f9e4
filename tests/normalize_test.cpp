#include <gtest/gtest.h>
#include <utf8proc.h>

#include <algorithm>
#include <cstdio>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "normalize/normalize.hpp"
#include "strata/load.hpp"
#include "test_util.hpp"
#include "text/dates.hpp"
#include "text/utf8.hpp"

namespace strata {
namespace {

TEST(Normalize, FoldsTypography) {
  struct Case {
    const char* in;
    const char* out;
  } cases[] = {
      {"Russia\u2019s", "Russia's"},
      {"\u201Cannexation\u201D", "\"annexation\""},
      {"Donetsk \u2013 Luhansk \u2014 Kherson", "Donetsk - Luhansk - Kherson"},
      {"wait\u2026", "wait..."},
      {"\u2022 item", "* item"},
      {"a\u00A0b\u2009c", "a b c"},
      {"  many   spaces\t\there  ", "many spaces here"},
      {"\u00ABquoted\u00BB", "\"quoted\""},
      {"zero\u200Bwidth soft\u00ADhyphen\uFEFF", "zerowidth softhyphen"},
      {"\uFB01nance", "finance"},  // compatibility ligature
  };
  for (const Case& c : cases) EXPECT_EQ(normalize_text(c.in), c.out) << c.in;
}

TEST(Normalize, ApostrophesCompareEqual) { EXPECT_EQ(normalize_text("Russia's"), normalize_text("Russia\u2019s")); }

// Web archives' captures hold UTF-8 that was read as windows-1252 and written
// out again; such text compares equal to what it meant, and text that only
// looks like it (a capital or ß before a closing quote) stays as written.
TEST(Normalize, UtfEightMisreadAsWindows1252MeetsWhatItMeant) {
  EXPECT_EQ(normalize_text("Espa\u00c3\u00b1ol"), "Espa\u00f1ol");                           // EspaÃ±ol
  EXPECT_EQ(normalize_text("Nation\u00e2\u20ac\u2122s grid"), "Nation's grid");              // Nationâ€™s
  EXPECT_EQ(normalize_text("Nation\u00e2\u0080\u0099s grid"), "Nation's grid");              // read as Latin-1
  EXPECT_EQ(normalize_text("\u00d0\u0178\u00d1\u20ac\u00d0\u00b8"), "\u041f\u0440\u0438");   // ÐŸÑ€Ð¸: При
  EXPECT_EQ(normalize_text("20\u00c2\u00a0km"), "20 km");                                    // a no-break space
  EXPECT_EQ(normalize_text("caf\u00c3\u00a9 \u00e2\u20ac\u201c open"), "caf\u00e9 - open");  // é and an en dash
  // Real text of those shapes stays (folded as ever).
  EXPECT_EQ(normalize_text("Gru\u00df\u201c"), "Gru\u00df\"");  // „Gruß“
  EXPECT_EQ(normalize_text("\u00d6VP-N\u00d6\u201c"), "\u00d6VP-N\u00d6\"");
  EXPECT_EQ(normalize_text("CAF\u00c9\u2019s \u00c9T\u00c9\u00bb"), "CAF\u00c9's \u00c9T\u00c9\"");
  EXPECT_EQ(normalize_text("\u00e9t\u00e9 \u00c0 la \u00e2me"), "\u00e9t\u00e9 \u00c0 la \u00e2me");
  // A sequence cut short is left as it is.
  EXPECT_EQ(normalize_text("Nation\u00e2\u20ac"), "Nation\u00e2\u20ac");
  // The meant character leads back to the first of those that spelled it.
  const std::string garbled = "Espa\u00c3\u00b1ol";
  const NormalizedText n = normalize(garbled);
  ASSERT_EQ(n.text, "Espa\u00f1ol");
  EXPECT_EQ(n.to_original[4], 4u);
  EXPECT_EQ(n.to_original[5], 4u);
  EXPECT_EQ(n.to_original[6], garbled.find('o', 4));
  // The same repair, alone, leaves the rest of the text as it is.
  EXPECT_EQ(repair_misread_utf8("Espa\u00c3\u00b1ol \u201cGru\u00df\u201c  x"),
            "Espa\u00f1ol \u201cGru\u00df\u201c  x");
  EXPECT_EQ(repair_misread_utf8("Nation\u00e2\u20ac\u2122s"), "Nation\u2019s");
  EXPECT_EQ(repair_misread_utf8("CAF\u00c9\u2019s Nation\u00e2\u20ac"), "CAF\u00c9\u2019s Nation\u00e2\u20ac");
}

TEST(Normalize, NfdAndNfcMeet) {
  EXPECT_EQ(normalize_text("caf\u00E9"), normalize_text("cafe\u0301"));
  EXPECT_NE(normalize_text("caf\u00E9"), normalize_text("caf\u00E8"));
}

TEST(Normalize, ControlCharactersBecomeVisible) {
  EXPECT_EQ(normalize_text(std::string("a\x01"
                                       "b",
                                       3)),
            "a\u2401b");
  EXPECT_EQ(normalize_text(std::string("a\0b", 3)), "a\u2400b");
  // Bidi overrides are format characters: invisible, so dropped from comparison.
  EXPECT_EQ(normalize_text("a\u202Eb"), "ab");
}

// The ASCII fast path tests eight bytes at a time: a byte it must not copy
// as it is (a control character, DEL, a non-ASCII letter, a double space),
// at every offset of a word and at either end, still gets its own treatment.
TEST(Normalize, SpecialBytesAtEveryOffsetOfTheFastPath) {
  struct Special {
    std::string in;
    std::string out;
  } specials[] = {{"\x01", "\u2401"},    {"\x1f", "\u241F"}, {"\x7f", "\u2421"}, {"\u00e9", "\u00e9"},
                  {"e\u0301", "\u00e9"}, {"  ", " "},        {"\u2019", "'"}};
  for (const Special& special : specials) {
    for (size_t before = 0; before <= 17; ++before) {
      const std::string in = std::string(before, 'a') + special.in + std::string(19 - before, 'b');
      const NormalizedText n = normalize(in);
      const std::string& out = before == 0 && special.in == "  " ? "" : special.out;  // leading space is trimmed
      EXPECT_EQ(n.text, std::string(before, 'a') + out + std::string(19 - before, 'b')) << before;
      ASSERT_EQ(n.to_original.size(), n.text.size() + 1);
      EXPECT_EQ(n.to_original.back(), in.size());
      if (before > 0) {
        EXPECT_EQ(n.to_original[before - 1], before - 1);
      }
    }
  }
}

// Printable ASCII is copied eight bytes at a time where no two spaces meet:
// runs of spaces placed across every offset of those eight bytes, and two
// runs close together, fold as one space each, mapped to their first space.
TEST(Normalize, SpaceRunsAcrossEveryOffsetOfTheEightByteCopy) {
  for (size_t at = 1; at <= 20; ++at) {
    for (size_t spaces = 1; spaces <= 3; ++spaces) {
      for (size_t gap : {1, 2, 9}) {
        std::string in = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGH";
        in.insert(at + gap, std::string(spaces, ' '));
        in.insert(at, std::string(spaces, ' '));
        const NormalizedText n = normalize(in);
        std::string folded;
        std::vector<uint32_t> map;
        for (size_t k = 0; k < in.size(); ++k) {
          if (in[k] == ' ' && in[k - 1] == ' ') continue;
          folded.push_back(in[k]);
          map.push_back(static_cast<uint32_t>(k));
        }
        map.push_back(static_cast<uint32_t>(in.size()));
        SCOPED_TRACE(in);
        EXPECT_EQ(n.text, folded);
        EXPECT_EQ(n.to_original, map);
      }
    }
  }
}

// normalize_text() makes printable ASCII lines on a path of its own; it must
// give what the whole normalization gives, on real lines and on the edges of
// its space folding.
TEST(Normalize, TextAloneIsTheFullFormOnEveryLine) {
  std::vector<std::string> lines = {"", " ", "   ", "a", " a", "a ", "  a  b   c  ", "a\tb", "\"quoted\" - it's"};
  for (const std::string id : {"page-2015", "page-2023"}) {
    std::istringstream in(test::read_file(test::snapshot_path(id)));
    for (std::string line; std::getline(in, line);) lines.push_back(line);
  }
  size_t ascii = 0;
  for (const std::string& line : lines) {
    EXPECT_EQ(normalize_text(line), normalize(line).text) << line;
    ascii += std::all_of(line.begin(), line.end(), [](char c) { return c >= 0x20 && c < 0x7F; }) ? 1 : 0;
  }
  EXPECT_GT(ascii, 100u);  // the path was taken
}

TEST(Normalize, OffsetsMapBackToOriginal) {
  const std::string original = "  NATO\u2019s\u00A0 \u201Cplan\u201D";
  const NormalizedText n = normalize(original);
  ASSERT_EQ(n.text, "NATO's \"plan\"");
  ASSERT_EQ(n.to_original.size(), n.text.size() + 1);
  EXPECT_EQ(n.to_original[0], 2u);                            // 'N' after two spaces
  EXPECT_EQ(original.substr(n.to_original[4], 3), "\u2019");  // the folded apostrophe
  const size_t p = n.text.find("plan");
  EXPECT_EQ(original.substr(n.to_original[p], 4), "plan");
  EXPECT_EQ(n.to_original.back(), original.size());
}

// The comparison form takes a code point without a decomposition, standing
// alone, as its own NFKC without asking utf8proc to map it: true of every
// assigned code point past ASCII.
TEST(Normalize, CodePointsWithoutDecompositionAreTheirOwnNfkc) {
  size_t checked = 0;
  for (char32_t cp = 0x80; cp <= 0x10FFFF; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    const utf8proc_property_t* property = utf8proc_get_property(static_cast<utf8proc_int32_t>(cp));
    if (property->category == UTF8PROC_CATEGORY_CN || property->decomp_seqindex != UINT16_MAX) continue;
    std::string alone;
    utf8::append(alone, cp);
    utf8proc_uint8_t* nfkc = utf8proc_NFKC(reinterpret_cast<const utf8proc_uint8_t*>(alone.c_str()));
    ASSERT_NE(nfkc, nullptr);
    const bool same = alone == reinterpret_cast<const char*>(nfkc);
    std::free(nfkc);
    ASSERT_TRUE(same) << std::hex << static_cast<uint32_t>(cp);
    ++checked;
  }
  EXPECT_GT(checked, 100000u);  // Hangul syllables and ideographs among them
}

// Letters of other scripts are kept as written, each byte leading back to
// its character; a compatibility form beside them is still folded.
TEST(Normalize, OtherScriptsKeepTheirLettersAndOffsets) {
  const std::string original = "数字 Ελλάδα Київ Ａ①";
  const NormalizedText n = normalize(original);
  EXPECT_EQ(n.text, "数字 Ελλάδα Київ A1");
  ASSERT_EQ(n.to_original.size(), n.text.size() + 1);
  for (size_t k = 0; k + 2 < n.text.size(); ++k) {
    if (static_cast<unsigned char>(n.text[k]) < 0x80 || (static_cast<unsigned char>(n.text[k]) & 0xC0) == 0x80)
      continue;
    EXPECT_EQ(original.substr(n.to_original[k], 2), n.text.substr(k, 2)) << k;  // a lead byte: its character
  }
  EXPECT_EQ(original.substr(n.to_original[n.text.size() - 2]), "Ａ①");
}

TEST(Dates, ParsesPageForms) {
  EXPECT_EQ(parse_date("06 May. 2015 09:43"), "2015-05-06");
  EXPECT_EQ(parse_date("02 Jul. 2024 14:08"), "2024-07-02");
  EXPECT_EQ(parse_date("July 2006"), "2006-07");
  EXPECT_EQ(parse_date("May 6, 2015"), "2015-05-06");
  EXPECT_EQ(parse_date("2024-07-02"), "2024-07-02");
  EXPECT_EQ(parse_date("2023"), "2023");
  EXPECT_FALSE(parse_date("30 Feb. 2015"));
  EXPECT_FALSE(parse_date("2015-02-29"));
  EXPECT_EQ(parse_date("2016-02-29"), "2016-02-29");
  EXPECT_FALSE(parse_date("not a date"));
  // As the other languages a version is read in write them.
  EXPECT_EQ(parse_date("17. Dezember 2025"), "2025-12-17");
  EXPECT_EQ(parse_date("27 avril 2016"), "2016-04-27");
  EXPECT_EQ(parse_date("1er janvier 2024"), "2024-01-01");
  EXPECT_EQ(parse_date("4 de mayo de 2026"), "2026-05-04");
  EXPECT_EQ(parse_date("d\u00e9cembre 2025"), "2025-12");
  EXPECT_EQ(parse_date("M\u00e4rz 2020"), "2020-03");
  EXPECT_EQ(parse_date("3 maart 2021"), "2021-03-03");
  EXPECT_FALSE(parse_date("31. Februar 2024"));
  // Day first in figures, as Mozilla's Dutch notice dates itself.
  EXPECT_EQ(parse_date("17-12-2025"), "2025-12-17");
  EXPECT_EQ(parse_date("1.2.2025"), "2025-02-01");
  EXPECT_FALSE(parse_date("12-17-2025"));  // no seventeenth month
  EXPECT_FALSE(parse_date("17.12-2025"));  // two marks that differ
  EXPECT_FALSE(parse_date("12/17/2025"));  // slashes: the month may come first
  EXPECT_FALSE(parse_date("1.12.20250"));
  EXPECT_EQ(month_number("Dezember"), 12);
  EXPECT_EQ(month_number("ao\u00fbt"), 8);
  EXPECT_EQ(month_number("septiembre"), 9);
  EXPECT_EQ(month_number("Mars"), 3);  // the French month; a date needs a day or a year beside it
  EXPECT_EQ(month_number("septiembres"), 0);
  EXPECT_EQ(month_number("Maybe"), 0);
}

TEST(Boilerplate, BundledRulesRemoveWidgetsAndKeepTheDate) {
  RawDocument raw;
  for (const char* line : {"Skip to main content", "Last updated: 06 May. 2015 09:43", "Body text.", "Loading ...",
                           "Learn more: NATO\u2019s purpose", "more >>", "Learn more about us."}) {
    RawBlock b;
    b.text = line;
    raw.blocks.push_back(b);
  }
  std::vector<Removal> removals;
  const auto date = remove_boilerplate(raw, default_boilerplate_rules(), removals);
  EXPECT_EQ(date, "2015-05-06");
  ASSERT_EQ(raw.blocks.size(), 2u);
  EXPECT_EQ(raw.blocks[0].text, "Body text.");
  EXPECT_EQ(raw.blocks[1].text, "Learn more about us.");  // prose, not a link line
  ASSERT_EQ(removals.size(), 5u);
  EXPECT_EQ(removals[0].rule, "skip-link");
  EXPECT_EQ(removals[1].rule, "last-updated");
  EXPECT_EQ(removals[3].rule, "learn-more-link");
}

// GitHub's policies date themselves in a line of the text ("Effective
// date: **April 2, 2021**", "Version Effective Date: November 16, 2020"):
// the line is the version's date, not a claim. A definition that opens
// the same way has no date, so it stays text.
TEST(Boilerplate, EffectiveDateLinesDateTheVersion) {
  struct Case {
    std::vector<const char*> lines;
    std::optional<std::string> date;
    size_t kept;
  } cases[] = {
      {{"Effective date: April 2, 2021", "We use cookies."}, "2021-04-02", 1},
      {{"Version Effective Date: November 16, 2020", "Thanks for choosing GitHub."}, "2020-11-16", 1},
      {{"Effective date: the day you accept these terms.", "Body."}, std::nullopt, 2},
      {{"Last updated: soon", "Body."}, std::nullopt, 2},
      // The first dated line dates the version; a later one is still removed.
      {{"Last updated: 2 July 2024", "Effective date: 1 August 2024", "Body."}, "2024-07-02", 1},
  };
  for (const Case& c : cases) {
    RawDocument raw;
    for (const char* line : c.lines) {
      RawBlock b;
      b.text = line;
      raw.blocks.push_back(b);
    }
    std::vector<Removal> removals;
    EXPECT_EQ(remove_boilerplate(raw, default_boilerplate_rules(), removals), c.date) << c.lines[0];
    EXPECT_EQ(raw.blocks.size(), c.kept) << c.lines[0];
    EXPECT_EQ(removals.size(), c.lines.size() - c.kept) << c.lines[0];
  }
}

}  // namespace
}  // namespace strata

namespace strata {
namespace {

TEST(Boilerplate, UserRulesAddAndDisable) {
  test::TempDir dir;
  const std::string path = dir.file("rules.toml",
                                    "disable = [\"learn-more-link\"]\n"
                                    "[[rule]]\nname = \"cookies\"\nmatch = \"prefix\"\npattern = \"We use cookies\"\n"
                                    "[[rule]]\nname = \"published\"\nmatch = \"regex\"\naction = \"date\"\n"
                                    "pattern = \"^Published (.*)$\"\n");
  auto rules = load_boilerplate_rules(path, default_boilerplate_rules());
  ASSERT_TRUE(rules) << rules.error().message;
  auto doc = parse_document(
      "Title\n\nPublished 2 July 2024\n\nWe use cookies on this site.\n\nLearn more: this line is content "
      "now.\n\nBody.\n",
      "x.txt", LoadOptions{InputFormat::kAuto, *rules, {}, nullptr, nullptr});
  ASSERT_TRUE(doc);
  EXPECT_EQ(doc->meta.date, "2024-07-02");
  ASSERT_EQ(doc->removals.size(), 2u);
  EXPECT_EQ(doc->removals[0].rule, "published");
  EXPECT_EQ(doc->removals[1].rule, "cookies");
  EXPECT_EQ(doc->sentence_count(), 2u);  // the "Learn more:" line is content again
}

// The lines as the blocks of a document, once the rules have removed theirs.
RawDocument remove_from(std::initializer_list<std::string> lines, const BoilerplateRules& rules,
                        std::vector<Removal>& removals) {
  RawDocument raw;
  for (const std::string& line : lines) {
    RawBlock b;
    b.text = line;
    raw.blocks.push_back(b);
  }
  remove_boilerplate(raw, rules, removals);
  return raw;
}

// Lines are told apart from the rules by their first letter before they are
// normalized: the comparison form may still differ there (case, a combining
// mark composing the letter, leading spaces or a format character).
TEST(Boilerplate, RulesMatchWhateverTheLineOpensWith) {
  test::TempDir dir;
  const std::string path =
      dir.file("rules.toml", "[[rule]]\nname = \"evaluate\"\nmatch = \"exact\"\npattern = \"\u00c9valuer ce site\"\n");
  auto rules = load_boilerplate_rules(path, default_boilerplate_rules());
  ASSERT_TRUE(rules) << rules.error().message;
  std::vector<Removal> removals;
  const RawDocument raw = remove_from({"SKIP TO MAIN CONTENT", "E\u0301valuer ce site", "\u200bLoading ...",
                                       "\t more >>", "Skipping to the point.", "Evaluer ce site"},
                                      *rules, removals);
  ASSERT_EQ(removals.size(), 4u);
  EXPECT_EQ(removals[0].rule, "skip-link");
  EXPECT_EQ(removals[1].rule, "evaluate");
  EXPECT_EQ(removals[2].rule, "loading-widget");
  EXPECT_EQ(removals[3].rule, "more-link");
  ASSERT_EQ(raw.blocks.size(), 2u);
  EXPECT_EQ(raw.blocks[0].text, "Skipping to the point.");
  EXPECT_EQ(raw.blocks[1].text, "Evaluer ce site");
}

// A regular expression is matched against lines in their comparison form,
// where a bullet is "*", an ellipsis "..." and a fullwidth parenthesis "(".
// Written so in a pattern, each still means itself, not a quantifier, a
// wildcard or a group (a bullet opening a pattern was a quantifier with
// nothing to repeat, and the rule file threw out of the library).
TEST(Boilerplate, RegexCharactersFoldedToSyntaxStayText) {
  test::TempDir dir;
  const std::string path =
      dir.file("rules.toml",
               "[[rule]]\nname = \"bullet\"\nmatch = \"regex\"\npattern = \"\u25cf Menu (.*)$\"\n"
               "[[rule]]\nname = \"wait\"\nmatch = \"regex\"\npattern = \"Wait\u2026 here\\\\.\"\n"
               "[[rule]]\nname = \"note\"\nmatch = \"regex\"\npattern = \"\uff08note\uff09 [a-z]+\"\n");
  auto rules = load_boilerplate_rules(path, {});
  ASSERT_TRUE(rules) << rules.error().message;
  std::vector<Removal> removals;
  const RawDocument raw = remove_from(
      {"\u2022 Menu Home", "Wait... here.", "WaitXYZ here.", "(note) kept", "note) kept", "* Menu", "((note)) kept"},
      *rules, removals);
  ASSERT_EQ(removals.size(), 3u);
  EXPECT_EQ(removals[0].rule, "bullet");
  EXPECT_EQ(removals[1].rule, "wait");
  EXPECT_EQ(removals[2].rule, "note");
  ASSERT_EQ(raw.blocks.size(), 4u);
  EXPECT_EQ(raw.blocks[0].text, "WaitXYZ here.");  // "..." is not three of anything
  EXPECT_EQ(raw.blocks[1].text, "note) kept");     // "(" is no group
  EXPECT_EQ(raw.blocks[2].text, "* Menu");
  EXPECT_EQ(raw.blocks[3].text, "((note)) kept");
}

// Patterns that make a backtracking matcher try every way to split a line
// ("(a*)*b" on 300 a's: 2^300 ways) are matched in one pass over it; the
// back-references that need backtracking are refused when the file is read.
TEST(Boilerplate, RegexesAreMatchedWithoutBacktracking) {
  test::TempDir dir;
  const std::string path = dir.file("rules.toml",
                                    "[[rule]]\nname = \"nested\"\nmatch = \"regex\"\npattern = \"(a*)*b\"\n"
                                    "[[rule]]\nname = \"stars\"\nmatch = \"regex\"\npattern = \"1***************x\"\n");
  auto rules = load_boilerplate_rules(path, {});
  ASSERT_TRUE(rules) << rules.error().message;
  std::vector<Removal> removals;
  const RawDocument raw =
      remove_from({std::string(299, 'a'), std::string(299, 'a') + "b", "11111111111111111111y"}, *rules, removals);
  ASSERT_EQ(removals.size(), 1u);
  EXPECT_EQ(removals[0].rule, "nested");
  EXPECT_EQ(raw.blocks.size(), 2u);

  const std::string backref =
      dir.file("backref.toml", "[[rule]]\nname = \"twice\"\nmatch = \"regex\"\npattern = \"(a)\\\\1\"\n");
  auto refused = load_boilerplate_rules(backref, {});
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().message.find("rule 'twice': bad regular expression: back-references are not supported"),
            std::string::npos)
      << refused.error().message;

  const std::string big =
      dir.file("big.toml", "[[rule]]\nname = \"big\"\nmatch = \"regex\"\npattern = \"((a{100}){100}){100}\"\n");
  refused = load_boilerplate_rules(big, {});
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().message.find("rule 'big': bad regular expression: the pattern is too large"),
            std::string::npos)
      << refused.error().message;
}

// libstdc++ reads a repetition count into a long with no bound: twenty
// digits overflowed it (undefined behaviour). Such counts are refused before
// it parses them; digits that are not a count stay text.
TEST(Boilerplate, LongRepetitionCountsAreRefusedBeforeParsing) {
  test::TempDir dir;
  for (const char* pattern : {"a{99999999999999999999}", "a{2,100000}", "(ab){0001000000}"}) {
    const std::string path = dir.file(
        "count.toml", std::string("[[rule]]\nname = \"count\"\nmatch = \"regex\"\npattern = \"") + pattern + "\"\n");
    auto refused = load_boilerplate_rules(path, {});
    ASSERT_FALSE(refused) << pattern;
    EXPECT_NE(refused.error().message.find(
                  "rule 'count': bad regular expression: the pattern is too large (a repetition count over 99,999)"),
              std::string::npos)
        << refused.error().message;
  }
  const std::string path = dir.file(
      "text.toml", "[[rule]]\nname = \"digits\"\nmatch = \"regex\"\npattern = \"[{]12345678901234567890[}],? x{2}\"\n");
  auto rules = load_boilerplate_rules(path, {});
  ASSERT_TRUE(rules) << rules.error().message;
  std::vector<Removal> removals;
  const RawDocument raw = remove_from({"{12345678901234567890} xx", "{12345678901234567890}, x"}, *rules, removals);
  ASSERT_EQ(removals.size(), 1u);
  ASSERT_EQ(raw.blocks.size(), 1u);
  EXPECT_EQ(raw.blocks[0].text, "{12345678901234567890}, x");
}

TEST(Boilerplate, BadRuleFilesNameTheFile) {
  test::TempDir dir;
  const char* bad[] = {"[[rule]]\nname = \"x\"\n", "[[rule]]\nname = \"x\"\npattern = \"a\"\nmatch = \"glob\"\n",
                       "[[rule]]\nname = \"x\"\npattern = \"(\"\nmatch = \"regex\"\n", "disable = [1]\n", "[[rule\n"};
  for (const char* text : bad) {
    const std::string path = dir.file("bad.toml", text);
    auto rules = load_boilerplate_rules(path, default_boilerplate_rules());
    ASSERT_FALSE(rules) << text;
    EXPECT_NE(rules.error().message.find("bad.toml"), std::string::npos) << rules.error().message;
  }
}

}  // namespace
}  // namespace strata

namespace strata {
namespace {

// Unicode's conformance file (package unicode-data), compressed.
constexpr const char* kNormalizationTest = "/usr/share/unicode/NormalizationTest.txt.bz2";

std::string from_hex_code_points(const std::string& field) {
  std::string out;
  std::istringstream in(field);
  std::string hex;
  while (in >> hex) utf8::append(out, static_cast<char32_t>(std::stoul(hex, nullptr, 16)));
  return out;
}

// Every row of NormalizationTest.txt: the five columns are canonically or
// compatibly equivalent spellings (c1..c5, with c4 = NFKC of each), so all
// must reach one comparison form, and that form must be in NFC.
TEST(Normalize, EquivalentSpellingsOfUnicodesTestMeet) {
  FILE* pipe = ::popen((std::string("bzcat ") + kNormalizationTest).c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  std::string file;
  char buffer[65536];
  for (size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) file.append(buffer, n);
  ASSERT_EQ(::pclose(pipe), 0) << "cannot read " << kNormalizationTest;
  std::istringstream lines(file);
  std::string line;
  int rows = 0;
  int failures = 0;
  while (std::getline(lines, line)) {
    if (line.empty() || line[0] == '#' || line[0] == '@') continue;
    std::vector<std::string> columns;
    std::istringstream fields(line);
    for (std::string field; columns.size() < 5 && std::getline(fields, field, ';');) {
      columns.push_back(from_hex_code_points(field));
    }
    ASSERT_EQ(columns.size(), 5u) << line;
    ++rows;
    const std::string form = normalize_text(columns[3]);
    utf8proc_uint8_t* nfc = utf8proc_NFC(reinterpret_cast<const utf8proc_uint8_t*>(form.c_str()));
    bool ok = nfc != nullptr && form == reinterpret_cast<const char*>(nfc);
    std::free(nfc);
    // strata folds typography before NFKC: DOUBLE PRIME is a quotation mark
    // to it, not two primes, so only its canonical spellings must meet.
    const bool folded_first = columns[0] == "\u2033";
    for (size_t k = 0; k < columns.size(); ++k) {
      if (folded_first && k < 3) continue;
      ok = ok && normalize_text(columns[k]) == form;
    }
    if (!ok && ++failures <= 5) ADD_FAILURE() << "row: " << line;
  }
  EXPECT_GT(rows, 18000);  // the file has about 19,000 rows for Unicode 15
  EXPECT_EQ(failures, 0);
}

}  // namespace
}  // namespace strata
