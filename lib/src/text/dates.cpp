// Dates as pages print them, to ISO 8601 at the precision given.
#include <fmt/core.h>
#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "text/dates.hpp"

#include "text/ascii.hpp"

namespace strata {

namespace {

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int to_int(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

std::vector<std::string_view> words(std::string_view text) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == ',')) ++i;
    const size_t start = i;
    while (i < text.size() && text[i] != ' ' && text[i] != ',') ++i;
    if (i > start) out.push_back(text.substr(start, i - start));
  }
  return out;
}

}  // namespace

namespace {

// Month names in the languages a version's language is read in
// (text/language.hpp), lower-case: English first, then French, German,
// Spanish, Italian, Dutch and Portuguese. A policy page dates itself in
// its own language ("17 décembre 2025", "4. Mai 2026").
constexpr std::array<std::array<std::string_view, 7>, 12> kMonths = {{
    {"january", "janvier", "januar", "enero", "gennaio", "januari", "janeiro"},
    {"february", "f\u00e9vrier", "februar", "febrero", "febbraio", "februari", "fevereiro"},
    {"march", "mars", "m\u00e4rz", "marzo", "marzo", "maart", "mar\u00e7o"},
    {"april", "avril", "april", "abril", "aprile", "april", "abril"},
    {"may", "mai", "mai", "mayo", "maggio", "mei", "maio"},
    {"june", "juin", "juni", "junio", "giugno", "juni", "junho"},
    {"july", "juillet", "juli", "julio", "luglio", "juli", "julho"},
    {"august", "ao\u00fbt", "august", "agosto", "agosto", "augustus", "agosto"},
    {"september", "septembre", "september", "septiembre", "settembre", "september", "setembro"},
    {"october", "octobre", "oktober", "octubre", "ottobre", "oktober", "outubro"},
    {"november", "novembre", "november", "noviembre", "novembre", "november", "novembro"},
    {"december", "d\u00e9cembre", "dezember", "diciembre", "dicembre", "december", "dezembro"},
}};

// Longer than any name above ("septiembre", 10 bytes).
constexpr size_t kMaxMonthBytes = 10;

// Day names in the same languages and order, lower-case.
constexpr std::array<std::array<std::string_view, 7>, 7> kWeekdays = {{
    {"monday", "lundi", "montag", "lunes", "luned\u00ec", "maandag", "segunda-feira"},
    {"tuesday", "mardi", "dienstag", "martes", "marted\u00ec", "dinsdag", "ter\u00e7a-feira"},
    {"wednesday", "mercredi", "mittwoch", "mi\u00e9rcoles", "mercoled\u00ec", "woensdag", "quarta-feira"},
    {"thursday", "jeudi", "donnerstag", "jueves", "gioved\u00ec", "donderdag", "quinta-feira"},
    {"friday", "vendredi", "freitag", "viernes", "venerd\u00ec", "vrijdag", "sexta-feira"},
    {"saturday", "samedi", "samstag", "s\u00e1bado", "sabato", "zaterdag", "s\u00e1bado"},
    {"sunday", "dimanche", "sonntag", "domingo", "domenica", "zondag", "domingo"},
}};

// Longer than any day name above ("segunda-feira", 13 bytes).
constexpr size_t kMaxWeekdayBytes = 13;

// `word` in lower case into `folded` (dots dropped when `dots` is false),
// or nullopt when it is longer than `folded`: longer than any name sought.
template <size_t N>
std::optional<std::string_view> fold(std::string_view word, std::array<char, N>& folded, bool dots) {
  size_t size = 0;
  for (char c : word) {
    if (c == '.' && !dots) continue;
    if (size == N) return std::nullopt;
    folded[size++] = ascii::lower(c);
  }
  return std::string_view(folded.data(), size);
}

// The 1-based row of `table` holding `lower`, 0 if none.
template <size_t Rows, size_t Columns>
int row_of(const std::array<std::array<std::string_view, Columns>, Rows>& table, std::string_view lower) {
  for (size_t i = 0; i < Rows; ++i) {
    if (std::find(table[i].begin(), table[i].end(), lower) != table[i].end()) return static_cast<int>(i) + 1;
  }
  return 0;
}

}  // namespace

int month_number(std::string_view word) {
  // Folded, without an abbreviation dot: "Jul." and "JULY" are July.
  std::array<char, kMaxMonthBytes> buffer;
  const auto lower = fold(word, buffer, false);
  if (!lower) return 0;
  // English's three-letter abbreviations and "sept" too.
  if (*lower == "sept") return 9;
  for (size_t i = 0; i < kMonths.size() && lower->size() == 3; ++i) {
    if (kMonths[i][0].substr(0, 3) == *lower) return static_cast<int>(i) + 1;
  }
  return row_of(kMonths, *lower);
}

bool is_weekday(std::string_view word) {
  std::array<char, kMaxWeekdayBytes> buffer;
  const auto lower = fold(word, buffer, true);
  return lower && row_of(kWeekdays, *lower) > 0;
}

