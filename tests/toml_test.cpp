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

// The code points toml++ 3.3 cannot test for whitespace (undefined
// behaviour, found by the manifest fuzz program), the ends of their ranges
// and their neighbours.
std::vector<char32_t> untestable_and_neighbours() {
  std::vector<char32_t> points = {0xA0, 0xE9, 0x2019, 0x3000, 0xFEFF, 0x1F600};
  for (const auto& [first, last] : {std::pair<char32_t, char32_t>{0xA1, 0x499}, {0x2C5E, 0x3057}, {0xFB26, 0xFEFE}}) {
    for (char32_t cp = first - 1; cp <= last + 1; ++cp) points.push_back(cp);
  }
  return points;
}

// In keys, strings and comments every one of them is read back as written.
TEST(Toml, EveryCharacterIsKeptInKeysAndStrings) {
  for (const char32_t cp : untestable_and_neighbours()) {
    const std::string c = encoded(cp);
    const std::string text = "basic = \"a" + c + "\"\nliteral = '" + c + "' # " + c + "\n\"" + c + "\" = [\"" + c +
                             "\", {k = \"\"\"\n" + c + "\"\"\"}]\n[\"t" + c + "\"]\nx = 1\n";
    auto parsed = parse_toml(text, "rules.toml");
    ASSERT_TRUE(parsed) << static_cast<uint32_t>(cp) << ": " << parsed.error().message;
    EXPECT_EQ((*parsed)["basic"].value_or(std::string()), "a" + c);
    EXPECT_EQ((*parsed)["literal"].value_or(std::string()), c);
    EXPECT_EQ((*parsed)[c][0].value_or(std::string()), c);
    EXPECT_EQ((*parsed)[c][1]["k"].value_or(std::string()), c);
    EXPECT_EQ((*parsed)["t" + c]["x"].value_or(0), 1);
  }
}

// Outside strings they are errors naming the line, quoting the character as
// written; toml++ reads on through garbage after a number ("-===…") as
// outside a string, quotes and all (fuzz findings).
TEST(Toml, OutsideStringsEveryCharacterIsAnErrorNamingItsLine) {
  for (const char32_t cp : untestable_and_neighbours()) {
    if (cp == 0xFEFF) continue;  // toml++ reads a byte order mark anywhere as one
    const std::string c = encoded(cp);
    for (const std::string& text :
         {"a = 1 " + c + "\n", "[t]\n\n" + c + " = 1\n", "id = -===se=\"\"\"" + c + "\"\"\"\n"}) {
      auto parsed = parse_toml(text, "rules.toml");
      ASSERT_FALSE(parsed) << static_cast<uint32_t>(cp) << " in " << text;
      const std::string line = text.starts_with("[t]") ? "3" : "1";
      EXPECT_TRUE(parsed.error().message.starts_with("rules.toml:" + line + ": ")) << parsed.error().message;
      EXPECT_EQ(parsed.error().message.find("\xF3\xB0"), std::string::npos) << "a stand-in shown";
    }
  }
}

// The stand-ins are private-use characters no real file holds; one in a
// file is refused rather than read back as another character.
TEST(Toml, AStandInInTheFileIsRefused) {
  auto parsed = parse_toml("a = 1\nb = \"" + encoded(0xF0001) + "\"\n", "rules.toml");
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().message, "rules.toml:2: private-use character U+F0001 is not read in this file");
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

}  // namespace
}  // namespace strata
