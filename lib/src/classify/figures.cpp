// Figures, dates and amounts in claim text.
//
// The parser works on tokens (classify/text.hpp), so "06 May. 2015" and
// "EUR 690 million" are recognised whatever the spacing. Each figure gets a
// comparison value that is equal for equal figures however written.
#include <fmt/core.h>
#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <span>

#include "classify/classify_internal.hpp"
#include "segment/sentence_index.hpp"
#include "strata/classify.hpp"
#include "text/ascii.hpp"
#include "text/dates.hpp"
#include "text/lexicon.hpp"

namespace strata {
namespace {

using classify_detail::Reading;

// Words before a number that make it a reference, not a quantity ("Article
// 51", "Resolution 1325", "FAQ #5", "see point 4"): the bundled snapshots'
// legal and page references, the parts of terms and policies, and their
// French names (a privacy policy's "section 5" renumbered "5.1" is no figure).
constexpr std::string_view kReferenceWords[] = {
    "article", "resolution", "chapter", "section",  "paragraph", "faq",      "annex",    "no",     "clause",
    "point",   "part",       "item",    "appendix", "schedule",  "rubrique", "chapitre", "annexe", "paragraphe"};
// Abbreviations written with a full stop before their number ("Art. 6",
// "No. 5").
constexpr std::string_view kReferenceAbbreviations[] = {"art", "no", "nr", "sec", "para"};
// Marks that may stand between a reference word and its number: "FAQ #5",
// "section “5.1 Purpose”", "rubrique « 6. Qui ».
constexpr std::string_view kOpeningMarks[] = {"#", "\"", "\u201C", "\u00AB", "\u2018", "'", "("};

struct Currency {
  std::string_view written;
  std::string_view code;
};
constexpr std::array<Currency, 10> kCurrencies = {{{"EUR", "EUR"},
                                                   {"USD", "USD"},
                                                   {"GBP", "GBP"},
                                                   {"CHF", "CHF"},
                                                   {"UAH", "UAH"},
                                                   {"€", "EUR"},
                                                   {"$", "USD"},
                                                   {"£", "GBP"},
                                                   {"euros", "EUR"},
                                                   {"dollars", "USD"}}};

// The lengths of the written currencies, as bits: most capitalized words
// are turned away by their length alone.
constexpr uint32_t kCurrencyLengths = [] {
  uint32_t bits = 0;
  for (const auto& currency : kCurrencies) bits |= 1u << currency.written.size();
  return bits;
}();

struct Scale {
  std::string_view word;
  double factor;
};
constexpr std::array<Scale, 4> kScales = {{{"thousand", 1e3}, {"million", 1e6}, {"billion", 1e9}, {"trillion", 1e12}}};

// Comparison values are built by hand: there is one per figure of every
// sentence with a digit, and fmt's format-string parsing was a fifth of
// the figure reading.
void append_int(std::string& out, long long value, int width = 0) {
  char buffer[24];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  auto size = static_cast<int>(end - buffer);
  if (size < width) out.append(static_cast<size_t>(width - size), '0');
  out.append(buffer, end);
}

// "date:YYYY-MM-DD", "date:YYYY-MM" (day 0) or "date:--MM-DD" (year 0).
std::string date_value(int year, int month, int day) {
  std::string out = "date:";
  if (year > 0) {
    append_int(out, year, 4);
  } else {
    out += '-';
  }
  out += '-';
  append_int(out, month, 2);
  if (day > 0) {
    out += '-';
    append_int(out, day, 2);
  }
  return out;
}

std::string value_of(std::string_view prefix, long long number) {
  std::string out(prefix);
  append_int(out, number);
  return out;
}

class Parser {
 public:
  explicit Parser(const Reading& sentence) : sentence_(sentence), text_(sentence.text), tokens_(sentence.tokens) {}

