// The snapshot manifest: which files make up a dated series (docs/snapshots.md).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "strata/result.hpp"

namespace strata {

struct ManifestEntry {
  std::string id;
  std::string path;    // the file, resolved against the manifest's folder
  std::string file;    // as written in the manifest
  std::string date;    // ISO 8601 at the precision known; may be empty (undated)
  std::string period;  // optional span covered, "2016/2018"
  std::string title;
  std::string kind;                 // page, guide, reference, ...
  std::string source;               // one line on where it came from
  std::optional<int> series;        // position in the tracked series; none for references
  std::string sha256;               // lower-case hex
  std::string format;               // "text", "markdown" or "html"; empty: sniffed (docs/inputs.md)
  std::vector<std::string> select;  // HTML: content selectors for this snapshot (docs/inputs.md)
  std::vector<std::string> remove;
};

struct Manifest {
  std::string path;
  std::vector<ManifestEntry> entries;  // as listed
  // `[report] pairs`: the comparisons `strata report` writes, as rules (see
  // report_pairs). Default: {"consecutive"}.
  std::vector<std::string> report_rules = {"consecutive"};

  // The entries with a series position, in series order.
  std::vector<ManifestEntry> series() const;
};

// The comparisons `rules` name over `series` (in series order), as (old, new)
// indices into it, in rule order, each pair once. Rules:
//   "consecutive"         each snapshot and the next
//   "consecutive:KIND"    each snapshot of that kind and the next of that kind
//                         (snapshots of other kinds are skipped)
//   "first-last"          the first and the last snapshot
//   "first-last:KIND"     the first and the last of that kind
// An unknown rule, or a kind no snapshot has, is an error naming it.
Result<std::vector<std::pair<size_t, size_t>>> report_pairs(const std::vector<ManifestEntry>& series,
                                                            const std::vector<std::string>& rules);

// Reads and checks a manifest: required keys, unique ids, valid dates, unique
// series positions. Does not read the snapshot files.
Result<Manifest> load_manifest(const std::string& path);

// Lower-case hex SHA-256 of `bytes`.
std::string sha256_hex(std::string_view bytes);

// Checks every entry's file exists and matches its sha256.
Result<void> verify_manifest(const Manifest& manifest);

}  // namespace strata
