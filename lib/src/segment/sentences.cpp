// Sentence splitting on the comparison form.
//
// A sentence ends at '.', '!', '?' or an ellipsis, possibly followed by
// closing quotes or brackets, then a space, then something that can start a
// sentence (an upper-case letter, a digit, or an opening quote or bracket
// before one). A period after an abbreviation, an initial, a dotted
// abbreviation ("U.S.") or a month before a number ("06 May. 2015"), or
// after a day's number ("17. Dezember 2025"), ends nothing. Semicolons
// never split.
//
// Chinese and Japanese put no space after a sentence: one ends at the
// ideographic full stop '。' whatever follows, and at '!' or '?' (the
// comparison form's fullwidth '！' and '？') when a Han character or kana
// follows at once; closing brackets (」』】) stay with it.
#include <utf8proc.h>
#include <algorithm>
#include <array>

#include "segment/segment.hpp"
#include "text/ascii.hpp"
#include "text/dates.hpp"
#include "text/utf8.hpp"
#include "text/words.hpp"

namespace strata {

namespace {

// Titles and Latin abbreviations that are followed by more of the sentence.
constexpr std::array<std::string_view, 34> kAbbreviations = {
    "mr",  "mrs", "ms",   "dr",  "prof", "st",  "vs",  "e.g", "i.e",  "cf",  "al",   "ca",
    "gen", "col", "lt",   "sgt", "capt", "gov", "sen", "rep", "fig",  "vol", "para", "approx",
    "jr",  "sr",  "pres", "amb", "adm",  "maj", "hon", "rev", "dept", "viz"};

// Abbreviations that only hold before a number: "No. 5", "Art. 10", "Jul. 2024".
constexpr std::array<std::string_view, 17> kBeforeNumber = {
    "no", "nos", "art", "p", "pp", "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov"};
constexpr std::string_view kDecember = "dec";

// The ideographic full stop, U+3002.
constexpr std::string_view kIdeographicStop = "\u3002";

bool is_closer(char c) { return c == '"' || c == '\'' || c == ')' || c == ']'; }
bool is_opener(char c) { return c == '"' || c == '\'' || c == '(' || c == '['; }

// Bytes of the closing quote or bracket at `at`: 1 for ASCII ones, 3 for
// the CJK corner, lenticular, tortoise-shell and angle brackets; 0 for none.
size_t closer_at(std::string_view s, size_t at) {
  if (at >= s.size()) return 0;
  if (is_closer(s[at])) return 1;
  if (s.substr(at, 2) != "\xE3\x80" || at + 2 >= s.size()) return 0;
  switch (s[at + 2]) {
    case '\x89':  // 〉
    case '\x8B':  // 》
    case '\x8D':  // 」
    case '\x8F':  // 』
    case '\x91':  // 】
    case '\x95':  // 〕
      return 3;
    default:
      return 0;
  }
}

size_t skip_closers(std::string_view s, size_t at) {
  while (size_t n = closer_at(s, at)) at += n;
  return at;
}

// A Han character or kana starts at `at`.
bool unspaced_at(std::string_view s, size_t at) {
  if (at >= s.size() || static_cast<unsigned char>(s[at]) < 0x80) return false;
  size_t length = 0;
  return classify_detail::token_detail::high_kind(s, at, length) == classify_detail::token_detail::HighKind::kWordAlone;
}

bool starts_sentence(std::string_view s, size_t at) {
  if (at >= s.size()) return false;
  if (is_opener(s[at])) ++at;
  if (at >= s.size()) return false;
  const auto c = static_cast<unsigned char>(s[at]);
  if (c < 0x80) return ascii::upper(s[at]) || ascii::digit(s[at]);
  size_t pos = at;
  const char32_t cp = utf8::decode(s, pos);
  if (cp == utf8::kInvalid) return false;
  const auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
  return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT || cat == UTF8PROC_CATEGORY_LO;
}

// Does the period at `dot` belong to an abbreviation, given what follows?
bool abbreviation_period(std::string_view s, size_t dot, size_t next) {
  size_t start = dot;
  while (start > 0 && s[start - 1] != ' ' && !is_opener(s[start - 1])) --start;
  const std::string_view word = s.substr(start, dot - start);
  if (word.empty()) return false;
  const std::string lower = ascii::lower(word);
  const bool before_digit = next < s.size() && ascii::digit(s[next]);
  // A single letter is an initial ("J. Stoltenberg"); a word with inner dots
  // is a dotted abbreviation ("U.S", "e.g").
  if (word.size() == 1 && ascii::alpha(word[0])) return true;
  if (word.find('.') != std::string_view::npos && ascii::alpha(word.back())) return true;
  // A section's number quoted with its title ("la rubrique « 6. QUI EST
  // ...", "see "3. Scope""): an opening quote or bracket, a space allowed,
  // then the number.
  if (std::all_of(word.begin(), word.end(), [](char c) { return ascii::digit(c) || c == '.'; })) {
    size_t before = start;
    if (before > 0 && s[before - 1] == ' ') --before;
    if (before > 0 && is_opener(s[before - 1])) return true;
  }
  // The day of a date written as German writes it ("ab 17. Dezember
  // 2025"); the year is asked for, as "rose to 6. May we ..." is two
  // sentences.
  if (word.size() <= 2 && std::all_of(word.begin(), word.end(), ascii::digit) && next < s.size()) {
    const size_t end = std::min(s.find(' ', next), s.size());
    const std::string_view year = s.substr(std::min(end + 1, s.size()), 4);
    if (month_number(s.substr(next, end - next)) > 0 && year.size() == 4 &&
        std::all_of(year.begin(), year.end(), ascii::digit)) {
      return true;
    }
  }
  for (std::string_view a : kAbbreviations) {
    if (lower == a) return true;
  }
  if (before_digit) {
    for (std::string_view a : kBeforeNumber) {
      if (lower == a) return true;
    }
    if (lower == kDecember) return true;
  }
  return false;
}

// Finds the next '.', '!', '?' or '。' with one memchr per mark (vectorized
// by the C library), each remembered until the scan passes it: paragraphs
// are mostly text between marks, which a byte-by-byte test would walk.
class MarkFinder {
 public:
  explicit MarkFinder(std::string_view s) : s_(s) {
    for (size_t k = 0; k < at_.size(); ++k) at_[k] = find(k, 0);
  }

