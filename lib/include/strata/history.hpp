// History queries over a store: the log with change sizes, the timeline of
// sections, programmes and terms, and blame. Each is derived with compare()
// between consecutive versions and cached in <store>/strata-cache.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "strata/change.hpp"
#include "strata/programmes.hpp"
#include "strata/result.hpp"
#include "strata/store.hpp"

namespace strata {

// Size of the change from one version to the next.
struct ChangeSize {
  int claims_modified = 0;  // modified, split or merged
  int claims_added = 0;
  int claims_removed = 0;
  int claims_moved = 0;
  int programmes_added = 0;
  int programmes_removed = 0;
  int programmes_renamed = 0;
  bool operator==(const ChangeSize&) const = default;
};

struct LogEntry {
  VersionInfo version;
  std::optional<ChangeSize> change;  // from the previous version; none for the first
  // The latest earlier version, not the one just before, that reads the
  // same (VersionInfo::reading_key): the page went back to it, as a page
  // served in two variants does. -1 for none; an index into the log.
  int same_as = -1;
};

// Every version, oldest first; with `sizes`, each with its change size. The
// programme counts come from the series registry (programme_series()) with
// the user's programme file `programmes`.
Result<std::vector<LogEntry>> version_log(const Store& store, bool sizes, const ProgrammeConfig& programmes = {});

struct TimelineOptions {
  std::vector<std::string> terms;  // watched terms, counted case-insensitively. Default: none.
  int top_phrases = 5;             // phrases that shifted most, also counted. Default 5, >= 0.
  ProgrammeConfig programmes;      // the user's programme file. Default: empty.
};

struct Timeline {
  std::vector<VersionInfo> versions;  // the columns, oldest first
  // One row per section followed through renames and moves (as compare()
  // pairs them between consecutive versions).
  struct SectionRow {
    std::string path;                  // latest title path, " > " between levels
    std::vector<bool> present;         // one per version
    std::vector<std::string> earlier;  // other paths it had, oldest first
  };
  std::vector<SectionRow> sections;  // in order of first appearance
  // The series registry (programme_series()); its labels are the version ids.
  ProgrammeSeries programmes;
  struct TermRow {
    std::string term;         // comparison form
    bool watched = false;     // false: one of the phrases that shifted most
    std::vector<int> counts;  // occurrences, one per version
  };
  std::vector<TermRow> terms;
};

Result<Timeline> build_timeline(const Store& store, const TimelineOptions& options);

struct BlameEntry {
  std::string text;      // the claim in the blamed version, original form
  int origin = 0;        // index into Blame::versions where it first appeared
  int last_changed = 0;  // index where its text last changed (moves do not count)
  // The claim's latest absence, for one that vanished and came back: indices
  // of the first and last versions without it. -1 when it never went away.
  int absent_from = -1;
  int absent_to = -1;
};

struct Blame {
  std::vector<VersionInfo> versions;  // oldest first, up to the blamed version
  std::vector<BlameEntry> claims;     // every claim of the blamed version, in order
};

Result<Blame> blame(const Store& store, std::string_view rev);

// One claim followed back from `rev` to its origin, oldest step first.
struct ClaimStep {
  VersionInfo version;
  std::string text;          // original form in that version
  bool changed = false;      // text differs from the previous step
  std::vector<WordOp> diff;  // from the previous step when changed; empty if over budget
  // Versions between the previous step and this one that lacked the claim
  // (it vanished and came back), oldest first; usually empty.
  std::vector<VersionInfo> absent_before;
};

// The claim of `rev` whose comparison form equals `claim` (or else contains
// it), ignoring ASCII case.
Result<std::vector<ClaimStep>> claim_history(const Store& store, std::string_view rev, std::string_view claim);

}  // namespace strata
