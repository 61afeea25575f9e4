// The one TOML reader of strata's own files (ingest/toml.cpp).
#include "ingest/toml.hpp"

#include <fmt/core.h>
#include <gtest/gtest.h>

#include <string>

#include "text/utf8.hpp"

namespace strata {
namespace {

std::string encoded(char32_t cp) {
  std::string out;
  utf8::append(out, cp);
  return out;
}

// toml++ tests these code points for whitespace outside strings and
// comments, with undefined behaviour (found by the rules and manifest fuzz
// programs): each is refused first, naming its line.
TEST(Toml, CharactersTomlCannotTestAreRefusedOutsideStrings) {
  for (char32_t cp = 0xFB26; cp <= 0xFEFE; ++cp) {
    for (const std::string& text : {"a = 1 " + encoded(cp) + "\n", "[t]\n\n" + encoded(cp) + " = 1\n"}) {
      auto parsed = parse_toml(text, "rules.toml");
      ASSERT_FALSE(parsed) << static_cast<uint32_t>(cp);
      const size_t line = text.starts_with("[t]") ? 3 : 1;
      EXPECT_EQ(parsed.error().message, fmt::format("rules.toml:{}: unexpected character U+{:04X} outside a string",
                                                    line, static_cast<uint32_t>(cp)));
    }
  }
}

TEST(Toml, TheSameCharactersAreKeptInStringsAndComments) {
  const std::string c = encoded(0xFEFD);
  const std::string text = "basic = \"a\\\"" + c + "\"\n" +  // after an escaped quote
                           "literal = 'b" + c + "'\n" +      //
                           "lines = \"\"\"\nc\\\n" + c + "\"\"\"\n" + "literal_lines = '''\n" + c + "'''\n" + "# " + c +
                           "\n" + "\"key" + c + "\" = 1\n";
  auto parsed = parse_toml(text, "rules.toml");
  ASSERT_TRUE(parsed) << parsed.error().message;
  EXPECT_EQ((*parsed)["basic"].value_or(std::string()), "a\"" + c);
  EXPECT_EQ((*parsed)["literal"].value_or(std::string()), "b" + c);
  EXPECT_EQ((*parsed)["lines"].value_or(std::string()), "c" + c);
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
