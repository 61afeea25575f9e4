// Named programmes, bodies, funds, agreements and operations in a Document,
// and how they change between two versions and across a series.
//
// A programme is a capitalized multi-word name with a head word from a lexicon
// ("Comprehensive Assistance Package", "NATO-Ukraine Council", "Operation
// Active Endeavour"), a "Full Name (ACR)" definition, a later use of the
// acronym alone, or a name the user configured. The rules are in
// docs/programmes.md.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "strata/change.hpp"
#include "strata/document.hpp"
#include "strata/result.hpp"

namespace strata {

// One occurrence of a programme in a claim.
struct ProgrammeMention {
  std::string section_id;
  int section = -1;   // index into Document::sections
  int block = -1;     // index into Section::blocks
  int sentence = -1;  // index into Block::sentences
  size_t offset = 0;  // byte offset of the form in the sentence's comparison form
  std::string form;   // as written: "CAP", "Comprehensive Assistance Package", "the Commission"
};

struct Programme {
  std::string name;                        // canonical name
  std::string acronym;                     // may be empty
  std::vector<std::string> aliases;        // other written forms, sorted; never `name` or `acronym`
  std::vector<ProgrammeMention> mentions;  // in document order; never empty
  std::string first_claim;                 // original text of the claim of mentions[0]
  std::string key;                         // matching key: lowercase, acronyms expanded
};

// A user programme entry: a name always recognised, with optional acronym
// and aliases (other written forms of the same programme).
struct ProgrammeEntry {
  std::string name;
  std::string acronym;               // may be empty
  std::vector<std::string> aliases;  // may be empty
};

// A rename the user asserts: `from` in the old version is `to` in the new.
struct ProgrammeRename {
  std::string from;
  std::string to;
};

// The user's programme file (docs/programmes.md). Empty by default.
struct ProgrammeConfig {
  std::vector<ProgrammeEntry> names;
  std::vector<std::string> ignore;  // names never reported; case-insensitive, also matches aliases
  std::vector<ProgrammeRename> renames;
  // Head words added to the lexicon's ("hub", "roadmap"): a capitalized run
  // holding one is read as a name. Case-insensitive; may be empty.
  std::vector<std::string> heads;
};

// Reads a TOML or JSON programme file; JSON when the name ends in ".json" or
// the first non-blank byte is '{'. Errors name the file and the reason.
Result<ProgrammeConfig> load_programme_config(const std::string& path);
Result<ProgrammeConfig> parse_programme_config(std::string_view text, std::string_view source);

// What the sentences of one history's documents read, kept between them:
// the versions of a history share most of their paragraphs, and each
// distinct paragraph is split into sentences, and each distinct sentence
// read (its words, and the names it states), once. Documents, programmes,
// figures and wording are the same with or without a cache.
// Thread-safe. It holds about `max_bytes` at most, dropping the older half
// when full.
class SentenceCache {
 public:
  static constexpr size_t kDefaultBytes = size_t{64} << 20;
  explicit SentenceCache(size_t max_bytes = kDefaultBytes);
  ~SentenceCache();
  SentenceCache(const SentenceCache&) = delete;
  SentenceCache& operator=(const SentenceCache&) = delete;

  struct Memos;  // programmes' own
  Memos& memos() const { return *memos_; }

 private:
  std::unique_ptr<Memos> memos_;
};

// Acronym -> full name for an acronym used alone in a document that does not
// define it (typically: the other version defines it).
struct KnownAcronym {
  std::string acronym;
  std::string name;
};

// Every "Full Name (ACR)" definition in `doc` whose full name is a programme
// name (has a head word), first definition of each acronym, sorted by acronym.
std::vector<KnownAcronym> defined_acronyms(const Document& doc);

// Programmes of `doc`, sorted by canonical name. `known` resolves acronyms
// that `doc` uses without defining; may be empty.
std::vector<Programme> extract_programmes(const Document& doc, const ProgrammeConfig& config,
                                          const std::vector<KnownAcronym>& known = {});

// Pairs the programmes of two versions: kUnchanged (kept, with mention counts
// on both sides), kRenamed (with evidence: the rule and the claim), kAdded,
// kRemoved. Sorted by status (renamed, removed, added, kept), then name.
std::vector<ProgrammeChange> compare_programmes(const Document& old_doc, const Document& new_doc,
                                                const ProgrammeConfig& config);

// Presence of programmes across an ordered series of snapshots: one row per
// programme, followed through renames into a name no other row continues.
struct ProgrammeSeriesRow {
  std::string name;           // name in the last snapshot where it is present
  std::string acronym;        // may be empty
  std::vector<int> mentions;  // one per snapshot; 0 where absent
  int first_seen = -1;        // index into ProgrammeSeries::labels
  int last_seen = -1;
  std::vector<std::string> earlier;  // other names the row had, oldest first; may be empty
};

struct ProgrammeSeriesRename {
  int from_snapshot = -1;  // index into labels; the rename is from_snapshot -> from_snapshot + 1
  ProgrammeChange change;  // status kRenamed
  int old_row = -1;        // index into ProgrammeSeries::rows of the old name
  int new_row = -1;        // ... of the new name: old_row itself when the row continues under it
};

struct ProgrammeSeries {
  std::vector<std::string> labels;       // one per snapshot, oldest first
  std::vector<ProgrammeSeriesRow> rows;  // sorted by first_seen, then name
  std::vector<ProgrammeSeriesRename> renames;
};

// THE registry of a series: which programme of each snapshot continues which
// row. Every series view (report, programmes --series, timeline, log) is
// built with it. Snapshots are added oldest first; only the latest one is
// kept, so a long history costs the memory of two documents.
class ProgrammeRegistry {
 public:
  // `known`: the acronyms defined anywhere in the series (defined_acronyms()
  // of each snapshot), which resolve a bare acronym in any snapshot: pages
  // often stop spelling out a name they spelled out before. `cache` may be
  // null.
  ProgrammeRegistry(ProgrammeConfig config, std::vector<KnownAcronym> known,
                    std::shared_ptr<SentenceCache> cache = nullptr);
  ~ProgrammeRegistry();
  ProgrammeRegistry(const ProgrammeRegistry&) = delete;
  ProgrammeRegistry& operator=(const ProgrammeRegistry&) = delete;

  void add(Document doc, std::string label);
  // The rows sorted by first seen, then name. Ends the registry.
  ProgrammeSeries finish();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// The acronyms of defined_acronyms() over every document, the first
// definition of each acronym kept.
std::vector<KnownAcronym> series_acronyms(const std::vector<std::vector<KnownAcronym>>& per_document);

// The registry over documents at hand. `docs` and `labels` have the same
// size, oldest first.
ProgrammeSeries programme_series(const std::vector<Document>& docs, const std::vector<std::string>& labels,
                                 const ProgrammeConfig& config);

}  // namespace strata