  std::vector<Figure> run() {
    size_t i = 0;
    while (i < tokens_.size()) {
      // A web address's numbers are a link's ("?tab=2"), not figures.
      if (sentence_.is(i, classify_detail::kInAddress)) {
        ++i;
        continue;
      }
      size_t next = parse_at(i);
      i = next > i ? next : i + 1;
    }
    return std::move(figures_);
  }

 private:
  std::string_view word(size_t i) const {
    if (i >= tokens_.size()) return {};
    return classify_detail::token_text(text_, tokens_[i]);
  }
  bool is_word(size_t i) const { return i < tokens_.size() && tokens_[i].word; }
  bool is_punct(size_t i, std::string_view p) const { return i < tokens_.size() && !tokens_[i].word && word(i) == p; }

  // Folded word `i`; empty past the end and for punctuation.
  std::string_view folded(size_t i) const { return i < tokens_.size() ? sentence_.lower(i) : std::string_view(); }

  // 1-based month of a month name or abbreviation, else 0: an English one
  // capitalized ("may" is a verb; the lexicon's months are English), one of
  // another language (text/dates.hpp) as written ("Dezember", "décembre").
  int month_at(size_t i) const {
    auto w = word(i);
    // Numbers are most words asked: a name opens with a letter.
    if (!is_word(i) || w.size() < 3 || w.size() > 10 || ascii::digit(w[0])) return 0;
    if (sentence_.is(i, classify_detail::kMonth) && !sentence_.is(i, classify_detail::kCapitalized)) return 0;
    return month_number(w);
  }
  // The word after a day's number that may be a month: the next, or the one
  // after a German ordinal's full stop ("17. Dezember") or a Spanish or
  // Portuguese "de" ("4 de mayo").
  size_t month_after_day(size_t i) const { return is_punct(i + 1, ".") || folded(i + 1) == "de" ? i + 2 : i + 1; }

  static bool to_int(std::string_view w, int& out) {
    auto [ptr, ec] = std::from_chars(w.data(), w.data() + w.size(), out);
    return ec == std::errc() && ptr == w.data() + w.size();
  }
  bool year_at(size_t i, int& year) const {
    auto w = word(i);
    return is_word(i) && w.size() == 4 && to_int(w, year) && year >= 1800 && year <= 2199;
  }
  // A day's number; "1er", as French writes the first of a month.
  bool day_at(size_t i, int& day) const {
    auto w = word(i);
    if (w == "1er") {
      day = 1;
      return true;
    }
    return is_word(i) && w.size() <= 2 && to_int(w, day) && day >= 1 && day <= 31;
  }
  // Skips an abbreviation dot after a month ("May.", "Jul.").
  // The word after a month: past an abbreviation's full stop ("Jul.") or
  // a Spanish or Portuguese "de" ("mayo de 2026").
  size_t after_month(size_t i) const { return is_punct(i + 1, ".") || folded(i + 1) == "de" ? i + 2 : i + 1; }

  // The month a year at `i` follows ("März 2024", "mayo de 2026") that the
  // reading passed by, no figure holding it: its index and number, else
  // a month of 0. Asked at years, which are few, rather than at every word.
  std::pair<size_t, int> month_before(size_t i) const {
    if (i == 0 || i - 1 < covered_to_) return {i, 0};
    size_t at = i - 1;
    if (at > covered_to_ && (is_punct(at, ".") || folded(at) == "de")) --at;
    return {at, month_at(at)};
  }

  // The number of word `i` and the date marker after it: the next word when
  // that is `han` ("2024 年", "7月": a Han character is a word alone), or the
  // end of the word itself when that is `hangul` ("2024년"). Sets `value`
  // and `next` (the word after both).
  bool marked_number(size_t i, std::string_view han, std::string_view hangul, int& value, size_t& next) const {
    if (!is_word(i)) return false;
    const auto w = word(i);
    const bool on_word = w.size() > hangul.size() && w.ends_with(hangul);
    if (on_word ? !to_int(w.substr(0, w.size() - hangul.size()), value) : word(i + 1) != han || !to_int(w, value)) {
      return false;
    }
    next = on_word ? i + 1 : i + 2;
    return true;
  }

