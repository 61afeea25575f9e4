// Internal: the raw mentions extraction finds before they are grouped into
// programmes, shared by extraction, comparison and the series table.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "align/claims.hpp"
#include "programmes/sentence_names.hpp"
#include "segment/acronyms.hpp"
#include "segment/sentence_index.hpp"
#include "strata/programmes.hpp"

namespace strata::classify_detail {

// Its texts are views into `names` and `programme_acronyms` of the
// ExtractResult that holds it: moving that keeps them valid, a copy would not.
struct RawMention {
  enum class Kind { kName, kAcronym, kBackref };
  Kind kind = Kind::kName;
  std::string_view form;       // as written
  std::string_view acronym;    // for a definition or an acronym used alone
  std::string_view canonical;  // the name it stands for (acronyms, back-references, configured forms)
  std::string_view also;       // another name of the same thing, stated with it (NameItem::also)
  int section = -1;
  int block = -1;
  int sentence = -1;
  size_t offset = 0;
};

struct ExtractResult {
  // What the sentences say (shared by the two versions of a pair), which
  // the mentions view so that a mention costs no string of its own.
  std::shared_ptr<const NamesById> names;
  std::vector<RawMention> mentions;  // document order
  AcronymTable acronyms;             // every definition in the document, and the known ones
  AcronymTable programme_acronyms;   // definitions whose full name is a programme name
};

// `cache` (may be null) keeps what sentences say between documents.
ExtractResult extract_mentions(const Document& doc, const ProgrammeConfig& config,
                               const std::vector<KnownAcronym>& known, SentenceCache* cache);

// Mentions of the two documents of `index`, each resolving the acronyms the
// other defines.
std::pair<ExtractResult, ExtractResult> extract_pair(const SentenceIndex& index, const ProgrammeConfig& config,
                                                     SentenceCache* cache);

// compare_programmes() over the sentences of `index`, built from `old_doc`
// and `new_doc` in that order.
std::vector<ProgrammeChange> programme_changes(const Document& old_doc, const Document& new_doc,
                                               const ProgrammeConfig& config, const SentenceIndex& index,
                                               SentenceCache* cache);

// Groups the mentions of `doc` into programmes, sorted by name.
std::vector<Programme> group_mentions(const Document& doc, const ProgrammeConfig& config,
                                      const ExtractResult& extracted);

// A pairing of the programmes of two versions, with the indices into each
// list (-1 for none), in the order compare_programmes() reports them.
struct ProgrammePair {
  int old_index = -1;
  int new_index = -1;
  ProgrammeChange change;
};

// `sentences`, when given, indexes the sentences of both documents: a claim
// found in both is then read for succession statements once.
std::vector<ProgrammePair> match_programmes(const Document& old_doc, const Document& new_doc,
                                            const std::vector<Programme>& olds, const std::vector<Programme>& news,
                                            const ProgrammeConfig& config, const AcronymTable& acronyms,
                                            const SentenceIndex* sentences = nullptr);

// defined_acronyms() of the document `side` was prepared from, reading only
// the claims it found may define one.
std::vector<KnownAcronym> defined_acronyms(const align::Side& side);

// The matching keys of a programme: of its name and aliases, with and without
// the acronyms of `acronyms` expanded. Sorted, unique.
std::vector<std::string> programme_keys(const Programme& programme, const AcronymTable& acronyms);

}  // namespace strata::classify_detail
