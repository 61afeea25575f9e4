// strata init / import / log as a user runs them, concurrency and kill -9.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/core.h>
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "test_util.hpp"

namespace strata {
namespace {

namespace fs = std::filesystem;

// Rounds of the 8-writer race; STRATA_STORE_STRESS_ROUNDS=100 runs the full
// stress test (about a minute on two cores).
int stress_rounds() {
  const char* env = std::getenv("STRATA_STORE_STRESS_ROUNDS");
  return env != nullptr && std::atoi(env) > 0 ? std::atoi(env) : 5;
}

std::string shell_quote(const std::string& s) { return "'" + s + "'"; }

int count_lines(const std::string& text) {
  int n = 0;
  for (char c : text) n += c == '\n' ? 1 : 0;
  return n;
}

bool git_fsck_clean(const std::string& store) {
  const std::string cmd =
      fmt::format("git --git-dir={} fsck --strict --no-dangling >/dev/null 2>&1", shell_quote(store));
  return std::system(cmd.c_str()) == 0;
}

TEST(StoreCli, InitImportLog) {
  test::TempDir tmp;
  const std::string store = shell_quote(tmp.path() + "/s");
  auto init = test::run_strata("init --store " + store);
  EXPECT_EQ(init.exit_code, 0) << init.err;
  const std::string a = tmp.file("a.txt", "Title\n\nFirst text.\n");
  const std::string b = tmp.file("b.txt", "Title\n\nSecond text.\n");
  auto imported = test::run_strata(fmt::format("import --store {} --date 2020-01-01 {} ", store, shell_quote(a)));
  EXPECT_EQ(imported.exit_code, 0) << imported.err;
  EXPECT_NE(imported.out.find("stored a (2020-01-01)"), std::string::npos) << imported.out;
  imported = test::run_strata(fmt::format("import --store {} --date 2021-02 --id second {}", store, shell_quote(b)));
  EXPECT_EQ(imported.exit_code, 0) << imported.err;
  auto again = test::run_strata(fmt::format("import --store {} --date 2020-01-01 {}", store, shell_quote(a)));
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find("unchanged: already stored as a (2020-01-01)"), std::string::npos) << again.out;
  auto log = test::run_strata("log --no-sizes --store " + store);
  EXPECT_EQ(log.exit_code, 0) << log.err;
  EXPECT_EQ(log.out, "  1  2020-01-01  a  Title\n  2  2021-02     second  Title\n");
  auto sized = test::run_strata("log --store " + store);
  EXPECT_EQ(sized.exit_code, 0) << sized.err;
  EXPECT_NE(sized.out.find("second  Title  (claims ~1 +0 -0 >0; programmes +0 -0 =0)\n"), std::string::npos)
      << sized.out;
  // Only white space changed: no row of zeros.
  const std::string c = tmp.file("c.txt", "Title\n\nSecond   text.\n");
  imported = test::run_strata(fmt::format("import --store {} --date 2021-03 --id third {}", store, shell_quote(c)));
  EXPECT_EQ(imported.exit_code, 0) << imported.err;
  sized = test::run_strata("log --store " + store);
  EXPECT_NE(sized.out.find("\n  3  2021-03     third  Title  (no claim or programme changed)\n"), std::string::npos)
      << sized.out;
  EXPECT_TRUE(git_fsck_clean(tmp.path() + "/s"));
}

TEST(StoreCli, TroubleExitsTwoAndWritesNothing) {
  test::TempDir tmp;
  const std::string store = shell_quote(tmp.path() + "/s");
  auto no_store = test::run_strata("log --store " + store);
  EXPECT_EQ(no_store.exit_code, 2);
  EXPECT_EQ(no_store.err.rfind("strata: error: no store at", 0), 0u) << no_store.err;
  ASSERT_EQ(test::run_strata("init --store " + store).exit_code, 0);
  const std::string good = tmp.file("good.txt", "Title\n\nText.\n");
  const std::string bad = tmp.file("bad.txt", std::string("ab\x00cd", 5));
  struct Case {
    std::string args;
    std::string message;
  };
  const Case cases[] = {
      {fmt::format("--date 2020 {} {}", shell_quote(good), shell_quote(bad)), "bad.txt"},
      {fmt::format("--date 2023-02-29 {}", shell_quote(good)), "2023-02-29"},
      {fmt::format("--date 2020 --id 'a..b' {}", shell_quote(good)), "a..b"},
      {fmt::format("--date 2020 {}", shell_quote(tmp.path() + "/missing.txt")), "missing.txt"},
      {fmt::format("{}", shell_quote(good)), "--date"},
  };
  for (const Case& c : cases) {
    auto r = test::run_strata(fmt::format("import --store {} {}", store, c.args));
    EXPECT_EQ(r.exit_code, 2) << c.args;
    EXPECT_EQ(r.err.rfind("strata: error: ", 0), 0u) << r.err;
    EXPECT_NE(r.err.find(c.message), std::string::npos) << r.err;
    EXPECT_EQ(count_lines(r.err), 1) << r.err;
  }
  EXPECT_EQ(test::run_strata("log --store " + store).out, "");
}

TEST(StoreCli, ManifestImportsTheSeriesInOrder) {
  test::TempDir tmp;
  const std::string store = shell_quote(tmp.path() + "/s");
  ASSERT_EQ(test::run_strata("init --store " + store).exit_code, 0);
  auto first = test::run_strata("import --store " + store + " --manifest snapshots/manifest.toml");
  EXPECT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.out.find("skipped encyclopedia: not part of the series"), std::string::npos) << first.out;
  EXPECT_NE(first.out.find("4 stored, 0 unchanged"), std::string::npos) << first.out;
  auto second = test::run_strata("import --store " + store + " --manifest snapshots/manifest.toml");
  EXPECT_EQ(second.exit_code, 0) << second.err;
  EXPECT_NE(second.out.find("0 stored, 4 unchanged"), std::string::npos) << second.out;
  auto log = test::run_strata("log --store " + store + " --format json");
  EXPECT_EQ(log.exit_code, 0);
  const size_t p2015 = log.out.find("\"page-2015\"");
  const size_t p2018 = log.out.find("\"guide-2016-2018\"");
  const size_t p2023 = log.out.find("\"page-2023\"");
  const size_t p2024 = log.out.find("\"page-2024\"");
  ASSERT_NE(p2024, std::string::npos) << log.out;
  EXPECT_LT(p2015, p2018);
  EXPECT_LT(p2018, p2023);
  EXPECT_LT(p2023, p2024);
}

