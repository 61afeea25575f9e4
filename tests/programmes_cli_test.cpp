// strata programmes, run as a user would.
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>

#include "test_util.hpp"

namespace strata {
namespace {

TEST(ProgrammesCli, ListsAFileAsJson) {
  auto r = test::run_strata("programmes snapshots/2023_page_relations-with-ukraine.txt --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto json = nlohmann::json::parse(r.out);
  const auto& list = json.at("programmes");
  auto cap = std::find_if(list.begin(), list.end(),
                          [](const auto& p) { return p.at("name") == "Comprehensive Assistance Package"; });
  ASSERT_NE(cap, list.end());
  EXPECT_EQ(cap->at("acronym"), "CAP");
  EXPECT_GE(cap->at("mentions").get<int>(), 10);
  EXPECT_FALSE(cap->at("sections").empty());
  EXPECT_FALSE(cap->at("first_claim").get<std::string>().empty());
}

TEST(ProgrammesCli, TextListAndSeriesTable) {
  auto r = test::run_strata("programmes snapshots/2024-07-02_page_natos-response-to-russias-invasion.txt");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Membership Action Plan (MAP)\n  2 mentions"), std::string::npos) << r.out;
  auto series = test::run_strata("programmes --series snapshots/manifest.toml");
  ASSERT_EQ(series.exit_code, 0) << series.err;
  EXPECT_NE(series.out.find("page-2015"), std::string::npos);
  EXPECT_NE(series.out.find("page-2023 -> page-2024: NATO-Ukraine Commission -> NATO-Ukraine Council"),
            std::string::npos)
      << series.out;
}

TEST(ProgrammesCli, BadInputsExitTwoWithOneLine) {
  auto none = test::run_strata("programmes");
  EXPECT_EQ(none.exit_code, 2);
  EXPECT_EQ(none.err, "strata: error: programmes: give a FILE or --series MANIFEST\n");
  test::TempDir dir;
  auto bad = dir.file("p.toml", "[[programme]]\nacronym = \"X\"\n");
  auto r = test::run_strata("programmes snapshots/2023_page_relations-with-ukraine.txt --programmes '" + bad + "'");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("p.toml: programme 1: 'name' is missing or empty"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace strata
