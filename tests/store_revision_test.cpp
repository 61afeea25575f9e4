// strata's own grammar for dates, ids and revisions (lib/src/store/revision.cpp).
#include <fmt/core.h>
#include <gtest/gtest.h>

#include "store/revision.hpp"
#include "strata/store.hpp"
#include "text/dates.hpp"

namespace strata::store {
namespace {

TEST(StoreDate, AcceptsTheThreePrecisions) {
  struct Case {
    const char* text;
    DateKey key;
  };
  const Case cases[] = {
      {"2015", {2015, 0, 0}},        {"2018-04", {2018, 4, 0}},     {"2024-07-02", {2024, 7, 2}},
      {"2024-02-29", {2024, 2, 29}}, {"2000-02-29", {2000, 2, 29}}, {"1999-12-31", {1999, 12, 31}},
  };
  for (const Case& c : cases) {
    auto key = parse_date_key(c.text);
    ASSERT_TRUE(key) << c.text << ": " << key.error().message;
    EXPECT_EQ(*key, c.key) << c.text;
  }
}

TEST(StoreDate, RefusesImpossibleAndMalformedDates) {
  const char* bad[] = {
      "",           "2015-02-30",       "2023-02-29", "1900-02-29", "2015-13-01",  "2015-00-10",  "2015-04-31",
      "2015-01-00", "15-01-01",         "2015-1-1",   "20150101",   "2015-01-01x", "99999-01-01", "0999",
      "2015/01/01", "2015-01-01T00:00", "-2015",      "２０１５"};
  for (const char* text : bad) {
    auto key = parse_date_key(text);
    EXPECT_FALSE(key) << text;
    if (!key) {
      EXPECT_EQ(key.error().code, ErrorCode::kInvalidArgument);
    }
  }
}

TEST(StoreDate, CoarserDatesSortFirst) {
  EXPECT_LT(*parse_date_key("2018"), *parse_date_key("2018-01"));
  EXPECT_LT(*parse_date_key("2018-01"), *parse_date_key("2018-01-01"));
  EXPECT_LT(*parse_date_key("2018-12-31"), *parse_date_key("2019"));
}

TEST(StoreDate, StartSecondsAndBack) {
  EXPECT_EQ(date_start_seconds(*parse_date_key("1970-01-01")), 0);
  EXPECT_EQ(date_start_seconds(*parse_date_key("2000-03-01")), 951868800);
  EXPECT_EQ(date_start_seconds(*parse_date_key("2023")), date_start_seconds(*parse_date_key("2023-01-01")));
  EXPECT_LT(date_start_seconds(*parse_date_key("1960-06-15")), 0);
  for (const char* text : {"1960-06-15", "1970-01-01", "2000-02-29", "2024-07-02", "9999-12-31"}) {
    EXPECT_EQ(utc_date(date_start_seconds(*parse_date_key(text))), text);
  }
  EXPECT_EQ(utc_date(951868800 + 86399), "2000-03-01");
  EXPECT_EQ(utc_timestamp(951868800 + 86399), "2000-03-01T23:59:59Z");
  EXPECT_EQ(utc_timestamp(date_start_seconds(*parse_date_key("1960-06-15")) + 3723), "1960-06-15T01:02:03Z");
}

// Every day of the four centuries around the epoch is one day after the
// day before it, and reads back as itself.
TEST(StoreDate, EveryDayStartsOneDayAfterTheDayBefore) {
  int64_t previous = utc_day_start(1799, 12, 31);
  for (int year = 1800; year < 2200; ++year) {
    for (int month = 1; month <= 12; ++month) {
      for (int day = 1; valid_date(year, month, day); ++day) {
        const int64_t start = utc_day_start(year, month, day);
        ASSERT_EQ(start - previous, 86400) << year << "-" << month << "-" << day;
        ASSERT_EQ(utc_date(start), fmt::format("{:04}-{:02}-{:02}", year, month, day));
        previous = start;
      }
    }
  }
}

TEST(StoreName, AcceptsPlainIds) {
  const std::string longest(kMaxIdLength, 'a');
  for (const std::string& id : {std::string("page-2015"), std::string("guide-2016-2018"), std::string("v1.2"),
                                std::string("2024-07-02_page"), std::string("A"), longest}) {
    EXPECT_TRUE(check_version_id(id)) << id;
  }
}

TEST(StoreName, RefusesGitSyntaxAndControlCharacters) {
  const std::string too_long(101, 'a');
  const char* bad[] = {"",
                       "..",
                       "a..b",
                       "a/b",
                       "../x",
                       "a\nb",
                       "a\x01",
                       "-a",
                       ".a",
                       "a.",
                       "x.lock",
                       "HEAD",
                       "a b",
                       "a~1",
                       "a^",
                       "a@{1}",
                       "a:b",
                       "a*",
                       "a?",
                       "a[1]",
                       "a\\b",
                       "\xc3\xa9t\xc3\xa9",
                       too_long.c_str()};
  for (const char* id : bad) EXPECT_FALSE(check_version_id(id)) << id;
}

TEST(StoreRevision, ParsesTheDocumentedForms) {
  struct Case {
    const char* text;
    Revision::Base base;
    const char* name;
    int back;
  };
  const Case cases[] = {
      {"HEAD", Revision::Base::kHead, "", 0},
      {"HEAD~2", Revision::Base::kHead, "", 2},
      {"HEAD~", Revision::Base::kHead, "", 1},
      {"@2020-01-01", Revision::Base::kDate, "", 0},
      {"@2020~1", Revision::Base::kDate, "", 1},
      {"page-2015", Revision::Base::kName, "page-2015", 0},
      {"page-2023~3", Revision::Base::kName, "page-2023", 3},
      {"abc1234", Revision::Base::kName, "abc1234", 0},
  };
  for (const Case& c : cases) {
    auto rev = parse_revision(c.text);
    ASSERT_TRUE(rev) << c.text << ": " << rev.error().message;
    EXPECT_EQ(rev->base, c.base) << c.text;
    EXPECT_EQ(rev->name, c.name) << c.text;
    EXPECT_EQ(rev->back, c.back) << c.text;
  }
  EXPECT_EQ(parse_revision("@2020-01-01")->date, (DateKey{2020, 1, 1}));
}

TEST(StoreRevision, RefusesEverythingElse) {
  const char* bad[] = {"",
                       "HEAD~x",
                       "HEAD~-1",
                       "HEAD~1~1",
                       "HEAD^",
                       "main..HEAD",
                       "@2020-02-30",
                       "@{yesterday}",
                       "refs/heads/main",
                       ":/foo",
                       "HEAD~99999999999",
                       "HEAD@{0}",
                       "@",
                       "a\tb",
                       "page-2015^{tree}",
                       "~1"};
  for (const char* text : bad) {
    auto rev = parse_revision(text);
    EXPECT_FALSE(rev) << text;
    if (!rev) {
      EXPECT_EQ(rev.error().code, ErrorCode::kInvalidArgument) << text;
    }
  }
}

TEST(StoreRevision, CommitPrefixesNeedSevenHexDigits) {
  EXPECT_TRUE(looks_like_commit("abc1234"));
  EXPECT_TRUE(looks_like_commit(std::string(40, 'f')));
  EXPECT_FALSE(looks_like_commit("abc123"));
  EXPECT_FALSE(looks_like_commit("page-2015"));
  EXPECT_FALSE(looks_like_commit(std::string(41, 'a')));
}

TEST(StoreName, IdsFromSourcePaths) {
  struct Case {
    const char* source;
    const char* id;
  };
  const Case cases[] = {
      {"snapshots/2015-05-06_page_natos-relations-with-ukraine.txt", "2015-05-06_page_natos-relations-with-ukraine"},
      {"a b.txt", "a-b"},
      {"/tmp/x/notes.md", "notes"},
      {"weird..name.txt", "weird.name"},
      {"x.lock.txt", "x-lock"},
      {"HEAD", "snapshot"},
      {"---.txt", "snapshot"},
      {"\xc3\xa9t\xc3\xa9.txt", "t"},
  };
  for (const Case& c : cases) {
    const std::string id = id_from_source(c.source);
    EXPECT_EQ(id, c.id) << c.source;
    EXPECT_TRUE(check_version_id(id)) << id;
  }
}

}  // namespace
}  // namespace strata::store
