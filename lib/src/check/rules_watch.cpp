// Watched text: occurrences of a phrase in the whole document, and the
// changes of watched sections themselves (their claims: claim_rules.cpp).
#include <fmt/core.h>
#include <algorithm>

#include "check/claim_rules.hpp"
#include "check/context.hpp"
#include "check/match.hpp"

namespace strata::check_detail {

namespace {

int count_in(const Document& doc, const std::vector<std::string>& phrase) {
  int n = 0;
  for (const Section& section : doc.sections) {
    for (const Sentence& sentence : section.sentences) n += count_phrase(match_words(sentence.norm), phrase);
  }
  return n;
}

}  // namespace

void phrase_occurrences(const Context& context, const Rule& rule, const RuleClaims& claims, std::vector<Finding>& out) {
  const std::vector<std::string> phrase = match_words(rule.pattern);
  // Occurrences can change with no claim holding the phrase altered: an
  // acronym expanded in an equivalent claim, say. Reported once, for the document.
  const int old_total = count_in(context.old_doc, phrase);
  const int new_total = count_in(context.new_doc, phrase);
  if (!claims.phrase_in_changed_claim && old_total != new_total) {
    out.push_back(context.finding(rule,
                                  fmt::format("occurrences of '{}': {} -> {}", rule.pattern, old_total, new_total),
                                  fmt::format("{}:{}", old_total, new_total)));
  }
}

void watch_sections(const Context& context, const ChangeSet& changes, const Rule& rule, std::vector<Finding>& out) {
  const SectionPattern pattern = SectionPattern::parse(rule.pattern).value();  // checked by prepare_rule
  // The sections themselves: renamed, moved, split, merged, added, removed.
  // A modified section is its claims, reported above.
  for (const SectionChange& change : changes.sections) {
    if (change.status == ChangeStatus::kModified || allowed_kind(rule, change.status)) continue;
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
