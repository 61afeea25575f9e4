// Claims by section in text, Markdown and HTML (render/select.cpp): each part
// of a split section lists its own claims under its own title, and a moved
// claim names the section it came from by title path, not by id.
#include <gtest/gtest.h>

#include <string>

#include "strata/compare.hpp"
#include "strata/load.hpp"
#include "strata/render.hpp"
#include "test_util.hpp"

namespace strata {
namespace {

Document doc(const std::string& text) { return test::parse(text, "x.md"); }

// 2023 -> 2024 of the bundled series: "Response to Russia's war against
// Ukraine" split into FAQ 7 and FAQ 9; the sanctions claims went to FAQ 9.
TEST(ClaimGroups, EachPartOfASplitListsItsOwnClaims) {
  const ChangeSet c = compare(test::load_snapshot("page-2023"), test::load_snapshot("page-2024"), {});
  const std::string text = render_diff_text(c);
  const size_t faq7 = text.find("@@ Frequently Asked Questions > 7. What is NATO’s position");
  const size_t faq9 = text.find(
      "@@ Frequently Asked Questions > 9. What are NATO and Allies doing to impose costs on Russia? "
      "(split from: Response to Russia’s war against Ukraine)");
  ASSERT_NE(faq7, std::string::npos) << text;
  ASSERT_NE(faq9, std::string::npos) << text;
  const size_t sanctions = text.find("refine [-these-]{+the+} sanctions");
  ASSERT_NE(sanctions, std::string::npos);
  EXPECT_GT(sanctions, faq9);
  const std::string html = render_diff_html(c);
  EXPECT_NE(html.find("(split from <bdi>Response to Russia’s war against Ukraine</bdi>)"), std::string::npos);
}

TEST(ClaimGroups, MovedClaimsNameTheirOldSectionByTitlePath) {
  const Document a =
      doc("# Terms\n\n## Accounts\n\n### People\n\nWe keep your account data for two years.\n\n"
          "## Payment\n\nFees are due monthly.\n");
  const Document b =
      doc("# Terms\n\n## Accounts\n\n### People\n\nNothing else here today.\n\n"
          "## Payment\n\nFees are due monthly.\n\nWe keep your account data for two years.\n");
  const ChangeSet c = compare(a, b, {});
  const std::string text = render_diff_text(c);
  EXPECT_NE(text.find("moved from \"Accounts > People\""), std::string::npos) << text;
  const std::string md = render_diff_markdown(c);
  EXPECT_NE(md.find("from “Accounts &gt; People”"), std::string::npos) << md;
  EXPECT_EQ(text.find("accounts/people"), std::string::npos) << text;
}

}  // namespace
}  // namespace strata
