// The adversarial suite: one row a case, each the real binary run by bash on
// inputs the row builds, with the expected exit status, a pattern the
// standard error must match, and what the standard output must (not) hold.
// Every row is a hostile input, fault or environment that strata once got
// wrong (docs/reliability.md states the policies they check).
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <filesystem>
#include <functional>
#include <regex>

#include "test_util.hpp"
#include "text/utf8.hpp"

namespace strata {
namespace {

using test::TempDir;

struct File {
  std::string name;
  std::string content;
};

struct Case {
  const char* name;                                   // GoogleTest name of the row
  std::vector<File> files;                            // written into the row's temporary folder first
  std::string command;                                // bash; {s} is the strata binary, {d} the folder
  int exit;                                           // expected exit status (128 + N: ended by signal N)
  std::string err;                                    // regex the standard error must match (search); "" : empty
  std::string out_has;                                // text standard output must contain ("" : not checked)
  std::string out_lacks;                              // text standard output must not contain ("" : not checked)
  std::function<void(const std::string& dir)> check;  // more checks on the folder after the run
};

std::string lines(int n, const std::string& stem) {
  std::string out = "Title\n\nSection\n\n";
  for (int i = 0; i < n; ++i) out += stem + " number " + std::to_string(i) + " is stated here.\n\n";
  return out;
}

std::vector<std::string> temp_files_in(const std::string& dir) {
  std::vector<std::string> found;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    const std::string name = e.path().filename().string();
    if (name.find("tmp") != std::string::npos) found.push_back(name);
  }
  return found;
}

// A store in {d}/st holding kDoc as version "one" of 2020-01-01, and a
// shell function that puts a commit with the message read from stdin on top
// of its branch, as a damaged or forged store would have.
const std::string kStore =
    "{s} init --store {d}/st >/dev/null && {s} import --store {d}/st --id one --date 2020-01-01 {d}/a.txt >/dev/null "
    "&& "
    "forge() { c=$(git -C {d}/st commit-tree \"$(git -C {d}/st rev-parse main^{tree})\" -p main -F - 2>/dev/null) && "
    "git -C {d}/st update-ref refs/heads/main \"$c\"; } && "
    "message() { git -C {d}/st log -1 --format=%B main | sed 's/one/two/g'; } && ";

const std::string kDoc = "Title\n\nSection\n\nThe fee is 10 euros.\n";
const std::string kDocChanged = "Title\n\nSection\n\nThe fee is 12 euros.\n";
// kDoc changed by a claim holding DEL, a C1 control (CSI) and the line
// separator, which no output may write raw.
const std::string kControls =
    "Title\n\nSection\n\nThe fee is 12 euros \x7f\xC2\x9B"
    "2J\xE2\x80\xA8 now.\n";

Case row(const char* name, std::vector<File> files, std::string command, int exit, std::string err,
         std::string out_has = "", std::string out_lacks = "", std::function<void(const std::string&)> check = {}) {
  return Case{name,           std::move(files),   std::move(command),   exit,
              std::move(err), std::move(out_has), std::move(out_lacks), std::move(check)};
}

std::vector<Case> cases() {
  return {
      // --- Escaping: nothing from the input reaches a terminal raw --------
      row("FileNameWithEscapeIsShownInCaretNotation", {}, "{s} diff $'{d}/evil\\e[2J.txt' {d}/none.txt", 2,
          R"(^strata: error: .*evil\^\[\[2J\.txt.*\n$)"),
      row("FileNameWithBidiOverrideIsNamed", {}, "{s} sections $'{d}/cod\\u202Etxt.exe'", 2, R"(cod<U\+202E>txt\.exe)"),
      row("FileNameWithNewlineStaysOnOneLine", {}, "{s} sections $'{d}/a\\nstrata: error: forged'", 2,
          R"(^strata: error: [^\n]*a\^Jstrata: error: forged[^\n]*\n$)"),
      row("MissingClaimIsQuotedEscaped", {{"a.txt", kDoc}},
          "{s} init --store {d}/st >/dev/null && {s} import --store {d}/st --id one --date 2020-01-01 {d}/a.txt "
          ">/dev/null && {s} blame --store {d}/st --claim $'fee\\e[2J'",
          1, R"(^strata: version 'one' has no claim containing 'fee\^\[\[2J'\n$)"),
      row("BaselineFileNameIsShownInCaretNotation", {{"a.txt", kDoc}, {"b.txt", kDocChanged}},
          "{s} check --no-config --watch fee --write-baseline $'{d}/base\\e[2J.json' {d}/a.txt {d}/b.txt", 0,
          R"(^strata: 1 findings accepted in .*base\^\[\[2J\.json\n$)"),
      row("C1ControlInFileNameIsNamed", {}, "{s} sections $'{d}/x\\u009b2Jy'", 2, R"(x<U\+009B>2Jy)"),
      row("LongRevisionIsCutAtACharacter", {},
          "{s} init --store {d}/st >/dev/null && {s} blame --store {d}/st @"
          "$(printf 'a%.0s' {1..59})$'\\u00e9\\u00e9'",
          2, R"(invalid date 'a{59}\.\.\.')"),
      row("JsonEscapesDelC1AndSeparators", {{"a.txt", kDoc}, {"b.txt", kControls}},
          "{s} diff --format json {d}/a.txt {d}/b.txt", 1, "", "\\u007f\\u009b2J\\u2028", "\x7f"),
      // Every JSON output, not the diff's alone: a check's findings and a
      // document's programmes quote the input too.
      row("CheckJsonEscapesDelC1AndSeparators", {{"a.txt", kDoc}, {"b.txt", kControls}},
          "{s} check --no-config --watch fee --format json {d}/a.txt {d}/b.txt", 1, "", "\\u007f\\u009b2J\\u2028",
          "\x7f"),
      row("SarifEscapesDelC1AndSeparators", {{"a.txt", kDoc}, {"b.txt", kControls}},
          "{s} check --no-config --watch fee --format sarif {d}/a.txt {d}/b.txt", 1, "", "\\u007f\\u009b2J\\u2028",
          "\xC2\x9B"),
      row("ProgrammesJsonEscapesDelC1AndSeparators",
          {{"p.txt",
            "Title\n\nThe Global Health Initiative \x7f\xC2\x9B"
            "2J\xE2\x80\xA8 and the Clean Air Programme start.\n\nThe Clean Air Programme ends.\n"}},
          "{s} programmes --format json {d}/p.txt", 0, "", "\\u007f\\u009b2J\\u2028", "\xE2\x80\xA8"),
      // A section title in a timeline's CSV: no control reaches the
      // terminal, no formula the spreadsheet.
      row("TimelineCsvHasNoControlsOrFormulas",
          {{"a.md",
            "# T\n\n## Fees \x1b[31mred\x7f\n\nThe fee is 10 euros.\n\n## "
            "=HYPERLINK(\"http://e.example\")\n\nText.\n"}},
          "{s} init --store {d}/st >/dev/null && {s} import --store {d}/st --id one --date 2020-01-01 {d}/a.md "
          ">/dev/null && {s} timeline --store {d}/st --format csv",
          0, "", "section,Fees ^[[31mred^?,1\nsection,\"'=HYPERLINK(\"\"http://e.example\"\")\",1\n", "\x1b"),
      row("TextReportShowsControlsInCaretNotation",
          {{"a.txt", kDoc}, {"b.txt", "Title\n\nSection\n\nThe fee is \x1b[31m12 euros.\n"}},
          "{s} diff --color never {d}/a.txt {d}/b.txt", 1, "", "^[[31m12", "\x1b"),
      row("MarkdownHasNoLinksFromTheInput",
          {{"a.txt", kDoc}, {"b.txt", "Title\n\nSection\n\nThe fee is 12 euros at https://evil.example and [x](y).\n"}},
          "{s} diff --format md {d}/a.txt {d}/b.txt", 1, "", "https\\://evil.example", "https://"),
      row("MarkdownReportOfManyChangesIsCut", {{"a.txt", lines(1, "Old claim")}, {"b.txt", lines(2100, "New claim")}},
          "{s} diff --format md --no-classify {d}/a.txt {d}/b.txt", 1, "",
          "**Truncated:** 2000 of 2100 changed claims"),
      row("ReportListsAtMostTheClaimCap", {{"a.txt", lines(1, "Old claim")}, {"b.txt", lines(20005, "New claim")}},
          "{s} diff --format json --no-classify {d}/a.txt {d}/b.txt", 1, "", "\"claims_not_listed\": 5"),
      // --- Magic numbers: a short file that opens like a binary format ------
      // A text that starts "RIFF" and ends before a RIFF header would
      // (fuzz finding) is compared as text, not thrown at.
      row("ShortFileOpeningLikeRiffIsText", {{"a.txt", "RIFF\n"}, {"b.txt", "RIFF\nWEBP\n"}},
          "{s} diff {d}/a.txt {d}/b.txt", 1, "", "WEBP"),
      row("WebpImageIsRefused", {{"a.txt", kDoc}, {"b.webp", std::string("RIFF\x10\0\0\0WEBPVP8 ", 16)}},
          "{s} diff {d}/a.txt {d}/b.webp", 2, R"(^strata: error: .*b\.webp.*WebP image)"),
      // --- Options out of range ----------------------------------------------
      row("NegativeContextIsRefused", {{"a.txt", kDoc}, {"b.txt", kDocChanged}},
          "{s} diff --context -1 {d}/a.txt {d}/b.txt", 2,
          R"(^strata: error: --context: Value -1 is not a number of 0 or more\n$)"),
      row("NegativeRemovalLimitIsRefused", {{"a.txt", kDoc}, {"b.txt", kDocChanged}},
          "{s} check --no-config --max-claims-removed -1 {d}/a.txt {d}/b.txt", 2,
          R"(^strata: error: --max-claims-removed: Value -1 is not a number of 0 or more\n$)"),
      row("HugeContextIsRefused", {{"a.txt", kDoc}, {"b.txt", kDocChanged}},
          "{s} diff --context 99999999999999 {d}/a.txt {d}/b.txt", 2, R"(^strata: error: .*--context)"),
      row("NegativeListingCapIsRefused", {{"a.txt", kDoc}, {"b.txt", kDocChanged}},
          "{s} diff --max-listed-claims -1 {d}/a.txt {d}/b.txt", 2, R"(^strata: error: --max-listed-claims[^\n]*\n$)"),
      row("HugeListingCapIsRefused", {{"a.txt", kDoc}, {"b.txt", kDocChanged}},
          "{s} diff --max-listed-claims 99999999999999999999 {d}/a.txt {d}/b.txt", 2,
          R"(^strata: error: --max-listed-claims[^\n]*\n$)"),
      row("NonNumericListingCapIsRefused", {{"a.txt", kDoc}, {"b.txt", kDocChanged}},
          "{s} diff --max-listed-claims ten {d}/a.txt {d}/b.txt", 2, R"(^strata: error: --max-listed-claims[^\n]*\n$)"),
      row("ListingCapPastTheCeilingIsRefusedByCheck", {{"a.txt", kDoc}, {"b.txt", kDocChanged}},
          "{s} check --no-config --watch fee --max-listed-claims 1000001 {d}/a.txt {d}/b.txt", 2,
          R"(^strata: error: --max-listed-claims[^\n]*\n$)"),
      // --- Output faults -------------------------------------------------------
      row("FullDiskUnderStdoutIsTrouble", {{"a.txt", kDoc}, {"b.txt", kDocChanged}},
          "{s} diff {d}/a.txt {d}/b.txt >/dev/full", 2,
          R"(^strata: error: standard output: write failed: No space left on device\n$)"),
      // The documents and the changes are left to the process's end
      // (cli/app.hpp, keep_until_exit): the write error still decides.
      row("FullDiskUnderDiffJsonIsTrouble", {{"a.txt", lines(3000, "Old claim")}, {"b.txt", lines(3000, "New claim")}},
          "{s} diff --format json {d}/a.txt {d}/b.txt >/dev/full", 2,
          R"(^strata: error: standard output: write failed: No space left on device\n$)"),
      row("ClosedPipeUnderDiffEndsQuietly", {{"a.txt", lines(3000, "Old claim")}, {"b.txt", lines(3000, "New claim")}},
          "{s} diff --format json {d}/a.txt {d}/b.txt | head -c 10 >/dev/null; exit ${PIPESTATUS[0]}", 141, ""),
      row("FullDiskUnderVersionIsTrouble", {}, "{s} --version >/dev/full", 2,
          R"(^strata: error: standard output: write failed: No space left on device\n$)"),
      row("FullDiskUnderLogIsTrouble", {},
          "{s} init --store {d}/st >/dev/null && {s} log --store {d}/st --format json >/dev/full", 2,
          "No space left on device"),
      row("ClosedPipeEndsQuietly", {{"big.txt", lines(20000, "Claim")}},
          "{s} sections --format json {d}/big.txt | head -c 10 >/dev/null; exit ${PIPESTATUS[0]}", 141, ""),
      row("SymlinkAtTheOutputIsRefused", {{"a.txt", kDoc}, {"b.txt", kDocChanged}, {"target.txt", "keep\n"}},
          "ln -s target.txt {d}/link.txt && {s} diff {d}/a.txt {d}/b.txt -o {d}/link.txt", 2,
          R"(link\.txt: is a symbolic link)", "", "",
          [](const std::string& dir) {
            EXPECT_TRUE(std::filesystem::is_symlink(dir + "/link.txt"));
            EXPECT_EQ(test::read_file(dir + "/target.txt"), "keep\n");
          }),
      // A misspelt folder in `-o` made a tree of folders and wrote there.
      row("OutputIntoAMissingFolderIsRefused", {{"a.txt", kDoc}, {"b.txt", kDocChanged}},
          "{s} diff {d}/a.txt {d}/b.txt -o {d}/mising/r.md", 2,
          R"(^strata: error: .*/mising/r\.md: cannot write: no folder .*/mising\n$)", "", "",
          [](const std::string& dir) { EXPECT_FALSE(std::filesystem::exists(dir + "/mising")); }),
      row("StaleTemporaryFilesAreSwept",
          {{"a.txt", kDoc},
           {"b.txt", kDocChanged},
           {"out/.strata-tmp-0badc0de-r.md", "old"},
           {"out/.strata-tmp-1badc0de-r.md", "fresh"},
           {"out/notes.tmp", "user's"}},
          "touch -d '2 hours ago' {d}/out/.strata-tmp-0badc0de-r.md {d}/out/notes.tmp && "
          "{s} diff --format md {d}/a.txt {d}/b.txt -o {d}/out/r.md",
          1, "", "", "",
          [](const std::string& dir) {
            EXPECT_FALSE(std::filesystem::exists(dir + "/out/.strata-tmp-0badc0de-r.md"));
            EXPECT_TRUE(std::filesystem::exists(dir + "/out/.strata-tmp-1badc0de-r.md"));  // may be a live write
            EXPECT_TRUE(std::filesystem::exists(dir + "/out/notes.tmp"));                  // not strata's
            EXPECT_TRUE(std::filesystem::exists(dir + "/out/r.md"));
          }),
      row("KilledWriteLeavesNoTemporaryFile", {{"big.txt", lines(3000, "Claim")}},
          "mkdir {d}/out && (ulimit -f 16; exec {s} sections --format json {d}/big.txt -o {d}/out/s.json)", 128 + 25,
          "File size limit exceeded", "", "",
          [](const std::string& dir) {
            EXPECT_TRUE(temp_files_in(dir + "/out").empty());
            EXPECT_FALSE(std::filesystem::exists(dir + "/out/s.json"));
          }),
      // --- Store: metadata validated on read, naming the commit -------------
      row("DuplicatedTrailerIsRefused", {{"a.txt", kDoc}},
          kStore + "message | sed 's/^Raw-Blob: .*/&\\n&/' | forge && {s} log --store {d}/st", 2,
          R"(commit [0-9a-f]{40} is not a strata version: trailer Raw-Blob appears twice)"),
      row("MissingTrailerIsRefused", {{"a.txt", kDoc}},
          kStore + "message | grep -v '^Normalization:' | forge && {s} log --store {d}/st", 2,
          R"(commit [0-9a-f]{40} is not a strata version: the Normalization trailer is missing)"),
      row("EscapeInTitleIsRefused", {{"a.txt", kDoc}},
          kStore + "message | sed $'s/^Snapshot-Title: .*/Snapshot-Title: \\x1b[2Jx/' | forge && {s} sections --store "
                   "{d}/st two",
          2, R"(trailer Snapshot-Title holds the control character 0x1b)"),
      // git commit-tree re-encodes a message that is not UTF-8: the commit is
      // written as an object instead.
      row("InvalidUtf8InTitleIsRefused", {{"a.txt", kDoc}},
          kStore + "c=$(git -C {d}/st cat-file commit main | sed $'s/^Snapshot-Title: .*/Snapshot-Title: \\xff/' | "
                   "git -C {d}/st hash-object -t commit -w --stdin) && git -C {d}/st update-ref refs/heads/main $c && "
                   "{s} log --store {d}/st",
          2, R"(trailer Snapshot-Title is not valid UTF-8)"),
      row("HugeTitleIsRefused", {{"a.txt", kDoc}},
          kStore + "message | awk '/^Snapshot-Title:/ { printf \"Snapshot-Title: \"; "
                   "for (i = 0; i < 1000000; i++) printf \"x\"; print \"\"; next } { print }' | "
                   "forge && {s} log --store {d}/st",
          2, R"(trailer Snapshot-Title is longer than 1000 bytes)"),
      row("NonNumericNormalizationIsRefused", {{"a.txt", kDoc}},
          kStore + "message | sed 's/^Normalization: .*/Normalization: 1x/' | forge && {s} log --store {d}/st", 2,
          R"(trailer Normalization is '1x', not a positive number)"),
      row("ReusedIdIsRefused", {{"a.txt", kDoc}},
          kStore + "git -C {d}/st log -1 --format=%B main | forge && {s} log --store {d}/st", 2,
          R"(commits [0-9a-f]{40} and [0-9a-f]{40} both hold version id 'one')"),
      row("EqualDatesAreOrderedById", {{"a.txt", kDoc}, {"b.txt", kDocChanged}},
          "{s} init --store {d}/st >/dev/null && "
          "{s} import --store {d}/st --id zeta --date 2020-01-01 {d}/a.txt >/dev/null && "
          "{s} import --store {d}/st --id alpha --date 2020-01-01 {d}/b.txt >/dev/null && "
          "{s} log --store {d}/st --no-sizes | awk 'NR == 1 && / alpha / { ok = 1 } END { exit !ok }'",
          0, ""),
      // --- Store: libgit2 cut off from the user's git configuration ---------
      row("HostileGitconfigDoesNotReachTheStore",
          {{"a.txt", kDoc},
           {"home/.gitconfig", "[core]\n\tlogAllRefUpdates = always\n[strata]\n\tstore = 1\n"},
           {"home/.config/git/config", "[core]\n\tlogAllRefUpdates = always\n"}},
          "export HOME={d}/home XDG_CONFIG_HOME={d}/home/.config && {s} init --store {d}/st >/dev/null && "
          "{s} import --store {d}/st --date 2020-01-01 {d}/a.txt >/dev/null && test ! -e {d}/st/logs",
          0, ""),
      row("PlainBareRepositoryIsNoStoreWhateverTheConfig", {{"home/.gitconfig", "[strata]\n\tstore = 1\n"}},
          "git init -q --bare {d}/plain && HOME={d}/home GIT_CONFIG_GLOBAL={d}/home/.gitconfig "
          "GIT_CONFIG_PARAMETERS=\"'strata.store=1'\" GIT_DIR={d}/plain {s} log --store {d}/plain",
          2, R"(is a git repository but not a strata store)"),
      row("DeadWritersObjectTemporariesAreSwept", {{"a.txt", kDoc}, {"b.txt", kDocChanged}},
          kStore + "echo x > {d}/st/objects/tmp_object_git2_AbCdEf && echo y > {d}/st/objects/tmp_object_git2_live && "
                   "echo z > {d}/st/objects/tmp_object_strata_GhIjKl && "
                   "echo w > {d}/st/objects/tmp_object_strata_live && "
                   "touch -d '2 hours ago' {d}/st/objects/tmp_object_git2_AbCdEf "
                   "{d}/st/objects/tmp_object_strata_GhIjKl && "
                   "{s} import --store {d}/st --date 2021-01-01 {d}/b.txt >/dev/null",
          0, "", "", "",
          [](const std::string& dir) {
            EXPECT_FALSE(std::filesystem::exists(dir + "/st/objects/tmp_object_git2_AbCdEf"));
            EXPECT_TRUE(std::filesystem::exists(dir + "/st/objects/tmp_object_git2_live"));
            EXPECT_FALSE(std::filesystem::exists(dir + "/st/objects/tmp_object_strata_GhIjKl"));
            EXPECT_TRUE(std::filesystem::exists(dir + "/st/objects/tmp_object_strata_live"));
          }),
  };
}

void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

class Adversarial : public testing::TestWithParam<Case> {};

std::string expand(std::string command, const std::string& dir) {
  for (size_t at; (at = command.find("{s}")) != std::string::npos;) command.replace(at, 3, "'" STRATA_BINARY "'");
  for (size_t at; (at = command.find("{d}")) != std::string::npos;) command.replace(at, 3, dir);
  return command;
}

TEST_P(Adversarial, Row) {
  const Case& c = GetParam();
  const TempDir dir;
  for (const File& f : c.files) dir.file(f.name, f.content);
  const TempDir capture;
  const std::string script = capture.file("run.sh", expand(c.command, dir.path()) + "\n");
  const std::string out = capture.path() + "/out";
  const std::string err = capture.path() + "/err";
  const int status = std::system(("bash '" + script + "' >'" + out + "' 2>'" + err + "' </dev/null").c_str());
  ASSERT_TRUE(WIFEXITED(status));
  const std::string out_text = test::read_file(out);
  const std::string err_text = test::read_file(err);
  EXPECT_EQ(WEXITSTATUS(status), c.exit) << err_text;
  if (c.err.empty()) {
    EXPECT_EQ(err_text, "");
  } else {
    EXPECT_TRUE(std::regex_search(err_text, std::regex(c.err))) << "stderr: " << err_text;
  }
  EXPECT_EQ(utf8::find_invalid(err_text), std::string::npos) << "stderr is not UTF-8: " << err_text;
  for (unsigned char ch : err_text) EXPECT_TRUE(ch >= 0x20 || ch == '\n') << "raw control on stderr: " << err_text;
  if (!c.out_has.empty()) {
    EXPECT_NE(out_text.find(c.out_has), std::string::npos) << out_text.substr(0, 2000);
  }
  if (!c.out_lacks.empty()) {
    EXPECT_EQ(out_text.find(c.out_lacks), std::string::npos) << out_text.substr(0, 2000);
  }
  if (c.check) c.check(dir.path());
}

INSTANTIATE_TEST_SUITE_P(Cases, Adversarial, testing::ValuesIn(cases()),
                         [](const testing::TestParamInfo<Case>& row_info) { return std::string(row_info.param.name); });

}  // namespace
}  // namespace strata
