// Pairs found through numbers, where word similarity cannot see them.
// Short structured lines pair by shape: "Effective July 26, 2022" and
// "Effective January 1, 2023" share one word in four, far below any word
// similarity that keeps unrelated sentences apart, yet a reader sees one
// line whose date changed. Sentences that state the same amounts pair on
// them: "Allies and partners have committed over EUR 690 million (around
// USD 740 million) to Ukraine CAP Trust Fund" became a sentence twice as
// long that shares 0.4 of its words, and both figures.
#include <algorithm>
#include <map>
#include <string>

#include "align/claims.hpp"
#include "text/ascii.hpp"
#include "text/dates.hpp"
#include "text/words.hpp"

namespace strata::align {

namespace {

// A line of at most this many words can be a dated line ("Last revised on
// 1 January 2023", "Version 2.1, effective 5 May 2024"); longer ones are
// sentences, which the word-based passes judge.
constexpr size_t kMaxShapeWords = 8;

// A number as pages print them in dates and versions: "26", "2,000",
// "2.1", "2024-07-02", "07/02/2024".
bool numeric(std::string_view word) {
  bool digit = false;
  for (char c : word) {
    if (ascii::digit(c)) {
      digit = true;
    } else if (c != '.' && c != ',' && c != '-' && c != '/') {
      return false;
    }
  }
  return digit;
}

// A year, or an ISO date that starts with one.
bool year_like(std::string_view word) {
  return word.size() >= 4 && (word.substr(0, 2) == "19" || word.substr(0, 2) == "20") && ascii::digit(word[2]) &&
         ascii::digit(word[3]) && (word.size() == 4 || word[4] == '-');
}

// The shape of a line that is a date and nothing else ("April 3, 2024",
// "Juni 2017"):
// it has no word to match on, so it pairs only when it is the one such line
// left on each side (Mozilla's privacy notices open with one; a changelog
// of bare dates pairs none).
constexpr std::string_view kBareDate =
    "\x02"
    "date";

// The line's words with month names and numbers as placeholders, or "" when
// the line is not a short dated one (a month name or a year) with at least
// one other word: "Step 1" and "Step 2" are different steps, not a date
// that changed. A line of a month name and a year, with a day or without,
// is kBareDate.
std::string shape_of(std::string_view norm) {
  std::string shape;
  size_t words = 0, slots = 0, months = 0, years = 0;
  bool dated = false;
  for (const classify_detail::Token& t : classify_detail::tokenize(norm)) {
    if (!t.word) continue;
    const std::string_view w = norm.substr(t.begin, t.end - t.begin);
    // A day's name goes with its date and is no word of the line's:
    // "Vigente desde el 17 de diciembre de 2025" became "Vigente desde el
    // lunes, 4 de mayo de 2026".
    if (is_weekday(w)) continue;
    if (++words > kMaxShapeWords) return {};
    if (month_number(w) > 0) {
      shape += "\x01m ";
      ++slots;
      ++months;
      dated = true;
    } else if (numeric(w)) {
      years += year_like(w) ? 1 : 0;
      dated = dated || year_like(w);
      shape += "\x01n ";
      ++slots;
    } else {
      shape += ascii::lower(w);
      shape += ' ';
    }
  }
  if (slots == words) {
    return months == 1 && years == 1 && (words == 2 || words == 3) ? std::string(kBareDate) : std::string();
  }
  return dated ? shape : std::string();
}

// Figures pair two sentences only when the sentences share at least this
// many of them, each found in no other unpaired claim of either version,
// and this share of their words (Dice): on the bundled series, unrelated
// sentences that share one figure are common (a year, "2022"), two shared
// amounts are not; the 0.3 floor keeps two lists of numbers apart.
constexpr size_t kMinSharedFigures = 2;
constexpr double kMinFigureDice = 0.3;

// The distinct figures of a claim: numbers other than years, which many
// sentences of one page share.
std::vector<std::string> figures_of(std::string_view norm) {
  std::vector<std::string> out;
  for (const classify_detail::Token& t : classify_detail::tokenize(norm)) {
    const std::string_view w = norm.substr(t.begin, t.end - t.begin);
    if (t.word && numeric(w) && !year_like(w)) out.emplace_back(w);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace

void pair_figures(const Side& o, const Side& n, ClaimPairs& p) {
  // figure -> (unpaired old claims, unpaired new claims) that state it
  std::map<std::string, std::pair<std::vector<int>, std::vector<int>>> holders;
  for (size_t i = 0; i < o.claims.size(); ++i) {
    if (p.old_to_new[i] >= 0) continue;
    for (std::string& f : figures_of(o.sentence(i).norm)) holders[std::move(f)].first.push_back(static_cast<int>(i));
  }
  if (holders.empty()) return;
  for (size_t j = 0; j < n.claims.size(); ++j) {
    if (p.new_to_old[j] >= 0) continue;
    for (std::string& f : figures_of(n.sentence(j).norm)) {
      if (auto it = holders.find(f); it != holders.end()) it->second.second.push_back(static_cast<int>(j));
    }
  }
  // Pairs joined by figures unique on both sides, counted per pair.
  std::map<std::pair<int, int>, size_t> shared;
  for (const auto& [figure, sides] : holders) {
    if (sides.first.size() == 1 && sides.second.size() == 1) ++shared[{sides.first[0], sides.second[0]}];
  }
  for (const auto& [pair, count] : shared) {
    const auto [i, j] = pair;
    if (count < kMinSharedFigures || p.old_to_new[static_cast<size_t>(i)] >= 0 ||
        p.new_to_old[static_cast<size_t>(j)] >= 0)
      continue;
    const double score = dice(o.bag(i), n.bag(j));
    if (score >= kMinFigureDice) link(p, i, j, PairKind::kShape, score);
  }
}

void pair_shapes(const Side& o, const Side& n, ClaimPairs& p) {
  // New unpaired lines by shape, in document order; the old ones take them
  // in order, as exact matches do.
  std::map<std::string, std::vector<int>> by_shape;
  for (size_t j = 0; j < n.claims.size(); ++j) {
    if (p.new_to_old[j] >= 0) continue;
    std::string shape = shape_of(n.sentence(j).norm);
    if (!shape.empty()) by_shape[std::move(shape)].push_back(static_cast<int>(j));
  }
  if (by_shape.empty()) return;
  std::vector<int> old_bare;
  for (size_t i = 0; i < o.claims.size(); ++i) {
    if (p.old_to_new[i] < 0 && shape_of(o.sentence(i).norm) == kBareDate) old_bare.push_back(static_cast<int>(i));
  }
  for (size_t i = 0; i < o.claims.size(); ++i) {
    if (p.old_to_new[i] >= 0) continue;
    const std::string shape = shape_of(o.sentence(i).norm);
    const auto it = by_shape.find(shape);
    if (it == by_shape.end()) continue;
    if (shape == kBareDate && (old_bare.size() != 1 || it->second.size() != 1)) continue;
    for (const int j : it->second) {
      if (p.new_to_old[static_cast<size_t>(j)] >= 0) continue;
      link(p, static_cast<int>(i), j, PairKind::kShape, dice(o.bag(i), n.bag(j)));
      break;
    }
  }
}

}  // namespace strata::align
