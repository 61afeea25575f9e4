#include "store/revision.hpp"

#include <fmt/core.h>
#include <charconv>

#include "strata/store.hpp"
#include "text/dates.hpp"
#include "text/utf8.hpp"

namespace strata::store {

namespace {

// Above any real snapshot history; keeps `~N` arithmetic far from overflow.
constexpr int kMaxBack = 1'000'000;

bool is_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

bool is_hex(std::string_view s) {
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) return false;
  }
  return !s.empty();
}

bool parse_digits(std::string_view s, size_t count, int& out) {
  if (s.size() != count) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  std::from_chars(s.data(), s.data() + s.size(), out);
  return true;
}

// Quoted input in messages: enough to recognize it.
constexpr size_t kQuotedBytes = 60;

std::string printable(std::string_view s) { return utf8::excerpt(s, kQuotedBytes); }

}  // namespace

Result<DateKey> parse_date_key(std::string_view date) {
  const auto bad = [&](std::string_view why) {
    return make_error(
        ErrorCode::kInvalidArgument,
        fmt::format("invalid date '{}': {} (expected YYYY, YYYY-MM or YYYY-MM-DD)", printable(date), why));
  };
  DateKey key;
  if (!parse_digits(date.substr(0, 4), 4, key.year)) return bad("no four-digit year");
  if (key.year < 1000) return bad("year before 1000");
  if (date.size() == 4) return key;
  if (date.size() < 7 || date[4] != '-' || !parse_digits(date.substr(5, 2), 2, key.month)) {
    return bad("malformed month");
  }
  if (key.month < 1 || key.month > 12) return bad("no such month");
  if (date.size() == 7) return key;
  if (date.size() != 10 || date[7] != '-' || !parse_digits(date.substr(8, 2), 2, key.day)) {
    return bad("malformed day");
  }
  if (!valid_date(key.year, key.month, key.day)) return bad("no such day in that month");
  return key;
}

int64_t date_start_seconds(const DateKey& date) {
  return utc_day_start(date.year, date.month == 0 ? 1 : date.month, date.day == 0 ? 1 : date.day);
}

Result<void> check_name(std::string_view name, std::string_view what) {
  const auto bad = [&](std::string_view why) {
    return make_error(ErrorCode::kInvalidArgument, fmt::format("invalid {} '{}': {}", what, printable(name), why));
  };
  if (name.empty()) return bad("empty");
  if (name.size() > kMaxIdLength) return bad(fmt::format("longer than {} characters", kMaxIdLength));
  if (!is_alnum(name.front())) return bad("must start with a letter or digit");
  for (char c : name) {
    if (!is_alnum(c) && c != '.' && c != '_' && c != '-') {
      return bad("only letters, digits, '.', '_' and '-' are allowed");
    }
  }
  if (name.find("..") != std::string_view::npos) return bad("contains '..'");
  if (name.back() == '.' || name.ends_with(".lock")) return bad("must not end with '.' or '.lock'");
  if (name == "HEAD") return bad("reserved");
  return {};
}

Result<Revision> parse_revision(std::string_view rev) {
  Revision out;
  std::string_view base = rev;
  if (const size_t tilde = rev.find('~'); tilde != std::string_view::npos) {
    base = rev.substr(0, tilde);
    const std::string_view count = rev.substr(tilde + 1);
    if (count.empty()) {
      out.back = 1;
    } else {
      const auto [end, ec] = std::from_chars(count.data(), count.data() + count.size(), out.back);
      if (ec != std::errc{} || end != count.data() + count.size() || out.back < 0 || out.back > kMaxBack) {
        return make_error(
            ErrorCode::kInvalidArgument,
            fmt::format("invalid revision '{}': '~' takes a count from 0 to {}", printable(rev), kMaxBack));
      }
    }
  }
  if (base == "HEAD") return out;
  if (base.starts_with('@')) {
    auto date = parse_date_key(base.substr(1));
    if (!date)
      return make_error(ErrorCode::kInvalidArgument,
                        fmt::format("invalid revision '{}': {}", printable(rev), date.error().message));
    out.base = Revision::Base::kDate;
    out.date = *date;
    return out;
  }
  if (auto ok = check_name(base, "revision"); !ok) {
    return make_error(
        ErrorCode::kInvalidArgument,
        ok.error().message + "; a revision is an id, @DATE, HEAD, a tag or a commit id, optionally with ~N");
  }
  out.base = Revision::Base::kName;
  out.name = std::string(base);
  return out;
}

std::string id_from_source(std::string_view source) {
  if (const size_t slash = source.find_last_of('/'); slash != std::string_view::npos) source.remove_prefix(slash + 1);
  if (const size_t dot = source.find_last_of('.'); dot != std::string_view::npos && dot > 0) {
    source = source.substr(0, dot);
  }
  std::string id;
  for (char c : source) {
    const bool ok = is_alnum(c) || c == '_' || c == '.';
    if (ok) {
      id += c;
    } else if (!id.empty() && id.back() != '-') {
      id += '-';
    }
  }
  while (!id.empty() && (id.back() == '-' || id.back() == '.')) id.pop_back();
  while (!id.empty() && !is_alnum(id.front())) id.erase(0, 1);
  for (size_t at = id.find(".."); at != std::string::npos; at = id.find("..")) id.replace(at, 2, ".");
  if (id.size() > kMaxIdLength - 4) id.resize(kMaxIdLength - 4);
  while (!id.empty() && (id.back() == '-' || id.back() == '.')) id.pop_back();
  if (id.ends_with(".lock")) id.replace(id.size() - 5, 1, "-");
  if (id.empty() || id == "HEAD") id = "snapshot";
  return id;
}

bool looks_like_commit(std::string_view name) { return name.size() >= 7 && name.size() <= 40 && is_hex(name); }

}  // namespace strata::store

namespace strata {

Result<void> check_version_id(std::string_view id) { return store::check_name(id, "version id"); }

Result<void> check_snapshot_date(std::string_view date) {
  auto key = store::parse_date_key(date);
  if (!key) return key.error();
  return {};
}

}  // namespace strata
