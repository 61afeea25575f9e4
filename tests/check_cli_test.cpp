// `strata check` on the bundled pair: exit codes, rules from the command line
// and from a file, baselines, and every output format read by a real parser.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "test_util.hpp"

namespace strata {
namespace {

using test::run_strata;

const std::string k2023 = "snapshots/2023_page_relations-with-ukraine.txt";
const std::string k2024 = "snapshots/2024-07-02_page_natos-response-to-russias-invasion.txt";
const std::string kPair = k2023 + " " + k2024;

TEST(CheckCli, WatchedPhraseFailsAndNamesTheClaim) {
  const auto r = run_strata("check --no-config --watch 'will not recognise' " + kPair);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.out.find("error [watch:will not recognise] " + k2024 + ":"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("- They have no legitimacy, and NATO will not recognise them."), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("+ They have no legitimacy, and NATO does not recognise them."), std::string::npos);
  EXPECT_NE(r.out.find("FAILED: 2 errors"), std::string::npos) << r.out;
}

TEST(CheckCli, PlainApostropheMatchesTheCurlyOne) {
  const auto r = run_strata(
      "check --no-config --format json --watch \"recognise Russia's illegal and illegitimate annexation\" " + kPair);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  const auto json = nlohmann::json::parse(r.out);
  ASSERT_EQ(json["documents"][0]["findings"].size(), 1u) << r.out;
  EXPECT_NE(json["documents"][0]["findings"][0]["old"].get<std::string>().find("Russia\u2019s illegal"),
            std::string::npos);
}

TEST(CheckCli, NothingBrokenExitsZero) {
  const auto same = run_strata("check --no-config --watch 'will not recognise' " + k2023 + " " + k2023);
  EXPECT_EQ(same.exit_code, 0) << same.err;
  EXPECT_NE(same.out.find("passed: 0 errors"), std::string::npos) << same.out;
  const auto absent = run_strata("check --no-config --watch 'Treaty of Westphalia' " + kPair);
  EXPECT_EQ(absent.exit_code, 0) << absent.err;
}

TEST(CheckCli, TroubleExitsTwo) {
  struct Case {
    std::string args;
    std::string message;
  } cases[] = {
      {"check --no-config " + kPair, "no rule to check"},
      {"check --no-config --watch x " + k2023, "check takes OLD NEW"},
      {"check --no-config --watch ' - ' " + kPair, "has no word to match"},
      {"check --no-config --watch-section 'A > > B' " + kPair, "empty level"},
      {"check --no-config --fail-on modality " + kPair, "unknown change kind 'modality'"},
      {"check --no-config --watch x --watch x " + kPair, "rule 'watch:x' is given twice"},
      {"check --no-config --watch x --baseline /nonexistent/baseline.txt " + kPair, "/nonexistent/baseline.txt"},
      {"check --config /nonexistent/ci.toml " + kPair, "/nonexistent/ci.toml"},
  };
  for (const Case& c : cases) {
    const auto r = run_strata(c.args);
    EXPECT_EQ(r.exit_code, 2) << c.args;
    EXPECT_NE(r.err.find(c.message), std::string::npos) << c.args << "\n" << r.err;
    EXPECT_TRUE(r.out.empty()) << c.args;
  }
}

TEST(CheckCli, FailOnKindsAndThresholds) {
  const auto kinds = run_strata("check --no-config --format json --fail-on negation-removed,figure-changed " + kPair);
  EXPECT_EQ(kinds.exit_code, 1) << kinds.err;
  const auto json = nlohmann::json::parse(kinds.out);
  ASSERT_EQ(json["rules"].size(), 1u);
  EXPECT_EQ(json["rules"][0]["id"], "changes:negation-removed,figure-changed");
  bool figure = false;
  for (const auto& f : json["documents"][0]["findings"]) {
    figure = figure || f["summary"].get<std::string>().rfind("figure-changed: ", 0) == 0;
  }
  EXPECT_TRUE(figure) << kinds.out.substr(0, 3000);

  const auto removed = run_strata("check --no-config --max-claims-removed 0 " + kPair);
  EXPECT_EQ(removed.exit_code, 1);
  EXPECT_NE(removed.out.find("claims removed: "), std::string::npos);
  const auto lenient = run_strata("check --no-config --max-claims-removed 100000 " + kPair);
  EXPECT_EQ(lenient.exit_code, 0) << lenient.out;
  const auto rewritten = run_strata("check --no-config --max-section-rewritten 90 " + kPair);
  EXPECT_EQ(rewritten.exit_code, 1);
  EXPECT_NE(rewritten.out.find("section rewritten: "), std::string::npos);
}

TEST(CheckCli, RuleFileSeverityAndMessage) {
  test::TempDir dir;
  const std::string config = dir.file("ci.toml", R"([[watch]]
phrase = "will not recognise"
severity = "warning"
message = "Recognition wording: ask the legal team."
)");
  const auto warned = run_strata("check --config " + config + " " + kPair);
  EXPECT_EQ(warned.exit_code, 0) << warned.err;  // a warning is reported, never fails
  EXPECT_NE(warned.out.find("warning [watch:will not recognise]"), std::string::npos) << warned.out;
  EXPECT_NE(warned.out.find("Recognition wording: ask the legal team."), std::string::npos);
  EXPECT_NE(warned.out.find("passed: 0 errors, 2 warnings"), std::string::npos) << warned.out;

  const std::string bad = dir.file("bad.toml", "[[watch]]\nphrase = \"x\"\nseverty = \"warning\"\n");
  const auto r = run_strata("check --config " + bad + " " + kPair);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(bad + ":3: watch.severty: unknown key"), std::string::npos) << r.err;
}

TEST(CheckCli, BaselineAcceptsKnownFindingsOnly) {
  test::TempDir dir;
  const std::string baseline = dir.path() + "/baseline.txt";
  const auto written =
      run_strata("check --no-config --watch 'will not recognise' --write-baseline " + baseline + " " + kPair);
  EXPECT_EQ(written.exit_code, 0) << written.err;
  const std::string keys = test::read_file(baseline);
  EXPECT_NE(keys.find("watch:will not recognise/claim/"), std::string::npos) << keys;

  const auto accepted =
      run_strata("check --no-config --watch 'will not recognise' --baseline " + baseline + " " + kPair);
  EXPECT_EQ(accepted.exit_code, 0) << accepted.out;
  EXPECT_NE(accepted.out.find("accepted [watch:will not recognise]"), std::string::npos);
  EXPECT_NE(accepted.out.find("2 accepted by the baseline"), std::string::npos) << accepted.out;

  // A new change under the same rule still fails.
  const auto fresh = run_strata("check --no-config --watch 'will not recognise' --watch 'NATO Summit' --baseline " +
                                baseline + " " + kPair);
  EXPECT_EQ(fresh.exit_code, 1) << fresh.out;
}

TEST(CheckCli, FailOnBailoutTurnsAWorkLimitIntoTrouble) {
  // One claim of 600 words from a vocabulary of 20, edited at both ends:
  // past the word diff's cap (two 500-token claims) with no word found once
  // on each side to cut it at between the edits, so it is reported as
  // rewritten, with a warning.
  std::string words;
  for (int i = 0; i < 600; ++i) words += "word" + std::to_string(i % 20) + " ";
  test::TempDir dir;
  const std::string a = dir.file("a.txt", "Title\n\nThe rule will hold " + words + "end.\n");
  const std::string b = dir.file("b.txt", "Title\n\nThe rule may hold " + words + "finish.\n");
  const auto lenient = run_strata("check --no-config --format json --watch 'rule will hold' " + a + " " + b);
  EXPECT_EQ(lenient.exit_code, 1) << lenient.err;
  EXPECT_NE(lenient.out.find("\"bailed_out\": true"), std::string::npos) << lenient.out.substr(0, 1000);
  const auto strict = run_strata("check --no-config --fail-on-bailout --watch 'rule will hold' " + a + " " + b);
  EXPECT_EQ(strict.exit_code, 2);
  EXPECT_NE(strict.out.find("work limit: "), std::string::npos);  // the report is still written
  EXPECT_NE(strict.err.find("(--fail-on-bailout)"), std::string::npos) << strict.err;
}

TEST(CheckCli, JunitParsesAsXml) {
  test::TempDir dir;
  const auto r = run_strata("check --no-config --format junit -o " + dir.path() +
                            "/junit.xml --watch 'will not recognise' "
                            "--watch 'Treaty of Westphalia' " +
                            kPair);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  // Python's own XML parser reads it: two test cases, one failing with the claims.
  const std::string script = dir.file("read.py", R"(import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
cases = root.findall('testsuite/testcase')
failures = [c for c in cases if c.find('failure') is not None]
print(root.tag, root.get('tests'), root.get('failures'), len(cases), len(failures))
print(failures[0].get('name'))
print('NATO will not recognise them.' in failures[0].find('failure').text)
)");
  const auto parsed = test::run_shell(dir.path(), "python3 read.py junit.xml");
  EXPECT_EQ(parsed.out, "testsuites 2 1 2 1\nwatch:will not recognise\nTrue\n") << parsed.err;
}

TEST(CheckCli, GithubAnnotationsAreEscaped) {
  const auto r = run_strata("check --no-config --format github --watch 'will not recognise' " + kPair);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  // file= and title= are properties (':' and ',' escaped); the message is data
  // (line breaks escaped).
  const std::string start = "::error file=" + k2024 + ",line=";
  const size_t at = r.out.find(start);
  ASSERT_NE(at, std::string::npos) << r.out;
  const std::string line = r.out.substr(at, r.out.find('\n', at) - at);
  EXPECT_NE(line.find(",title=strata watch%3Awill not recognise::claim modified holding 'will not recognise'"),
            std::string::npos)
      << line;
  EXPECT_NE(line.find("%0A- "), std::string::npos) << line;
  EXPECT_EQ(line.find('\r'), std::string::npos);
}

TEST(CheckCli, SarifHasTheStructureOf210) {
  const auto r =
      run_strata("check --no-config --format sarif --watch 'will not recognise' --fail-on claim-removed " + kPair);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  const auto sarif = nlohmann::json::parse(r.out);
  EXPECT_EQ(sarif["version"], "2.1.0");
  EXPECT_EQ(sarif["$schema"], "https://json.schemastore.org/sarif-2.1.0.json");
  ASSERT_EQ(sarif["runs"].size(), 1u);
  const auto& run = sarif["runs"][0];
  EXPECT_EQ(run["tool"]["driver"]["name"], "strata");
  const auto& rules = run["tool"]["driver"]["rules"];
  ASSERT_EQ(rules.size(), 2u);
  ASSERT_FALSE(run["results"].empty());
  for (const auto& result : run["results"]) {
    const size_t index = result["ruleIndex"].get<size_t>();
    ASSERT_LT(index, rules.size());
    EXPECT_EQ(result["ruleId"], rules[index]["id"]);
    EXPECT_TRUE(result["level"] == "error" || result["level"] == "warning");
    EXPECT_FALSE(result["message"]["text"].get<std::string>().empty());
    const auto& location = result["locations"][0]["physicalLocation"];
    EXPECT_EQ(location["artifactLocation"]["uri"], k2024);
    if (location.contains("region")) {
      EXPECT_GE(location["region"]["startLine"].get<int>(), 1);
    }
    EXPECT_TRUE(result["partialFingerprints"]["strataCheckKey/v1"].is_string());
  }
}

TEST(CheckCli, MarkdownForAPullRequest) {
  const auto r = run_strata("check --no-config --format md --watch 'will not recognise' " + kPair);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(r.out.rfind("### strata check: FAILED: 2 errors", 0), 0u) << r.out;
  EXPECT_NE(r.out.find("- **error** `watch:will not recognise` (line "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("  - after: **They have no legitimacy, and NATO does not recognise them.**"), std::string::npos);
}

}  // namespace
}  // namespace strata
