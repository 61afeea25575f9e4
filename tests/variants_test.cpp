// Other written forms of one programme name (programmes/variants.cpp).
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "programmes/variants.hpp"
#include "strata/load.hpp"
#include "strata/programmes.hpp"
#include "test_util.hpp"

namespace strata {
namespace {

using classify_detail::extends_with_tail;
using classify_detail::spelling_key;

TEST(Variants, SpellingKeysReadBritishAndAmericanAlike) {
  const std::vector<std::pair<const char*, const char*>> cases = {
      {"accounts centre", "account center"},
      {"accounts center", "account center"},
      {"defence reform", "defense reform"},
      {"science and technology organisation", "science and technology organization"},
      {"nato communications and information agency", "nato communication and information agency"},
      {"planning and review process", "planning and review process"},  // "-ss" is no plural
      {"status of forces agreement", "status of force agreement"},
      {"air situation data exchange programme", "air situation data exchange program"},
  };
  for (const auto& [key, expected] : cases) EXPECT_EQ(spelling_key(key), expected) << key;
}

TEST(Variants, ShortFormEndsOnAHeadWordBeforeATailConnector) {
  EXPECT_TRUE(extends_with_tail("declaration to complement the charter",
                                "declaration to complement the charter on a distinctive partnership"));
  EXPECT_FALSE(extends_with_tail("trust", "trust fund on counter-improvised explosive devices"));
  EXPECT_FALSE(extends_with_tail("nato training mission", "nato training mission and partners"));
}

Document doc_of(const std::string& text) { return test::parse(text, "variants.txt"); }

TEST(Variants, OneProgrammePerNameWhateverItsSpellingOrOwner) {
  const auto programmes = extract_programmes(
      doc_of("Help\n\nOpen the Accounts Centre to change a password. The Accounts Center lists your devices. The "
             "NATO-Ukraine Joint Working Group on Defence Reform met. The Joint Working Group on Defense Reform "
             "reports yearly.\n"),
      {});
  ASSERT_EQ(programmes.size(), 2u);
  EXPECT_EQ(programmes[0].mentions.size(), 2u);
  EXPECT_EQ(programmes[1].mentions.size(), 2u);
}

TEST(Variants, BundledSeriesListsEachProgrammeOnce) {
  std::vector<Document> docs;
  for (const char* id : {"page-2015", "guide-2016-2018", "page-2023", "page-2024"})
    docs.push_back(test::load_snapshot(id));
  const auto series = programme_series(docs, {"2015", "2018", "2023", "2024"}, {});
  std::vector<std::string> names;
  for (const auto& row : series.rows) names.push_back(row.name);
  for (const char* gone :
       {"Declaration to Complement the Charter on a Distinctive Partnership",
        "NATO-Ukraine Joint Working Group on Defence Reform", "NATO Communications and Information Agency",
        "NATO Building Integrity Programme", "Status of Forces Agreement"}) {
    EXPECT_EQ(std::find(names.begin(), names.end(), gone), names.end()) << gone;
  }
  auto agency = std::find(names.begin(), names.end(), "NATO Communication and Information Agency");
  ASSERT_NE(agency, names.end());
  EXPECT_EQ(series.rows[static_cast<size_t>(agency - names.begin())].mentions, (std::vector<int>{1, 1, 0, 0}));
}

}  // namespace
}  // namespace strata
