#include "strata/change.hpp"

#include <algorithm>
#include <array>

namespace strata {

namespace {
constexpr std::array<std::pair<ChangeStatus, const char*>, 9> kStatusNames = {{
    {ChangeStatus::kUnchanged, "unchanged"},
    {ChangeStatus::kEquivalent, "equivalent"},
    {ChangeStatus::kModified, "modified"},
    {ChangeStatus::kRenamed, "renamed"},
    {ChangeStatus::kMoved, "moved"},
    {ChangeStatus::kSplit, "split"},
    {ChangeStatus::kMerged, "merged"},
    {ChangeStatus::kAdded, "added"},
    {ChangeStatus::kRemoved, "removed"},
}};
}  // namespace

const char* to_string(ChangeStatus status) {
  for (const auto& [s, name] : kStatusNames) {
    if (s == status) return name;
  }
  return "unchanged";
}

bool parse_change_status(std::string_view name, ChangeStatus& out) {
  for (const auto& [s, n] : kStatusNames) {
    if (name == n) {
      out = s;
      return true;
    }
  }
  return false;
}

namespace {
constexpr std::array<std::pair<FactKind, const char*>, 6> kFactKindNames = {{
    {FactKind::kNegation, "negation"},
    {FactKind::kModality, "modality"},
    {FactKind::kHedge, "hedge"},
    {FactKind::kIntensifier, "intensifier"},
    {FactKind::kQuantifier, "quantifier"},
    {FactKind::kAcronym, "acronym"},
}};
}  // namespace

const char* to_string(FactKind kind) {
  for (const auto& [k, name] : kFactKindNames) {
    if (k == kind) return name;
  }
  return "modality";
}

bool parse_fact_kind(std::string_view name, FactKind& out) {
  for (const auto& [k, n] : kFactKindNames) {
    if (name == n) {
      out = k;
      return true;
    }
  }
  return false;
}

const char* to_string(WordOp::Op op) {
  switch (op) {
    case WordOp::Op::kEqual:
      return "equal";
    case WordOp::Op::kInsert:
      return "insert";
    case WordOp::Op::kDelete:
      return "delete";
  }
  return "equal";
}

const char* to_string(HighlightTarget target) {
  switch (target) {
    case HighlightTarget::kClaim:
      return "claim";
    case HighlightTarget::kSection:
      return "section";
    case HighlightTarget::kProgramme:
      return "programme";
  }
  return "claim";
}

const char* to_string(LinkStatus status) {
  switch (status) {
    case LinkStatus::kAdded:
      return "added";
    case LinkStatus::kRemoved:
      return "removed";
    case LinkStatus::kRepointed:
      return "repointed";
    case LinkStatus::kRetagged:
      return "retagged";
  }
  return "added";
}

std::string joined_text(const std::vector<ClaimSide>& sides) {
  std::string out;
  for (const ClaimSide& side : sides) {
    if (!out.empty()) out += ' ';
    out += side.text;
  }
  return out;
}

bool ChangeSet::has_changes() const {
  auto real = [](ChangeStatus s) { return s != ChangeStatus::kUnchanged && s != ChangeStatus::kEquivalent; };
  for (const SectionChange& c : sections) {
    if (real(c.status)) return true;
  }
  for (const ClaimChange& c : claims) {
    if (real(c.status)) return true;
  }
  for (const auto& [status, n] : claims_not_listed) {
    if (real(status) && n > 0) return true;
  }
  return std::any_of(links.begin(), links.end(), [](const LinkChange& l) { return l.status != LinkStatus::kRetagged; });
}

}  // namespace strata