TEST(StoreCli, HistoryCommands) {
  test::TempDir tmp;
  const std::string store = shell_quote(tmp.path() + "/s");
  ASSERT_EQ(test::run_strata("init --store " + store).exit_code, 0);
  const std::string a = tmp.file("a.txt", "Title\n\nIntro\n\nNATO supports Ukraine strongly. Trade grew.\n");
  const std::string b = tmp.file("b.txt", "Title\n\nIntro\n\nNATO supports Ukraine firmly. Trade grew.\n");
  ASSERT_EQ(test::run_strata(fmt::format("import --store {} --date 2020 --id one {}", store, shell_quote(a))).exit_code,
            0);
  ASSERT_EQ(test::run_strata(fmt::format("import --store {} --date 2021 --id two {}", store, shell_quote(b))).exit_code,
            0);

  auto b1 = test::run_strata("blame --store " + store);
  EXPECT_EQ(b1.exit_code, 0) << b1.err;
  EXPECT_EQ(b1.out, "one  two  NATO supports Ukraine firmly.\none  one  Trade grew.\n");
  auto summary = test::run_strata("blame --format summary --store " + store);
  EXPECT_EQ(summary.exit_code, 0) << summary.err;
  EXPECT_EQ(summary.out,
            "2 claims in two (2021)\n"
            "  2020         one                  first appeared     2  last changed     1\n"
            "  2021         two                  first appeared     0  last changed     1\n");
  auto chain = test::run_strata("blame --store " + store + " --claim 'supports ukraine'");
  EXPECT_EQ(chain.exit_code, 0) << chain.err;
  EXPECT_EQ(chain.out,
            "2020 one  first appears\n    NATO supports Ukraine strongly.\n"
            "2021 two  changed\n    NATO supports Ukraine [-strongly-]{+firmly+}.\n");
  // No claim found is an answer, not trouble.
  auto missing = test::run_strata("blame --store " + store + " --claim 'no such claim'");
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_EQ(missing.err, "strata: version 'two' has no claim containing 'no such claim'\n");
  auto timeline = test::run_strata("timeline --store " + store + " --format csv --top 0 --terms trade");
  EXPECT_EQ(timeline.exit_code, 0) << timeline.err;
  EXPECT_EQ(timeline.out, "kind,name,one,two\nsection,Intro,1,1\nterm,trade,1,1\n");

  for (const std::string& bad :
       {std::string("blame --store ") + store + " 'HEAD^'", std::string("blame --store ") + store + " three",
        std::string("timeline --store ") + shell_quote(tmp.path() + "/none")}) {
    auto r = test::run_strata(bad);
    EXPECT_EQ(r.exit_code, 2) << bad;
    EXPECT_EQ(r.err.rfind("strata: error: ", 0), 0u) << r.err;
    EXPECT_EQ(count_lines(r.err), 1) << r.err;
  }
}

