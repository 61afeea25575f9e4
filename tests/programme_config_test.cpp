#include <gtest/gtest.h>

#include <string>

#include "strata/programmes.hpp"
#include "test_util.hpp"

namespace strata {
namespace {

TEST(ProgrammeConfig, TomlAndJsonGiveTheSameConfig) {
  auto toml = parse_programme_config(R"(
ignore = ["Warsaw Pact"]
[[programme]]
name = "Comprehensive Assistance Package"
acronym = "CAP"
aliases = ["CAP for Ukraine"]
[[rename]]
from = "NATO-Ukraine Commission"
to = "NATO-Ukraine Council"
)",
                                     "p.toml");
  auto json = parse_programme_config(R"({
  "ignore": ["Warsaw Pact"],
  "programme": [{"name": "Comprehensive Assistance Package", "acronym": "CAP", "aliases": ["CAP for Ukraine"]}],
  "rename": [{"from": "NATO-Ukraine Commission", "to": "NATO-Ukraine Council"}]
})",
                                     "p.json");
  for (const auto* config : {&toml, &json}) {
    ASSERT_TRUE(config->has_value()) << config->error().message;
    const auto& c = config->value();
    EXPECT_EQ(c.ignore, std::vector<std::string>{"Warsaw Pact"});
    ASSERT_EQ(c.names.size(), 1u);
    EXPECT_EQ(c.names[0].name, "Comprehensive Assistance Package");
    EXPECT_EQ(c.names[0].acronym, "CAP");
    EXPECT_EQ(c.names[0].aliases, std::vector<std::string>{"CAP for Ukraine"});
    ASSERT_EQ(c.renames.size(), 1u);
    EXPECT_EQ(c.renames[0].from, "NATO-Ukraine Commission");
    EXPECT_EQ(c.renames[0].to, "NATO-Ukraine Council");
  }
}

TEST(ProgrammeConfig, ErrorsNameTheFileAndTheReason) {
  struct Case {
    std::string text;
    std::string source;
    std::string expected;
  };
  const Case cases[] = {
      {"[[programme]]\nacronym = \"CAP\"\n", "a.toml", "a.toml: programme 1: 'name' is missing or empty"},
      {"[[programme]]\nname = \"X Fund\"\ncolour = \"red\"\n", "b.toml", "b.toml: programme 1: unknown key"},
      {"renames = []\n", "c.toml", "c.toml: unknown key or wrong type 'renames'"},
      {"[[rename]]\nfrom = \"A Fund\"\n", "d.toml", "d.toml: rename 1: 'from' and 'to' are both required"},
      {"name = \n", "e.toml", "e.toml:1:"},
      {"{\"programme\": [", "f.json", "f.json: not valid JSON"},
      {"[1, 2]", "g.json", "g.json: the top level must be an object"},
  };
  for (const auto& c : cases) {
    auto config = parse_programme_config(c.text, c.source);
    ASSERT_FALSE(config.has_value()) << c.text;
    EXPECT_EQ(config.error().message.rfind(c.expected, 0), 0u) << config.error().message;
    EXPECT_EQ(config.error().message.find('\n'), std::string::npos);
  }
}

TEST(ProgrammeConfig, LoadsAFileAndReportsAMissingOne) {
  test::TempDir dir;
  auto path = dir.file("programmes.toml", "ignore = [\"Warsaw Pact\"]\n");
  auto config = load_programme_config(path);
  ASSERT_TRUE(config.has_value()) << config.error().message;
  EXPECT_EQ(config->ignore.size(), 1u);
  auto missing = load_programme_config(dir.path() + "/none.toml");
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  EXPECT_NE(missing.error().message.find("none.toml"), std::string::npos);
}

}  // namespace
}  // namespace strata