  // A date written with the markers of Chinese and Japanese (年 月 日) or of
  // Korean (년 월 일): "2024年7月2日", "2024 年 7 月", "2024년 7월 2일", "7月2日".
  // Returns the index after it, or `i` when none starts there.
  size_t marked_date_at(size_t i) {
    int year = 0;
    int month = 0;
    int day = 0;
    size_t month_from = i;
    if (marked_number(i, "\u5E74", "\uB144", year, month_from) && (year < 1800 || year > 2199)) return i;
    size_t day_from = 0;
    if (!marked_number(month_from, "\u6708", "\uC6D4", month, day_from) || month < 1 || month > 12) return i;
    size_t end = 0;
    if (marked_number(day_from, "\u65E5", "\uC77C", day, end) && valid_date(year > 0 ? year : 2000, month, day)) {
      add(Figure::Kind::kDate, i, end - 1, date_value(year, month, day));
      return end;
    }
    if (year == 0) return i;  // "7月" alone is no date
    add(Figure::Kind::kDate, i, day_from - 1, date_value(year, month, 0));
    return day_from;
  }

  static double parse_number(std::string_view w) {
    std::string digits;
    for (char c : w) {
      if (c != ',') digits.push_back(c);
    }
    double value = 0;
    auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    return ec == std::errc() ? value : std::nan("");
  }
  static std::string format_number(double value) {
    if (std::fabs(value - std::round(value)) < 1e-9 && std::fabs(value) < 1e15) {
      return value_of("", std::llround(value));
    }
    return fmt::format("{}", value);
  }

  void add(Figure::Kind kind, size_t first, size_t last, std::string value) {
    Figure figure;
    figure.kind = kind;
    figure.offset = tokens_[first].begin;
    figure.text = std::string(text_.substr(tokens_[first].begin, tokens_[last].end - tokens_[first].begin));
    figure.value = std::move(value);
    figures_.push_back(std::move(figure));
    covered_to_ = last + 1;
  }

  bool is_reference(size_t i) const {
    // An outline label: a capital letter and a full stop glued to the
    // number ("listed in Sections D.4 - D.7" of GitHub's Terms of Service).
    if (i >= 2 && is_punct(i - 1, ".") && tokens_[i - 1].end == tokens_[i].begin &&
        tokens_[i - 2].end == tokens_[i - 1].begin && is_word(i - 2) && word(i - 2).size() == 1 &&
        ascii::upper(word(i - 2)[0])) {
      return true;
    }
    // A model or version of a product named in mixed case ("iPhone 15 Pro+
    // with iOS 26" in Mozilla's notices): part of a name, not a quantity.
    if (i >= 1 && is_word(i - 1)) {
      const std::string_view name = word(i - 1);
      if (name.size() > 1 && ascii::lower_case(name[0]) && std::ranges::any_of(name, ascii::upper)) return true;
    }
    size_t before = i;
    if (before > 0 && std::ranges::any_of(kOpeningMarks, [&](auto m) { return is_punct(before - 1, m); })) --before;
    if (before > 0 && is_punct(before - 1, "\u00A7")) return true;  // "§ 5"
    const bool abbreviated = before > 1 && is_punct(before - 1, ".");
    if (abbreviated) --before;
    if (before == 0 || !is_word(before - 1)) return false;
    const auto lower = folded(before - 1);
    const auto& words = abbreviated ? std::span<const std::string_view>(kReferenceAbbreviations)
                                    : std::span<const std::string_view>(kReferenceWords);
    return std::ranges::find(words, lower) != words.end();
  }

  const Currency* currency_at(size_t i) const {
    auto w = word(i);
    if (w.size() >= 32 || ((kCurrencyLengths >> w.size()) & 1) == 0) return nullptr;
    for (const auto& currency : kCurrencies) {
      if (w == currency.written) return &currency;
    }
    return nullptr;
  }