TEST(StoreCli, StoreComesFromTheEnvironment) {
  test::TempDir tmp;
  const std::string env = "STRATA_STORE=" + shell_quote(tmp.path() + "/env-store") + " ";
  const std::string a = tmp.file("a.txt", "Title\n\nText.\n");
  const std::string cmd = fmt::format("{}'{}' init >/dev/null && {}'{}' import --date 2020 {} >/dev/null", env,
                                      STRATA_BINARY, env, STRATA_BINARY, shell_quote(a));
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  EXPECT_TRUE(fs::exists(tmp.path() + "/env-store/refs/heads/main"));
}

// The system calls named in `trace` (strace's output) in order, by name.
std::vector<std::string> calls_of(const std::string& trace) {
  std::vector<std::string> calls;
  std::istringstream lines(trace);
  for (std::string line; std::getline(lines, line);) {
    // "1234  fsync(5) = 0": the pid, then the call.
    const size_t name = line.find_first_not_of("0123456789 ");
    const size_t paren = line.find('(', name);
    if (name != std::string::npos && paren != std::string::npos) calls.push_back(line.substr(name, paren - name));
  }
  return calls;
}

// A batch's objects are flushed to disk at once before the branch moves to
// them: one syncfs, where an fsync per object file and folder made hundreds.
TEST(StoreCli, ImportFlushesItsObjectsOnceBeforeTheBranchMoves) {
  test::TempDir tmp;
  if (std::system("strace -f -o /dev/null true >/dev/null 2>&1") != 0) GTEST_SKIP() << "strace cannot trace here";
  std::string files;
  for (int i = 0; i < 20; ++i) {
    files += " " + tmp.file(fmt::format("v{:02}.txt", i), fmt::format("Title\n\nThe text of version {}.\n", i));
  }
  const std::string script = fmt::format(
      "strata init --store st >/dev/null && "
      "strace -f -qq -o synced.trace -e trace=fsync,fdatasync,syncfs,rename,link "
      "strata import --store st --date 2020-01-01 {0} >/dev/null && "
      "strata init --store fast >/dev/null && "
      "strace -f -qq -o fast.trace -e trace=fsync,fdatasync,syncfs,rename,link "
      "strata import --no-sync --store fast --date 2020-01-01 {0} >/dev/null",
      files);
  const auto run = test::run_shell(tmp.path(), script);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  ASSERT_EQ(test::read_file(tmp.path() + "/st/refs/heads/main"), test::read_file(tmp.path() + "/fast/refs/heads/main"));
  const std::string trace = test::read_file(tmp.path() + "/synced.trace");
  const std::vector<std::string> calls = calls_of(trace);
  ASSERT_EQ(std::count(calls.begin(), calls.end(), "syncfs"), 1) << trace;
  // 80 objects were written (a raw blob, a meta blob, a tree and a commit
  // each); what libgit2 fsyncs is the branch's ref file and its folder.
  EXPECT_LE(std::count(calls.begin(), calls.end(), "fsync") + std::count(calls.begin(), calls.end(), "fdatasync"), 4)
      << trace;
  // The flush comes before the branch's new ref file is linked into place.
  const size_t flush = trace.find("syncfs(");
  const size_t branch = trace.find("/refs/heads/main\")");
  ASSERT_NE(branch, std::string::npos) << trace;
  EXPECT_LT(flush, branch) << trace;
  const std::vector<std::string> fast = calls_of(test::read_file(tmp.path() + "/fast.trace"));
  EXPECT_EQ(std::count(fast.begin(), fast.end(), "syncfs") + std::count(fast.begin(), fast.end(), "fsync"), 0);
}

