// The snapshot store through its library API: import, ordering, revisions.
#include "strata/store.hpp"

#include <git2.h>
#include <gtest/gtest.h>

#include <fmt/core.h>
#include <filesystem>

#include "normalize/normalize.hpp"
#include "strata/programmes.hpp"
#include "strata/render.hpp"
#include "test_util.hpp"

namespace strata {
namespace {

namespace fs = std::filesystem;

using test::snapshot;
using test::version_text;

Store make_store(const test::TempDir& tmp) {
  auto store = Store::init(tmp.path() + "/store");
  EXPECT_TRUE(store) << store.error().message;
  return std::move(*store);
}

std::vector<VersionInfo> import_ok(Store& store, std::vector<Snapshot> snapshots) {
  auto out = store.import(std::move(snapshots));
  EXPECT_TRUE(out) << out.error().message;
  std::vector<VersionInfo> versions;
  if (out) {
    for (const auto& o : *out) versions.push_back(o.version);
  }
  return versions;
}

std::vector<std::string> ids(const Store& store) {
  auto versions = store.versions();
  EXPECT_TRUE(versions) << versions.error().message;
  std::vector<std::string> out;
  if (versions) {
    for (const auto& v : *versions) out.push_back(v.id);
  }
  return out;
}

TEST(Store, InitMakesAnEmptyBareRepository) {
  test::TempDir tmp;
  Store store = make_store(tmp);
  EXPECT_TRUE(fs::exists(tmp.path() + "/store/HEAD"));
  EXPECT_FALSE(fs::exists(tmp.path() + "/store/.git"));
  EXPECT_TRUE(ids(store).empty());
  auto again = Store::init(tmp.path() + "/store");
  ASSERT_TRUE(again) << again.error().message;
}

TEST(Store, ImportKeepsRawBytesAndMetadata) {
  test::TempDir tmp;
  Store store = make_store(tmp);
  const std::string bytes = test::read_file(test::snapshot_path("page-2015"));
  Snapshot s = snapshot(bytes, "2015-05-06", "page-2015", "snapshots/page.txt");
  s.title = "NATO's relations with Ukraine";
  auto out = store.import({s});
  ASSERT_TRUE(out) << out.error().message;
  ASSERT_EQ(out->size(), 1u);
  EXPECT_TRUE((*out)[0].stored);
  const VersionInfo& v = (*out)[0].version;
  EXPECT_EQ(v.id, "page-2015");
  EXPECT_EQ(v.date, "2015-05-06");
  EXPECT_EQ(v.title, "NATO's relations with Ukraine");
  EXPECT_EQ(v.source, "snapshots/page.txt");
  EXPECT_EQ(v.normalization, kNormalizationVersion);
  EXPECT_EQ(v.position, 1);
  auto raw = store.read_raw(v);
  ASSERT_TRUE(raw) << raw.error().message;
  EXPECT_EQ(*raw, bytes);
  EXPECT_FALSE(fs::exists(tmp.path() + "/store/index"));

  // Plain libgit2 sees the commit dated by the snapshot, with trailers.
  git_libgit2_init();
  git_repository* repo = nullptr;
  ASSERT_EQ(git_repository_open_bare(&repo, (tmp.path() + "/store").c_str()), 0);
  git_oid oid;
  ASSERT_EQ(git_oid_fromstr(&oid, v.commit.c_str()), 0);
  git_commit* commit = nullptr;
  ASSERT_EQ(git_commit_lookup(&commit, repo, &oid), 0);
  EXPECT_EQ(git_commit_author(commit)->when.time, 1430870400);
  EXPECT_EQ(git_commit_committer(commit)->when.time, 1430870400);
  const std::string message = git_commit_message(commit);
  EXPECT_NE(message.find("Snapshot-Id: page-2015\n"), std::string::npos) << message;
  EXPECT_NE(message.find(fmt::format("Normalization: {}\n", kNormalizationVersion)), std::string::npos);
  git_tree* tree = nullptr;
  ASSERT_EQ(git_commit_tree(&tree, commit), 0);
  EXPECT_EQ(git_tree_entrycount(tree), 2u);
  EXPECT_NE(git_tree_entry_byname(tree, "raw"), nullptr);
  EXPECT_NE(git_tree_entry_byname(tree, "meta.json"), nullptr);
  git_tree_free(tree);
  git_commit_free(commit);
  git_repository_free(repo);
  git_libgit2_shutdown();
}

// strata writes loose objects and reads them itself; after a `git gc` run by
// hand they are packed, and read through libgit2, with the same bytes.
TEST(Store, PackedVersionsStillRead) {
  test::TempDir tmp;
  Store store = make_store(tmp);
  const std::string page = test::read_file(test::snapshot_path("page-2015"));
  auto v = import_ok(store, {snapshot(page, "2015-05-06", "page"), snapshot(version_text(2), "2016-01-01", "two")});
  ASSERT_EQ(v.size(), 2u);
  ASSERT_EQ(std::system(fmt::format("git -C '{}' gc -q --prune=now", store.dir()).c_str()), 0);
  const std::string& blob = v[0].raw_blob;
  ASSERT_FALSE(fs::exists(store.dir() + "/objects/" + blob.substr(0, 2) + "/" + blob.substr(2)));
  auto packed = Store::open(store.dir());
  ASSERT_TRUE(packed) << packed.error().message;
  EXPECT_EQ(ids(*packed), (std::vector<std::string>{"page", "two"}));
  const std::string expected[] = {page, version_text(2)};
  for (size_t i = 0; i < 2; ++i) {
    auto raw = packed->read_raw(v[i]);
    ASSERT_TRUE(raw) << raw.error().message;
    EXPECT_EQ(*raw, expected[i]) << v[i].id;
  }
}

TEST(Store, CommitTimesStayWithinWhatGitCanWrite) {
  test::TempDir tmp;
  Store store = make_store(tmp);
  auto v = import_ok(
      store, {snapshot(version_text(1), "1960-06-15", "old"), snapshot(version_text(2), "2200-01-01", "future")});
  ASSERT_EQ(v.size(), 2u);
  git_libgit2_init();
  git_repository* repo = nullptr;
  ASSERT_EQ(git_repository_open_bare(&repo, store.dir().c_str()), 0);
  const int64_t expected[] = {0, 0xFFFF'FFFF};
  for (size_t i = 0; i < 2; ++i) {
    git_oid oid;
    ASSERT_EQ(git_oid_fromstr(&oid, v[i].commit.c_str()), 0);
    git_commit* commit = nullptr;
    ASSERT_EQ(git_commit_lookup(&commit, repo, &oid), 0);
    EXPECT_EQ(git_commit_author(commit)->when.time, expected[i]) << v[i].id;
    git_commit_free(commit);
  }
  git_repository_free(repo);
  git_libgit2_shutdown();
  EXPECT_EQ(ids(store), (std::vector<std::string>{"old", "future"}));
}

TEST(Store, ReimportingIdenticalContentIsANoOp) {
  test::TempDir tmp;
  Store store = make_store(tmp);
  import_ok(store, {snapshot(version_text(1), "2020-01-01", "a")});
  for (const Snapshot& again :
       {snapshot(version_text(1), "2020-01-01", "a"), snapshot(version_text(1), "2020-01-01", "", "other-name.txt"),
        snapshot(version_text(1), "2021-06-01", "later")}) {
    auto out = store.import({again});
    ASSERT_TRUE(out) << out.error().message;
    EXPECT_FALSE((*out)[0].stored) << again.id;
    EXPECT_EQ((*out)[0].version.id, "a");
  }
  EXPECT_EQ(ids(store), std::vector<std::string>{"a"});
}

TEST(Store, RevertedContentIsANewVersion) {
  test::TempDir tmp;
  Store store = make_store(tmp);
  import_ok(store, {snapshot(version_text(1), "2020", "a"), snapshot(version_text(2), "2021", "b"),
                    snapshot(version_text(1), "2022", "c")});
  EXPECT_EQ(ids(store), (std::vector<std::string>{"a", "b", "c"}));
}

TEST(Store, SameDateKeepsBothInImportOrder) {
  test::TempDir tmp;
  Store store = make_store(tmp);
  import_ok(store,
            {snapshot(version_text(1), "2020-05-05", "first"), snapshot(version_text(2), "2020-05-05", "second")});
  EXPECT_EQ(ids(store), (std::vector<std::string>{"first", "second"}));
  auto at = store.resolve("@2020-05-05");
  ASSERT_TRUE(at) << at.error().message;
  EXPECT_EQ(at->id, "second");
}

TEST(Store, VersionsAreOrderedByDateNotImportOrder) {
  test::TempDir tmp;
  Store store = make_store(tmp);
  import_ok(store, {snapshot(version_text(3), "2023", "c")});
  import_ok(store, {snapshot(version_text(1), "2015-05-06", "a"), snapshot(version_text(2), "2018-04", "b")});
  EXPECT_EQ(ids(store), (std::vector<std::string>{"a", "b", "c"}));
  auto versions = store.versions();
  ASSERT_TRUE(versions);
  EXPECT_EQ((*versions)[2].position, 3);
}

TEST(Store, ResolvesEveryRevisionForm) {
  test::TempDir tmp;
  Store store = make_store(tmp);
  auto v = import_ok(store, {snapshot(version_text(1), "2015-05-06", "v1"), snapshot(version_text(2), "2018-04", "v2"),
                             snapshot(version_text(3), "2023", "v3")});
  ASSERT_EQ(v.size(), 3u);
  git_libgit2_init();
  git_repository* repo = nullptr;
  ASSERT_EQ(git_repository_open_bare(&repo, store.dir().c_str()), 0);
  git_oid oid;
  ASSERT_EQ(git_oid_fromstr(&oid, v[1].commit.c_str()), 0);
  git_reference* tag = nullptr;
  ASSERT_EQ(git_reference_create(&tag, repo, "refs/tags/release-1", &oid, 0, nullptr), 0);
  git_reference_free(tag);
  git_repository_free(repo);
  git_libgit2_shutdown();

  struct Case {
    std::string rev;
    std::string id;
  };
  const Case cases[] = {
      {"v1", "v1"},          {"@2016-01-01", "v1"},
      {"@2018", "v1"},       {"@2018-04-15", "v2"},
      {"@2999-12-31", "v3"}, {"HEAD", "v3"},
      {"HEAD~2", "v1"},      {"v3~1", "v2"},
      {"release-1", "v2"},   {v[1].commit.substr(0, 8), "v2"},
      {v[2].commit, "v3"},
  };
  for (const Case& c : cases) {
    auto got = store.resolve(c.rev);
    ASSERT_TRUE(got) << c.rev << ": " << got.error().message;
    EXPECT_EQ(got->id, c.id) << c.rev;
  }
  struct Bad {
    std::string rev;
    ErrorCode code;
  };
  const Bad bad[] = {
      {"HEAD~3", ErrorCode::kNotFound},
      {"@2014-12-31", ErrorCode::kNotFound},
      {"nope", ErrorCode::kNotFound},
      {"v1..v2", ErrorCode::kInvalidArgument},
      {"@2015-02-30", ErrorCode::kInvalidArgument},
      {"HEAD^", ErrorCode::kInvalidArgument},
  };
  for (const Bad& b : bad) {
    auto got = store.resolve(b.rev);
    ASSERT_FALSE(got) << b.rev;
    EXPECT_EQ(got.error().code, b.code) << b.rev << ": " << got.error().message;
  }
}

TEST(Store, BadInputInABatchWritesNothing) {
  test::TempDir tmp;
  Store store = make_store(tmp);
  auto out =
      store.import({snapshot(version_text(1), "2020", "good"), snapshot(std::string("bin\0ary", 7), "2021", "bad")});
  ASSERT_FALSE(out);
  EXPECT_EQ(out.error().code, ErrorCode::kInvalidInput);
  EXPECT_TRUE(ids(store).empty());
  EXPECT_FALSE(fs::exists(store.dir() + "/refs/heads/main"));
}

TEST(Store, RefusesBadDatesAndIdsBeforeWriting) {
  test::TempDir tmp;
  Store store = make_store(tmp);
  const Snapshot bad[] = {snapshot(version_text(1), "2015-02-30", "x"), snapshot(version_text(1), "", "x"),
                          snapshot(version_text(1), "2015", "a..b"), snapshot(version_text(1), "2015", "HEAD"),
                          snapshot(version_text(1), "2015", "a\nb")};
  for (const Snapshot& s : bad) {
    auto out = store.import({snapshot(version_text(9), "2020", "fine"), s});
    ASSERT_FALSE(out) << s.id << " " << s.date;
    EXPECT_EQ(out.error().code, ErrorCode::kInvalidArgument) << out.error().message;
  }
  auto undated = store.import({snapshot(version_text(1), "", "x")});
  ASSERT_FALSE(undated);
  EXPECT_NE(undated.error().message.find("--date"), std::string::npos) << undated.error().message;
  EXPECT_TRUE(ids(store).empty());
}

TEST(Store, ExplicitIdClashRefusesTheWholeBatch) {
  test::TempDir tmp;
  Store store = make_store(tmp);
  import_ok(store, {snapshot(version_text(1), "2020", "x")});
  auto out = store.import({snapshot(version_text(2), "2021", "y"), snapshot(version_text(3), "2022", "x")});
  ASSERT_FALSE(out);
  EXPECT_NE(out.error().message.find("'x'"), std::string::npos) << out.error().message;
  EXPECT_EQ(ids(store), std::vector<std::string>{"x"});
}

TEST(Store, DefaultIdsAreMadeUnique) {
  test::TempDir tmp;
  Store store = make_store(tmp);
  import_ok(store, {snapshot(version_text(1), "2020", "", "dir/page.txt"),
                    snapshot(version_text(2), "2021", "", "other/page.txt")});
  EXPECT_EQ(ids(store), (std::vector<std::string>{"page", "page-2"}));
}

TEST(Store, ReadVersionBytesTakesRevisionsAndFiles) {
  test::TempDir tmp;
  Store store = make_store(tmp);
  import_ok(store, {snapshot(version_text(1), "2020", "v1"), snapshot(version_text(2), "2021", "v2")});
  const std::string file = tmp.file("v1", "A file, not a version.\n");

  auto from_store = read_version_bytes(store.dir(), "HEAD~1");
  ASSERT_TRUE(from_store) << from_store.error().message;
  EXPECT_EQ(from_store->bytes, version_text(1));
  ASSERT_TRUE(from_store->version.has_value());
  EXPECT_EQ(from_store->label, "v1 (2020)");

  auto from_file = read_version_bytes(store.dir(), file);
  ASSERT_TRUE(from_file) << from_file.error().message;
  EXPECT_EQ(from_file->bytes, "A file, not a version.\n");
  EXPECT_FALSE(from_file->version.has_value());

  auto no_store = read_version_bytes(tmp.path() + "/missing", file);
  ASSERT_TRUE(no_store) << no_store.error().message;

  auto neither = read_version_bytes(store.dir(), "v9");
  ASSERT_FALSE(neither);
  EXPECT_EQ(neither.error().code, ErrorCode::kNotFound);

  auto doc2 = load_version(store.dir(), "@2021");
  ASSERT_TRUE(doc2) << doc2.error().message;
  EXPECT_EQ(doc2->meta.source, "v2");
  EXPECT_EQ(doc2->meta.date, "2021");
}

// The first sentence of the paragraph that begins with `start`, or null.
const Sentence* sentence_starting(const Document& doc, std::string_view start) {
  for (const Section& section : doc.sections) {
    for (const Sentence& sentence : section.sentences) {
      if (sentence.text.view().substr(0, start.size()) == start) return &sentence;
    }
  }
  return nullptr;
}

// Both sides of a diff, read together on one thread (small pages) or two
// (larger ones), in plain text and Markdown, from files and the store: the
// same documents as each version loaded alone, and a paragraph both hold
// is read once, its sentences one text in both.
TEST(Store, VersionPairReadsAsEachVersionAlone) {
  test::TempDir tmp;
  Store store = make_store(tmp);
  import_ok(store, {snapshot(version_text(1), "2020", "v1")});
  const std::string small_old = tmp.file("small-old.txt", "Purpose\n\nThe fund pays. It pays well.\n");
  const std::string small_new = tmp.file("small-new.txt", "Purpose\n\nThe fund pays. It pays less.\n");
  std::string text_old, text_new, markdown_old, markdown_new;
  for (int k = 0; k < 2000; ++k) {  // past the 256 KiB read on two threads
    const std::string kept = fmt::format("Member {} is paid each year. It may appeal.", k);
    const std::string changed = fmt::format("Clause {} applies. It pays {}.", k, k % 7 == 0 ? "less" : "well");
    text_old += fmt::format("Clause {}\n\n{}\n\nClause {} applies. It pays well.\n\n", k, kept, k);
    text_new += fmt::format("Clause {}\n\n{}\n\n{}\n\n", k, kept, changed);
    markdown_old += fmt::format("## Clause {}\n\n{}\n\n- Clause {} applies. It pays well.\n\n", k, kept, k);
    markdown_new += fmt::format("## Clause {}\n\n{}\n\n- {}\n\n", k, kept, changed);
  }
  const std::vector<std::pair<std::string, std::string>> pairs = {
      {small_old, small_new},
      {test::snapshot_path("page-2023"), test::snapshot_path("page-2024")},
      {"v1", test::snapshot_path("page-2015")},
      {tmp.file("old.txt", text_old), tmp.file("new.txt", text_new)},
      {tmp.file("old.md", markdown_old), tmp.file("new.md", markdown_new)}};
  for (const auto& [old_rev, new_rev] : pairs) {
    LoadOptions cached;
    cached.cache = std::make_shared<ReadCache>();
    cached.sentences = std::make_shared<SentenceCache>();
    auto both = load_version_pair(store.dir(), old_rev, new_rev, cached);
    ASSERT_TRUE(both) << both.error().message;
    auto old_alone = load_version(store.dir(), old_rev);
    auto new_alone = load_version(store.dir(), new_rev);
    ASSERT_TRUE(old_alone && new_alone);
    EXPECT_EQ(render_outline_json(both->old_doc), render_outline_json(*old_alone)) << old_rev;
    EXPECT_EQ(render_outline_json(both->new_doc), render_outline_json(*new_alone)) << new_rev;
    EXPECT_EQ(both->old_doc.meta.source, old_alone->meta.source);
    EXPECT_EQ(both->new_doc.meta.title, new_alone->meta.title);
  }
  for (const std::string ext : {".txt", ".md"}) {
    auto both = load_version_pair(store.dir(), tmp.path() + "/old" + ext, tmp.path() + "/new" + ext);
    ASSERT_TRUE(both) << both.error().message;
    for (const int k : {0, 321, 1999}) {
      const Sentence* in_old = sentence_starting(both->old_doc, fmt::format("Member {} ", k));
      const Sentence* in_new = sentence_starting(both->new_doc, fmt::format("Member {} ", k));
      ASSERT_TRUE(in_old && in_new) << ext << k;
      EXPECT_EQ(in_old->text.data(), in_new->text.data()) << ext << k;
      EXPECT_EQ(in_old->norm.data(), in_new->norm.data()) << ext << k;
    }
    // Paragraphs that differ are read apart.
    const Sentence* old_clause = sentence_starting(both->old_doc, "Clause 7 applies");
    const Sentence* new_clause = sentence_starting(both->new_doc, "Clause 7 applies");
    ASSERT_TRUE(old_clause && new_clause) << ext;
    EXPECT_NE(old_clause->text.data(), new_clause->text.data()) << ext;
  }
}

// Errors as when the versions are loaded one after the other: the old
// version's first, whether it is missing or unreadable, read in turn or at
// once.
TEST(Store, VersionPairReportsTheOldVersionsTroubleFirst) {
  test::TempDir tmp;
  const std::string dir = tmp.path() + "/no-store";
  const std::string good = test::snapshot_path("page-2023");
  const std::string binary = tmp.file("binary.txt", std::string("\x7f"
                                                                "ELF\0\0\x01\x02",
                                                                8));
  const std::string also_binary = tmp.file("also-binary.txt", std::string("\0\0\0\x01", 4));
  const std::string missing = tmp.path() + "/missing.txt";
  const auto message = [&](const std::string& a, const std::string& b) {
    auto both = load_version_pair(dir, a, b);
    EXPECT_FALSE(both) << a << " " << b;
    return both ? std::string() : both.error().message;
  };
  EXPECT_NE(message(binary, missing).find("binary.txt"), std::string::npos);
  EXPECT_NE(message(missing, binary).find("missing.txt"), std::string::npos);
  EXPECT_NE(message(good, missing).find("missing.txt"), std::string::npos);
  EXPECT_NE(message(good, binary).find("binary.txt"), std::string::npos);
  EXPECT_NE(message(binary, good).find("binary.txt"), std::string::npos);
  EXPECT_NE(message(binary, also_binary).find("/binary.txt"), std::string::npos);
  EXPECT_NE(message(also_binary, binary).find("also-binary.txt"), std::string::npos);
  // Files large enough to be read on two threads, and a folder.
  std::string page = test::read_file(good);
  while (page.size() < 300 * 1024) page += page;
  const std::string large = tmp.file("large.txt", page);
  const std::string large_binary = tmp.file("large-binary.txt", page + std::string(1, '\0'));
  EXPECT_NE(message(large, missing).find("missing.txt"), std::string::npos);
  EXPECT_NE(message(missing, large).find("missing.txt"), std::string::npos);
  EXPECT_NE(message(large_binary, large).find("large-binary.txt"), std::string::npos);
  EXPECT_NE(message(large, large_binary).find("large-binary.txt"), std::string::npos);
  EXPECT_NE(message(tmp.path(), large).find("is a directory"), std::string::npos);
  EXPECT_NE(message(large, tmp.path()).find("is a directory"), std::string::npos);
  // Both refused when read at once: files past the input limit (sparse).
  const std::string huge = tmp.file("huge.txt", "");
  const std::string also_huge = tmp.file("also-huge.txt", "");
  fs::resize_file(huge, kMaxInputBytes + 1);
  fs::resize_file(also_huge, kMaxInputBytes + 1);
  EXPECT_NE(message(huge, also_huge).find("/huge.txt"), std::string::npos);
  EXPECT_NE(message(also_huge, huge).find("also-huge.txt"), std::string::npos);
}

}  // namespace
}  // namespace strata
