// strata's own grammar for version ids, dates and revision strings. User
// strings are parsed here, and only the parsed form is used against git, so
// no git revision syntax (`..`, `^{}`, `@{}`, paths) can reach libgit2.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "strata/result.hpp"

namespace strata::store {

// A snapshot date at the precision it was given; month and day are 0 when
// absent, so "2018" sorts before "2018-01-01", which sorts before "2018-01-02".
struct DateKey {
  int year = 0;
  int month = 0;
  int day = 0;
  auto operator<=>(const DateKey&) const = default;
};

// Longest version id or tag accepted; ids travel in trailers and file names.
inline constexpr size_t kMaxIdLength = 100;

Result<DateKey> parse_date_key(std::string_view date);
// Seconds since the epoch of midnight UTC on the first day of the period.
int64_t date_start_seconds(const DateKey& date);

Result<void> check_name(std::string_view name, std::string_view what);

// A parsed revision: a base and a number of versions to step back.
struct Revision {
  enum class Base { kHead, kDate, kName, kCommit };
  Base base = Base::kHead;
  std::string name;  // kName: id or tag; kCommit: lowercase hex prefix
  DateKey date;      // kDate
  int back = 0;      // the N of `~N`
};

Result<Revision> parse_revision(std::string_view rev);

// 7 to 40 hex digits: may be a commit id (tried after ids and tags).
bool looks_like_commit(std::string_view name);

// An id made from a source path: its file name without extension, with every
// character outside the grammar turned into '-'.
std::string id_from_source(std::string_view source);

}  // namespace strata::store
