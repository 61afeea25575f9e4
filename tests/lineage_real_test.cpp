// Claim identity on a real history: four versions of the "Account Terms"
// section of GitHub's Terms of Service (tests/golden/site-policy-accounts,
// CC0). One-word edits inside list items are one modified claim, and blame
// follows a claim back through them.
#include <gtest/gtest.h>

#include <fmt/core.h>

#include <string>

#include "test_util.hpp"

namespace strata {
namespace {

const std::string kCase = std::string(STRATA_SOURCE_DIR) + "/tests/golden/site-policy-accounts/";

std::string quoted(const std::string& s) { return "'" + s + "'"; }

TEST(RealHistory, OneWordEditsInListItemsAreModifiedClaims) {
  auto d = test::run_strata("diff --no-classify " + quoted(kCase + "terms-2021-12-14.md") + " " +
                            quoted(kCase + "terms-2022-09-01.md"));
  EXPECT_EQ(d.exit_code, 1) << d.err;
  EXPECT_NE(d.out.find("~ modified: Users. Subject to these Terms, you retain ultimate administrative control over "
                       "your [-User-]{+Personal+} Account"),
            std::string::npos)
      << d.out;
  EXPECT_EQ(d.out.find("- removed:"), std::string::npos) << d.out;
  EXPECT_EQ(d.out.find("split"), std::string::npos) << d.out;
}

TEST(RealHistory, BlameFollowsClaimsBackThroughTheirEdits) {
  test::TempDir tmp;
  const std::string store = quoted(tmp.path() + "/s");
  ASSERT_EQ(test::run_strata("init --store " + store).exit_code, 0);
  for (const char* date : {"2018-04-19", "2018-05-10", "2021-12-14", "2022-09-01"}) {
    const auto imported =
        test::run_strata(fmt::format("import --store {} --date {} --id {} {}", store, date,
                                     std::string("terms-") + date, quoted(kCase + "terms-" + date + ".md")));
    ASSERT_EQ(imported.exit_code, 0) << imported.err;
  }
  // A list item kept for three versions, then "User Account" -> "Personal
  // Account" (2022-09): one claim, first seen in 2018.
  const auto chain = test::run_strata("blame --store " + store + " --claim 'retain ultimate administrative control'");
  EXPECT_EQ(chain.exit_code, 0) << chain.err;
  EXPECT_EQ(chain.out.find("2018-04-19 terms-2018-04-19  first appears"), 0u) << chain.out;
  EXPECT_NE(chain.out.find("2022-09-01 terms-2022-09-01  changed"), std::string::npos) << chain.out;
  EXPECT_NE(chain.out.find("[-User-]{+Personal+}"), std::string::npos) << chain.out;
  // "your account" -> "your Account" (2018-05), then kept.
  const auto secure = test::run_strata("blame --store " + store + " --claim 'keeping your Account secure.'");
  EXPECT_EQ(secure.exit_code, 0) << secure.err;
  EXPECT_EQ(secure.out.find("2018-04-19 terms-2018-04-19  first appears"), 0u) << secure.out;
  EXPECT_NE(secure.out.find("2018-05-10 terms-2018-05-10  changed"), std::string::npos) << secure.out;
}

}  // namespace
}  // namespace strata
