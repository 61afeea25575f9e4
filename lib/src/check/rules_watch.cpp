// Watched text: phrases, whole claims and sections.
#include <fmt/core.h>
#include <algorithm>

#include "check/context.hpp"
#include "check/match.hpp"

namespace strata::check_detail {

namespace {

int count_in(const std::vector<ClaimSide>& sides, const std::vector<std::string>& phrase) {
  int n = 0;
  for (const ClaimSide& side : sides) n += count_phrase(match_words(side.norm), phrase);
  return n;
}

int count_in(const Document& doc, const std::vector<std::string>& phrase) {
  int n = 0;
  for (const Section& section : doc.sections) {
    for (const Block& block : section.blocks) {
      for (const Sentence& sentence : block.sentences) n += count_phrase(match_words(sentence.norm), phrase);
    }
  }
  return n;
}

bool any_is(const std::vector<ClaimSide>& sides, const std::vector<std::string>& claim) {
  return std::any_of(sides.begin(), sides.end(), [&](const ClaimSide& s) { return match_words(s.norm) == claim; });
}

bool allowed(const Rule& rule, ChangeStatus status) {
  if (status == ChangeStatus::kUnchanged || status == ChangeStatus::kEquivalent) return true;
  return std::find(rule.kinds.begin(), rule.kinds.end(), to_string(status)) != rule.kinds.end();
}

}  // namespace

void watch_phrase(const Context& context, const Rule& rule, std::vector<Finding>& out) {
  const std::vector<std::string> phrase = match_words(rule.pattern);
  bool claim_found = false;
  for (const ClaimChange& change : context.changes.claims) {
    if (!alters_text(change)) continue;
    const int before = count_in(change.old_sides, phrase);
    const int after = count_in(change.new_sides, phrase);
    if (before == 0 && after == 0) continue;
    std::string summary = fmt::format("claim {} holding '{}'", to_string(change.status), rule.pattern);
    if (before != after) summary += fmt::format(" ({} -> {} times)", before, after);
    out.push_back(context.claim_finding(rule, change, std::move(summary)));
    claim_found = true;
  }
  // Occurrences can change with no claim holding the phrase altered: an
  // acronym expanded in an equivalent claim, say. Reported once, for the document.
  const int old_total = count_in(context.old_doc, phrase);
  const int new_total = count_in(context.new_doc, phrase);
  if (!claim_found && old_total != new_total) {
    out.push_back(context.finding(rule,
                                  fmt::format("occurrences of '{}': {} -> {}", rule.pattern, old_total, new_total),
                                  fmt::format("{}:{}", old_total, new_total)));
  }
}

void watch_claim(const Context& context, const Rule& rule, std::vector<Finding>& out) {
  const std::vector<std::string> claim = match_words(rule.pattern);
  for (const ClaimChange& change : context.changes.claims) {
    if (!alters_text(change)) continue;
    if (!any_is(change.old_sides, claim) && !any_is(change.new_sides, claim)) continue;
    out.push_back(context.claim_finding(rule, change, fmt::format("watched claim {}", to_string(change.status))));
  }
}

void watch_section(const Context& context, const Rule& rule, std::vector<Finding>& out) {
  const SectionPattern pattern = SectionPattern::parse(rule.pattern).value();  // checked by prepare_rule
  for (const ClaimChange& change : context.changes.claims) {
    if (allowed(rule, change.status) || !alters_text(change)) continue;
    const bool inside = std::any_of(change.old_sides.begin(), change.old_sides.end(),
                                    [&](const ClaimSide& s) { return pattern.matches(context.old_path(s)); }) ||
                        std::any_of(change.new_sides.begin(), change.new_sides.end(),
                                    [&](const ClaimSide& s) { return pattern.matches(context.new_path(s)); });
    if (!inside) continue;
    out.push_back(
        context.claim_finding(rule, change, fmt::format("claim {} in a watched section", to_string(change.status))));
  }
  // The sections themselves: renamed, moved, split, merged, added, removed.
  // A modified section is its claims, reported above.
  for (const SectionChange& change : context.changes.sections) {
    if (change.status == ChangeStatus::kModified || allowed(rule, change.status)) continue;
    const auto matches = [&](const SectionSide& s) { return pattern.matches(s.path); };
    if (std::none_of(change.old_sides.begin(), change.old_sides.end(), matches) &&
        std::none_of(change.new_sides.begin(), change.new_sides.end(), matches)) {
      continue;
    }
    std::string old_paths;
    std::string new_paths;
    for (const SectionSide& s : change.old_sides) old_paths += (old_paths.empty() ? "" : "; ") + join_path(s.path);
    for (const SectionSide& s : change.new_sides) new_paths += (new_paths.empty() ? "" : "; ") + join_path(s.path);
    Finding f =
        context.finding(rule, fmt::format("section {}", to_string(change.status)), old_paths + "\x1f" + new_paths);
    f.old_text = old_paths;
    f.new_text = new_paths;
    f.section = new_paths.empty() ? old_paths : new_paths;
    if (!change.new_sides.empty()) {
      f.line = context.new_doc.sections[static_cast<size_t>(change.new_sides.front().index)].line;
    } else if (!change.old_sides.empty()) {
      f.line = context.new_section_line(change.old_sides.front().id);
    }
    out.push_back(std::move(f));
  }
}

}  // namespace strata::check_detail
