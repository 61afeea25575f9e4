// What the align, diff and classify stages find between two Documents.
//
// A ChangeSet is self-contained: it copies the texts it reports, so renderers
// and the store need neither Document once it is built.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "strata/document.hpp"

namespace strata {

enum class ChangeStatus {
  kUnchanged,
  kEquivalent,  // differs only in typography, white space or acronym expansion
  kModified,
  kRenamed,  // sections: same content, new title
  kMoved,    // another parent or place (claims: another section), possibly also edited
  kSplit,
  kMerged,
  kAdded,
  kRemoved,
};

const char* to_string(ChangeStatus status);
bool parse_change_status(std::string_view name, ChangeStatus& out);

// Why a change matters: one significance rule that held for it
// (docs/significance.md lists the rules and their default weights).
struct SignificanceReason {
  std::string rule;   // the rule's name: "demand-dropped", "modality-changed", ...
  int points = 0;     // what the rule adds to the score (its weight, > 0)
  std::string text;   // in words, quoting the change: "a demand was dropped: 'demand that Russia ...'"
  std::string quote;  // the words `text` ends by quoting, as quoted there; empty when it quotes none
};

// The score of one change: the sum of the points of its reasons (each rule
// counts once per change). 0 with no reasons: a change no rule cares about.
struct Significance {
  int score = 0;
  std::vector<SignificanceReason> reasons;  // strongest first
};

// A section on one side of a change.
struct SectionSide {
  int index = -1;  // into Document::sections
  std::string id;
  std::string title;
  std::vector<std::string> path;  // titles from the top level down to this section
};

struct SectionChange {
  ChangeStatus status = ChangeStatus::kUnchanged;
  // Usually one on each side; a split has several new, a merge several old;
  // an added section has no old, a removed one no new.
  std::vector<SectionSide> old_sides;
  std::vector<SectionSide> new_sides;
  double similarity = 0.0;    // 0..1, combined title and content similarity
  bool renamed = false;       // title changed (also set when status is kMoved)
  bool moved = false;         // parent or rank changed (also set when status is kRenamed)
  Significance significance;  // filled by classify; last, so that positional initializers stay valid
};

// A claim on one side of a change.
struct ClaimSide {
  std::string text;        // original form
  std::string norm;        // comparison form
  std::string section_id;  // id of the section that holds it
  int section = -1;        // index into Document::sections
  int block = -1;          // index into Section::blocks
  int sentence = -1;       // index into Block::sentences
};

// The original texts of the sides of a claim change (the parts of a split
// or merge), in order, joined by one space.
std::string joined_text(const std::vector<ClaimSide>& sides);

// One word-diff operation, in original text. Concatenating the kEqual and
// kDelete texts gives the old claim; kEqual and kInsert, the new one.
struct WordOp {
  enum class Op { kEqual, kInsert, kDelete };
  Op op = Op::kEqual;
  std::string text;
};

const char* to_string(WordOp::Op op);

// One sentence of an edited claim whose sides hold several (a list item, a
// paragraph, the parts of a split or merge), paired with its counterpart.
struct SentenceChange {
  ChangeStatus status = ChangeStatus::kModified;  // unchanged, modified, added or removed
  std::string old_text;                           // empty when added
  std::string new_text;                           // empty when removed
  std::vector<WordOp> diff;                       // for modified
};

// A classified observation about a change ("negation added", "figure changed").
// What a fact is about. Names (to_string) are the JSON's "kind" values.
enum class FactKind { kNegation, kModality, kHedge, kIntensifier, kQuantifier, kAcronym };
const char* to_string(FactKind kind);
bool parse_fact_kind(std::string_view name, FactKind& out);

struct Fact {
  FactKind kind = FactKind::kModality;
  std::string old_text;  // words on the old side; may be empty
  std::string new_text;  // words on the new side; may be empty
  std::string note;      // one human sentence
};

struct ClaimChange {
  ChangeStatus status = ChangeStatus::kUnchanged;
  std::vector<ClaimSide> old_sides;  // several for a merge
  std::vector<ClaimSide> new_sides;  // several for a split
  double similarity = 0.0;           // 0..1 on the comparison form
  std::vector<WordOp> diff;          // for modified and edited moved claims
  // The sentences of `diff`'s two sides paired in order, when a side holds
  // several and some pair (diff/sentence_changes.hpp); empty otherwise.
  std::vector<SentenceChange> sentences;
  std::vector<Fact> facts;
  std::string note;  // e.g. why a change is equivalent
  // Position in the full document-order list of claim changes, unchanged
  // ones included, whether or not they are kept (CompareOptions::
  // keep_unchanged_claims): the same claim has the same index either way.
  int index = -1;
  Significance significance;  // filled by classify
};

struct NumberChange {
  ChangeStatus status = ChangeStatus::kModified;  // modified, added or removed
  std::string old_value;                          // as written, empty when added
  std::string new_value;                          // as written, empty when removed
  int claim = -1;                                 // position in ChangeSet::claims (not ClaimChange::index)
  // What the figure is: "money", "percentage", "count", "duration" (a count
  // of days, weeks, months, years, ...) or "date" (dates, years, spans of
  // years). Empty only in changes made by hand.
  std::string kind;
  // The words around the figure in its claim (new side, or old for a removed
  // figure), at most a dozen each side, cut with "…"; empty when unknown.
  std::string context;
  int count = 1;  // claims with this same change; `claim` and `context` are the first's
};

struct ProgrammeSide {
  std::string name;
  std::string acronym;  // may be empty
  int mentions = 0;
};

struct ProgrammeChange {
  ChangeStatus status = ChangeStatus::kUnchanged;  // unchanged (kept), renamed, added, removed
  std::optional<ProgrammeSide> old_side;
  std::optional<ProgrammeSide> new_side;
  std::vector<std::string> evidence;  // for renames: the rule and the claim that support it
  Significance significance;          // filled by classify
};

struct WordingShift {
  std::optional<std::string> from;  // nullopt: a phrase that only appeared
  std::optional<std::string> to;    // nullopt: a phrase that only vanished
  int count = 0;                    // claims (replacements) or occurrences (appear/vanish)
  int old_count = 0;                // for appear/vanish: occurrences in each version
  int new_count = 0;
  std::vector<std::string> examples;  // claim texts, new form where there is one
};

// A change in the set of a document's link targets (docs/json.md): a
// target that appeared or vanished, or a link whose text stayed while its
// target changed. Links whose target is on both sides are not listed, even
// when their text changed: the prose diff shows that. Images are links whose
// target is their source and whose text is their alt text: a swapped picture
// with the same alt text is re-pointed. A link pairs only with a link, an
// image only with an image. A link retagged points where it did: its
// targets differ only in parameters that tag a visit (utm_source, fbclid,
// ...; or one that many links of the page gained, lost or changed at once),
// so it is listed but is not a difference (ChangeSet::has_changes).
enum class LinkStatus { kAdded, kRemoved, kRepointed, kRetagged };

const char* to_string(LinkStatus status);

struct LinkChange {
  LinkStatus status = LinkStatus::kAdded;
  LinkKind kind = LinkKind::kLink;  // an image: text is its alt text, targets its sources
  std::string text;                 // the link's text, new side where there is one
  std::string old_target;           // empty when added
  std::string new_target;           // empty when removed
  std::string section;              // Section::id holding the link (new side, old for removed)
  std::vector<std::string> path;    // that section's title path
  uint32_t line = 0;                // 1-based source line of its block, same side
  // Retagged: the names of the parameters that differ, sorted; empty when the
  // targets differ in their percent-escaping alone.
  std::vector<std::string> parameters;
};

// What a highlight points at.
enum class HighlightTarget { kClaim, kSection, kProgramme };

const char* to_string(HighlightTarget target);

// One of the most significant changes of a comparison, for the top of a
// report.
struct Highlight {
  int rank = 0;        // 1 for the most significant
  int score = 0;       // Significance::score of the change
  std::string kind;    // the rule of its strongest reason ("demand-dropped")
  std::string reason;  // that reason in words
  HighlightTarget target = HighlightTarget::kClaim;
  // Position in ChangeSet::claims, ::sections or ::programmes (by `target`).
  int index = -1;
  // The change's other reasons in words, strongest first; may be empty. One
  // that quotes what `reason` quotes leaves the quote out ("a stated
  // position was dropped").
  std::vector<std::string> more;
  // The same change made elsewhere on the page (a paragraph repeated in two
  // sections, removed from both): positions of the same `target`, merged
  // into this highlight; usually empty.
  std::vector<int> also;
};

struct ChangeSet {
  DocumentMeta old_meta;
  DocumentMeta new_meta;
  // The language each version reads as ("French"; empty when its text does
  // not tell: too short, mixed, or none the table knows). Set by classify;
  // the narrative says when they differ (docs/significance.md).
  std::string old_language;
  std::string new_language;
  std::vector<SectionChange> sections;
  std::vector<ClaimChange> claims;
  // Unchanged claims that compare() counted but left out of `claims`
  // (CompareOptions::keep_unchanged_claims off).
  int unchanged_claims_left_out = 0;
  // Claim changes past CompareOptions::max_listed_claims, by status: counted
  // (in the summaries and the exit status), not listed; a warning says so.
  std::map<ChangeStatus, int> claims_not_listed;
  std::vector<NumberChange> numbers;
  std::vector<ProgrammeChange> programmes;
  std::vector<WordingShift> wording;
  // Link targets that appeared, vanished or were re-pointed, in document
  // order (new side first, then removed ones in old order); empty for plain
  // text, which has no links.
  std::vector<LinkChange> links;
  // The most significant claim, section and programme changes, best first
  // (ClassifyOptions::significance.highlights of them at most).
  std::vector<Highlight> highlights;
  // A plain-language paragraph on the comparison, written by rules from the
  // counts and the highlights (docs/significance.md); empty when classify
  // did not run.
  std::string narrative;
  // Budgets that were hit, in words for the reader ("claim 12: word diff
  // skipped, the claims exceed the cap of 250000 token pairs; reported as
  // rewritten", where 12 is the claim's ClaimChange::index).
  std::vector<std::string> warnings;

  // True when any section or claim change is more than unchanged/equivalent,
  // or a link changed.
  bool has_changes() const;
};

}  // namespace strata
