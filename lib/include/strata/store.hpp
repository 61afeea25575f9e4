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
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "strata/change.hpp"
#include "strata/document.hpp"
#include "strata/ingest.hpp"
#include "strata/load.hpp"
#include "strata/result.hpp"

namespace strata {

// One stored version, as its commit describes it.
struct VersionInfo {
  std::string id;  // unique in the store; grammar in docs/store.md
  std::string title;
  std::string source;                            // path or label the bytes came from
  std::string date;                              // YYYY, YYYY-MM or YYYY-MM-DD
  InputFormat format = InputFormat::kPlainText;  // never kAuto once stored
  int normalization = 0;                         // kNormalizationVersion in force at import
  std::string commit;                            // 40 hex digits
  std::string raw_blob;                          // 40 hex digits: git id of the raw bytes, a content key
  // The version's commit time, seconds since the epoch, UTC: a git history's
  // commit time, else the start of `date`. It orders versions of one date.
  int64_t time = 0;
  int position = 0;  // 1-based, in store order (date, then time, then id)
  // HTML: the --select / --remove (or manifest selectors) the version was
  // imported with, so that every later reading of it sees the page as the
  // import did. Empty: the bundled rules alone.
  ContentSelectors selectors;

  // What the version's reading depends on besides strata's own rules: its
  // bytes and its selectors. `raw_blob` alone without selectors (the key of
  // stores written before selectors were stored), else `raw_blob` and a hash
  // of the selectors. Two versions with the same key read the same.
  std::string reading_key() const;
};

// A snapshot to import. Empty fields are filled in: id from the source's file
// name, title and date from the document itself ("Last updated" line).
struct Snapshot {
  std::string bytes;   // raw, exactly as read
  std::string source;  // path or label, for messages and the Source trailer
  std::string id;
  std::string title;
  std::string date;                         // YYYY, YYYY-MM or YYYY-MM-DD; required after filling in
  InputFormat format = InputFormat::kAuto;  // kAuto: from the source's extension
  ContentSelectors selectors;               // HTML: read with these at import, stored with the version
  // Author and committer time in seconds since the epoch, UTC. Default: the
  // start of `date` (midnight UTC on its first day).
  std::optional<int64_t> time;
  // The git blob id (40 hex digits) `bytes` must hash to, when the source
  // read them from a git repository without checking them (a history
  // source): import checks it as it hashes the bytes for the store, on its
  // worker threads, and refuses the snapshot on a mismatch. Default: empty,
  // nothing to check.
  std::string blob_id;
};

// Snapshots read on demand, so that importing a long history holds a few of
// them at a time whatever its length. Store::import reads each snapshot
// twice, in order and from one thread: once to check the whole batch before
// anything is written, once to write it (the bytes must be the same).
class SnapshotSource {
 public:
  virtual ~SnapshotSource() = default;
  virtual size_t size() const = 0;
  // Snapshot i, 0 <= i < size(), bytes included.
  virtual Result<Snapshot> read(size_t i) = 0;
};

struct ImportOptions {
  // Flush every object, ref and directory written to disk before the import
  // returns, so that a power cut cannot lose a version reported stored.
  // Default: true; false (`strata import --no-sync`) trades that for speed
  // on a disk that can be rebuilt (a cache, a test).
  bool sync = true;
  // Called with the new version's commit id (40 hex digits) each time import
  // checks that the version's objects are still in the store: once just after
  // the branch moved to it, and again after each time they were written again
  // (see docs/store.md, "Writers, locks and crashes"). Default: empty. Lets a
  // test delete the objects at the moment a concurrent `git gc --prune=now`
  // would.
  std::function<void(std::string_view commit)> before_objects_check;
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

  // Every version, oldest first: by date, then by time, then by id.
  Result<std::vector<VersionInfo>> versions() const;

  // A revision: an id, `@DATE` (the version in force on that date), `HEAD`,
  // a tag, a commit id (7 to 40 hex digits), each optionally followed by `~N`
  // (N versions earlier in store order). Checked against strata's grammar
  // before any of it reaches git.
  Result<VersionInfo> resolve(std::string_view rev) const;

  // The raw bytes of a version, as imported. Unlike the other methods, it
  // may be called from several threads at once (a history's pass reads
  // versions on each core).
  Result<std::string> read_raw(const VersionInfo& version) const;

  // Validates every snapshot first (decodable, parseable, id and date well
  // formed) and writes nothing if any is refused; then commits them in order
  // under the writer lock. A snapshot whose id and bytes match a stored
  // version, or whose bytes equal the version in force on its date, is a no-op.
  // After the branch moves, every object of each new version is checked (a
  // concurrent `git gc --prune=now` may delete objects not yet referenced)
  // and rewritten if gone; if they cannot be restored the import fails with
  // kCorrupt rather than report a version stored over a damaged store.
  Result<std::vector<ImportOutcome>> import(std::vector<Snapshot> snapshots, const ImportOptions& options = {});
  // The same, reading snapshots from `source` as needed: memory stays that
  // of a few snapshots however many there are.
  Result<std::vector<ImportOutcome>> import(SnapshotSource& source, const ImportOptions& options = {});

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
Result<Document> load_version(const std::string& store_dir, std::string_view rev, const LoadOptions& options = {});

// The two versions of a comparison, as load_version reads each; when both
// fail, the old version's error. Large versions are parsed on two threads.
struct VersionPair {
  Document old_doc;
  Document new_doc;
};
Result<VersionPair> load_version_pair(const std::string& store_dir, std::string_view old_rev, std::string_view new_rev,
                                      const LoadOptions& options = {});

// The snapshots of a manifest (manifest.hpp) that belong to the series, in
// series order, with files read and sha256 checked. `skipped` (may be null)
// receives the ids of entries outside the series.
Result<std::vector<Snapshot>> series_snapshots(const std::string& manifest_path, std::vector<std::string>* skipped);

// Every version of `path` in the history of a git repository's HEAD, oldest
// first, following renames along first parents; each dated by its commit.
Result<std::vector<Snapshot>> read_git_history(const std::string& repo_dir, const std::string& path);
// The same versions, each read from the repository only when asked for (the
// walk keeps object ids only): what `strata import --git` streams from.
Result<std::unique_ptr<SnapshotSource>> open_git_history(const std::string& repo_dir, const std::string& path);

// A file that differs between two revisions of a git repository.
struct GitChange {
  std::string path;                      // path in the new revision (the old one's for a deletion), from the top
  std::string old_path;                  // path in the old revision; differs from `path` for a rename
  std::optional<std::string> old_bytes;  // nullopt: the file was added
  std::optional<std::string> new_bytes;  // nullopt: the file was deleted
};

// The files that differ between revisions `base` and `head` (anything git
// names a commit by: HEAD~1, a branch, a tag, a commit id) of the repository
// that holds `dir` (searched upwards, as git does), with both sides read in
// full; renames are found. `pathspecs` are git's wildcard patterns, matched
// from the top of the repository; empty: every file. Sorted by path.
Result<std::vector<GitChange>> read_git_changes(const std::string& dir, std::string_view base, std::string_view head,
                                                const std::vector<std::string>& pathspecs);

// Grammar checks, exposed for the CLI and tests.
Result<void> check_version_id(std::string_view id);
Result<void> check_snapshot_date(std::string_view date);

}  // namespace strata
