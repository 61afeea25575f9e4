// The part of each rule that reads claim changes, applied one change at a
// time and in any order: the changes compare() counts without listing them
// are read as it builds them (CompareOptions::on_unlisted_claim) and never
// kept. What a rule concludes over all of them (a threshold, occurrences of
// a phrase that no changed claim holds) is decided once every change was
// seen (check.cpp). Internal to check/.
#pragma once

#include <map>
#include <optional>
#include <vector>

#include "check/context.hpp"
#include "check/match.hpp"

namespace strata::check_detail {

// An old sentence a claim change touched, with the change's place in report
// order (ClaimChange::index).
struct OldSentence {
  int index = 0;
  const Sentence* sentence = nullptr;
};

// What one rule gathered from the claim changes, each list in report order
// once ClaimRules::sorted() gave it.
struct RuleClaims {
  std::vector<std::pair<int, Finding>> findings;    // by ClaimChange::index
  bool phrase_in_changed_claim = false;             // kWatchPhrase
  std::vector<OldSentence> removed;                 // kClaimsRemoved: the old sides of removed claims
  std::map<int, std::vector<OldSentence>> altered;  // kSectionRewritten: old sides altered, by old section
};

class ClaimRules {
 public:
  ClaimRules(const Context& context, const std::vector<Rule>& rules);

  // One claim change. `figures`: the figure changes classify found in it
  // (none for a change past the listing cap: classify reads only the listed).
  void visit(const ClaimChange& change, const std::vector<const NumberChange*>& figures);

  // Rule i's gatherings, in report order (the caller may move them out).
  RuleClaims& sorted(size_t i);

 private:
  struct Prepared {
    std::vector<std::string> words;         // kWatchPhrase, kWatchClaim
    std::optional<SectionPattern> section;  // kWatchSection
  };

  void visit_rule(size_t i, const ClaimChange& change, const std::vector<const NumberChange*>& figures);
  // The old sentence `side` of `change` is (ClaimSide's text is that sentence's).
  OldSentence old_sentence(const ClaimChange& change, const ClaimSide& side) const;

  const Context& context_;
  const std::vector<Rule>& rules_;
  std::vector<Prepared> prepared_;
  std::vector<RuleClaims> gathered_;
};

}  // namespace strata::check_detail
