// Rules on programmes, and thresholds on how much changed (the claims they
// count: claim_rules.cpp).
#include <fmt/format.h>
#include <algorithm>
#include <optional>

#include "check/claim_rules.hpp"
#include "check/context.hpp"
#include "check/match.hpp"

namespace strata::check_detail {

namespace {

bool wants(const Rule& rule, std::string_view kind) {
  return std::find(rule.kinds.begin(), rule.kinds.end(), kind) != rule.kinds.end();
}

}  // namespace

void watch_programmes(const Context& context, const ChangeSet& changes, const Rule& rule, std::vector<Finding>& out) {
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
  for (const ProgrammeChange& change : changes.programmes) {
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

void claims_removed(const Context& context, const Rule& rule, const RuleClaims& claims, std::vector<Finding>& out) {
  if (static_cast<double>(claims.removed.size()) <= rule.limit) return;
  std::vector<std::string> removed;
  std::string digest;
  for (const OldSentence& old : claims.removed) {
    removed.push_back(old.sentence->text.str());
    digest += old.sentence->norm + "\n";
  }
  Finding f =
      context.finding(rule, fmt::format("claims removed: {}, more than {}", removed.size(), rule.limit), digest);
  f.details = std::move(removed);
  out.push_back(std::move(f));
}

void section_rewritten(const Context& context, const Rule& rule, const RuleClaims& claims, std::vector<Finding>& out) {
  std::optional<SectionPattern> pattern;
  if (!rule.pattern.empty()) pattern = SectionPattern::parse(rule.pattern).value();  // checked by prepare_rule
  for (const auto& [s, changed] : claims.altered) {
    const Section& section = context.old_doc.sections[static_cast<size_t>(s)];
    const size_t total = section.sentences.size();
    if (total == 0) continue;
    const std::vector<std::string> path = context.old_doc.title_path(s);
    if (pattern && !pattern->matches(path)) continue;
    const double percent = 100.0 * static_cast<double>(changed.size()) / static_cast<double>(total);
    if (percent <= rule.limit) continue;
    std::string digest = section.id;
    for (const OldSentence& old : changed) digest += "\n" + old.sentence->norm;
    Finding f = context.finding(rule,
                                fmt::format("section rewritten: {} of {} claims ({:.0f}%), more than {}%",
                                            changed.size(), total, percent, rule.limit),
                                digest);
    for (const OldSentence& old : changed) f.details.push_back(old.sentence->text.str());
    f.section = path.empty() ? "(top)" : join_path(path);
    f.line = context.new_section_line(section.id);
    out.push_back(std::move(f));
  }
}

}  // namespace strata::check_detail