  // Returns the index after the figure that starts at `i`, or `i` if none does.
  size_t parse_at(size_t i) {
    // Most tokens are ordinary words: a lowercase word can only be a
    // spelled-out number, a capitalized one an English month or a currency
    // code. The reading's flags say which, without looking at the word
    // again. (The lexicon's months are English: a month of another language
    // is read from the year after it, month_before.)
    auto first = static_cast<unsigned char>(text_[tokens_[i].begin]);
    if (tokens_[i].word) {
      const uint32_t flags = sentence_.words[i].flags;
      if ((flags & classify_detail::kLowercase) != 0) {
        return (flags & classify_detail::kNumberWord) != 0 ? parse_spelled(i) : i + 1;
      }
      if ((flags & classify_detail::kCapitalized) != 0 && (flags & classify_detail::kMonth) == 0 &&
          currency_at(i) == nullptr) {
        return i + 1;
      }
    }
    if (!tokens_[i].word && first < 0x80 && first != '$') return i + 1;
    int year = 0;
    int day = 0;
    int month = month_at(i);
    auto w = word(i);
    if (month > 0) {
      size_t j = after_month(i);
      if (day_at(j, day) && is_punct(j + 1, ",") && year_at(j + 2, year)) {
        add(Figure::Kind::kDate, i, j + 2, date_value(year, month, day));
        return j + 3;
      }
      if (year_at(j, year)) {
        add(Figure::Kind::kDate, i, j, date_value(year, month, 0));
        return j + 1;
      }
      return i + 1;
    }
    if (!is_word(i)) {
      if (const auto* currency = currency_at(i); currency != nullptr && classify_detail::is_number(word(i + 1))) {
        return parse_quantity(i + 1, i, currency);
      }
      return i + 1;
    }
    if (const auto* currency = currency_at(i); currency != nullptr && classify_detail::is_number(word(i + 1))) {
      return parse_quantity(i + 1, i, currency);
    }
    if (const size_t end = marked_date_at(i); end > i) return end;
    if (const size_t at = month_after_day(i); day_at(i, day) && (month = month_at(at)) > 0) {
      size_t j = after_month(at);
      if (year_at(j, year)) {
        add(Figure::Kind::kDate, i, j, date_value(year, month, day));
        return j + 1;
      }
      add(Figure::Kind::kDate, i, at, date_value(0, month, day));
      return at + 1;
    }
    if (size_t dash = w.find('-'); dash == 4 && w.size() == 9) {
      int to = 0;
      if (to_int(w.substr(0, 4), year) && to_int(w.substr(5), to) && year >= 1800 && to > year) {
        add(Figure::Kind::kYearRange, i, i, value_of("range:", year) + value_of("-", to));
        return i + 1;
      }
    }
    if (w.size() == 10 && w[4] == '-' && w[7] == '-') {
      int m = 0;
      if (to_int(w.substr(0, 4), year) && to_int(w.substr(5, 2), m) && to_int(w.substr(8, 2), day)) {
        add(Figure::Kind::kDate, i, i, "date:" + std::string(w));
        return i + 1;
      }
    }
    // Numbers joined by a slash name an act or a ratio, not an amount
    // ("Regulation (EU) 2016/679", "24/7").
    if (classify_detail::is_number(w) && is_punct(i + 1, "/") && classify_detail::is_number(word(i + 2))) return i + 3;
    if (year_at(i, year)) {
      if (const auto [at, named] = month_before(i); named > 0) {
        add(Figure::Kind::kDate, at, i, date_value(year, named, 0));
        return i + 1;
      }
      if (!is_punct(i + 1, "%") && !is_reference(i)) {
        add(Figure::Kind::kYear, i, i, value_of("year:", year));
        return i + 1;
      }
    }
    if (classify_detail::is_number(w)) {
      // A time of day ("09:43") is page furniture, not a figure.
      if (is_punct(i + 1, ":") && classify_detail::is_number(word(i + 2))) return i + 3;
      // A list enumerator ("2. Why does NATO exist?", "**5.**" where the
      // Markdown's emphasis was left unclosed) is not a figure.
      const bool first_word = std::none_of(tokens_.begin(), tokens_.begin() + static_cast<std::ptrdiff_t>(i),
                                           [](const auto& t) { return t.word; });
      if (first_word && (is_punct(i + 1, ".") || is_punct(i + 1, ")"))) return i + 2;
      // Nor a note marker ("Facebook Feed[29]", "See examples[8]"): pages
      // renumber their notes whenever one is added before; nor an item of a
      // list run into the sentence ("(3) to answer ... or (4) through ...").
      if (i > 0 && is_punct(i - 1, "[") && is_punct(i + 1, "]")) return i + 2;
      if (i > 0 && is_punct(i - 1, "(") && is_punct(i + 1, ")")) return i + 2;
      if (is_reference(i)) return i + 1;
      return parse_quantity(i, i, nullptr);
    }
    return i + 1;
  }

