// History: a store of dated snapshots of one document, kept in a bare git
// repository (see docs/store.md for the layout).
//
// Each version is one commit on refs/heads/main whose tree holds `raw` (the
// bytes exactly as imported) and `meta.json`; the normalized form is never
// stored, only the normalization version it would be derived with, so a change
// of rules cannot pass for a change of the document. Nothing outside
// lib/src/store sees a libgit2 type. Writers take a kernel lock (flock) on
// `strata.flock` in the store and move the branch with a compare-and-swap.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "strata/change.hpp"
#include "strata/document.hpp"
#include "strata/load.hpp"
#include "strata/result.hpp"

namespace strata {

// Store directory chosen by the user: `flag` when non-empty, else the
// STRATA_STORE environment variable, else ".strata".
std::string store_path(std::string_view flag);

// One stored version, as its commit describes it.
struct VersionInfo {
  std::string id;       // unique in the store; grammar in docs/store.md
  std::string title;
  std::string source;   // path or label the bytes came from
  std::string date;     // YYYY, YYYY-MM or YYYY-MM-DD
  InputFormat format = InputFormat::kPlainText;  // never kAuto once stored
  int normalization = 0;  // kNormalizationVersion in force at import
  std::string commit;     // 40 hex digits
  std::string raw_blob;   // 40 hex digits: git id of the raw bytes, a content key
  int position = 0;       // 1-based, in store order (date, then import order)
};

// A snapshot to import. Empty fields are filled in: id from the source's file
// name, title and date from the document itself ("Last updated" line).
struct Snapshot {
  std::string bytes;  // raw, exactly as read
  std::string source; // path or label, for messages and the Source trailer
  std::string id;
  std::string title;
  std::string date;   // YYYY, YYYY-MM or YYYY-MM-DD; required after filling in
  InputFormat format = InputFormat::kAuto;  // kAuto: from the source's extension
  // Author and committer time in seconds since the epoch, UTC. Default: the
  // start of `date` (midnight UTC on its first day).
  std::optional<int64_t> time;
};

struct ImportOutcome {
  bool stored = false;  // false: identical content already there (a no-op)
  VersionInfo version;  // the new version, or the one that already holds the content
};

class Store {
 public:
  // Makes a new store (a bare repository). An existing store is opened as is.
  static Result<Store> init(const std::string& dir);
  // Opens an existing store; a foreign repository or a damaged one is refused
  // with a message naming the directory and the reason.
  static Result<Store> open(const std::string& dir);

  Store(Store&&) noexcept;
  Store& operator=(Store&&) noexcept;
  ~Store();

  const std::string& dir() const;

  // Every version, oldest first: by date, then by import order.
  Result<std::vector<VersionInfo>> versions() const;

  // A revision: an id, `@DATE` (the version in force on that date), `HEAD`,
  // a tag, a commit id (7 to 40 hex digits), each optionally followed by `~N`
  // (N versions earlier in store order). Checked against strata's grammar
  // before any of it reaches git.
  Result<VersionInfo> resolve(std::string_view rev) const;

  // The raw bytes of a version, as imported.
  Result<std::string> read_raw(const VersionInfo& version) const;

  // Validates every snapshot first (decodable, parseable, id and date well
  // formed) and writes nothing if any is refused; then commits them in order
  // under the writer lock. A snapshot whose id and bytes match a stored
  // version, or whose bytes equal the version in force on its date, is a no-op.
  Result<std::vector<ImportOutcome>> import(std::vector<Snapshot> snapshots);

 private:
  struct Impl;
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// A version named by a revision or a file path, read in full. Store revisions
// win over file names; write `./NAME` to force a file.
struct VersionBytes {
  std::string bytes;
  std::string label;                   // "page-2015 (2015-05-06)" or the path
  std::optional<VersionInfo> version;  // set when it came from the store
};

Result<VersionBytes> read_version_bytes(const std::string& store_dir, std::string_view rev);

// read_version_bytes, then parse_document; the Document's meta takes the
// stored id as source, and the stored title, date and format.
Result<Document> load_version(const std::string& store_dir, std::string_view rev,
                              const LoadOptions& options = {});

// The snapshots of a manifest (manifest.hpp) that belong to the series, in
// series order, with files read and sha256 checked. `skipped` (may be null)
// receives the ids of entries outside the series.
Result<std::vector<Snapshot>> series_snapshots(const std::string& manifest_path, std::vector<std::string>* skipped);

// Every version of `path` in the history of a git repository's HEAD, oldest
// first, following renames along first parents; each dated by its commit.
Result<std::vector<Snapshot>> read_git_history(const std::string& repo_dir, const std::string& path);

// ---- History queries (derived with compare(); cached in <store>/strata-cache) ----

// Size of the change from one version to the next.
struct ChangeSize {
  int claims_modified = 0;  // modified, split or merged
  int claims_added = 0;
  int claims_removed = 0;
  int claims_moved = 0;
  int programmes_added = 0;
  int programmes_removed = 0;
  int programmes_renamed = 0;
};

struct LogEntry {
  VersionInfo version;
  std::optional<ChangeSize> change;  // from the previous version; none for the first
};

// Every version, oldest first; with `sizes`, each with its change size.
Result<std::vector<LogEntry>> version_log(const Store& store, bool sizes);

struct TimelineOptions {
  std::vector<std::string> terms;  // watched terms, counted case-insensitively. Default: none.
  int top_phrases = 5;             // phrases that shifted most, also counted. Default 5, >= 0.
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
  struct ProgrammeRow {
    std::string name;
    std::string acronym;        // may be empty
    std::vector<int> mentions;  // one per version, 0 where absent
    int first_seen = -1;        // index into versions
    int last_seen = -1;
  };
  std::vector<ProgrammeRow> programmes;  // by first_seen, then name
  struct TermRow {
    std::string term;         // comparison form
    bool watched = false;     // false: one of the phrases that shifted most
    std::vector<int> counts;  // occurrences, one per version
  };
  std::vector<TermRow> terms;
};

Result<Timeline> build_timeline(const Store& store, const TimelineOptions& options);
// "text", "json" or "csv" (one table per section: kind,name,<version ids>...).
std::string render_timeline(const Timeline& timeline, std::string_view format);

struct BlameEntry {
  std::string text;      // the claim in the blamed version, original form
  int origin = 0;        // index into Blame::versions where it first appeared
  int last_changed = 0;  // index where its text last changed (moves do not count)
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
};

// The claim of `rev` whose comparison form equals `claim` (or else contains
// it), ignoring ASCII case.
Result<std::vector<ClaimStep>> claim_history(const Store& store, std::string_view rev, std::string_view claim);

// "text", "json" or "summary" (claims counted by the version they first appeared in).
std::string render_blame(const Blame& blame, std::string_view format);
std::string render_claim_history(const std::vector<ClaimStep>& steps, std::string_view format);

// Grammar checks, exposed for the CLI and tests.
Result<void> check_version_id(std::string_view id);
Result<void> check_snapshot_date(std::string_view date);

}  // namespace strata
