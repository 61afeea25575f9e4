// Verdicts for CI: rules over the changes between two versions of a
// document, each broken rule a finding, and the formats CI systems read.
//
// A rule set comes from the command line or a TOML file (docs/ci.md);
// check_document() applies it to one compared pair; a baseline marks known
// findings as accepted so that a job fails only on new ones.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "strata/change.hpp"
#include "strata/compare.hpp"
#include "strata/document.hpp"
#include "strata/result.hpp"

namespace strata {

enum class Severity { kError, kWarning };  // an error fails the check, a warning is only reported

enum class RuleKind {
  kWatchPhrase,       // `pattern`: a phrase; its occurrences change, or a claim holding it changes
  kWatchClaim,        // `pattern`: a claim's whole text, which must not change
  kWatchSection,      // `pattern`: a title-path pattern; `kinds`: claim and section statuses allowed there
  kProgrammes,        // `names`: programmes (empty: any); `kinds`: "removed", "renamed"
  kChangeKind,        // `kinds`: any of kChangeKinds
  kClaimsRemoved,     // `limit`: more than this many claims removed
  kSectionRewritten,  // `limit`: more than this percentage of a section's claims changed; `pattern`: which sections
};

const char* to_string(Severity severity);
const char* to_string(RuleKind kind);

// The change kinds a kChangeKind rule can name.
inline constexpr std::string_view kChangeKinds[] = {"modality-weakened", "negation-removed", "negation-added",
                                                    "figure-changed", "claim-removed"};

struct Rule {
  RuleKind kind = RuleKind::kWatchPhrase;
  // Names the rule in every output and in baseline keys; unique in a set.
  // Default (empty): made from the kind and pattern ("watch:will not recognise").
  std::string id;
  Severity severity = Severity::kError;
  std::string message;             // the user's words, shown with each finding; may be empty
  std::string pattern;             // see RuleKind
  std::vector<std::string> kinds;  // see RuleKind
  std::vector<std::string> names;  // see RuleKind
  double limit = 0;                // see RuleKind; >= 0
};

struct RuleSet {
  std::vector<Rule> rules;
  std::string baseline;          // baseline file named by the config, resolved from its folder; may be empty
  bool fail_on_bailout = false;  // a hit work limit is trouble (exit 2). Default: off.
};

// Checks a rule (patterns parse, kinds are known, limit in range) and fills
// in its default id. The message says what is wrong, without a file name.
Result<void> prepare_rule(Rule& rule);

// Reads a rule file (format in docs/ci.md). Errors name the file, the line
// and the key: "ci.toml:7: watch.severity: expected \"error\" or \"warning\"".
Result<RuleSet> load_check_config(const std::string& path);
Result<RuleSet> parse_check_config(std::string_view text, std::string_view source);

// What `strata check`'s flags ask for, as one value, so that every client
// (the CLI, the Python package) builds the same rule set in the same order.
struct RuleRequest {
  std::string config;                      // a rule file; empty: none
  std::vector<std::string> watch;          // kWatchPhrase patterns
  std::vector<std::string> watch_claim;    // kWatchClaim texts
  std::vector<std::string> watch_section;  // kWatchSection title paths
  // Change kinds (kChangeKinds) and "programme-removed", "programme-renamed".
  std::vector<std::string> fail_on;
  std::optional<double> max_claims_removed;     // a kClaimsRemoved limit
  std::optional<double> max_section_rewritten;  // a kSectionRewritten limit, in percent
  std::string baseline;                         // replaces the file's; empty: the file's
  bool fail_on_bailout = false;                 // or the file's
};

// The file's rules, then the request's in the order of RuleRequest's
// fields. Refuses a rule given twice. The set may be empty: the caller says
// what could have been given, in its own words.
Result<RuleSet> build_rule_set(const RuleRequest& request);

struct Finding {
  std::string rule;  // Rule::id
  RuleKind kind = RuleKind::kWatchPhrase;
  Severity severity = Severity::kError;
  // Stable across runs and machines: the rule, what happened and a digest of
  // the texts involved, so a baseline can name it.
  std::string key;
  std::string summary;               // one line: "claim modified: holds 'will not recognise'"
  std::string message;               // the rule's message; may be empty
  std::string old_text;              // the claim (section, programme) before; empty when added
  std::string new_text;              // after; empty when removed
  std::string section;               // title path, " > " between levels; may be empty
  uint32_t line = 0;                 // 1-based line in the new version; 0 when it has none
  std::vector<std::string> details;  // further claims (thresholds); may be empty
  bool accepted = false;             // listed in the baseline: reported, never fails
};

struct DocumentCheck {
  std::string path;       // the new version's path: NEW as given, or the path in the repository
  std::string old_label;  // what the old version was read from
  std::string new_label;
  std::vector<Finding> findings;      // by rule, then in document order
  std::vector<std::string> bailouts;  // work limits hit while comparing (ChangeSet::warnings)
};

struct CheckReport {
  std::vector<Rule> rules;
  std::vector<DocumentCheck> documents;

  // A finding of severity error that the baseline does not accept.
  bool failed() const;
  bool bailed_out() const;
  // Findings of `severity`, accepted or not as asked.
  size_t count(Severity severity, bool accepted) const;
};

// Compares the pair with `options` and applies `rules` to what changed.
// The rules read every claim change, those past options.max_listed_claims
// too: compare() hands each to them as it builds it (on_unlisted_claim,
// which this sets), and none is kept. Classify reads the listed changes
// only, so when changes went past the cap and a rule reads what classify
// finds (figure-changed, negation-added, negation-removed,
// modality-weakened), `bailouts` says so. `scope` prefixes the keys (the
// path in the repository for `--git`, empty for two files, whose names
// change). What `strata check` runs.
DocumentCheck compare_and_check(const Document& old_doc, const Document& new_doc, CompareOptions options,
                                const std::vector<Rule>& rules, std::string_view scope);

// Applies `rules` to one compared pair already compared: `changes` is
// compare(old_doc, new_doc) with classification on. The rules read the
// claim changes `changes` lists, so none past the listing cap (for those,
// compare_and_check); `scope` as there.
DocumentCheck check_document(const Document& old_doc, const Document& new_doc, const ChangeSet& changes,
                             const std::vector<Rule>& rules, std::string_view scope);

// Baselines: one key a line, then a tab and what it was, for the reader;
// '#' starts a comment line. Unknown keys are ignored (the change they named
// is gone).
std::string render_baseline(const CheckReport& report);
Result<std::vector<std::string>> load_baseline(const std::string& path);
// Marks every finding whose key is in `keys` as accepted.
void apply_baseline(CheckReport& report, std::vector<std::string> keys);

enum class CheckFormat { kText, kJson, kJunit, kGithub, kSarif, kMarkdown };
Result<CheckFormat> parse_check_format(std::string_view name);  // text, json, junit, github, sarif, md (or markdown)
// The report in `format` (docs/ci.md; JSON schema "strata.check/1" in docs/json.md).
std::string render_check(const CheckReport& report, CheckFormat format);

// A document as lines for `git diff`'s textconv: each section's title path
// as a heading, then one claim a line, white space folded.
std::string render_claim_lines(const Document& doc);

}  // namespace strata
