#include "check/claim_rules.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace strata::check_detail {

namespace {

int count_in(const std::vector<ClaimSide>& sides, const std::vector<std::string>& phrase) {
  int n = 0;
  for (const ClaimSide& side : sides) n += count_phrase(match_words(side.norm), phrase);
  return n;
}

bool any_is(const std::vector<ClaimSide>& sides, const std::vector<std::string>& claim) {
  return std::any_of(sides.begin(), sides.end(), [&](const ClaimSide& s) { return match_words(s.norm) == claim; });
}

// How firmly a modal binds, for "modality weakened": obligation and
// certainty (must, shall, will; their negations forbid as firmly) 3,
// advice and condition (should, ought to, would) 2, possibility and ability
// (may, might, can, could) 1. A statement with no modal asserts, so it
// counts as 3: "supports" -> "may support" weakens, "will not" -> "does
// not" does not.
constexpr int kAsserted = 3;
struct ModalStrength {
  std::string_view word;
  int strength;
};
// clang-format off
constexpr std::array<ModalStrength, 18> kModalStrength = {{
    {"must", 3},     {"mustn't", 3}, {"shall", 3},  {"shan't", 3},    {"will", 3},  {"won't", 3},
    {"cannot", 3},   {"can't", 3},   {"should", 2}, {"shouldn't", 2}, {"ought", 2}, {"would", 2},
    {"wouldn't", 2}, {"may", 1},     {"might", 1},  {"can", 1},       {"could", 1}, {"couldn't", 1},
}};
// clang-format on

// The firmest modal in `text`, or kAsserted when it has none.
int strength(std::string_view text) {
  int best = 0;
  for (const std::string& word : match_words(text)) {
    for (const ModalStrength& m : kModalStrength) {
      if (word == m.word) best = std::max(best, m.strength);
    }
  }
  return best == 0 ? kAsserted : best;
}

// The facts of `change` that make it a change of `kind`, as notes.
std::vector<std::string> fact_notes(const ClaimChange& change, std::string_view kind) {
  std::vector<std::string> notes;
  for (const Fact& fact : change.facts) {
    // classify names the direction of a negation in its note
    // ("negation removed: 'not'"); modality carries the words of each side.
    const bool hit =
        (kind == "negation-removed" && fact.kind == FactKind::kNegation && fact.note.starts_with("negation removed")) ||
        (kind == "negation-added" && fact.kind == FactKind::kNegation && fact.note.starts_with("negation added")) ||
        (kind == "modality-weakened" && fact.kind == FactKind::kModality &&
         strength(fact.old_text) > strength(fact.new_text));
    if (hit) notes.push_back(fact.note);
  }
  return notes;
}

// The notes that make `change` a change of `kind` (a kChangeKind rule's).
std::vector<std::string> kind_notes(const ClaimChange& change, const std::string& kind,
                                    const std::vector<const NumberChange*>& figures) {
  std::vector<std::string> notes;
  if (kind == "claim-removed") {
    if (change.status == ChangeStatus::kRemoved) notes.emplace_back("removed");
  } else if (kind == "figure-changed") {
    for (const NumberChange* number : figures) {
      notes.push_back(number->status == ChangeStatus::kModified
                          ? fmt::format("'{}' -> '{}'", number->old_value, number->new_value)
                          : fmt::format("'{}' {}", number->old_value.empty() ? number->new_value : number->old_value,
                                        to_string(number->status)));
    }
  } else {
    notes = fact_notes(change, kind);
  }
  return notes;
}

}  // namespace

ClaimRules::ClaimRules(const Context& context, const std::vector<Rule>& rules)
    : context_(context), rules_(rules), prepared_(rules.size()), gathered_(rules.size()) {
  for (size_t i = 0; i < rules.size(); ++i) {
    const Rule& rule = rules[i];
    if (rule.kind == RuleKind::kWatchPhrase || rule.kind == RuleKind::kWatchClaim) {
      prepared_[i].words = match_words(rule.pattern);
    } else if (rule.kind == RuleKind::kWatchSection) {
      prepared_[i].section = SectionPattern::parse(rule.pattern).value();  // checked by prepare_rule
    } else if (rule.kind == RuleKind::kSectionRewritten && !rule.pattern.empty()) {
      prepared_[i].section = SectionPattern::parse(rule.pattern).value();
    }
  }
}

