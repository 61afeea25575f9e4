// Stage 5, classify: what changed in meaning, on top of the claim alignment.
//
// Given the ChangeSet that compare() built (sections, claims and word diffs),
// classify() adds facts on modified claims (negation, modality, hedges,
// intensifiers, quantifiers), figure changes, programme changes and wording
// shifts. Every list it fills is sorted, so the same inputs give the same
// bytes out; the work is linear in the size of the documents.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "strata/change.hpp"
#include "strata/document.hpp"
#include "strata/programmes.hpp"
#include "strata/significance.hpp"

namespace strata {

// The sentences of both documents that classify reads whole: the longest
// real document measured (RFC 9000) has about 3,000, a 30 MB pair of
// realistic text about 340,000. Reading costs about 200 bytes a sentence:
// two documents of 1,000,000 lines each spent 3 s and 800 MB on it, for
// programme, figure and wording lists no reader could use.
inline constexpr size_t kMaxReadDocumentSentences = 1'000'000;

struct ClassifyOptions {
  ProgrammeConfig programmes;   // user names, aliases, renames, ignores. Default: empty.
  bool facts = true;            // fill ClaimChange::facts on modified and moved claims. Default: on.
  bool numbers = true;          // fill ChangeSet::numbers. Default: on.
  bool find_programmes = true;  // fill ChangeSet::programmes. Default: on.
  bool wording = true;          // fill ChangeSet::wording. Default: on.
  // Most entries of `wording`: replacements, vanished and appeared phrases
  // share it, taken in turn from each ranked list (the rest dropped with a
  // warning). Default 40, >= 0.
  int max_wording = 40;
  // Most sentences of the two documents together that programmes, figures
  // and wording read (they read whole documents, unchanged text too). Past
  // it those three lists stay empty, with a warning; facts, which read only
  // the changed claims, are still found. Default kMaxReadDocumentSentences.
  size_t max_read_sentences = kMaxReadDocumentSentences;
  // Scores, highlights and narrative (docs/significance.md). Always made:
  // they read what the switches above let classify find.
  SignificanceOptions significance;
  // Sentence readings shared with other comparisons of the same history
  // (SentenceCache, programmes.hpp); the results are the same without.
  // Default: none.
  std::shared_ptr<SentenceCache> cache;
};

// Fills facts, numbers, programmes, wording, significance, highlights and
// narrative of `changes`, whose sections
// and claims compare() already filled from `old_doc` and `new_doc`. Replaces
// whatever those four lists held. Never fails: unparseable text is skipped.
void classify(const Document& old_doc, const Document& new_doc, ChangeSet& changes, const ClassifyOptions& options);

// A figure, date or amount found in a claim.
struct Figure {
  enum class Kind { kAmount, kPercent, kCount, kDate, kYear, kYearRange };
  Kind kind = Kind::kCount;
  std::string text;  // as written: "EUR 690 million", "06 May. 2015", "2015-2021"
  // Comparison form: equal for equal figures however written ("1.5 million"
  // and "1,500,000"; "July 2006" and "Jul. 2006"): "count:1500000",
  // "amount:EUR:690000000", "date:2015-05-06", "percent:2", "range:2015-2021".
  std::string value;
  size_t offset = 0;  // byte offset of `text` in the input
};

const char* to_string(Figure::Kind kind);

// Figures in `text` (comparison form), in order of appearance.
std::vector<Figure> extract_figures(std::string_view text);

// Facts for one modified claim: `old_text` and `new_text` are the two
// versions (comparison form), `diff` their word diff (may be empty: the
// changed words are then found by comparing the texts as a whole).
std::vector<Fact> claim_facts(std::string_view old_text, std::string_view new_text, const std::vector<WordOp>& diff);

}  // namespace strata
