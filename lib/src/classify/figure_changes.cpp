// Figures that changed between two versions: modified inside a claim that
// stayed, added or removed with their claim, each with its kind and the
// words around it; the same change found in several claims told once.
#include <algorithm>
#include <deque>
#include <map>
#include <optional>
#include <set>
#include <unordered_set>

#include "classify/classify_internal.hpp"
#include "text/ascii.hpp"
#include "text/words.hpp"

namespace strata::classify_detail {
namespace {

// Words kept on each side of a figure in its context: enough for the claim
// it makes ("We will notify you at least 30 days before any change to these
// Terms"), short enough for a table cell.
constexpr size_t kContextWords = 12;

// Units that make a count a duration.
constexpr std::string_view kTimeUnits[] = {"second", "seconds", "minute", "minutes", "hour",    "hours",
                                           "day",    "days",    "week",   "weeks",   "month",   "months",
                                           "year",   "years",   "decade", "decades", "century", "centuries"};

bool has_digit(std::string_view text) { return std::any_of(text.begin(), text.end(), ascii::digit); }

// The kind a reader tells figures apart by.
std::string_view kind_of(const Figure& f) {
  switch (f.kind) {
    case Figure::Kind::kAmount:
      return "money";
    case Figure::Kind::kPercent:
      return "percentage";
    case Figure::Kind::kDate:
    case Figure::Kind::kYear:
    case Figure::Kind::kYearRange:
      return "date";
    case Figure::Kind::kCount:
      break;
  }
  const auto words = words_of(f.text);
  if (words.size() > 1) {
    const std::string unit = fold_case(words.back());
    for (auto u : kTimeUnits) {
      if (unit == u) return "duration";
    }
  }
  return "count";
}

// Order of the kinds in a report: quantities, then dates (most figures of a
// policy page are dates; the few amounts should not drown in them).
int kind_rank(std::string_view kind) {
  constexpr std::string_view kOrder[] = {"money", "percentage", "count", "duration", "date"};
  for (size_t i = 0; i < std::size(kOrder); ++i) {
    if (kOrder[i] == kind) return static_cast<int>(i);
  }
  return static_cast<int>(std::size(kOrder));
}

int status_rank(ChangeStatus s) { return s == ChangeStatus::kModified ? 0 : s == ChangeStatus::kRemoved ? 1 : 2; }

// A figure and the claim text it was read from.
struct Located {
  const Figure* figure;
  std::string_view text;
};

// At most kContextWords words of `text` before and after the figure.
std::string context_of(const Located& at) {
  const auto words = words_of(at.text);
  const char* base = at.text.data();
  size_t first = 0;
  while (first < words.size() && static_cast<size_t>(words[first].data() - base) < at.figure->offset) ++first;
  size_t last = first;
  const size_t end = at.figure->offset + at.figure->text.size();
  while (last < words.size() && static_cast<size_t>(words[last].data() - base) < end) ++last;
  if (words.empty()) return std::string(at.text);
  const size_t from_word = first > kContextWords ? first - kContextWords : 0;
  const size_t to_word = std::min(words.size(), last + kContextWords);
  const size_t from = from_word == 0 ? 0 : static_cast<size_t>(words[from_word].data() - base);
  const size_t to = to_word == words.size()
                        ? at.text.size()
                        : static_cast<size_t>(words[to_word - 1].data() - base) + words[to_word - 1].size();
  std::string out = from_word > 0 ? "… " : "";
  out += at.text.substr(from, to - from);
  if (to_word < words.size()) out += " …";
  return out;
}

// The claim text with its figures taken out, folded: two claims with the
// same frame say the same with other figures ("Effective July 26, 2022" and
// "Effective January 1, 2023").
std::string frame_of(std::string_view text, const std::vector<Located>& figures) {
  std::string rest;
  size_t at = 0;
  for (const auto& f : figures) {
    if (f.text.data() != text.data() || f.figure->offset < at) continue;
    rest.append(text.substr(at, f.figure->offset - at));
    rest += " # ";
    at = f.figure->offset + f.figure->text.size();
  }
  if (at < text.size()) rest.append(text.substr(at));
  std::string out;
  for (auto w : words_of(rest)) out += fold_case(w) + " ";
  return out;
}

// Figures of each distinct sentence of an index, parsed when first asked for.
class FigureMemo {
 public:
  explicit FigureMemo(const SentenceIndex& index) : index_(index), figures_(index.size()) {}

