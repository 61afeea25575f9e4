// The one TOML reader of strata's own files (ingest/toml.cpp).
#include "ingest/toml.hpp"

#include <fmt/core.h>
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "text/utf8.hpp"

namespace strata {
namespace {

std::string encoded(char32_t cp) {
  std::string out;
  utf8::append(out, cp);
  return out;
}

// toml++ tests code points of three ranges for whitespace outside strings
// and comments, with undefined behaviour (found by the manifest fuzz
// program); TOML allows only ASCII there, so every other character is
// refused first, naming its line. The ranges, their ends, and characters
// a file is likelier to hold by mistake.
TEST(Toml, NonAsciiOutsideStringsIsRefusedBeforeTomlReadsIt) {
  std::vector<char32_t> points = {0xA0, 0xE9, 0x2019, 0x3000, 0xFEFF, 0x1F600};
  for (const auto& [first, last] : {std::pair<char32_t, char32_t>{0xA1, 0x49A}, {0x2C5E, 0x3057}, {0xFB26, 0xFEFE}}) {
    for (char32_t cp = first - 1; cp <= last + 1; ++cp) points.push_back(cp);
  }
  for (const char32_t cp : points) {
    for (const std::string& text : {"a = 1 " + encoded(cp) + "\n", "[t]\n\n" + encoded(cp) + " = 1\n"}) {
      auto parsed = parse_toml(text, "rules.toml");
      ASSERT_FALSE(parsed) << static_cast<uint32_t>(cp);
      const size_t line = text.starts_with("[t]") ? 3 : 1;
      EXPECT_EQ(parsed.error().message, fmt::format("rules.toml:{}: unexpected character U+{:04X} outside a string",
                                                    line, static_cast<uint32_t>(cp)));
    }
  }
  auto not_utf8 = parse_toml("a = 1\nb = \xE9\n", "rules.toml");
  ASSERT_FALSE(not_utf8);
  EXPECT_EQ(not_utf8.error().message, "rules.toml:2: bytes that are not UTF-8 outside a string");
}

// Where a quote or '#' cannot open a string or a comment (the file is
// wrong there), what follows is read as bare, as toml++ reads it: after a
// minus sign it reads a number to its end, past quotes (fuzz finding).
TEST(Toml, QuotesAndHashesWhereNoStringOrCommentStartsLeaveTheTextBare) {
  const std::string c = encoded(0xFD);
  for (const std::string& text : {"id = -\'\'\'<" + c + "\n", "id = 1\"" + c + "\"\n", "id = \"a\"" + c + "\n",
                                  "id = -#" + c + "\n", "x\"" + c + "\" = 1\n"}) {
    auto parsed = parse_toml(text, "m.toml");
    ASSERT_FALSE(parsed) << text;
    EXPECT_EQ(parsed.error().message, "m.toml:1: unexpected character U+00FD outside a string") << text;
  }
  // Where TOML allows them, strings hold any character.
  auto parsed =
      parse_toml("[\"" + c + "\"]\na.\"" + c + "\" = [\"" + c + "\", {k = \'" + c + "\'}] # " + c + "\n", "m.toml");
  ASSERT_TRUE(parsed) << parsed.error().message;
  EXPECT_EQ((*parsed)[c]["a"][c][0].value_or(std::string()), c);
  EXPECT_EQ((*parsed)[c]["a"][c][1]["k"].value_or(std::string()), c);
}

// A byte order mark opening the file is not a character of the file.
TEST(Toml, AByteOrderMarkOpeningTheFileIsRead) {
  auto parsed = parse_toml(
      "\xEF\xBB\xBF"
      "a = 1\n",
      "rules.toml");
  ASSERT_TRUE(parsed) << parsed.error().message;
  EXPECT_EQ((*parsed)["a"].value_or(0), 1);
}

TEST(Toml, TheSameCharactersAreKeptInStringsAndComments) {
  const std::string c = encoded(0xFEFD);
  const std::string text = "basic = \"a\\\"" + c + "\"\n" +  // after an escaped quote
                           "literal = 'b" + c + "'\n" +      //
                           "lines = \"\"\"\nc\\\n" + c + "\"\"\"\"\" # \"" + c + "\n" + "literal_lines = '''\n" + c +
                           "'''\n" + "# " + c + "\n" + "\"key" + c + "\" = 1\n";
  auto parsed = parse_toml(text, "rules.toml");
  ASSERT_TRUE(parsed) << parsed.error().message;
  EXPECT_EQ((*parsed)["basic"].value_or(std::string()), "a\"" + c);
  EXPECT_EQ((*parsed)["literal"].value_or(std::string()), "b" + c);
  EXPECT_EQ((*parsed)["lines"].value_or(std::string()), "c" + c + "\"\"");
  EXPECT_EQ((*parsed)["literal_lines"].value_or(std::string()), c);
  EXPECT_EQ((*parsed)["key" + c].value_or(0), 1);
}

// Lines are counted through strings, escaped line ends and comments, as
// toml++ counts them for its own errors.
TEST(Toml, ErrorsNameTheLineAfterStringsSpanningLines) {
  const std::string text = "a = \"\"\"one\\\ntwo\nthree\"\"\"\nb = '''x\ny'''\n# note\nc = 1 " + encoded(0xFB26) + "\n";
  auto parsed = parse_toml(text, "m.toml");
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().message, "m.toml:7: unexpected character U+FB26 outside a string");
  auto toml_error = parse_toml("a = \"\"\"one\\\ntwo\nthree\"\"\"\nb = '''x\ny'''\n# note\nc = = 1\n", "m.toml");
  ASSERT_FALSE(toml_error);
  EXPECT_TRUE(toml_error.error().message.starts_with("m.toml:7: ")) << toml_error.error().message;
}

}  // namespace
}  // namespace strata
