// Command-line fixes that CI scripts depend on: `--only` lists, import's
// `--input-format`, unknown commands and options, report's `--store` help.
#include <gtest/gtest.h>

#include "test_util.hpp"

namespace strata {
namespace {

using test::run_strata;

const std::string k2023 = "snapshots/2023_page_relations-with-ukraine.txt";
const std::string k2024 = "snapshots/2024-07-02_page_natos-response-to-russias-invasion.txt";

TEST(CliFixes, OnlyTakesACommaListAndLeavesTheOperands) {
  const auto r = run_strata("diff --color never --only modified,added " + k2023 + " " + k2024);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.out.find("+ added: "), std::string::npos);
  EXPECT_NE(r.out.find("NATO [-will-]{+does+} not recognise them."), std::string::npos);
  EXPECT_EQ(r.out.find("- removed: "), std::string::npos);
  const auto repeated = run_strata("diff --color never --only modified --only added " + k2023 + " " + k2024);
  EXPECT_EQ(repeated.out, r.out);
  const auto help = run_strata("diff --help");
  EXPECT_NE(help.out.find("unchanged, equivalent, modified, renamed, moved, split, merged, added, removed"),
            std::string::npos)
      << help.out;
}

TEST(CliFixes, ImportTakesInputFormat) {
  test::TempDir tmp;
  const std::string doc = tmp.file("notes", "# Title\n\nA claim.\n");
  ASSERT_EQ(run_strata("init --store " + tmp.path() + "/s").exit_code, 0);
  const auto r = run_strata("import --store " + tmp.path() + "/s --date 2020 --input-format markdown " + doc);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const auto old_flag = run_strata("import --store " + tmp.path() + "/s --date 2020 --format markdown " + doc);
  EXPECT_EQ(old_flag.exit_code, 2);
}

TEST(CliFixes, UnknownCommandIsNamedWithTheList) {
  const auto r = run_strata("chek a b");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err.rfind("strata: error: unknown command 'chek' (commands: sections, report, diff, ", 0), 0u) << r.err;
  EXPECT_NE(r.err.find("check, git-diff, textconv)"), std::string::npos) << r.err;
}

// CLI11 alone said "The following arguments were not expected: <the new
// file> --contex": the misspelt option's value had pushed a file out of its
// place.
TEST(CliFixes, UnknownOptionIsNamedWithTheOneMeant) {
  const auto slip = run_strata("diff --contex 3 " + k2023 + " " + k2024);
  EXPECT_EQ(slip.exit_code, 2);
  EXPECT_EQ(slip.err, "strata: error: diff has no option '--contex' (did you mean --context?)\n");
  const auto with_value = run_strata("check --fail-onn=removed " + k2023 + " " + k2024);
  EXPECT_EQ(with_value.err, "strata: error: check has no option '--fail-onn' (did you mean --fail-on?)\n");
  // Named before the operands it left missing.
  const auto alone = run_strata("diff --contex");
  EXPECT_EQ(alone.err, "strata: error: diff has no option '--contex' (did you mean --context?)\n");
  const auto far = run_strata("diff --frobnicate " + k2023 + " " + k2024);
  EXPECT_EQ(far.err, "strata: error: diff has no option '--frobnicate' ('strata diff --help' lists them)\n");
  const auto short_name = run_strata("sections -x " + k2023);
  EXPECT_EQ(short_name.err, "strata: error: sections has no option '-x' ('strata sections --help' lists them)\n");
  // An extra operand is still told as CLI11 tells it.
  const auto extra = run_strata("diff " + k2023 + " " + k2024 + " " + k2023);
  EXPECT_EQ(extra.err, "strata: error: The following argument was not expected: " + k2023 + "\n");
  // The word comes from the command line: shown, not obeyed.
  const auto hostile = run_strata("diff --con\x1b[2Jtext " + k2023 + " " + k2024);
  EXPECT_EQ(hostile.exit_code, 2);
  EXPECT_EQ(hostile.err.find('\x1b'), std::string::npos) << hostile.err;
  EXPECT_NE(hostile.err.find("diff has no option '--con"), std::string::npos) << hostile.err;
}

// Input formats say "markdown" and outputs said "md" (diff, check) or
// "markdown" (programmes): each output takes both.
TEST(CliFixes, MarkdownOutputTakesBothNames) {
  const auto md = run_strata("diff --format md " + k2023 + " " + k2024);
  const auto markdown = run_strata("diff --format markdown " + k2023 + " " + k2024);
  EXPECT_EQ(md.exit_code, 1) << md.err;
  EXPECT_EQ(markdown.exit_code, 1) << markdown.err;
  EXPECT_EQ(markdown.out, md.out);
  EXPECT_EQ(md.out.rfind("# NATO", 0), 0u) << md.out.substr(0, 80);
  const auto programmes_md = run_strata("programmes --format md " + k2023);
  const auto programmes_markdown = run_strata("programmes --format markdown " + k2023);
  EXPECT_EQ(programmes_md.exit_code, 0) << programmes_md.err;
  EXPECT_EQ(programmes_md.out, programmes_markdown.out);
  EXPECT_EQ(programmes_md.out.rfind("## Programmes in ", 0), 0u);
  const auto check = run_strata("check --format markdown --fail-on claim-removed " + k2023 + " " + k2024);
  EXPECT_EQ(check.exit_code, 1) << check.err;
  EXPECT_EQ(check.out, run_strata("check --format md --fail-on claim-removed " + k2023 + " " + k2024).out);
  const auto wrong = run_strata("diff --format mdx " + k2023 + " " + k2024);
  EXPECT_EQ(wrong.exit_code, 2);
  EXPECT_EQ(wrong.err, "strata: error: --format: mdx not in {text,json,md,html}\n");
}

TEST(CliFixes, ReportStoreHelpSaysItWrites) {
  const auto help = run_strata("report --help");
  EXPECT_NE(help.out.find("Store the series is imported into (written"), std::string::npos) << help.out;
}

TEST(CliFixes, TextconvPrintsOneClaimALine) {
  const auto r = run_strata("textconv " + k2023);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\nThey have no legitimacy, and NATO will not recognise them.\n"), std::string::npos);
  EXPECT_NE(r.out.find("\n# Response to Russia's war against Ukraine\n"), std::string::npos) << r.out.substr(0, 2000);
  EXPECT_EQ(r.out.find("\u2019"), std::string::npos);  // the comparison form
  const auto missing = run_strata("textconv /nonexistent/doc.md");
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("/nonexistent/doc.md"), std::string::npos);
}

}  // namespace
}  // namespace strata