void ClaimRules::visit(const ClaimChange& change, const std::vector<const NumberChange*>& figures) {
  for (size_t i = 0; i < rules_.size(); ++i) visit_rule(i, change, figures);
}

OldSentence ClaimRules::old_sentence(const ClaimChange& change, const ClaimSide& side) const {
  return {change.index, &context_.old_doc.sentence_at(side.section, side.block, side.sentence)};
}

void ClaimRules::visit_rule(size_t i, const ClaimChange& change, const std::vector<const NumberChange*>& figures) {
  const Rule& rule = rules_[i];
  const Prepared& prepared = prepared_[i];
  RuleClaims& gathered = gathered_[i];
  const auto found = [&](std::string summary) {
    gathered.findings.emplace_back(change.index, context_.claim_finding(rule, change, std::move(summary)));
  };
  switch (rule.kind) {
    case RuleKind::kWatchPhrase: {
      if (!alters_text(change)) return;
      const int before = count_in(change.old_sides, prepared.words);
      const int after = count_in(change.new_sides, prepared.words);
      if (before == 0 && after == 0) return;
      std::string summary = fmt::format("claim {} holding '{}'", to_string(change.status), rule.pattern);
      if (before != after) summary += fmt::format(" ({} -> {} times)", before, after);
      found(std::move(summary));
      gathered.phrase_in_changed_claim = true;
      return;
    }
    case RuleKind::kWatchClaim:
      if (!alters_text(change)) return;
      if (!any_is(change.old_sides, prepared.words) && !any_is(change.new_sides, prepared.words)) return;
      found(fmt::format("watched claim {}", to_string(change.status)));
      return;
    case RuleKind::kWatchSection: {
      if (allowed_kind(rule, change.status) || !alters_text(change)) return;
      const SectionPattern& pattern = *prepared.section;
      const bool inside = std::any_of(change.old_sides.begin(), change.old_sides.end(),
                                      [&](const ClaimSide& s) { return pattern.matches(context_.old_path(s)); }) ||
                          std::any_of(change.new_sides.begin(), change.new_sides.end(),
                                      [&](const ClaimSide& s) { return pattern.matches(context_.new_path(s)); });
      if (inside) found(fmt::format("claim {} in a watched section", to_string(change.status)));
      return;
    }
    case RuleKind::kChangeKind:
      for (const std::string& kind : rule.kinds) {
        const std::vector<std::string> notes = kind_notes(change, kind, figures);
        if (notes.empty()) continue;
        found(kind == "claim-removed" ? std::string("claim removed")
                                      : fmt::format("{}: {}", kind, fmt::join(notes, "; ")));
      }
      return;
    case RuleKind::kClaimsRemoved:
      if (change.status != ChangeStatus::kRemoved) return;
      for (const ClaimSide& side : change.old_sides) gathered.removed.push_back(old_sentence(change, side));
      return;
    case RuleKind::kSectionRewritten:
      if (!alters_text(change)) return;
      for (const ClaimSide& side : change.old_sides)
        gathered.altered[side.section].push_back(old_sentence(change, side));
      return;
    case RuleKind::kProgrammes:
      return;
  }
}

RuleClaims& ClaimRules::sorted(size_t i) {
  RuleClaims& gathered = gathered_[i];
  const auto by_index = [](const auto& a, const auto& b) { return a.index < b.index; };
  std::stable_sort(gathered.findings.begin(), gathered.findings.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::stable_sort(gathered.removed.begin(), gathered.removed.end(), by_index);
  for (auto& [section, sentences] : gathered.altered) std::stable_sort(sentences.begin(), sentences.end(), by_index);
  return gathered;
}

}  // namespace strata::check_detail
