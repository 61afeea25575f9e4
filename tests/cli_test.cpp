// The real binary: stdout, stderr and exit codes.
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "strata/version.hpp"
#include "test_util.hpp"

namespace strata {
namespace {

using test::run_strata;

const char* k2023 = "snapshots/2023_page_relations-with-ukraine.txt";
const char* k2024 = "snapshots/2024-07-02_page_natos-response-to-russias-invasion.txt";

TEST(Cli, SectionsPrintsTheOutline) {
  const auto r = run_strata("sections snapshots/2015-05-06_page_natos-relations-with-ukraine.txt");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("  Key areas of NATO-Ukraine cooperation"), std::string::npos);
  EXPECT_NE(r.out.find("    Peace-support operations"), std::string::npos);
  const auto json = run_strata("sections --format json snapshots/2015-05-06_page_natos-relations-with-ukraine.txt");
  EXPECT_NE(json.out.find("\"schema\": \"strata.sections/1\""), std::string::npos);
  EXPECT_NE(json.out.find("NATO's partnerships"), std::string::npos);       // comparison form
  EXPECT_NE(json.out.find("NATO\u2019s partnerships"), std::string::npos);  // original
}

// `--version` alone is answered before the command line is set up; with
// other arguments, by the command line: the same line either way.
TEST(Cli, VersionPrintsOneLine) {
  const std::string line = std::string("strata ") + kVersion + "\n";
  const auto alone = run_strata("--version");
  EXPECT_EQ(alone.exit_code, 0) << alone.err;
  EXPECT_EQ(alone.out, line);
  EXPECT_EQ(alone.err, "");
  const auto among = run_strata(std::string("--version diff ") + k2023 + " " + k2024);
  EXPECT_EQ(among.exit_code, 0) << among.err;
  EXPECT_EQ(among.out, line);
}

TEST(Cli, DiffExitCodes) {
  EXPECT_EQ(run_strata(std::string("diff ") + k2023 + " " + k2023).exit_code, 0);
  const auto r = run_strata(std::string("diff --color never ") + k2023 + " " + k2024);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("NATO [-will-]{+does+} not recognise them."), std::string::npos);
  EXPECT_EQ(r.out.find("\x1b["), std::string::npos);  // not a terminal: no colour
  const auto forced = run_strata(std::string("diff --color always ") + k2023 + " " + k2024);
  EXPECT_NE(forced.out.find("\x1b[31m"), std::string::npos);
}

TEST(Cli, DiffFormats) {
  const auto json = run_strata(std::string("diff --format json ") + k2023 + " " + k2024);
  EXPECT_EQ(json.exit_code, 1);
  EXPECT_NE(json.out.find("\"schema\": \"strata.diff/1\""), std::string::npos);
  const auto md = run_strata(std::string("diff --format md ") + k2023 + " " + k2024);
  EXPECT_NE(md.out.find("| status | sections | claims |"), std::string::npos);
  EXPECT_NE(md.out.find("NATO ~~will~~ **does** not recognise them."), std::string::npos);
  const auto only = run_strata(std::string("diff --only added --color never ") + k2023 + " " + k2024);
  EXPECT_EQ(only.out.find("- removed: "), std::string::npos);
  EXPECT_NE(only.out.find("+ added: "), std::string::npos);
}

// A command builds only the options its command line names: each of the
// ways CLI11 reads an option still reaches it, and the help lists them all.
TEST(Cli, OptionsReadInEverySpellingAndAllListedInTheHelp) {
  test::TempDir dir;
  const std::string pair = std::string(" ") + k2023 + " " + k2024;
  const auto spaced = run_strata("diff --format json --only modified,moved --max-listed-claims 3" + pair);
  EXPECT_EQ(spaced.exit_code, 1) << spaced.err;
  EXPECT_NE(spaced.out.find("\"schema\": \"strata.diff/1\""), std::string::npos);
  const auto joined =
      run_strata("diff --format=json --only=modified,moved --max-listed-claims=3 -o" + dir.path() + "/out.json" + pair);
  EXPECT_EQ(joined.exit_code, 1) << joined.err;
  EXPECT_EQ(test::read_file(dir.path() + "/out.json"), spaced.out);
  const auto help = run_strata("diff --help");
  EXPECT_EQ(help.exit_code, 0) << help.err;
  for (const char* name : {"--format", "--color", "--context", "--only", "--all", "--no-classify", "--output",
                           "--input-format", "--select", "--remove", "--store", "--programmes", "--significance",
                           "--highlights", "--rules", "--max-listed-claims"}) {
    EXPECT_NE(help.out.find(name), std::string::npos) << name;
  }
  EXPECT_EQ(run_strata("diff -h").out, help.out);
}