  // A spelled-out number at `i`, which the lexicon says is one.
  size_t parse_spelled(size_t i) {
    add(Figure::Kind::kCount, i, i, value_of("count:", classify_detail::spelled_number(folded(i))));
    return i + 1;
  }

  // A number at `i`, with a currency written at `first` (before the number)
  // or after it, a scale word, a percent sign or a unit word.
  size_t parse_quantity(size_t i, size_t first, const Currency* currency) {
    double value = parse_number(word(i));
    if (std::isnan(value)) return i + 1;
    size_t last = i;
    if (is_word(last + 1)) {
      auto next = folded(last + 1);
      for (const auto& scale : kScales) {
        if (next == scale.word) {
          value *= scale.factor;
          ++last;
          break;
        }
      }
    }
    if (currency == nullptr) {
      if (const auto* after = currency_at(last + 1); after != nullptr && is_word(last + 1)) {
        currency = after;
        ++last;
      }
    }
    if (currency != nullptr) {
      add(Figure::Kind::kAmount, first, last, "amount:" + std::string(currency->code) + ":" + format_number(value));
      return last + 1;
    }
    if (is_punct(last + 1, "%")) {
      add(Figure::Kind::kPercent, first, last + 1, "percent:" + format_number(value));
      return last + 2;
    }
    auto next = folded(last + 1);
    if (next == "percent" || (next == "per" && folded(last + 2) == "cent")) {
      size_t end = next == "per" ? last + 2 : last + 1;
      add(Figure::Kind::kPercent, first, end, "percent:" + format_number(value));
      return end + 1;
    }
    // A following lowercase content word is the unit ("500,000 troops",
    // "155 mm"); it is shown but not compared, so "troops" -> "soldiers"
    // stays a wording change.
    if (sentence_.is(last + 1, classify_detail::kLowercase) && !sentence_.is(last + 1, classify_detail::kStop)) {
      ++last;
    }
    add(Figure::Kind::kCount, first, last, "count:" + format_number(value));
    return last + 1;
  }

  const Reading& sentence_;
  std::string_view text_;
  std::span<const classify_detail::Token> tokens_;
  std::vector<Figure> figures_;
  size_t covered_to_ = 0;  // the token after the last figure's
};

}  // namespace

const char* to_string(Figure::Kind kind) {
  switch (kind) {
    case Figure::Kind::kAmount:
      return "amount";
    case Figure::Kind::kPercent:
      return "percent";
    case Figure::Kind::kCount:
      return "count";
    case Figure::Kind::kDate:
      return "date";
    case Figure::Kind::kYear:
      return "year";
    case Figure::Kind::kYearRange:
      return "range";
  }
  return "count";
}

std::vector<Figure> extract_figures(std::string_view text) {
  classify_detail::Readings readings;
  return classify_detail::figures_in(classify_detail::read_alone(text, readings));
}

std::vector<Figure> classify_detail::figures_in(const Reading& sentence) { return Parser(sentence).run(); }

}  // namespace strata
