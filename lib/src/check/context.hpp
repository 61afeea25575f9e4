// What every rule reads while it is applied to one compared pair, and the
// one place findings are built (texts, section, line, stable key).
// Internal to check/.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "strata/change.hpp"
#include "strata/check.hpp"
#include "strata/document.hpp"

namespace strata::check_detail {

struct RuleClaims;  // claim_rules.hpp

class Context {
 public:
  Context(const Document& old_version, const Document& new_version, std::string_view scope)
      : old_doc(old_version), new_doc(new_version), scope_(scope) {}

  const Document& old_doc;
  const Document& new_doc;

  // A finding about one claim change: its texts, section and line filled in.
  // `what` is the summary, and (with the claim's texts) makes the key.
  Finding claim_finding(const Rule& rule, const ClaimChange& change, std::string summary) const;
  // A finding about no single claim; `digest` is what makes its key unique
  // beside the rule and the summary's first word.
  Finding finding(const Rule& rule, std::string summary, std::string_view digest) const;

  // Title path of a side, in its own version.
  std::vector<std::string> old_path(const ClaimSide& side) const { return old_doc.title_path(side.section); }
  std::vector<std::string> new_path(const ClaimSide& side) const { return new_doc.title_path(side.section); }
  // The line of the new version where a section starts; for a section that
  // is gone, where the section with its id is in the new version, else 0.
  uint32_t new_section_line(const std::string& section_id) const;

 private:
  std::string_view scope_;
};

std::string join_path(const std::vector<std::string>& path);

// A claim change that alters text (not unchanged, equivalent or a pure move).
bool alters_text(const ClaimChange& change);

// A change of `status` that a watched section's rule lets through: no change
// at all, or one of the rule's kinds.
bool allowed_kind(const Rule& rule, ChangeStatus status);

// What each rule concludes once every claim change was seen (ClaimRules,
// check/claim_rules.hpp, gathered the claims; check/rules_*.cpp).
void phrase_occurrences(const Context& context, const Rule& rule, const RuleClaims& claims, std::vector<Finding>& out);
void watch_sections(const Context& context, const ChangeSet& changes, const Rule& rule, std::vector<Finding>& out);
void watch_programmes(const Context& context, const ChangeSet& changes, const Rule& rule, std::vector<Finding>& out);
void claims_removed(const Context& context, const Rule& rule, const RuleClaims& claims, std::vector<Finding>& out);
void section_rewritten(const Context& context, const Rule& rule, const RuleClaims& claims, std::vector<Finding>& out);

}  // namespace strata::check_detail
