// What the strata program does with real inputs: stdin, empty files,
// refused formats, HTML pages and their selectors, hostile nesting.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include "test_util.hpp"

namespace strata {
namespace {

using test::run_strata;

const std::string kPage = "tests/fixtures/inputs/page-2023.html";

// run_strata with `file` on standard input (run_strata reads /dev/null).
test::CommandResult run_with_stdin(const std::string& args, const std::string& file) {
  test::TempDir dir;
  const std::string out = dir.path() + "/out";
  const std::string err = dir.path() + "/err";
  const std::string cmd = "cd '" + std::string(STRATA_SOURCE_DIR) + "' && '" + std::string(STRATA_BINARY) + "' " +
                          args + " <'" + file + "' >'" + out + "' 2>'" + err + "'";
  const int status = std::system(cmd.c_str());
  test::CommandResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = test::read_file(out);
  r.err = test::read_file(err);
  return r;
}

TEST(IngestCli, EmptyFilesCompareLikeDiff) {
  test::TempDir dir;
  const std::string a = dir.file("a.txt", "");
  const std::string b = dir.file("b.txt", "");
  const std::string one = dir.file("one.txt", "One line.\n");
  EXPECT_EQ(run_strata("diff " + a + " " + b).exit_code, 0);
  const auto r = run_strata("diff " + a + " " + one);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(run_strata("sections " + a).exit_code, 0);
}

TEST(IngestCli, StandardInputIsDash) {
  const auto r = run_with_stdin("sections --format json -", kPage);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"format\": \"html\""), std::string::npos);
  const auto diff = run_with_stdin("diff tests/fixtures/inputs/page-2023.md -", kPage);
  EXPECT_EQ(diff.exit_code, 0) << diff.out << diff.err;
  const auto both = run_with_stdin("diff - -", kPage);
  EXPECT_EQ(both.exit_code, 2);
  EXPECT_NE(both.err.find("standard input"), std::string::npos) << both.err;
}

TEST(IngestCli, RefusedFormatsNameThemselves) {
  test::TempDir dir;
  struct Case {
    std::string name;
    std::string bytes;
    const char* message;
  } cases[] = {
      {"terms.pdf", "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n1 0 obj\n", "a PDF document; extract its text first (pdftotext"},
      {"terms.docx", std::string("PK\x03\x04\x14\0\0\0\x08\0word/document.xml", 27), "a Word document (DOCX)"},
      {"terms.txt", std::string("\0T\0e\0r\0m\0s\0\n", 12), "utf-16be text without a byte order mark"},
      {"logo.png", "\x89PNG\r\n\x1A\n\0\0\0\rIHDR", "a PNG image"},
  };
  for (const Case& c : cases) {
    const auto r = run_strata("sections " + dir.file(c.name, c.bytes));
    EXPECT_EQ(r.exit_code, 2) << c.name;
    EXPECT_NE(r.err.find(c.message), std::string::npos) << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  }
  const std::string utf16 = dir.file("utf16.txt", std::string("\xFF\xFEO\0n\0e\0.\0\n\0", 12));
  const auto converted = run_strata("sections --format json " + utf16);
  EXPECT_EQ(converted.exit_code, 0) << converted.err;
  EXPECT_NE(converted.out.find("\"charset\": \"utf-16le\""), std::string::npos) << converted.out;
}

TEST(IngestCli, SelectorsOnTheCommandLine) {
  const auto removed = run_strata("sections --format json --remove '#main h2' " + kPage);
  EXPECT_EQ(removed.exit_code, 0) << removed.err;
  EXPECT_NE(removed.out.find("\"rule\": \"remove #main h2\""), std::string::npos);
  // Selectors choose among what the chrome rules leave: the article's lists.
  const auto selected = run_strata("sections --select 'article ul' --input-format html " + kPage);
  EXPECT_EQ(selected.exit_code, 0) << selected.err;
  EXPECT_NE(selected.out.find("0 sections, 60 blocks"), std::string::npos) << selected.out;
  const auto chrome = run_strata("sections --select 'nav ul' " + kPage);
  EXPECT_EQ(chrome.exit_code, 2);
  EXPECT_NE(chrome.err.find("--select 'nav ul' matched nothing"), std::string::npos) << chrome.err;
  const auto bad = run_strata("sections --select 'p::before' " + kPage);
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("selector 'p::before'"), std::string::npos) << bad.err;
}

// gumbo is quadratic on unclosed tags; the pre-scan refuses such input at
// once (docs/benchmarks.md has the time and memory).
TEST(IngestCli, DeepUnclosedNestingEndsWithExitTwo) {
  test::TempDir dir;
  std::string deep = "<!DOCTYPE html><body>";
  for (int i = 0; i < 40000; ++i) deep += "<span>";
  const auto r = run_strata("sections " + dir.file("deep.html", deep + "x"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("deep.html: HTML nests elements more than 1000 deep"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace strata