// A file system of its own, 256 KiB of memory, unmounted at the end.
class SmallDisk {
 public:
  explicit SmallDisk(const std::string& dir) : dir_(dir) {
    fs::create_directories(dir);
    mounted_ = ::geteuid() == 0 && ::mount("tmpfs", dir.c_str(), "tmpfs", 0, "size=256k") == 0;
  }
  ~SmallDisk() {
    if (mounted_) ::umount(dir_.c_str());
  }
  SmallDisk(const SmallDisk&) = delete;
  SmallDisk& operator=(const SmallDisk&) = delete;
  bool mounted() const { return mounted_; }

 private:
  std::string dir_;
  bool mounted_ = false;
};

// A version too large for the disk left: exit 2 with the reason in one
// line, the versions stored before still there, nothing half-written left.
TEST(StoreCli, AFullDiskFailsTheImportAndLosesNothing) {
  test::TempDir tmp;
  const SmallDisk disk(tmp.path() + "/disk");
  if (!disk.mounted()) GTEST_SKIP() << "needs root to mount a small file system";
  const std::string store = shell_quote(tmp.path() + "/disk/st");
  ASSERT_EQ(test::run_strata("init --store " + store).exit_code, 0);
  const std::string first = tmp.file("v1.txt", "Title\n\nThe first version.\n");
  auto stored = test::run_strata(fmt::format("import --store {} --date 2020-01-01 {}", store, shell_quote(first)));
  ASSERT_EQ(stored.exit_code, 0) << stored.err;
  // Words of random letters, which compress to more than the disk holds.
  std::string big = "Title\n\n";
  uint32_t state = 12345;
  while (big.size() < 600000) {
    for (int letters = 0; letters < 7; ++letters) {
      state = state * 1103515245 + 12345;
      big += static_cast<char>('a' + (state >> 16) % 26);
    }
    big += big.size() % 200 < 8 ? ".\n\n" : " ";
  }
  const std::string second = tmp.file("v2.txt", big);
  auto full = test::run_strata(fmt::format("import --store {} --date 2021-01-01 {}", store, shell_quote(second)));
  EXPECT_EQ(full.exit_code, 2);
  EXPECT_EQ(count_lines(full.err), 1) << full.err;
  EXPECT_NE(full.err.find("importing " + second + " as 'v2'"), std::string::npos) << full.err;
  EXPECT_NE(full.err.find("No space left on device"), std::string::npos) << full.err;
  auto log = test::run_strata("log --no-sizes --store " + store);
  EXPECT_EQ(log.exit_code, 0) << log.err;
  EXPECT_EQ(log.out, "  1  2020-01-01  v1  Title\n");
  for (const auto& entry : fs::recursive_directory_iterator(tmp.path() + "/disk/st/objects")) {
    EXPECT_FALSE(entry.path().filename().string().starts_with("tmp_")) << entry.path();
  }
  EXPECT_TRUE(git_fsck_clean(tmp.path() + "/disk/st"));
}

