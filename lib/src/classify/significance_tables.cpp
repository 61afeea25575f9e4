// The significance rules, their word lists and the narrative templates.
//
// Points were set so that, on the bundled series, what a reader of policy
// text looks for first ranks first: a meaning turned (negation) above a
// commitment softened (modality) above a demand or commitment dropped with
// its paragraph, above structure (sections, programmes), above any other
// change (1 point, so that every change has a score and a reason). Size is
// never a rule: a long removed paragraph scores what its words say, not
// its length.
#include "classify/significance_tables.hpp"

#include "classify/item_index.hpp"

#include <array>

namespace strata::classify_detail {
namespace {

// Reason templates' named arguments: {quote} the claim (the sentence that
// holds the words, shortened), {old} and {new} the words on each side,
// {words} both as "'not' -> 'never'", or the one side there is ("'not'"),
// {term} a watched term, {direction} "dropped" or "added", {status} the
// change's status word, {title} and {new_title} section titles, {claims}
// how many claims a section and its subsections lost ("3 claims"), {name} and {new_name} programme names,
// {mentions} how often a programme was mentioned ("twice").
constexpr std::array<RuleRow, 28> kRules = {{
    {"negation-changed", 9, "a paired claim gained or lost a negation (not, never, no longer, ...)",
     "a negation was {direction}: {words} in {quote}"},
    {"modality-weakened", 8, "will, shall or must became may, might, could, should, can or would in a paired claim",
     "a commitment was softened: '{old}' -> '{new}' in {quote}"},
    {"demand-dropped", 8, "a demand (demand, call on, urge, insist) is gone: its claim removed, or the word dropped",
     "a demand was dropped: {quote}"},
    {"modality-changed", 7, "any other change of modal verb in a paired claim ('will not' -> 'does not')",
     "the modality changed: '{old}' -> '{new}' in {quote}"},
    {"programme-renamed", 7, "a programme or body has a new name", "{name} became {new_name}"},
    {"watched-term", 7, "a change drops or adds a watched term (SignificanceOptions::watch)",
     "watched term '{term}' {direction}: {quote}"},
    {"commitment-dropped", 6, "a commitment (commit, pledge, reaffirm, will, shall, must, remain) is gone",
     "a commitment was dropped: {quote}"},
    {"modality-removed", 6, "a paired claim lost a modal verb that nothing replaced",
     "a modal verb was dropped: '{old}' in {quote}"},
    {"stance-dropped", 5, "a stated position (condemn, denounce, recognise, reject) is gone",
     "a stated position was dropped: {quote}"},
    {"hedge-added", 5, "a paired claim gained a hedge (some, likely, up to, ...)",
     "a hedge was added: '{new}' in {quote}"},
    {"figure-changed", 5, "a figure, date or amount of a paired claim changed",
     "a figure changed: {old} -> {new} in {quote}"},
    {"figure-removed", 5,
     "an amount, percentage, count or duration is gone from a sentence that stayed (\"at least 30 days\" before a "
     "change)",
     "a figure was dropped: {old}, from {quote}"},
    {"intensifier-removed", 4, "a paired claim lost strong language (fully, unconditionally, gravely, ...)",
     "strong language was dropped: '{old}' in {quote}"},
    {"section-removed", 4, "a whole section is gone", "section '{title}' was removed with {claims}"},
    {"programme-removed", 4, "a programme or body is no longer named",
     "{name} is no longer named (mentioned {mentions} before)"},
    {"demand-added", 3, "a new demand", "a new demand: {quote}"},
    {"quantifier-changed", 3, "all, every, only, most, ... changed in a paired claim",
     "a quantifier changed: '{old}' -> '{new}' in {quote}"},
    {"quantifier-removed", 3, "a paired claim lost a quantifier that nothing replaced (only, all, every, ...)",
     "a quantifier was dropped: '{old}' in {quote}"},
    {"section-renamed", 3, "a section has a new title (not one that changed case or punctuation alone)",
     "section '{title}' is now '{new_title}'"},
    {"programme-added", 3, "a programme or body is named for the first time", "{name} is named for the first time"},
    {"modality-added", 3, "a paired claim gained a modal verb where it had none",
     "a modal verb was added: '{new}' in {quote}"},
    {"hedge-removed", 2, "a paired claim lost a hedge: it now says more firmly what it said",
     "a hedge was removed: '{old}' in {quote}"},
    {"intensifier-added", 2, "a paired claim gained strong language", "strong language was added: '{new}' in {quote}"},
    {"quantifier-added", 2, "a paired claim gained a quantifier where it had none",
     "a quantifier was added: '{new}' in {quote}"},
    {"figure-added", 2, "a sentence that stayed gained an amount, percentage, count or duration",
     "a figure was added: {new}, in {quote}"},
    {"commitment-added", 2, "a new commitment", "a new commitment: {quote}"},
    {"section-added", 2, "a new section", "section '{title}' was added"},
    {"claim-changed", 1, "any other claim change (the floor: every change has a reason)", "{status}: {quote}"},
}};

}  // namespace

std::string_view quote_joint(std::string_view reason_template) {
  static constexpr std::string_view kQuote = "{quote}";
  static constexpr std::string_view kJoints[] = {", from ", ", in ", " in ", ": "};
  if (!reason_template.ends_with(kQuote)) return {};
  const std::string_view head = reason_template.substr(0, reason_template.size() - kQuote.size());
  for (std::string_view joint : kJoints) {
    if (head.ends_with(joint)) return joint;
  }
  return {};
}

namespace {

// Demands and calls on others. "call on" and "call upon" in all persons.
constexpr std::array<std::string_view, 13> kDemandWords = {
    "demand",     "demands", "demanded", "call on", "calls on", "called on", "call upon",
    "calls upon", "urge",    "urges",    "urged",   "insist",   "insists"};

// Promises of the writer. "will" counts: in policy text it is the usual
// form of a promise ("Ukraine will become a member"); "remain" covers
// "remain steadfast in their commitment".
constexpr std::array<std::string_view, 16> kCommitmentWords = {
    "commit",   "commits",   "committed",  "commitment", "commitments", "pledge", "pledged", "pledges",
    "reaffirm", "reaffirms", "reaffirmed", "will",       "shall",       "must",   "remain",  "remains"};

// Positions taken on others' acts.
constexpr std::array<std::string_view, 10> kStanceWords = {
    "condemn", "condemns", "denounce", "denounces", "recognise", "recognize", "reject", "rejects", "oppose", "opposes"};

constexpr std::array<std::string_view, 6> kStrongModals = {"will", "shall", "must", "won't", "shan't", "mustn't"};
constexpr std::array<std::string_view, 10> kWeakModals = {"may",       "might", "could",  "couldn't", "should",
                                                          "shouldn't", "can",   "cannot", "would",    "wouldn't"};

// Named arguments: {old} and {new} the two versions' labels ("“Title”
// (date)"; in the series steps and renames, the date alone); {changes} the
// claim counts that are not 0, the first with its noun and verb ("171
// statements were removed, 40 added and 19 reworded or moved"); {count} counts removed sections likewise ("26 sections
// were"), {titles} names some; {reason} and {reasons} highlights' reasons, {pairs} the reworded commitments; in the
// series ones {first}, {last}, {versions}, {from}, {to}, {named}, {latest}; in "links" {count} counts link changes,
// {statuses} the counts by status that are not 0 ("links-images" also {images}, how many of them are images); in
// "links-retagged" {retagged} counts retagged links and {parameters} names the parameters that differ; in
// "languages" {old} and {new} are the languages the two versions read as.
constexpr std::array<TemplateRow, 15> kTemplates = {{
    {"opening", "Between {old} and {new}, {changes}."},
    {"opening-none", "Between {old} and {new}, no statement changed in substance."},
    {"languages",
     "The old version reads as {old} and the new as {new}: a translation counts as sections and statements removed and "
     "added."},
    {"sections-removed", "{count} dropped entirely, among them {titles}."},
    {"links", "{count} in the links: {statuses}."},
    {"links-images", "{count} in the links and images ({images} of them images): {statuses}."},
    {"links-retagged",
     "Links retagged, the same targets but for parameters that tag a visit ({parameters}): {retagged}."},
    {"most", "The most significant change: {reason}."},
    {"also", "Also: {reasons}."},
    {"reworded", "Commitments were reworded: {pairs}."},
    {"series-opening", "From {first} to {last}, the page went through {versions} versions."},
    {"series-step", "Between {old} and {new}: {reason}."},
    {"series-rename", "{old} became {new} between {from} and {to}."},
    {"series-programmes",
     "{named} programmes and bodies are named across the series, {latest} of them in the latest version."},
    {"series-none", "The series has fewer than two versions: nothing to compare."},
}};

}  // namespace

std::span<const RuleRow> rule_rows() { return kRules; }
const ItemIndex& demand_index() {
  static constexpr ItemIndex kIndex(kDemandWords);
  return kIndex;
}
const ItemIndex& commitment_index() {
  static constexpr ItemIndex kIndex(kCommitmentWords);
  return kIndex;
}
const ItemIndex& stance_index() {
  static constexpr ItemIndex kIndex(kStanceWords);
  return kIndex;
}
std::span<const std::string_view> demand_words() { return kDemandWords; }
std::span<const std::string_view> commitment_words() { return kCommitmentWords; }
std::span<const std::string_view> stance_words() { return kStanceWords; }
std::span<const std::string_view> strong_modals() { return kStrongModals; }
std::span<const std::string_view> weak_modals() { return kWeakModals; }
std::span<const TemplateRow> narrative_templates() { return kTemplates; }

std::string_view narrative_template(std::string_view name) {
  for (const auto& row : kTemplates) {
    if (row.name == name) return row.text;
  }
  return {};
}

}  // namespace strata::classify_detail
