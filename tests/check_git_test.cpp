// strata with git: `check --git`, the external diff driver, textconv, and the
// CI recipes of docs/ci.md, read from that page and run in a real repository
// made with the git program.
#include <gtest/gtest.h>

#include "test_util.hpp"

namespace strata {
namespace {

using test::run_shell;

const std::string kSource = STRATA_SOURCE_DIR;
const std::string k2023 = kSource + "/snapshots/2023_page_relations-with-ukraine.txt";
const std::string k2024 = kSource + "/snapshots/2024-07-02_page_natos-response-to-russias-invasion.txt";

// No user or system git configuration reaches the tests.
std::string git_env(const test::TempDir& home) {
  return "export HOME='" + home.path() +
         "' GIT_CONFIG_NOSYSTEM=1 GIT_AUTHOR_NAME=Test GIT_AUTHOR_EMAIL=t@example.org "
         "GIT_COMMITTER_NAME=Test GIT_COMMITTER_EMAIL=t@example.org\nset -e\n";
}

// A repository whose last commit turns the 2023 page into the 2024 one
// (and touches a file that is no document).
class GitRepo : public ::testing::Test {
 protected:
  void SetUp() override {
    repo_ = home_.path() + "/repo";
    const auto made =
        sh("mkdir -p repo/docs && cd repo && git init -q -b main . && cp '" + k2023 +
               "' docs/ukraine.txt && echo 'int main;' > main.c && git add -A && git commit -qm 2023 && cp '" + k2024 +
               "' docs/ukraine.txt && echo '/* */' >> main.c && git commit -qam 2024",
           home_.path());
    ASSERT_EQ(made.exit_code, 0) << made.err;
  }

  test::CommandResult sh(const std::string& script, const std::string& dir = "") {
    return run_shell(dir.empty() ? repo_ : dir, git_env(home_) + script);
  }

  test::TempDir home_;
  std::string repo_;
};

// The fenced block of docs/ci.md whose first line is `marker`.
std::string ci_block(const std::string& marker) {
  const std::string page = test::read_file(kSource + "/docs/ci.md");
  const size_t at = page.find("\n" + marker + "\n");
  EXPECT_NE(at, std::string::npos) << marker;
  if (at == std::string::npos) return {};
  const size_t begin = at + marker.size() + 2;
  return page.substr(begin, page.find("```", begin) - begin);
}

// Lines of `block` that, trimmed and past `prefix`, start with "strata ".
std::vector<std::string> strata_lines(const std::string& block, const std::string& prefix) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < block.size()) {
    size_t end = block.find('\n', start);
    if (end == std::string::npos) end = block.size();
    std::string line = block.substr(start, end - start);
    start = end + 1;
    line.erase(0, line.find_first_not_of(' '));
    if (line.rfind(prefix + "strata ", 0) == 0) out.push_back(line.substr(prefix.size()));
  }
  return out;
}

void replace_all(std::string& text, const std::string& from, const std::string& to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
}

TEST_F(GitRepo, CheckNamesTheChangedFile) {
  const auto r = sh("strata check --no-config --git HEAD~1 HEAD --watch 'will not recognise'");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.out.find("strata check: HEAD~1:docs/ukraine.txt -> HEAD:docs/ukraine.txt"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("error [watch:will not recognise] docs/ukraine.txt:"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("main.c"), std::string::npos);  // not a document

  EXPECT_EQ(sh("strata check --no-config --git HEAD~1 HEAD --watch 'will not recognise' -- '*.c'").exit_code, 0);
  EXPECT_EQ(sh("strata check --no-config --git HEAD~1 HEAD --watch 'will not recognise' -- 'docs/*'").exit_code, 1);
  EXPECT_EQ(sh("strata check --no-config --git HEAD HEAD --watch 'will not recognise'").exit_code, 0);

  const auto bad = sh("strata check --no-config --git HEAD~5 HEAD --watch x");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("cannot resolve revision 'HEAD~5'"), std::string::npos) << bad.err;
}

TEST_F(GitRepo, AddedAndDeletedDocuments) {
  ASSERT_EQ(sh("printf '# New\\n\\nNATO will not recognise them.\\n' > docs/new.md && git rm -q docs/ukraine.txt && "
               "git add -A && git commit -qm swap")
                .exit_code,
            0);
  // The added file is compared with nothing, and so is the deleted one.
  const auto r =
      sh("strata check --no-config --format json --git HEAD~1 HEAD --watch 'will not recognise' "
         "--watch 'does not recognise'");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.out.find("\"path\": \"docs/new.md\""), std::string::npos);
  EXPECT_NE(r.out.find("\"summary\": \"claim added holding 'will not recognise' (0 -> 1 times)\""), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("\"path\": \"docs/ukraine.txt\""), std::string::npos);
  EXPECT_NE(r.out.find("\"summary\": \"claim removed holding 'does not recognise' (1 -> 0 times)\""), std::string::npos)
      << r.out;
}