TEST(Cli, NoClassifyKeepsTheStructureAndDropsTheMeaning) {
  const auto full = run_strata(std::string("diff --format json ") + k2023 + " " + k2024);
  const auto bare = run_strata(std::string("diff --format json --no-classify ") + k2023 + " " + k2024);
  EXPECT_EQ(bare.exit_code, 1) << bare.err;
  // The same claims and word diffs, without programmes, figures, wording
  // or modality facts.
  EXPECT_NE(full.out.find("\"kind\": \"modality\""), std::string::npos);
  EXPECT_EQ(bare.out.find("\"kind\": \"modality\""), std::string::npos);
  EXPECT_NE(full.out.find("\"programmes\": [\n"), std::string::npos);
  EXPECT_NE(bare.out.find("\"programmes\": []"), std::string::npos);
  EXPECT_NE(bare.out.find("\"wording\": []"), std::string::npos);
  EXPECT_NE(bare.out.find("NATO will not recognise them."), std::string::npos);
  EXPECT_NE(bare.out.find("\"claims\": {"), std::string::npos);
}

TEST(Cli, ContextElidesLongEqualRuns) {
  const auto full = run_strata(std::string("diff --color never ") + k2023 + " " + k2024);
  const auto short_context = run_strata(std::string("diff --color never --context 2 ") + k2023 + " " + k2024);
  EXPECT_NE(full.out.find("They have no legitimacy, and NATO [-will-]{+does+} not recognise them."), std::string::npos);
  // Two words kept on each side of the edit, the rest elided.
  EXPECT_NE(short_context.out.find("... and NATO [-will-]{+does+} not recognise ..."), std::string::npos)
      << short_context.out.substr(0, 2000);
  EXPECT_LT(short_context.out.size(), full.out.size());
}

// --max-listed-claims N lists the first N claim changes of a pair that
// shares nothing and counts the rest: the summary's counts cover all 60, and
// summary.claims_not_listed and one warning say how many were left out.
TEST(Cli, MaxListedClaimsListsThatManyAndCountsTheRest) {
  test::TempDir dir;
  std::string old_text;
  std::string new_text;
  for (int i = 0; i < 30; ++i) {
    old_text += "Clause " + std::to_string(i) + " of the old terms applies.\n\n";
    new_text += "Rule " + std::to_string(i) + " holds in the new version.\n\n";
  }
  const std::string pair = dir.file("old.txt", old_text) + " " + dir.file("new.txt", new_text);
  const struct {
    std::string cap;
    size_t listed;
  } rows[] = {{"", 60}, {"--max-listed-claims 7", 7}, {"--max-listed-claims 0", 0}, {"--max-listed-claims 60", 60}};
  for (const auto& row : rows) {
    const auto r = run_strata("diff --no-classify --format json " + row.cap + " " + pair);
    ASSERT_EQ(r.exit_code, 1) << row.cap << ": " << r.err;
    const auto json = nlohmann::json::parse(r.out);
    size_t total = 0;
    for (const auto& [status, n] : json["summary"]["claims"].items()) total += n.get<size_t>();
    EXPECT_EQ(total, 60u) << row.cap;
    EXPECT_EQ(json["claims"].size(), row.listed) << row.cap;
    std::vector<std::string> capped;
    for (const auto& w : json["warnings"]) {
      if (w.get<std::string>().find("not listed") != std::string::npos) capped.push_back(w.get<std::string>());
    }
    if (row.listed == total) {
      EXPECT_FALSE(json["summary"].contains("claims_not_listed")) << row.cap;
      EXPECT_TRUE(capped.empty()) << row.cap;
      continue;
    }
    EXPECT_EQ(json["summary"]["claims_not_listed"].get<size_t>(), total - row.listed) << row.cap;
    ASSERT_EQ(capped.size(), 1u) << row.cap;
    EXPECT_NE(capped[0].find("past the cap of " + std::to_string(row.listed) + ";"), std::string::npos) << capped[0];
  }
}

// The git diff driver and the main job take the same cap: git-diff's text
// lists the first N changes and says how many it left out; report's pair
// JSON counts all of them in its summary, as the uncapped committed report does.
TEST(Cli, MaxListedClaimsReachesGitDiffAndReport) {
  const std::string git_args = std::string("docs/ukraine.txt ") + k2023 + " 1111 100644 " + k2024 + " 2222 100644";
  const auto full = run_strata("git-diff " + git_args);
  const auto capped = run_strata("git-diff --max-listed-claims 3 " + git_args);
  ASSERT_EQ(full.exit_code, 0) << full.err;
  ASSERT_EQ(capped.exit_code, 0) << capped.err;
  EXPECT_EQ(full.out.find("past the cap of"), std::string::npos);
  EXPECT_NE(capped.out.find("not listed, past the cap of 3;"), std::string::npos) << capped.out;
  EXPECT_LT(capped.out.size(), full.out.size());

  test::TempDir dir;
  const auto r = run_strata("report --pairs consecutive:page --max-listed-claims 2 --out " + dir.path() + " --store " +
                            dir.path() + "/store");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto json = nlohmann::json::parse(test::read_file(dir.path() + "/page-2023__page-2024.json"));
  const auto committed =
      nlohmann::json::parse(test::read_file(std::string(STRATA_SOURCE_DIR) + "/reports/page-2023__page-2024.json"));
  EXPECT_EQ(json["claims"].size(), 2u);
  EXPECT_EQ(json["summary"]["claims"], committed["summary"]["claims"]);
  EXPECT_EQ(json["summary"]["claims_not_listed"].get<size_t>(), committed["claims"].size() - 2);
}

