// check_document() and compare_and_check(): every rule over one compared
// pair; the report's verdict.
#include <fmt/core.h>

#include <algorithm>

#include "check/claim_rules.hpp"
#include "check/context.hpp"
#include "strata/compare.hpp"
#include "strata/manifest.hpp"

namespace strata {

namespace check_detail {

namespace {

// Hex digits of SHA-256 kept in a key: 64 bits, so two different changes
// under one rule share a key about once in 10^19 pairs, and a baseline
// line stays short enough to read.
constexpr size_t kKeyDigestHex = 16;

std::string side_text(const std::vector<ClaimSide>& sides, bool norm) {
  std::string out;
  for (const ClaimSide& side : sides) {
    if (!out.empty()) out += norm ? "\n" : " ";
    out += norm ? side.norm : side.text;
  }
  return out;
}

// The first word of a summary names what happened ("claim", "occurrences",
// "programme"); with the digest of the texts it keeps keys apart while
// rewording a summary's tail does not change them.
std::string_view first_word(std::string_view summary) {
  std::string_view word = summary.substr(0, summary.find(' '));
  if (word.ends_with(':')) word.remove_suffix(1);
  return word;
}

}  // namespace

std::string join_path(const std::vector<std::string>& path) {
  std::string out;
  for (const std::string& title : path) out += (out.empty() ? "" : " > ") + title;
  return out;
}

bool alters_text(const ClaimChange& change) {
  switch (change.status) {
    case ChangeStatus::kUnchanged:
    case ChangeStatus::kEquivalent:
      return false;
    case ChangeStatus::kMoved:
      for (const WordOp& op : change.diff) {
        if (op.op != WordOp::Op::kEqual) return true;
      }
      return side_text(change.old_sides, true) != side_text(change.new_sides, true);
    default:
      return true;
  }
}

bool allowed_kind(const Rule& rule, ChangeStatus status) {
  if (status == ChangeStatus::kUnchanged || status == ChangeStatus::kEquivalent) return true;
  return std::find(rule.kinds.begin(), rule.kinds.end(), to_string(status)) != rule.kinds.end();
}

uint32_t Context::new_section_line(const std::string& section_id) const {
  for (const Section& section : new_doc.sections) {
    if (section.id == section_id) return section.line;
  }
  return 0;
}

Finding Context::finding(const Rule& rule, std::string summary, std::string_view digest) const {
  Finding f;
  f.rule = rule.id;
  f.kind = rule.kind;
  f.severity = rule.severity;
  f.message = rule.message;
  f.key = fmt::format("{}{}{}/{}/{}", scope_, scope_.empty() ? "" : ":", rule.id, first_word(summary),
                      sha256_hex(digest).substr(0, kKeyDigestHex));
  f.summary = std::move(summary);
  return f;
}

Finding Context::claim_finding(const Rule& rule, const ClaimChange& change, std::string summary) const {
  Finding f =
      finding(rule, std::move(summary), side_text(change.old_sides, true) + "\x1f" + side_text(change.new_sides, true));
  f.old_text = side_text(change.old_sides, false);
  f.new_text = side_text(change.new_sides, false);
  if (!change.new_sides.empty()) {
    const ClaimSide& side = change.new_sides.front();
    f.section = join_path(new_path(side));
    f.line = new_doc.sections[static_cast<size_t>(side.section)].blocks[static_cast<size_t>(side.block)].line;
  } else if (!change.old_sides.empty()) {
    const ClaimSide& side = change.old_sides.front();
    f.section = join_path(old_path(side));
    f.line = new_section_line(side.section_id);
  }
  return f;
}

}  // namespace check_detail

namespace {

using check_detail::ClaimRules;
using check_detail::Context;

// The rules that read what classify found in a claim (figures, facts): for
// the changes past the listing cap there is nothing to read.
bool reads_classify(const std::vector<Rule>& rules) {
  for (const Rule& rule : rules) {
    if (rule.kind != RuleKind::kChangeKind) continue;
    for (const std::string& kind : rule.kinds) {
      if (kind != "claim-removed") return true;
    }
  }
  return false;
}

// Every rule over the pair: `claims` has seen the changes past the listing
// cap, if any were read; here it sees the listed ones.
DocumentCheck finish(const Context& context, ClaimRules& claims, const ChangeSet& changes,
                     const std::vector<Rule>& rules) {
  using namespace check_detail;
  std::vector<std::vector<const NumberChange*>> figures(changes.claims.size());
  for (const NumberChange& number : changes.numbers) {
    if (number.claim >= 0 && static_cast<size_t>(number.claim) < figures.size()) {
      figures[static_cast<size_t>(number.claim)].push_back(&number);
    }
  }
  for (size_t i = 0; i < changes.claims.size(); ++i) claims.visit(changes.claims[i], figures[i]);
  DocumentCheck out;
  out.old_label = context.old_doc.meta.source;
  out.new_label = context.new_doc.meta.source;
  out.path = context.new_doc.meta.source;
  out.bailouts = changes.warnings;
  for (size_t i = 0; i < rules.size(); ++i) {
    const Rule& rule = rules[i];
    RuleClaims& gathered = claims.sorted(i);
    for (auto& [index, finding] : gathered.findings) out.findings.push_back(std::move(finding));
    switch (rule.kind) {
      case RuleKind::kWatchPhrase:
        phrase_occurrences(context, rule, gathered, out.findings);
        break;
      case RuleKind::kWatchSection:
        watch_sections(context, changes, rule, out.findings);
        break;
      case RuleKind::kProgrammes:
        watch_programmes(context, changes, rule, out.findings);
        break;
      case RuleKind::kClaimsRemoved:
        claims_removed(context, rule, gathered, out.findings);
        break;
      case RuleKind::kSectionRewritten:
        section_rewritten(context, rule, gathered, out.findings);
        break;
      case RuleKind::kWatchClaim:
      case RuleKind::kChangeKind:
        break;  // their findings are the claims'
    }
  }
  return out;
}

}  // namespace

DocumentCheck check_document(const Document& old_doc, const Document& new_doc, const ChangeSet& changes,
                             const std::vector<Rule>& rules, std::string_view scope) {
  const Context context(old_doc, new_doc, scope);
  ClaimRules claims(context, rules);
  return finish(context, claims, changes, rules);
}

DocumentCheck compare_and_check(const Document& old_doc, const Document& new_doc, CompareOptions options,
                                const std::vector<Rule>& rules, std::string_view scope) {
  const Context context(old_doc, new_doc, scope);
  ClaimRules claims(context, rules);
  options.on_unlisted_claim = [&claims](const ClaimChange& change) { claims.visit(change, {}); };
  const ChangeSet changes = compare(old_doc, new_doc, options);
  DocumentCheck out = finish(context, claims, changes, rules);
  int unread = 0;
  for (const auto& [status, n] : changes.claims_not_listed) unread += n;
  // Every rule read those changes; only classify's findings in them are missing.
  if (unread > 0 && reads_classify(rules)) {
    out.bailouts.push_back(fmt::format(
        "claims: {} claim changes past the cap of {} not read for figures, negations or modality (figure-changed, "
        "negation-added, negation-removed, modality-weakened); every other rule read them",
        unread, options.max_listed_claims));
  }
  return out;
}

bool CheckReport::failed() const { return count(Severity::kError, false) > 0; }

bool CheckReport::bailed_out() const {
  for (const DocumentCheck& d : documents) {
    if (!d.bailouts.empty()) return true;
  }
  return false;
}

size_t CheckReport::count(Severity severity, bool accepted) const {
  size_t n = 0;
  for (const DocumentCheck& d : documents) {
    for (const Finding& f : d.findings) n += f.severity == severity && f.accepted == accepted ? 1 : 0;
  }
  return n;
}

}  // namespace strata
