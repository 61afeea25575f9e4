// The one date parser: dates as pages print them, to ISO 8601.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace strata {

// Parses dates as pages print them ("06 May. 2015 09:43", "2 July 2024",
// "17. Dezember 2025", "1er janvier 2024", "4 de mayo de 2026",
// "July 2006", "2024-07-02") into ISO 8601 at the precision given.
std::optional<std::string> parse_date(std::string_view text);

// 1-based month of a month name in English or one of the other languages
// of text/language.hpp ("July", "Juli", "décembre"), or of an English
// abbreviation ("Jul.", "sept"), in any case of its ASCII letters; 0 for
// anything else.
int month_number(std::string_view word);

// True for the name of a day of the week in the languages of month_number
// ("Monday", "lunes", "Montag"), in any case of its ASCII letters.
bool is_weekday(std::string_view word);

// True for a real calendar day (no 30 February; 29 February in leap years).
bool valid_date(int year, int month, int day);

// Seconds since the epoch at the start of a day (UTC), proleptic
// Gregorian, for any year; the inverse of utc_date.
int64_t utc_day_start(int64_t year, int64_t month, int64_t day);
// "YYYY-MM-DD" of a time in seconds since the epoch, UTC.
std::string utc_date(int64_t seconds);
// "YYYY-MM-DDTHH:MM:SSZ" of the same.
std::string utc_timestamp(int64_t seconds);

}  // namespace strata
