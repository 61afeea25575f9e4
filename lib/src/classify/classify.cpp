// classify(): facts, figures, programmes and wording on top of compare().
#include "strata/classify.hpp"

#include <algorithm>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "classify/classify_internal.hpp"

namespace strata {
namespace {

// The kinds of fact classify() writes; facts of other kinds (typography,
// acronym) belong to compare() and are kept.
constexpr std::string_view kOwnKinds[] = {"negation", "modality", "hedge", "intensifier", "quantifier"};

bool own_kind(const Fact& fact) {
  return std::find(std::begin(kOwnKinds), std::end(kOwnKinds), fact.kind) != std::end(kOwnKinds);
}

bool edited(const ClaimChange& claim) {
  switch (claim.status) {
    case ChangeStatus::kModified:
    case ChangeStatus::kMoved:
    case ChangeStatus::kSplit:
    case ChangeStatus::kMerged:
      return !claim.old_sides.empty() && !claim.new_sides.empty();
    default:
      return false;
  }
}

std::string joined_norm(const std::vector<ClaimSide>& sides) {
  std::string out;
  for (const auto& side : sides) {
    if (!out.empty()) out.push_back(' ');
    out += side.norm.empty() ? side.text : side.norm;
  }
  return out;
}

std::vector<Figure> figures_of(const std::vector<ClaimSide>& sides) {
  std::vector<Figure> out;
  for (const auto& side : sides) {
    auto figures = extract_figures(side.norm.empty() ? side.text : side.norm);
    out.insert(out.end(), figures.begin(), figures.end());
  }
  return out;
}

bool has_digit(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Values of the figures written with digits in each distinct sentence; a
// sentence in both versions is read once.
using ValueMemo = std::unordered_map<std::string_view, std::vector<std::string>>;

// Values of the figures written with digits anywhere in `doc`. Spelled-out
// counts ("eight") are left to paired claims: reading every sentence for
// them would cost more than the rest of this stage.
std::unordered_set<std::string> document_values(const Document& doc, ValueMemo& memo) {
  std::unordered_set<std::string> values;
  for (const auto& section : doc.sections) {
    for (const auto& block : section.blocks) {
      for (const auto& s : block.sentences) {
        std::string_view text = s.norm.empty() ? s.text : s.norm;
        if (!has_digit(text)) continue;
        auto [it, added] = memo.try_emplace(text);
        if (added) {
          for (auto& f : extract_figures(text)) {
            // A year written inside a date ("January 2023") is in the document too.
            if (f.kind == Figure::Kind::kDate && f.value.size() >= 9 && f.value[5] != '-') {
              it->second.push_back("year:" + f.value.substr(5, 4));
            }
            it->second.push_back(std::move(f.value));
          }
        }
        values.insert(it->second.begin(), it->second.end());
      }
    }
  }
  return values;
}

NumberChange number(ChangeStatus status, std::string old_value, std::string new_value, size_t claim) {
  NumberChange n;
  n.status = status;
  n.old_value = std::move(old_value);
  n.new_value = std::move(new_value);
  n.claim = static_cast<int>(claim);
  return n;
}

}  // namespace

namespace classify_detail {

std::vector<NumberChange> number_changes(const Document& old_doc, const Document& new_doc,
                                         const std::vector<ClaimChange>& claims) {
  std::vector<NumberChange> out;
  ValueMemo memo;
  auto old_values = document_values(old_doc, memo);
  auto new_values = document_values(new_doc, memo);
  std::set<std::string> reported_added;
  std::set<std::string> reported_removed;
  for (size_t c = 0; c < claims.size(); ++c) {
    const auto& claim = claims[c];
    if (claim.status == ChangeStatus::kAdded) {
      // A figure of an added claim is news only if the old version never had it.
      for (const auto& f : figures_of(claim.new_sides)) {
        if (has_digit(f.text) && !old_values.count(f.value) && reported_added.insert(f.value).second) {
          out.push_back(number(ChangeStatus::kAdded, {}, f.text, c));
        }
      }
      continue;
    }
    if (claim.status == ChangeStatus::kRemoved) {
      for (const auto& f : figures_of(claim.old_sides)) {
        if (has_digit(f.text) && !new_values.count(f.value) && reported_removed.insert(f.value).second) {
          out.push_back(number(ChangeStatus::kRemoved, f.text, {}, c));
        }
      }
      continue;
    }
    if (!edited(claim)) continue;
    auto olds = figures_of(claim.old_sides);
    auto news = figures_of(claim.new_sides);
    std::vector<bool> old_used(olds.size(), false);
    std::vector<bool> new_used(news.size(), false);
    for (size_t i = 0; i < olds.size(); ++i) {
      for (size_t j = 0; j < news.size(); ++j) {
        if (!new_used[j] && news[j].value == olds[i].value) {
          old_used[i] = new_used[j] = true;
          break;
        }
      }
    }
    // What is left pairs up in order by kind: "EUR 690 million" ->
    // "EUR 700 million", "July 2023" -> "June 2024".
    for (size_t i = 0; i < olds.size(); ++i) {
      if (old_used[i]) continue;
      for (size_t j = 0; j < news.size(); ++j) {
        if (!new_used[j] && news[j].kind == olds[i].kind) {
          old_used[i] = new_used[j] = true;
          out.push_back(number(ChangeStatus::kModified, olds[i].text, news[j].text, c));
          break;
        }
      }
      if (!old_used[i]) out.push_back(number(ChangeStatus::kRemoved, olds[i].text, {}, c));
    }
    for (size_t j = 0; j < news.size(); ++j) {
      if (!new_used[j]) out.push_back(number(ChangeStatus::kAdded, {}, news[j].text, c));
    }
  }
  return out;
}

}  // namespace classify_detail

void classify(const Document& old_doc, const Document& new_doc, ChangeSet& changes, const ClassifyOptions& options) {
  changes.numbers.clear();
  changes.programmes.clear();
  changes.wording.clear();
  if (options.facts) {
    for (auto& claim : changes.claims) {
      claim.facts.erase(std::remove_if(claim.facts.begin(), claim.facts.end(), own_kind), claim.facts.end());
      if (!edited(claim)) continue;
      auto old_text = joined_norm(claim.old_sides);
      auto new_text = joined_norm(claim.new_sides);
      if (old_text == new_text) continue;
      for (auto& fact : claim_facts(old_text, new_text, claim.diff)) claim.facts.push_back(std::move(fact));
    }
  }
  if (options.numbers) changes.numbers = classify_detail::number_changes(old_doc, new_doc, changes.claims);
  if (options.find_programmes) changes.programmes = compare_programmes(old_doc, new_doc, options.programmes);
  if (options.wording) {
    changes.wording =
        classify_detail::wording_shifts(old_doc, new_doc, changes.claims, options.max_wording, changes.warnings);
  }
}

}  // namespace strata
