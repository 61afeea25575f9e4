// History queries over a store: log sizes, timeline, blame, claim chains,
// the derived-results cache, and import from an existing git history.
#include <gtest/gtest.h>

#include <fmt/core.h>
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <tuple>
#include <vector>

#include "history/derived.hpp"
#include "strata/render.hpp"
#include "strata/store.hpp"
#include "test_util.hpp"

namespace strata {
namespace {

namespace fs = std::filesystem;

// Three versions: a claim reworded in 2021, then reworded again and moved to
// another section in 2022; one claim added in 2021.
const char* const kV1 =
    "Title\n\nIntro\n\nNATO supports Ukraine strongly. The Comprehensive Assistance Package was agreed in 2016. "
    "Cooperation covers many areas.\n\nHistory\n\nRelations began in 1991.\n";
const char* const kV2 =
    "Title\n\nIntro\n\nNATO supports Ukraine firmly. The Comprehensive Assistance Package was agreed in 2016. "
    "Cooperation covers many areas.\n\nHistory\n\nRelations began in 1991. A new sentence here.\n";
const char* const kV3 =
    "Title\n\nHistory\n\nRelations began in 1991. A new sentence here. NATO supports Ukraine firmly and fully.\n\n"
    "Intro\n\nCooperation covers many areas. The Comprehensive Assistance Package was agreed in 2016.\n";

Snapshot snap(const std::string& text, const std::string& date, const std::string& id) {
  return test::snapshot(text, date, id, id + ".txt");
}

struct Series {
  test::TempDir tmp;
  Store store = Store::init(tmp.path() + "/store").value();
  Series() {
    auto out = store.import({snap(kV1, "2020", "a"), snap(kV2, "2021", "b"), snap(kV3, "2022", "c")});
    EXPECT_TRUE(out) << out.error().message;
  }
};

const BlameEntry* find_claim(const Blame& b, std::string_view start) {
  for (const auto& c : b.claims) {
    if (c.text.starts_with(start)) return &c;
  }
  return nullptr;
}

TEST(StoreHistory, LogCountsTheChangeFromThePreviousVersion) {
  Series s;
  auto log = version_log(s.store, true);
  ASSERT_TRUE(log) << log.error().message;
  ASSERT_EQ(log->size(), 3u);
  EXPECT_FALSE((*log)[0].change.has_value());
  ASSERT_TRUE((*log)[1].change.has_value());
  EXPECT_EQ((*log)[1].change->claims_modified, 1);
  EXPECT_EQ((*log)[1].change->claims_added, 1);
  EXPECT_EQ((*log)[1].change->claims_removed, 0);
  auto plain = version_log(s.store, false);
  ASSERT_TRUE(plain);
  EXPECT_FALSE((*plain)[2].change.has_value());
}

TEST(StoreHistory, LogNamesTheVersionAPageWentBackTo) {
  // A page served in two variants (Open Terms Archive recorded Bershka's
  // conditions flipping between two texts 1,668 times): a version that
  // reads as an earlier one, not the one just before, says which.
  test::TempDir tmp;
  Store store = Store::init(tmp.path() + "/store").value();
  auto imported = store.import({snap(kV1, "2020", "a"), snap(kV2, "2021", "b"), snap(kV1, "2022", "c"),
                                snap(kV3, "2023", "d"), snap(kV2, "2024", "e")});
  ASSERT_TRUE(imported) << imported.error().message;
  auto log = version_log(store, true);
  ASSERT_TRUE(log) << log.error().message;
  ASSERT_EQ(log->size(), 5u);
  std::vector<int> same;
  for (const LogEntry& e : *log) same.push_back(e.same_as);
  EXPECT_EQ(same, (std::vector<int>{-1, -1, 0, -1, 1}));
  const std::string text = render_log(*log, "text");
  EXPECT_NE(text.find("e  Title  (claims ~"), std::string::npos) << text;
  EXPECT_NE(text.find("; same text as 2)\n"), std::string::npos) << text;
  EXPECT_NE(render_log(*log, "json").find("\"same_as\": \"b\""), std::string::npos);
  auto plain = version_log(store, false);
  ASSERT_TRUE(plain);
  EXPECT_NE(render_log(*plain, "text").find("c  Title  (same text as 1)\n"), std::string::npos);
}

TEST(StoreHistory, BlameKeepsOriginsThroughEditsAndMoves) {
  Series s;
  auto b = blame(s.store, "HEAD");
  ASSERT_TRUE(b) << b.error().message;
  ASSERT_EQ(b->versions.size(), 3u);
  ASSERT_EQ(b->claims.size(), 5u);
  const BlameEntry* reworded = find_claim(*b, "NATO supports Ukraine firmly and fully");
  ASSERT_NE(reworded, nullptr);
  EXPECT_EQ(reworded->origin, 0);
  EXPECT_EQ(reworded->last_changed, 2);
  const BlameEntry* added = find_claim(*b, "A new sentence");
  ASSERT_NE(added, nullptr);
  EXPECT_EQ(added->origin, 1);
  EXPECT_EQ(added->last_changed, 1);
  const BlameEntry* kept = find_claim(*b, "The Comprehensive");
  ASSERT_NE(kept, nullptr);
  EXPECT_EQ(kept->origin, 0);
  EXPECT_EQ(kept->last_changed, 0);

  auto middle = blame(s.store, "b");
  ASSERT_TRUE(middle) << middle.error().message;
  EXPECT_EQ(middle->versions.size(), 2u);
  EXPECT_EQ(find_claim(*middle, "NATO supports Ukraine firmly")->last_changed, 1);
}

TEST(StoreHistory, ClaimChainShowsEachStepWithItsWordDiff) {
  Series s;
  auto steps = claim_history(s.store, "HEAD", "supports ukraine");
  ASSERT_TRUE(steps) << steps.error().message;
  ASSERT_EQ(steps->size(), 3u);
  EXPECT_EQ((*steps)[0].version.id, "a");
  EXPECT_EQ((*steps)[0].text, "NATO supports Ukraine strongly.");
  EXPECT_TRUE((*steps)[1].changed);
  std::string inserted;
  for (const WordOp& op : (*steps)[2].diff) inserted += op.op == WordOp::Op::kInsert ? op.text : "";
  EXPECT_NE(inserted.find("and fully"), std::string::npos) << inserted;
  const std::string text = render_claim_history(*steps, "text");
  EXPECT_NE(text.find("[-strongly-]{+firmly+}"), std::string::npos) << text;

  auto missing = claim_history(s.store, "HEAD", "no such words");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
}

TEST(StoreHistory, TimelineTablesSectionsProgrammesAndTerms) {
  Series s;
  TimelineOptions options;
  options.terms = {"Ukraine", "Comprehensive Assistance"};
  options.top_phrases = 2;
  auto t = build_timeline(s.store, options);
  ASSERT_TRUE(t) << t.error().message;
  ASSERT_EQ(t->versions.size(), 3u);
  ASSERT_EQ(t->sections.size(), 2u);
  EXPECT_EQ(t->sections[0].path, "Intro");
  EXPECT_EQ(t->sections[0].present, (std::vector<bool>{true, true, true}));
  ASSERT_FALSE(t->programmes.rows.empty());
  EXPECT_EQ(t->programmes.rows[0].name, "Comprehensive Assistance Package");
  EXPECT_EQ(t->programmes.rows[0].first_seen, 0);
  EXPECT_EQ(t->programmes.rows[0].last_seen, 2);
  ASSERT_EQ(t->terms.size(), 4u);
  EXPECT_EQ(t->terms[0].term, "ukraine");
  EXPECT_EQ(t->terms[0].counts, (std::vector<int>{1, 1, 1}));
  EXPECT_FALSE(t->terms[3].watched);
  const std::string csv = render_timeline(*t, "csv");
  EXPECT_EQ(csv.rfind("kind,name,a,b,c\nsection,Intro,1,1,1\n", 0), 0u) << csv;
  EXPECT_EQ(render_timeline(*t, "json"), render_timeline(*t, "json"));
}

TEST(StoreHistory, TimelineFollowsRenamedSections) {
  test::TempDir tmp;
  Store store = Store::init(tmp.path() + "/store").value();
  std::string renamed = kV2;
  renamed.replace(renamed.find("History"), 7, "Background");
  ASSERT_TRUE(store.import({snap(kV1, "2020", "a"), snap(renamed, "2021", "b")}));
  TimelineOptions options;
  options.top_phrases = 0;
  auto t = build_timeline(store, options);
  ASSERT_TRUE(t) << t.error().message;
  ASSERT_EQ(t->sections.size(), 2u) << render_timeline(*t, "text");
  EXPECT_EQ(t->sections[1].path, "Background");
  EXPECT_EQ(t->sections[1].earlier, std::vector<std::string>{"History"});
  EXPECT_EQ(t->sections[1].present, (std::vector<bool>{true, true}));
  EXPECT_NE(render_timeline(*t, "text").find("xx  Background  (was: History)\n"), std::string::npos);

  // Back to the first title: that title is its own again, not an earlier one.
  ASSERT_TRUE(store.import({snap(std::string(kV1) + "\nOne more line.\n", "2022", "c")}));
  t = build_timeline(store, options);
  ASSERT_TRUE(t) << t.error().message;
  ASSERT_EQ(t->sections.size(), 2u) << render_timeline(*t, "text");
  EXPECT_EQ(t->sections[1].path, "History");
  EXPECT_EQ(t->sections[1].earlier, std::vector<std::string>{"Background"});
  EXPECT_NE(render_timeline(*t, "text").find("xxx  History  (was: Background)\n"), std::string::npos)
      << render_timeline(*t, "text");
}

// A history longer than a terminal's width prints a column for a run of
// versions: x where the section is in all of the run, : in some, . in none;
// counts are the last version's of each run, numbered by a ruler. JSON and
// CSV keep one value per version.
TEST(StoreHistory, ALongTimelineGroupsVersionsIntoColumns) {
  constexpr int kVersions = 250;
  Timeline t;
  Timeline::SectionRow always{"Always", {}, {}};
  Timeline::SectionRow flicker{"Flicker", {}, {}};
  Timeline::TermRow term{"trust", true, {}};
  for (int v = 0; v < kVersions; ++v) {
    t.versions.push_back({});
    t.versions.back().id = fmt::format("v{}", v + 1);
    always.present.push_back(true);
    flicker.present.push_back(v == 3 || v >= 240);  // once in the first run, then the whole last run
    term.counts.push_back(v + 1);
  }
  t.sections = {always, flicker};
  t.terms = {term};
  const std::string text = render_timeline(t, "text");
  EXPECT_NE(text.find("Sections (2; one column per 3 versions: x = present in all, : in some, . in none):\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("  " + std::string(84, 'x') + "  Always\n"), std::string::npos) << text;
  // Runs of three: the fourth version opens the second run; versions 241 to
  // 249 fill runs 81 to 83, and 250 is the last run alone.
  EXPECT_NE(text.find("  .:" + std::string(78, '.') + "xxxx  Flicker\n"), std::string::npos) << text;
  // Sixteen count columns of 16 versions, the last one of 10, each as wide
  // as " [250]".
  EXPECT_NE(text.find("\n    [16]  [32]"), std::string::npos) << text;
  EXPECT_NE(text.find(" [240] [250]\n"), std::string::npos) << text;
  EXPECT_NE(text.find("\n      16    32"), std::string::npos) << text;
  EXPECT_NE(text.find("   240   250  * trust\n"), std::string::npos) << text;
  size_t widest = 0;
  for (size_t at = 0, end; at < text.size(); at = end + 1) {
    end = text.find('\n', at);
    widest = std::max(widest, end - at);
  }
  EXPECT_LE(widest, 120u);
  const std::string csv = render_timeline(t, "csv");
  EXPECT_NE(csv.find(",v250\n"), std::string::npos);
  EXPECT_EQ(std::count(csv.begin(), csv.end(), ','), 4 * (kVersions + 1));  // the header and three rows
}

TEST(StoreHistory, DerivedResultsAreCachedByContent) {
  Series s;
  ASSERT_TRUE(version_log(s.store, true));
  const fs::path cache = fs::path(store::Deriver(s.store).cache_dir()) / "pairs";
  ASSERT_TRUE(fs::is_directory(cache));
  int files = 0;
  for (const auto& entry : fs::directory_iterator(cache)) {
    ++files;
    // A damaged cache entry is a miss, never an error.
    std::ofstream(entry.path(), std::ios::trunc) << "{\"format\": 1, \"size\": 7}";
  }
  EXPECT_EQ(files, 2);
  auto again = version_log(s.store, true);
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_EQ((*again)[1].change->claims_added, 1);
}

size_t files_in(const fs::path& dir) {
  std::error_code ec;
  size_t n = 0;
  for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) ++n;
  return n;
}

TEST(StoreHistory, EachQueryComputesOnlyThePairPartsItUses) {
  Series s;
  const fs::path cache = store::Deriver(s.store).cache_dir();
  // Blame needs the alignment only: no classify stage, no other entries.
  ASSERT_TRUE(blame(s.store, "HEAD"));
  EXPECT_EQ(files_in(cache / "pairs"), 2u);
  EXPECT_EQ(files_in(cache / "pair-wording"), 0u);
  // Log adds the programme counts from the series registry to the cached
  // alignment, with the same sizes as on a store that never ran blame.
  auto log = version_log(s.store, true);
  ASSERT_TRUE(log) << log.error().message;
  EXPECT_EQ(files_in(cache / "pair-wording"), 0u);
  Series fresh;
  auto fresh_log = version_log(fresh.store, true);
  ASSERT_TRUE(fresh_log) << fresh_log.error().message;
  for (size_t i = 1; i < 3; ++i) {
    const ChangeSize& a = *(*log)[i].change;
    const ChangeSize& b = *(*fresh_log)[i].change;
    EXPECT_EQ(std::tie(a.claims_modified, a.claims_added, a.claims_removed, a.claims_moved, a.programmes_added,
                       a.programmes_removed, a.programmes_renamed),
              std::tie(b.claims_modified, b.claims_added, b.claims_removed, b.claims_moved, b.programmes_added,
                       b.programmes_removed, b.programmes_renamed))
        << i;
  }
  // Timeline ranks shifted phrases by the wording shifts.
  ASSERT_TRUE(build_timeline(s.store, TimelineOptions{}));
  EXPECT_EQ(files_in(cache / "pair-wording"), 2u);
}

int sh(const std::string& script) { return std::system(("bash -c '" + script + "' >/dev/null 2>&1").c_str()); }

TEST(StoreGitImport, BringsEveryVersionFollowingRenames) {
  test::TempDir tmp;
  const std::string repo = tmp.path() + "/repo";
  const std::string git = "git -C " + repo + " -c user.name=t -c user.email=t@example.org";
  const auto commit = [&](const std::string& date, const std::string& message) {
    return fmt::format("GIT_AUTHOR_DATE={0} GIT_COMMITTER_DATE={0} {1} commit -qm {2}", date, git, message);
  };
  tmp.file("repo/doc.txt", kV1);
  ASSERT_EQ(sh(fmt::format("git init -q {} && {} add doc.txt && {}", repo, git, commit("2019-01-02T10:00:00Z", "one"))),
            0);
  tmp.file("repo/doc.txt", kV2);
  ASSERT_EQ(sh(fmt::format("{} add doc.txt && {}", git, commit("2020-03-04T10:00:00Z", "two"))), 0);
  ASSERT_EQ(sh(fmt::format("{} mv doc.txt page.txt && {}", git, commit("2021-01-01T10:00:00Z", "rename"))), 0);
  tmp.file("repo/other.txt", "unrelated\n");
  ASSERT_EQ(sh(fmt::format("{} add other.txt && {}", git, commit("2021-06-01T10:00:00Z", "other"))), 0);
  tmp.file("repo/page.txt", kV3);
  ASSERT_EQ(sh(fmt::format("{} add page.txt && {}", git, commit("2022-05-06T23:30:00Z", "three"))), 0);

  auto history = read_git_history(repo, "page.txt");
  ASSERT_TRUE(history) << history.error().message;
  ASSERT_EQ(history->size(), 3u);
  EXPECT_EQ((*history)[0].bytes, kV1);
  EXPECT_EQ((*history)[1].bytes, kV2);
  EXPECT_EQ((*history)[2].bytes, kV3);
  EXPECT_EQ((*history)[0].date, "2019-01-02");
  EXPECT_EQ((*history)[2].date, "2022-05-06");
  EXPECT_NE((*history)[0].source.find("doc.txt"), std::string::npos);

  auto store = Store::init(tmp.path() + "/store");
  ASSERT_TRUE(store);
  auto first = store->import(*history);
  ASSERT_TRUE(first) << first.error().message;
  for (const auto& o : *first) EXPECT_TRUE(o.stored);
  auto second = store->import(*history);
  ASSERT_TRUE(second);
  for (const auto& o : *second) EXPECT_FALSE(o.stored);

  auto missing = read_git_history(repo, "nothing.txt");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);

  // Streamed from the repository, the same versions are stored.
  auto source = open_git_history(repo, "page.txt");
  ASSERT_TRUE(source) << source.error().message;
  EXPECT_EQ((*source)->size(), 3u);
  auto streamed_store = Store::init(tmp.path() + "/streamed");
  ASSERT_TRUE(streamed_store);
  auto streamed = streamed_store->import(**source);
  ASSERT_TRUE(streamed) << streamed.error().message;
  ASSERT_EQ(streamed->size(), first->size());
  for (size_t i = 0; i < first->size(); ++i) {
    EXPECT_EQ((*streamed)[i].version.id, (*first)[i].version.id);
    EXPECT_EQ((*streamed)[i].version.commit, (*first)[i].version.commit);
  }
}

// A history that records a page several times a day, its text going back
// and forth: the store keeps the captures of one day in the order they were
// made (by commit time), not in the order of their ids (hashes), and a
// capture that returns to an earlier text of the day is a change.
TEST(StoreGitImport, CapturesOfOneDayKeepTheirOrder) {
  test::TempDir tmp;
  const std::string repo = tmp.path() + "/repo";
  const std::string git = "git -C " + repo + " -c user.name=t -c user.email=t@example.org";
  ASSERT_EQ(sh("git init -q " + repo), 0);
  const std::vector<std::string> texts = {kV1, kV2, kV1, kV2, kV3};
  for (size_t i = 0; i < texts.size(); ++i) {
    tmp.file("repo/doc.txt", texts[i]);
    ASSERT_EQ(sh(fmt::format("GIT_AUTHOR_DATE={0} GIT_COMMITTER_DATE={0} {1} add doc.txt && "
                             "GIT_AUTHOR_DATE={0} GIT_COMMITTER_DATE={0} {1} commit -qm c{2}",
                             fmt::format("2021-03-04T{:02}:00:00Z", 6 + 3 * i), git, i)),
              0);
  }
  auto source = open_git_history(repo, "doc.txt");
  ASSERT_TRUE(source) << source.error().message;
  auto store = Store::init(tmp.path() + "/store");
  ASSERT_TRUE(store);
  auto imported = store->import(**source);
  ASSERT_TRUE(imported) << imported.error().message;
  ASSERT_EQ(imported->size(), texts.size());
  std::vector<std::string> in_commit_order;
  for (const auto& o : *imported) {
    EXPECT_TRUE(o.stored) << o.version.id;
    in_commit_order.push_back(o.version.id);
  }
  std::vector<std::string> by_id = in_commit_order;
  std::sort(by_id.begin(), by_id.end());
  ASSERT_NE(by_id, in_commit_order) << "the commits' ids happen to be in time order: the test proves nothing";
  auto versions = store->versions();
  ASSERT_TRUE(versions) << versions.error().message;
  std::vector<std::string> in_store_order;
  for (const auto& v : *versions) in_store_order.push_back(v.id);
  EXPECT_EQ(in_store_order, in_commit_order);
  auto last = store->resolve("@2021-03-04");
  ASSERT_TRUE(last) << last.error().message;
  EXPECT_EQ(last->id, in_commit_order.back());

  // Imported again, every capture is found stored.
  auto again = open_git_history(repo, "doc.txt");
  ASSERT_TRUE(again) << again.error().message;
  auto second = store->import(**again);
  ASSERT_TRUE(second) << second.error().message;
  for (const auto& o : *second) EXPECT_FALSE(o.stored) << o.version.id;
}

TEST(StoreGitImport, ASourceObjectWhoseBytesDoNotHashToItsIdIsRefused) {
  test::TempDir tmp;
  const std::string repo = tmp.path() + "/repo";
  const std::string git = "git -C " + repo + " -c user.name=t -c user.email=t@example.org";
  tmp.file("repo/doc.txt", kV1);
  ASSERT_EQ(sh(fmt::format("git init -q {0} && {1} add doc.txt && {1} commit -qm one", repo, git)), 0);
  tmp.file("repo/doc.txt", kV2);
  ASSERT_EQ(sh(fmt::format("{0} add doc.txt && {0} commit -qm two", git)), 0);
  // The first version's loose object replaced by the second's: a valid
  // object, under the wrong name, that only its hash gives away.
  ASSERT_EQ(
      sh(fmt::format("cd {} && a=$(git rev-parse HEAD~1:doc.txt) && b=$(git rev-parse HEAD:doc.txt) && "
                     "f=.git/objects/${{a:0:2}}/${{a:2}} && chmod u+w $f && cp .git/objects/${{b:0:2}}/${{b:2}} $f",
                     repo)),
      0);
  auto history = read_git_history(repo, "doc.txt");
  ASSERT_FALSE(history);
  EXPECT_EQ(history.error().code, ErrorCode::kCorrupt);
  EXPECT_NE(history.error().message.find("damaged"), std::string::npos) << history.error().message;
  auto source = open_git_history(repo, "doc.txt");
  ASSERT_TRUE(source) << source.error().message;
  auto store = Store::init(tmp.path() + "/store");
  ASSERT_TRUE(store);
  auto out = store->import(**source);
  ASSERT_FALSE(out);
  EXPECT_EQ(out.error().code, ErrorCode::kCorrupt);
  EXPECT_NE(out.error().message.find("doc.txt"), std::string::npos) << out.error().message;
  EXPECT_TRUE(store->versions()->empty());
}

}  // namespace
}  // namespace strata