TEST(Cli, BadInputIsOneLineAndExitTwo) {
  test::TempDir dir;
  const std::string bin = dir.file("bin.txt", std::string("ab\0cd", 5));
  const std::string bad = dir.file("bad.txt", "ok \xFF\xFE");
  struct Case {
    std::string args;
    std::string message;
  } cases[] = {
      {"sections " + dir.path() + "/missing.txt", "missing.txt: no such file"},
      {"sections " + dir.path(), "is a directory"},
      {"sections " + bin, "binary input"},
      {"sections " + bad, "invalid UTF-8 at byte 3"},
      {std::string("diff ") + k2023 + " " + bad, "invalid UTF-8"},
      {"diff --only bogus " + std::string(k2023) + " " + k2024, "unknown change kind 'bogus'"},
      {"nosuchcommand", "error"},
  };
  for (const Case& c : cases) {
    const auto r = run_strata(c.args);
    EXPECT_EQ(r.exit_code, 2) << c.args;
    EXPECT_NE(r.err.find(c.message), std::string::npos) << c.args << ": " << r.err;
    EXPECT_EQ(r.err.rfind("strata: error: ", 0), 0u) << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  }
}

TEST(Cli, SignificanceFileErrorsNameTheFileAndKeyOnOneEscapedLine) {
  test::TempDir dir;
  // A rule name holding an escape sequence and a line break.
  const std::string config = dir.file("sig.toml", "[significance.points]\n\"\\u001b[31mred\\nline\" = 1\n");
  const auto r = run_strata(std::string("diff --significance ") + config + " " + k2023 + " " + k2024);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  EXPECT_EQ(r.err.find('\x1b'), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("sig.toml: [significance] points."), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("red"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("unknown rule"), std::string::npos) << r.err;
}

TEST(Cli, FailedDiffLeavesExistingOutputAlone) {
  test::TempDir dir;
  const std::string out = dir.file("report.json", "previous report\n");
  const auto r =
      run_strata(std::string("diff --format json -o ") + out + " " + k2023 + " " + dir.path() + "/missing.txt");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(test::read_file(out), "previous report\n");
}

TEST(Cli, ReportsAreDeterministicAndUpToDate) {
  // The committed reports/ are what `strata report` writes today, byte for byte,
  // whatever the locale and time zone.
  test::TempDir dir;
  const auto r = run_strata("report --out " + dir.path() + " --store " + dir.path() + "/store1");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // The store named by the environment alone, as the README's `strata
  // report` finds it: no --store on the command line.
  const auto again =
      test::run_strata_env("STRATA_STORE='" + dir.path() + "/store2'", "report --out " + dir.path() + "/again");
  ASSERT_EQ(again.exit_code, 0) << again.err;
  // A second run on the same store imports nothing and writes the same reports.
  const auto rerun = run_strata("report --out " + dir.path() + "/rerun --store " + dir.path() + "/store1");
  EXPECT_NE(rerun.out.find("(0 new versions)"), std::string::npos) << rerun.out;
  for (const char* name :
       {"page-2015__guide-2016-2018.md", "page-2015__guide-2016-2018.json", "guide-2016-2018__page-2023.md",
        "guide-2016-2018__page-2023.json", "page-2023__page-2024.md", "page-2023__page-2024.json", "series.md",
        "programmes.json", "timeline.txt", "timeline.json", "blame.txt", "README.md", "page-2015__guide-2016-2018.html",
        "guide-2016-2018__page-2023.html", "page-2023__page-2024.html", "index.html"}) {
    const std::string fresh = test::read_file(dir.path() + "/" + name);
    ASSERT_FALSE(fresh.empty()) << name;
    EXPECT_EQ(fresh, test::read_file(dir.path() + "/again/" + name)) << name;
    EXPECT_EQ(fresh, test::read_file(dir.path() + "/rerun/" + name)) << name;
    EXPECT_EQ(fresh, test::read_file(std::string(STRATA_SOURCE_DIR) + "/reports/" + name))
        << name << " is stale: run `build/strata report` and commit reports/";
  }
}

TEST(Cli, SameBytesUnderAnyLocaleAndTimeZone) {
  const std::string args = std::string("diff --format json ") + k2023 + " " + k2024;
  const auto plain = run_strata(args);
  const auto c = test::run_strata_env("LC_ALL=C TZ=Pacific/Kiritimati", args);
  const auto tr = test::run_strata_env("LC_ALL=tr_TR.UTF-8 TZ=America/St_Johns", args);
  EXPECT_EQ(plain.out, c.out);
  EXPECT_EQ(plain.out, tr.out);
}

}  // namespace
}  // namespace strata