TEST_F(GitRepo, DiffDriverAndTextconv) {
  const auto set_up = sh(ci_block("# git driver set-up"));
  ASSERT_EQ(set_up.exit_code, 0) << set_up.err;
  const auto diff = sh("git diff HEAD~1 HEAD");
  EXPECT_EQ(diff.exit_code, 0) << diff.err;
  EXPECT_NE(diff.out.find("strata diff a/docs/ukraine.txt b/docs/ukraine.txt\n"), std::string::npos) << diff.out;
  EXPECT_NE(diff.out.find("NATO [-will-]{+does+} not recognise them."), std::string::npos);
  EXPECT_NE(diff.out.find("diff --git a/main.c b/main.c"), std::string::npos);  // not a document: git's own diff
  // git log -p reads the textconv form: one claim a line.
  const auto log = sh("git log -p -1 --format= -- docs/ukraine.txt");
  EXPECT_EQ(log.exit_code, 0) << log.err;
  EXPECT_NE(log.out.find("\n-They have no legitimacy, and NATO will not recognise them.\n"), std::string::npos)
      << log.out.substr(0, 3000);
  EXPECT_NE(log.out.find("\n+They have no legitimacy, and NATO does not recognise them.\n"), std::string::npos);

  // A rename passes two more arguments; an added file has /dev/null for its old side.
  ASSERT_EQ(sh("git mv docs/ukraine.txt docs/nato.txt && printf 'Title\\n\\nA new page.\\n' > docs/added.txt && "
               "git add -A && git commit -qm move")
                .exit_code,
            0);
  const auto moved = sh("git diff -M HEAD~1 HEAD");
  EXPECT_EQ(moved.exit_code, 0) << moved.err;
  EXPECT_NE(moved.out.find("strata diff a/docs/ukraine.txt b/docs/nato.txt\n"), std::string::npos) << moved.out;
  EXPECT_NE(moved.out.find("strata diff a/docs/added.txt b/docs/added.txt\n"), std::string::npos) << moved.out;
  EXPECT_NE(moved.out.find("A new page."), std::string::npos);

  const auto unmerged = sh("strata git-diff docs/nato.txt");
  EXPECT_EQ(unmerged.exit_code, 0);
  EXPECT_EQ(unmerged.out, "* Unmerged path docs/nato.txt\n");
  const auto wrong = sh("strata git-diff a b c");
  EXPECT_EQ(wrong.exit_code, 2);
  EXPECT_NE(wrong.err.find("git-diff takes git's 7 arguments"), std::string::npos);
}

TEST_F(GitRepo, GithubWorkflowCommandsFromTheDocs) {
  ASSERT_EQ(sh("printf '[[watch]]\\nphrase = \"will not recognise\"\\n' > .strata.toml").exit_code, 0);
  const auto shas = sh("git rev-parse HEAD~1 HEAD");
  ASSERT_EQ(shas.exit_code, 0);
  const std::string base = shas.out.substr(0, 40);
  const std::string head = shas.out.substr(41, 40);
  const auto commands = strata_lines(ci_block("# .github/workflows/strata.yml"), "run: ");
  ASSERT_EQ(commands.size(), 2u);
  std::vector<test::CommandResult> results;
  for (std::string command : commands) {
    replace_all(command, "${{ github.event.pull_request.base.sha }}", base);
    replace_all(command, "${{ github.sha }}", head);
    results.push_back(sh(command));
  }
  EXPECT_EQ(results[0].exit_code, 1) << results[0].err;
  EXPECT_NE(results[0].out.find("::error file=docs/ukraine.txt,line="), std::string::npos) << results[0].out;
  EXPECT_EQ(results[1].exit_code, 0) << results[1].err;  // a broken rule does not fail the SARIF step
  EXPECT_NE(test::read_file(repo_ + "/strata.sarif").find("\"version\": \"2.1.0\""), std::string::npos);
}

TEST_F(GitRepo, GitlabJobFromTheDocs) {
  ASSERT_EQ(sh("printf '[[watch]]\\nphrase = \"will not recognise\"\\n' > .strata.toml").exit_code, 0);
  const auto commands = strata_lines(ci_block("# .gitlab-ci.yml"), "- ");
  ASSERT_EQ(commands.size(), 1u);
  const auto r = sh("export CI_MERGE_REQUEST_DIFF_BASE_SHA=$(git rev-parse HEAD~1)\n" + commands[0]);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  const auto parsed =
      sh("python3 -c \"import xml.etree.ElementTree as ET; r = ET.parse('strata-junit.xml').getroot(); "
         "print(r.get('failures'), r.find('testsuite').get('name'))\"");
  EXPECT_EQ(parsed.out, "1 docs/ukraine.txt\n") << parsed.err;
}

TEST_F(GitRepo, PreCommitHookFromTheDocs) {
  ASSERT_EQ(sh("printf '[[watch]]\\nphrase = \"will not recognise\"\\n' > .strata.toml").exit_code, 0);
  test::TempDir scratch;
  const std::string hook = scratch.file("pre-commit", "#!/bin/sh\n" + ci_block("#!/bin/sh"));
  ASSERT_EQ(sh("cp '" + hook + "' .git/hooks/pre-commit && chmod +x .git/hooks/pre-commit").exit_code, 0);
  ASSERT_NE(test::read_file(repo_ + "/.git/hooks/pre-commit").find("strata check --git HEAD"), std::string::npos);
  // Staging the 2023 wording again breaks the watch: the commit is refused.
  const auto refused = sh("cp '" + k2023 + "' docs/ukraine.txt && git add docs/ukraine.txt && git commit -qm back");
  EXPECT_NE(refused.exit_code, 0);
  // git shows a hook's output on its standard error.
  EXPECT_NE(refused.err.find("error [watch:will not recognise] docs/ukraine.txt:"), std::string::npos) << refused.err;
  EXPECT_EQ(sh("git log --format=%s -1").out, "2024\n");
  // A change that breaks no rule is committed.
  const auto kept =
      sh("git checkout -q HEAD -- docs/ukraine.txt && echo '/* more */' >> main.c && git commit -qam code");
  EXPECT_EQ(kept.exit_code, 0) << kept.out << kept.err;
  EXPECT_EQ(sh("git log --format=%s -1").out, "code\n");
}

}  // namespace
}  // namespace strata
