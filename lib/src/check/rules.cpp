// Rules: names, checks and default ids, shared by the command line and the
// rule file so both refuse the same mistakes; and the rule set a request of
// flags makes, shared by every client.
#include <fmt/format.h>
#include <algorithm>

#include "check/match.hpp"
#include "strata/check.hpp"

namespace strata {

namespace {

// Default ids quote at most this many bytes of a phrase or claim: enough to
// tell two watches apart in a report, short enough for a JUnit test name.
constexpr size_t kIdQuoteBytes = 60;

std::string quoted(std::string_view text) {
  if (text.size() <= kIdQuoteBytes) return std::string(text);
  size_t cut = kIdQuoteBytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // not inside a code point
  return std::string(text.substr(0, cut)) + "...";
}

Error bad(std::string message) { return make_error(ErrorCode::kInvalidArgument, std::move(message)); }

Result<void> check_kinds(const std::vector<std::string>& kinds, const std::vector<std::string_view>& allowed,
                         std::string_view what) {
  for (const std::string& kind : kinds) {
    if (std::find(allowed.begin(), allowed.end(), kind) == allowed.end()) {
      std::string list;
      for (std::string_view a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
      return bad(fmt::format("unknown {} '{}' (expected {})", what, kind, list));
    }
  }
  return {};
}

}  // namespace

const char* to_string(Severity severity) { return severity == Severity::kError ? "error" : "warning"; }

const char* to_string(RuleKind kind) {
  switch (kind) {
    case RuleKind::kWatchPhrase:
      return "watch";
    case RuleKind::kWatchClaim:
      return "claim";
    case RuleKind::kWatchSection:
      return "section";
    case RuleKind::kProgrammes:
      return "programmes";
    case RuleKind::kChangeKind:
      return "changes";
    case RuleKind::kClaimsRemoved:
      return "claims-removed";
    case RuleKind::kSectionRewritten:
      return "section-rewritten";
  }
  return "?";
}

Result<void> prepare_rule(Rule& rule) {
  std::string id_tail;
  switch (rule.kind) {
    case RuleKind::kWatchPhrase:
    case RuleKind::kWatchClaim:
      if (check_detail::match_words(rule.pattern).empty()) {
        return bad(fmt::format("{} '{}' has no word to match", to_string(rule.kind), rule.pattern));
      }
      id_tail = quoted(rule.pattern);
      break;
    case RuleKind::kWatchSection: {
      auto pattern = check_detail::SectionPattern::parse(rule.pattern);
      if (!pattern) return pattern.error();
      std::vector<std::string_view> statuses;
      for (ChangeStatus s :
           {ChangeStatus::kEquivalent, ChangeStatus::kModified, ChangeStatus::kRenamed, ChangeStatus::kMoved,
            ChangeStatus::kSplit, ChangeStatus::kMerged, ChangeStatus::kAdded, ChangeStatus::kRemoved}) {
        statuses.push_back(to_string(s));
      }
      if (auto ok = check_kinds(rule.kinds, statuses, "change status"); !ok) return ok;
      id_tail = rule.pattern;
      break;
    }
    case RuleKind::kProgrammes:
      if (rule.kinds.empty()) rule.kinds = {"removed", "renamed"};
      if (auto ok = check_kinds(rule.kinds, {"removed", "renamed"}, "programme change"); !ok) return ok;
      id_tail = fmt::format("{}", fmt::join(rule.kinds, ","));
      break;
    case RuleKind::kChangeKind:
      if (rule.kinds.empty()) return bad("a change rule needs at least one kind");
      if (auto ok = check_kinds(rule.kinds, {std::begin(kChangeKinds), std::end(kChangeKinds)}, "change kind"); !ok) {
        return ok;
      }
      id_tail = fmt::format("{}", fmt::join(rule.kinds, ","));
      break;
    case RuleKind::kClaimsRemoved:
      if (!(rule.limit >= 0)) return bad(fmt::format("claims-removed limit {} is negative", rule.limit));
      id_tail = fmt::format("{}", rule.limit);
      break;
    case RuleKind::kSectionRewritten:
      if (!(rule.limit >= 0 && rule.limit <= 100)) {
        return bad(fmt::format("section-rewritten limit {} is not a percentage from 0 to 100", rule.limit));
      }
      if (!rule.pattern.empty()) {
        if (auto pattern = check_detail::SectionPattern::parse(rule.pattern); !pattern) return pattern.error();
      }
      id_tail = fmt::format("{}%", rule.limit);
      break;
  }
  if (rule.id.empty()) rule.id = fmt::format("{}:{}", to_string(rule.kind), id_tail);
  return {};
}

Result<RuleSet> build_rule_set(const RuleRequest& request) {
  RuleSet set;
  if (!request.config.empty()) {
    auto loaded = load_check_config(request.config);
    if (!loaded) return loaded.error();
    set = std::move(*loaded);
  }
  std::vector<Rule> added;
  auto add = [&added](RuleKind kind, std::string pattern, std::vector<std::string> kinds, double limit) {
    Rule rule;
    rule.kind = kind;
    rule.pattern = std::move(pattern);
    rule.kinds = std::move(kinds);
    rule.limit = limit;
    added.push_back(std::move(rule));
  };
  for (const std::string& phrase : request.watch) add(RuleKind::kWatchPhrase, phrase, {}, 0);
  for (const std::string& claim : request.watch_claim) add(RuleKind::kWatchClaim, claim, {}, 0);
  for (const std::string& path : request.watch_section) add(RuleKind::kWatchSection, path, {}, 0);
  constexpr std::string_view kProgrammePrefix = "programme-";
  std::vector<std::string> kinds;
  std::vector<std::string> programme_kinds;
  for (const std::string& kind : request.fail_on) {
    if (kind == "programme-removed" || kind == "programme-renamed") {
      programme_kinds.push_back(kind.substr(kProgrammePrefix.size()));
    } else {
      kinds.push_back(kind);
    }
  }
  if (!kinds.empty()) add(RuleKind::kChangeKind, "", std::move(kinds), 0);
  if (!programme_kinds.empty()) add(RuleKind::kProgrammes, "", std::move(programme_kinds), 0);
  if (request.max_claims_removed) add(RuleKind::kClaimsRemoved, "", {}, *request.max_claims_removed);
  if (request.max_section_rewritten) add(RuleKind::kSectionRewritten, "", {}, *request.max_section_rewritten);
  for (Rule& rule : added) {
    if (auto ok = prepare_rule(rule); !ok) return ok.error();
    for (const Rule& earlier : set.rules) {
      if (earlier.id == rule.id) return bad(fmt::format("rule '{}' is given twice", rule.id));
    }
    set.rules.push_back(std::move(rule));
  }
  if (!request.baseline.empty()) set.baseline = request.baseline;
  set.fail_on_bailout = set.fail_on_bailout || request.fail_on_bailout;
  return set;
}

}  // namespace strata