  const std::vector<Figure>& of(uint32_t id) {
    auto& figures = figures_[id];
    if (!figures) figures = figures_in(index_.reading(id));
    return *figures;
  }

  // Figures of claim sides with the text each was read from, through the
  // index when it holds the text; valid as long as the memo and the sides.
  std::vector<Located> of(const std::vector<ClaimSide>& sides) {
    std::vector<Located> out;
    for (const auto& side : sides) {
      std::string_view text = key_of(side);
      const std::vector<Figure>* figures = nullptr;
      if (auto id = index_.find(text)) {
        figures = &of(*id);
      } else {
        figures = &unindexed_.emplace_back(figures_in(read_alone(text, scratch_)));
      }
      for (const auto& f : *figures) out.push_back({&f, text});
    }
    return out;
  }

  // Values of the figures written with digits anywhere in document `doc` of
  // the index, as views into the memo. Spelled-out counts ("eight") are left
  // to paired claims: reading every sentence for them would cost more than
  // the rest of this stage.
  std::unordered_set<std::string_view> document_values(size_t doc) {
    std::unordered_set<std::string_view> values;
    for (uint32_t id = 0; id < index_.size(); ++id) {
      if (index_.count(doc, id) == 0 || !index_.reading(id).digits) continue;
      for (const auto& f : of(id)) {
        // A year written inside a date ("January 2023") is in the document too.
        if (f.kind == Figure::Kind::kDate && f.value.size() >= 9 && f.value[5] != '-') {
          values.insert(years_.emplace_back("year:" + f.value.substr(5, 4)));
        }
        values.insert(f.value);
      }
    }
    return values;
  }