bool valid_date(int year, int month, int day) {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  const int days = month == 2 && leap ? 29 : kDays[month - 1];
  return day <= days;
}

std::optional<std::string> parse_date(std::string_view text) {
  const auto w = words(text);
  if (w.empty()) return std::nullopt;
  // ISO forms: 2024, 2024-07, 2024-07-02.
  if (w[0].size() >= 4 && all_digits(w[0].substr(0, 4))) {
    const std::string_view s = w[0];
    if (s.size() == 4) return std::string(s);
    if (s.size() == 7 && s[4] == '-' && all_digits(s.substr(5, 2))) {
      const int m = to_int(s.substr(5, 2));
      if (m >= 1 && m <= 12) return std::string(s);
      return std::nullopt;
    }
    if (s.size() == 10 && s[4] == '-' && s[7] == '-' && all_digits(s.substr(5, 2)) && all_digits(s.substr(8, 2))) {
      if (valid_date(to_int(s.substr(0, 4)), to_int(s.substr(5, 2)), to_int(s.substr(8, 2)))) return std::string(s);
      return std::nullopt;
    }
  }
  // Day first in figures, as Europe writes it: "17.12.2025", "17-12-2025"
  // (the year last, so never ISO's order; slashes are left alone, since
  // the United States puts the month first with them).
  if (const std::string_view s = w[0]; s.size() >= 8 && s.size() <= 10) {
    const size_t year_mark = s.size() - 5;
    const size_t first = s.find_first_of(".-");
    if (first > 0 && first < year_mark && s[first] == s[year_mark]) {
      const std::string_view d = s.substr(0, first);
      const std::string_view m = s.substr(first + 1, year_mark - first - 1);
      const std::string_view y = s.substr(year_mark + 1);
      if (d.size() <= 2 && m.size() <= 2 && all_digits(d) && all_digits(m) && all_digits(y)) {
        if (!valid_date(to_int(y), to_int(m), to_int(d))) return std::nullopt;
        return fmt::format("{}-{:02}-{:02}", y, to_int(m), to_int(d));
      }
    }
  }
  // "06 May. 2015 [09:43]", and as other languages write it: "17. Dezember
  // 2025", "1er janvier 2024", "4 de mayo de 2026".
  std::array<std::string_view, 3> dmy;
  size_t n = 0;
  for (size_t k = 0; k < w.size() && n < dmy.size(); ++k) {
    if (n > 0 && (w[k] == "de" || w[k] == "del")) continue;
    dmy[n++] = w[k];
  }
  std::string_view day = dmy[0];
  if (day.ends_with('.')) day.remove_suffix(1);
  if (day.ends_with("er")) day.remove_suffix(2);
  if (n == 3 && all_digits(day) && day.size() <= 2 && month_number(dmy[1]) > 0 && all_digits(dmy[2]) &&
      dmy[2].size() == 4) {
    const int d = to_int(day);
    const int m = month_number(dmy[1]);
    const int y = to_int(dmy[2]);
    if (!valid_date(y, m, d)) return std::nullopt;
    return fmt::format("{:04}-{:02}-{:02}", y, m, d);
  }
  // "May 6, 2015" and "July 2006"
  if (w.size() >= 2 && month_number(w[0]) > 0) {
    const int m = month_number(w[0]);
    if (w.size() >= 3 && all_digits(w[1]) && w[1].size() <= 2 && all_digits(w[2]) && w[2].size() == 4) {
      const int d = to_int(w[1]);
      const int y = to_int(w[2]);
      if (!valid_date(y, m, d)) return std::nullopt;
      return fmt::format("{:04}-{:02}-{:02}", y, m, d);
    }
    if (all_digits(w[1]) && w[1].size() == 4) return fmt::format("{}-{:02}", w[1], m);
  }
  return std::nullopt;
}

int64_t utc_day_start(int64_t year, int64_t month, int64_t day) {
  // Howard Hinnant's days_from_civil.
  year -= month <= 2 ? 1 : 0;
  const int64_t era = (year >= 0 ? year : year - 399) / 400;
  const int64_t yoe = year - era * 400;
  const int64_t doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return (era * 146097 + doe - 719468) * 86400;
}

std::string utc_date(int64_t seconds) {
  // Howard Hinnant's civil_from_days.
  int64_t z = (seconds >= 0 ? seconds : seconds - 86399) / 86400 + 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const int64_t m = mp < 10 ? mp + 3 : mp - 9;
  const int64_t y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return fmt::format("{:04}-{:02}-{:02}", y, m, d);
}

std::string utc_timestamp(int64_t seconds) {
  const int64_t of_day = ((seconds % 86400) + 86400) % 86400;
  return fmt::format("{}T{:02}:{:02}:{:02}Z", utc_date(seconds), of_day / 3600, of_day / 60 % 60, of_day % 60);
}

}  // namespace strata
