// Internal: the units classify() puts together.
#pragma once

#include <future>
#include <optional>
#include <string>
#include <vector>

#include "segment/sentence_index.hpp"
#include "strata/change.hpp"
#include "strata/classify.hpp"

namespace strata::classify_detail {

// Replacements (ranked by claims, at most `max_entries`), then phrases that
// appeared or vanished (ranked by change in frequency, at most
// `max_entries`) between the two documents of `index`. Appends a warning for
// each list that was cut.
std::vector<WordingShift> wording_shifts(const SentenceIndex& index, const std::vector<ClaimChange>& claims,
                                         int max_entries, std::vector<std::string>& warnings);

// A claim with both sides that the word diff edited (modified, moved, split
// or merged): facts and figures are read from its two sides.
bool edited(const ClaimChange& claim);

// Changed, added and removed figures between the two documents of `index`
// (figure_changes.cpp), quantities before dates, the same change in several
// claims merged; `claim` indexes `claims`.
std::vector<NumberChange> number_changes(const SentenceIndex& index, const std::vector<ClaimChange>& claims);

// What classify() reads from the two documents alone, before they are
// aligned: the index of their sentences (for figures, programmes and
// wording) and the programme changes. compare() has it made on a second
// core while it aligns.
struct DocumentReading {
  // None when only facts are asked for, or past ClassifyOptions::max_read_sentences.
  std::optional<SentenceIndex> index;
  size_t sentences = 0;  // in both documents, counted when they were to be read
  std::vector<ProgrammeChange> programmes;
};

// The language each document reads as (ChangeSet::old_language,
// new_language), for the narrative: set before classify() scores.
void read_languages(const Document& old_doc, const Document& new_doc, ChangeSet& changes);

// Figures, programmes or wording are asked for: there is something to read.
bool reads_documents(const ClassifyOptions& options);
DocumentReading read_documents(const Document& old_doc, const Document& new_doc, const ClassifyOptions& options);

// classify() with the reading of the two documents made already; moves
// the programme changes out of `reading`. `second_thread` launches the
// facts and figures beside the wording (std::launch::deferred: in turn).
void classify(ChangeSet& changes, const ClassifyOptions& options, DocumentReading& reading, std::launch second_thread);

// extract_figures() on a read sentence.
std::vector<Figure> figures_in(const Reading& sentence);

}  // namespace strata::classify_detail
