// Rules on what kind of change happened: programmes, classified facts on
// claims, figures, and thresholds on how much changed.
#include <fmt/format.h>
#include <algorithm>
#include <array>
#include <optional>

#include "check/context.hpp"
#include "check/match.hpp"

namespace strata::check_detail {

namespace {

bool wants(const Rule& rule, std::string_view kind) {
  return std::find(rule.kinds.begin(), rule.kinds.end(), kind) != rule.kinds.end();
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

}  // namespace

void watch_programmes(const Context& context, const Rule& rule, std::vector<Finding>& out) {
  std::vector<std::vector<std::string>> names;
  for (const std::string& name : rule.names) names.push_back(match_words(name));
  const auto named = [&](const std::optional<ProgrammeSide>& side) {
    if (names.empty()) return true;
    if (!side) return false;
    const auto name = match_words(side->name);
    const auto acronym = match_words(side->acronym);
    return std::any_of(names.begin(), names.end(),
                       [&](const auto& n) { return n == name || (!acronym.empty() && n == acronym); });
  };
  for (const ProgrammeChange& change : context.changes.programmes) {
    const bool removed = change.status == ChangeStatus::kRemoved && wants(rule, "removed");
    const bool renamed = change.status == ChangeStatus::kRenamed && wants(rule, "renamed");
    if (!(removed || renamed) || !named(change.old_side)) continue;
    const std::string old_name = change.old_side ? change.old_side->name : "";
    const std::string new_name = change.new_side ? change.new_side->name : "";
    std::string summary = renamed ? fmt::format("programme renamed: {} -> {}", old_name, new_name)
                                  : fmt::format("programme removed: {}", old_name);
    Finding f = context.finding(rule, std::move(summary), old_name + "\x1f" + new_name);
    f.old_text = old_name;
    f.new_text = new_name;
    f.details = change.evidence;
    out.push_back(std::move(f));
  }
}

void watch_change_kinds(const Context& context, const Rule& rule, std::vector<Finding>& out) {
  const std::vector<ClaimChange>& claims = context.changes.claims;
  for (size_t i = 0; i < claims.size(); ++i) {
    const ClaimChange& change = claims[i];
    for (const std::string& kind : rule.kinds) {
      std::vector<std::string> notes;
      if (kind == "claim-removed") {
        if (change.status == ChangeStatus::kRemoved) notes.emplace_back("removed");
      } else if (kind == "figure-changed") {
        for (const NumberChange& number : context.changes.numbers) {
          if (number.claim != static_cast<int>(i)) continue;
          notes.push_back(number.status == ChangeStatus::kModified
                              ? fmt::format("'{}' -> '{}'", number.old_value, number.new_value)
                              : fmt::format("'{}' {}", number.old_value.empty() ? number.new_value : number.old_value,
                                            to_string(number.status)));
        }
      } else {
        notes = fact_notes(change, kind);
      }
      if (notes.empty()) continue;
      std::string summary = kind == "claim-removed" ? std::string("claim removed") : kind;
      if (kind != "claim-removed") summary += ": " + fmt::format("{}", fmt::join(notes, "; "));
      out.push_back(context.claim_finding(rule, change, std::move(summary)));
    }
  }
}

void claims_removed(const Context& context, const Rule& rule, std::vector<Finding>& out) {
  std::vector<std::string> removed;
  std::string digest;
  for (const ClaimChange& change : context.changes.claims) {
    if (change.status != ChangeStatus::kRemoved) continue;
    for (const ClaimSide& side : change.old_sides) {
      removed.push_back(side.text);
      digest += side.norm + "\n";
    }
  }
  if (static_cast<double>(removed.size()) <= rule.limit) return;
  Finding f =
      context.finding(rule, fmt::format("claims removed: {}, more than {}", removed.size(), rule.limit), digest);
  f.details = std::move(removed);
  out.push_back(std::move(f));
}

void section_rewritten(const Context& context, const Rule& rule, std::vector<Finding>& out) {
  std::optional<SectionPattern> pattern;
  if (!rule.pattern.empty()) pattern = SectionPattern::parse(rule.pattern).value();  // checked by prepare_rule
  const std::vector<Section>& sections = context.old_doc.sections;
  std::vector<std::vector<const ClaimSide*>> changed(sections.size());
  for (const ClaimChange& change : context.changes.claims) {
    if (!alters_text(change)) continue;
    for (const ClaimSide& side : change.old_sides) changed[static_cast<size_t>(side.section)].push_back(&side);
  }
  for (size_t s = 0; s < sections.size(); ++s) {
    size_t total = 0;
    for (const Block& block : sections[s].blocks) total += block.sentences.size();
    if (total == 0 || changed[s].empty()) continue;
    const std::vector<std::string> path = context.old_doc.title_path(static_cast<int>(s));
    if (pattern && !pattern->matches(path)) continue;
    const double percent = 100.0 * static_cast<double>(changed[s].size()) / static_cast<double>(total);
    if (percent <= rule.limit) continue;
    std::string digest = sections[s].id;
    for (const ClaimSide* side : changed[s]) digest += "\n" + side->norm;
    Finding f = context.finding(rule,
                                fmt::format("section rewritten: {} of {} claims ({:.0f}%), more than {}%",
                                            changed[s].size(), total, percent, rule.limit),
                                digest);
    for (const ClaimSide* side : changed[s]) f.details.push_back(side->text);
    f.section = path.empty() ? "(top)" : join_path(path);
    f.line = context.new_section_line(sections[s].id);
    out.push_back(std::move(f));
  }
}

}  // namespace strata::check_detail
