// Options every command that reads documents shares: --input-format, --rules.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <string_view>

#include "app.hpp"
#include "strata/compare.hpp"
#include "strata/load.hpp"
#include "strata/manifest.hpp"
#include "strata/programmes.hpp"
#include "strata/store.hpp"

namespace strata::cli {

// Store directory chosen by the user: `flag` when non-empty, else the
// STRATA_STORE environment variable, else ".strata". The library reads no
// environment: this is the one place the variable is looked up.
std::string store_path(std::string_view flag);

// The programme file at `path` (docs/programmes.md); empty path: none.
Result<ProgrammeConfig> programme_config(const std::string& path);
void add_programmes_option(CLI::App& command, std::string& path);

// An option's value must be a number of 0 or more. CLI11's NonNegativeNumber
// names its upper bound in its message: the largest double, 309 digits.
CLI::Validator non_negative();

struct ReadFlags {
  std::string input_format = "auto";
  std::vector<std::string> select;  // --select: HTML content to keep (simple CSS, docs/inputs.md)
  std::vector<std::string> remove;  // --remove: HTML content to drop on top of the bundled rules
  std::string rules_file;           // TOML boilerplate rules on top of the bundled ones
  std::string store;                // --store: where revisions are looked up (default STRATA_STORE, then .strata)
  std::string programmes_file;      // TOML or JSON programme names, aliases, renames (docs/programmes.md)
  std::string significance_file;    // TOML with a [significance] table (docs/significance.md)
  int highlights = -1;              // --highlights N; -1: the file's, else the default
  size_t max_listed_claims = kMaxListedClaims;  // --max-listed-claims N (CompareOptions::max_listed_claims)

  // Each option only when `context` wants it (Context::wants).
  void add_to(CLI::App& command, const Context& context);
  // --max-listed-claims, for the commands that list claim changes (diff, check).
  void add_listing_cap_to(CLI::App& command, const Context& context);
  Result<LoadOptions> options() const;
  // options() with a manifest entry's own format and selectors on top.
  static Result<LoadOptions> for_entry(LoadOptions options, const ManifestEntry& entry);
  Result<CompareOptions> compare_options() const;
  // A file path or a store revision (docs/store.md), read with options().
  Result<Document> load(const std::string& file_or_rev, const LoadOptions& options) const;
  Result<VersionPair> load_pair(const std::string& old_rev, const std::string& new_rev,
                                const LoadOptions& options) const;
};

}  // namespace strata::cli