  // The first mark at or after `from`, or s.size().
  size_t next(size_t from) {
    size_t first = s_.size();
    for (size_t k = 0; k < at_.size(); ++k) {
      if (at_[k] < from) at_[k] = find(k, from);
      first = std::min(first, at_[k]);
    }
    return first;
  }

 private:
  // Mark k from `from` on: the ASCII marks by the byte, the last by its three.
  size_t find(size_t k, size_t from) const {
    return std::min(k < kMarks.size() ? s_.find(kMarks[k], from) : s_.find(kIdeographicStop, from), s_.size());
  }

  static constexpr std::array<char, 3> kMarks = {'.', '!', '?'};
  std::string_view s_;
  std::array<size_t, kMarks.size() + 1> at_{};  // next occurrence of each mark, s.size() when none is left
};

}  // namespace

std::vector<Span> split_sentences(std::string_view s) {
  std::vector<Span> spans;
  size_t begin = 0;
  while (begin < s.size() && s[begin] == ' ') ++begin;
  MarkFinder marks(s);
  size_t i = begin;
  while ((i = marks.next(i)) < s.size()) {
    const char c = s[i];
    const size_t mark = i;
    if (s.substr(i, kIdeographicStop.size()) == kIdeographicStop) {
      const size_t end = skip_closers(s, i + kIdeographicStop.size());
      size_t next = end;
      while (next < s.size() && s[next] == ' ') ++next;
      if (next < s.size()) {
        spans.push_back(Span{begin, end});
        begin = next;
      }
      i = next;
      continue;
    }
    size_t j = i + 1;
    while (j < s.size() && (s[j] == '.' || s[j] == '!' || s[j] == '?')) ++j;
    const bool ellipsis = j - mark >= 3 && c == '.';
    j = skip_closers(s, j);
    if (c != '.' && unspaced_at(s, j)) {
      spans.push_back(Span{begin, j});
      begin = j;
      i = j;
      continue;
    }
    if (j >= s.size() || s[j] != ' ' || !starts_sentence(s, j + 1)) {
      i = j;
      continue;
    }
    if (c == '.' && j - mark == 1 && !ellipsis && abbreviation_period(s, mark, j + 1)) {
      i = j;
      continue;
    }
    spans.push_back(Span{begin, j});
    begin = j + 1;
    i = begin;
  }
  size_t end = s.size();
  while (end > begin && s[end - 1] == ' ') --end;
  if (end > begin) spans.push_back(Span{begin, end});
  return spans;
}

}  // namespace strata