 private:
  const SentenceIndex& index_;
  std::vector<std::optional<std::vector<Figure>>> figures_;  // by sentence; never moved once made
  std::deque<std::vector<Figure>> unindexed_;                // of claim sides the index does not hold
  std::deque<std::string> years_;                            // years of dates, for document_values
  Readings scratch_;
};

NumberChange number(ChangeStatus status, const Located* old_at, const Located* new_at, size_t claim) {
  NumberChange n;
  n.status = status;
  if (old_at != nullptr) n.old_value = old_at->figure->text;
  if (new_at != nullptr) n.new_value = new_at->figure->text;
  n.claim = static_cast<int>(claim);
  const Located& shown = new_at != nullptr ? *new_at : *old_at;
  n.kind = kind_of(*shown.figure);
  n.context = context_of(shown);
  return n;
}

// The same change (status, kind, both values) in several claims is one
// entry with a count; then quantities before dates, modified before removed
// before added, claims in order.
std::vector<NumberChange> merged(std::vector<NumberChange> all) {
  std::vector<NumberChange> out;
  std::map<std::tuple<ChangeStatus, std::string, std::string, std::string>, size_t> seen;
  for (auto& n : all) {
    auto [it, fresh] = seen.try_emplace({n.status, n.kind, n.old_value, n.new_value}, out.size());
    if (fresh) {
      out.push_back(std::move(n));
    } else {
      ++out[it->second].count;
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const NumberChange& a, const NumberChange& b) {
    if (kind_rank(a.kind) != kind_rank(b.kind)) return kind_rank(a.kind) < kind_rank(b.kind);
    if (a.status != b.status) return status_rank(a.status) < status_rank(b.status);
    return a.claim < b.claim;
  });
  return out;
}

}  // namespace

std::vector<NumberChange> number_changes(const SentenceIndex& index, const std::vector<ClaimChange>& claims) {
  std::vector<NumberChange> out;
  FigureMemo memo(index);
  // Made when first asked: a revision often adds or removes no figure.
  std::optional<std::unordered_set<std::string_view>> old_values;
  std::optional<std::unordered_set<std::string_view>> new_values;
  auto in = [&memo](std::optional<std::unordered_set<std::string_view>>& values, size_t doc, const Figure& f) {
    if (!values) values = memo.document_values(doc);
    return values->count(f.value) > 0;
  };
  // Figures of removed and added claims that the other version never has,
  // each with its claim's frame: a pair with the same frame is one figure
  // modified, not one removed and one added.
  struct Loose {
    Located at;
    size_t claim;
    std::string frame;
  };
  std::vector<Loose> removed;
  std::vector<Loose> added;
  std::set<std::string> reported_added;
  std::set<std::string> reported_removed;
  for (size_t c = 0; c < claims.size(); ++c) {
    const auto& claim = claims[c];
    if (claim.status == ChangeStatus::kAdded || claim.status == ChangeStatus::kRemoved) {
      const bool is_added = claim.status == ChangeStatus::kAdded;
      const auto figures = memo.of(is_added ? claim.new_sides : claim.old_sides);
      for (const auto& f : figures) {
        if (!has_digit(f.figure->text) || in(is_added ? old_values : new_values, is_added ? 0 : 1, *f.figure)) continue;
        if (!(is_added ? reported_added : reported_removed).insert(f.figure->value).second) continue;
        (is_added ? added : removed).push_back({f, c, frame_of(f.text, figures)});
      }
      continue;
    }
    if (!edited(claim)) continue;
    auto olds = memo.of(claim.old_sides);
    auto news = memo.of(claim.new_sides);
    std::vector<bool> old_used(olds.size(), false);
    std::vector<bool> new_used(news.size(), false);
    for (size_t i = 0; i < olds.size(); ++i) {
      for (size_t j = 0; j < news.size(); ++j) {
        if (!new_used[j] && news[j].figure->value == olds[i].figure->value) {
          old_used[i] = new_used[j] = true;
          break;
        }
      }
    }
    // What is left pairs up in order by kind: "EUR 690 million" ->
    // "EUR 700 million", "July 2023" -> "June 2024", "14 days" -> "30 days".
    for (size_t i = 0; i < olds.size(); ++i) {
      if (old_used[i]) continue;
      for (size_t j = 0; j < news.size(); ++j) {
        if (!new_used[j] && kind_of(*news[j].figure) == kind_of(*olds[i].figure)) {
          old_used[i] = new_used[j] = true;
          out.push_back(number(ChangeStatus::kModified, &olds[i], &news[j], c));
          break;
        }
      }
      if (!old_used[i]) out.push_back(number(ChangeStatus::kRemoved, &olds[i], nullptr, c));
    }
    for (size_t j = 0; j < news.size(); ++j) {
      if (!new_used[j]) out.push_back(number(ChangeStatus::kAdded, nullptr, &news[j], c));
    }
  }
  std::vector<bool> added_used(added.size(), false);
  for (const auto& r : removed) {
    bool paired = false;
    for (size_t j = 0; j < added.size() && !paired; ++j) {
      if (added_used[j] || added[j].frame != r.frame || kind_of(*added[j].at.figure) != kind_of(*r.at.figure)) continue;
      added_used[j] = paired = true;
      out.push_back(number(ChangeStatus::kModified, &r.at, &added[j].at, added[j].claim));
    }
    if (!paired) out.push_back(number(ChangeStatus::kRemoved, &r.at, nullptr, r.claim));
  }
  for (size_t j = 0; j < added.size(); ++j) {
    if (!added_used[j]) out.push_back(number(ChangeStatus::kAdded, nullptr, &added[j].at, added[j].claim));
  }
  return merged(std::move(out));
}

}  // namespace strata::classify_detail
