// classify(): facts, figures, programmes and wording on top of compare().
#include "strata/classify.hpp"

#include <fmt/core.h>
#include <algorithm>
#include <deque>
#include <future>
#include <optional>
#include <set>
#include <unordered_set>

#include "classify/classify_internal.hpp"
#include "programmes/programmes_internal.hpp"
#include "classify/significance.hpp"
#include "text/ascii.hpp"

namespace strata {
namespace {

using classify_detail::Readings;
using classify_detail::SentenceIndex;

// The kinds of fact classify() writes; acronym facts belong to compare()
// and are kept.
constexpr FactKind kOwnKinds[] = {FactKind::kNegation, FactKind::kModality, FactKind::kHedge, FactKind::kIntensifier,
                                  FactKind::kQuantifier};

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
    out += classify_detail::key_of(side);
  }
  return out;
}

bool has_digit(std::string_view text) {
  return std::any_of(text.begin(), text.end(), ascii::digit);
}

// Figures of each distinct sentence of an index, parsed when first asked for.
class FigureMemo {
 public:
  explicit FigureMemo(const SentenceIndex& index) : index_(index), figures_(index.size()) {}

  const std::vector<Figure>& of(uint32_t id) {
    auto& figures = figures_[id];
    if (!figures) figures = classify_detail::figures_in(index_.reading(id));
    return *figures;
  }

  // Figures of claim sides, read through the index when it holds the text;
  // valid as long as the memo.
  std::vector<const Figure*> of(const std::vector<ClaimSide>& sides) {
    std::vector<const Figure*> out;
    for (const auto& side : sides) {
      std::string_view text = classify_detail::key_of(side);
      const std::vector<Figure>* figures = nullptr;
      if (auto id = index_.find(text)) {
        figures = &of(*id);
      } else {
        figures = &unindexed_.emplace_back(classify_detail::figures_in(classify_detail::read_alone(text, scratch_)));
      }
      for (const auto& f : *figures) out.push_back(&f);
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
  std::deque<std::vector<Figure>> unindexed_;  // of claim sides the index does not hold
  std::deque<std::string> years_;              // years of dates, for document_values
  Readings scratch_;
};

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
  std::set<std::string> reported_added;
  std::set<std::string> reported_removed;
  for (size_t c = 0; c < claims.size(); ++c) {
    const auto& claim = claims[c];
    if (claim.status == ChangeStatus::kAdded) {
      // A figure of an added claim is news only if the old version never had it.
      for (const auto* f : memo.of(claim.new_sides)) {
        if (has_digit(f->text) && !in(old_values, 0, *f) && reported_added.insert(f->value).second) {
          out.push_back(number(ChangeStatus::kAdded, {}, f->text, c));
        }
      }
      continue;
    }
    if (claim.status == ChangeStatus::kRemoved) {
      for (const auto* f : memo.of(claim.old_sides)) {
        if (has_digit(f->text) && !in(new_values, 1, *f) && reported_removed.insert(f->value).second) {
          out.push_back(number(ChangeStatus::kRemoved, f->text, {}, c));
        }
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
        if (!new_used[j] && news[j]->value == olds[i]->value) {
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
        if (!new_used[j] && news[j]->kind == olds[i]->kind) {
          old_used[i] = new_used[j] = true;
          out.push_back(number(ChangeStatus::kModified, olds[i]->text, news[j]->text, c));
          break;
        }
      }
      if (!old_used[i]) out.push_back(number(ChangeStatus::kRemoved, olds[i]->text, {}, c));
    }
    for (size_t j = 0; j < news.size(); ++j) {
      if (!new_used[j]) out.push_back(number(ChangeStatus::kAdded, {}, news[j]->text, c));
    }
  }
  return out;
}

bool reads_documents(const ClassifyOptions& options) {
  return options.numbers || options.find_programmes || options.wording;
}

DocumentReading read_documents(const Document& old_doc, const Document& new_doc, const ClassifyOptions& options) {
  DocumentReading reading;
  if (!reads_documents(options)) return reading;
  reading.index.emplace(old_doc, &new_doc);
  if (options.find_programmes) {
    reading.programmes = programme_changes(old_doc, new_doc, options.programmes, *reading.index);
  }
  return reading;
}

void classify(ChangeSet& changes, const ClassifyOptions& options, DocumentReading& reading) {
  changes.numbers.clear();
  changes.programmes.clear();
  changes.wording.clear();
  // Facts and figures on a second core while the wording shifts are found
  // here: wording only reads the claims, whose facts alone are written
  // there. Wording runs here because its phrase table is by far the larger
  // (on two unrelated 1 MB texts, tens of MB): memory freed by the main
  // thread is reused by the report, a second thread's is not.
  auto facts_and_figures = [&] {
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
    return options.numbers ? number_changes(*reading.index, changes.claims) : std::vector<NumberChange>{};
  };
  if (options.wording && (options.facts || options.numbers)) {
    auto numbers = std::async(std::launch::async | std::launch::deferred, facts_and_figures);
    changes.wording = wording_shifts(*reading.index, changes.claims, options.max_wording, changes.warnings);
    changes.numbers = numbers.get();
  } else {
    if (options.wording) {
      changes.wording = wording_shifts(*reading.index, changes.claims, options.max_wording, changes.warnings);
    }
    changes.numbers = facts_and_figures();
  }
  if (options.find_programmes) changes.programmes = std::move(reading.programmes);
  if (reading.index && reading.index->unread() > 0) {
    changes.warnings.push_back(fmt::format("classify: {} sentences longer than {} bytes not read for programmes, "
                                           "figures or wording", reading.index->unread(), kMaxReadSentenceBytes));
  }
  score_changes(changes, options.significance);
}

}  // namespace classify_detail

void classify(const Document& old_doc, const Document& new_doc, ChangeSet& changes, const ClassifyOptions& options) {
  auto reading = classify_detail::read_documents(old_doc, new_doc, options);
  classify_detail::classify(changes, options, reading);
}

}  // namespace strata