// Eight writers start at once on an empty store; every one must land.
TEST(StoreConcurrency, EightWritersOnAnEmptyStoreLeaveEightCommits) {
  test::TempDir tmp;
  for (int i = 0; i < 8; ++i) tmp.file(fmt::format("doc{}.txt", i), fmt::format("Title\n\nWriter {} was here.\n", i));
  for (int round = 0; round < stress_rounds(); ++round) {
    const std::string store = tmp.path() + fmt::format("/s{}", round);
    ASSERT_EQ(test::run_strata("init --store " + shell_quote(store)).exit_code, 0);
    std::string script = "pids=''; ";
    for (int i = 0; i < 8; ++i) {
      script +=
          fmt::format("'{}' import --store {} --date 2020-01-0{} {} >/dev/null 2>&1 & pids=\"$pids $!\"; ",
                      STRATA_BINARY, shell_quote(store), i + 1, shell_quote(tmp.path() + fmt::format("/doc{}.txt", i)));
    }
    script += "status=0; for p in $pids; do wait $p || status=1; done; exit $status";
    ASSERT_EQ(std::system(("bash -c " + shell_quote(script)).c_str()), 0) << "round " << round;
    auto log = test::run_strata("log --store " + shell_quote(store));
    ASSERT_EQ(log.exit_code, 0) << log.err;
    ASSERT_EQ(count_lines(log.out), 8) << "round " << round << "\n" << log.out;
    ASSERT_TRUE(git_fsck_clean(store)) << "round " << round;
    fs::remove_all(store);
  }
}

// kill -9 at several points of a long import: the store stays valid and the
// next import goes through.
TEST(StoreConcurrency, KillDuringImportLeavesAValidUnlockedStore) {
  test::TempDir tmp;
  std::vector<std::string> files;
  for (int i = 0; i < 200; ++i) {
    files.push_back(tmp.file(fmt::format("k{:03}.txt", i), fmt::format("Title\n\nKill test {}.\n", i)));
  }
  const std::string after = tmp.file("after.txt", "Title\n\nAfter the kill.\n");
  for (int delay_ms : {0, 5, 20, 60, 150}) {
    const std::string store = tmp.path() + fmt::format("/kill{}", delay_ms);
    ASSERT_EQ(test::run_strata("init --store " + shell_quote(store)).exit_code, 0);
    const pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      std::vector<std::string> args = {STRATA_BINARY, "import", "--store", store, "--date", "2020"};
      args.insert(args.end(), files.begin(), files.end());
      std::vector<char*> argv;
      for (auto& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      const int null_fd = open("/dev/null", O_WRONLY);
      dup2(null_fd, STDOUT_FILENO);
      execv(STRATA_BINARY, argv.data());
      _exit(127);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    kill(child, SIGKILL);
    int status = 0;
    waitpid(child, &status, 0);
    auto log = test::run_strata("log --store " + shell_quote(store));
    EXPECT_EQ(log.exit_code, 0) << "delay " << delay_ms << ": " << log.err;
    // The branch moves once, after the whole batch is written: all or nothing.
    auto versions = Store::open(store)->versions();
    ASSERT_TRUE(versions) << versions.error().message;
    EXPECT_TRUE(versions->empty() || versions->size() == files.size())
        << "delay " << delay_ms << ": " << versions->size() << " stored";
    EXPECT_TRUE(git_fsck_clean(store)) << "delay " << delay_ms;
    auto next =
        test::run_strata(fmt::format("import --store {} --date 2021 {}", shell_quote(store), shell_quote(after)));
    EXPECT_EQ(next.exit_code, 0) << "delay " << delay_ms << ": " << next.err;
    EXPECT_TRUE(git_fsck_clean(store)) << "delay " << delay_ms;
  }
}

}  // namespace
}  // namespace strata
