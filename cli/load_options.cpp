#include "load_options.hpp"

#include <cstdlib>

#include "huge_pages.hpp"
#include "strata/store.hpp"

namespace strata::cli {

namespace {

// The largest --max-listed-claims accepted. Two documents that share nothing
// made 2,000,000 claim changes in 3.6 GB of memory and 958 MB of JSON, so a
// million listed changes is about 1.8 GB and 480 MB: far past any real
// document (RFC 9000 has 2,808 claims) and still within a large machine.
constexpr size_t kMaxListedClaimsAccepted = 1'000'000;

}  // namespace

std::string store_path(std::string_view flag) {
  if (!flag.empty()) return std::string(flag);
  if (const char* env = std::getenv("STRATA_STORE"); env != nullptr && *env != '\0') return env;
  return ".strata";
}

Result<ProgrammeConfig> programme_config(const std::string& path) {
  if (path.empty()) return ProgrammeConfig{};
  return load_programme_config(path);
}

void add_programmes_option(CLI::App& command, std::string& path) {
  command.add_option("--programmes", path, "TOML or JSON file of programme names, aliases and renames");
}

void ReadFlags::add_to(CLI::App& command, const Context& context) {
  if (context.wants("--input-format")) {
    command.add_option("--input-format", input_format, "auto (sniffed from the content), text, markdown or html")
        ->capture_default_str();
  }
  if (context.wants("--select")) {
    command.add_option("--select", select, "HTML: keep only what this CSS selector matches (tag, #id, .class, [attr])");
  }
  if (context.wants("--remove")) {
    command.add_option("--remove", remove, "HTML: also drop what this CSS selector matches (repeatable)");
  }
  if (context.wants("--store")) {
    command.add_option("--store", store, "Store to read revisions from (default: $STRATA_STORE, then .strata)");
  }
  if (context.wants("--programmes")) add_programmes_option(command, programmes_file);
  if (context.wants("--significance")) {
    command.add_option("--significance", significance_file,
                       "TOML file whose [significance] table tunes scores and watched terms (docs/significance.md)");
  }
  if (context.wants("--highlights")) {
    command.add_option("--highlights", highlights, "Highlights at the top of a report (default 10)")
        ->check(CLI::Range(0, 1000000));
  }
  if (context.wants("--rules")) {
    command.add_option("--rules", rules_file,
                       "TOML file of boilerplate rules to add or disable (docs/configuration.md)");
  }
}

void ReadFlags::add_listing_cap_to(CLI::App& command, const Context& context) {
  if (!context.wants("--max-listed-claims")) return;
  command
      .add_option("--max-listed-claims", max_listed_claims,
                  "Claim changes listed at most, the rest only counted in the summary (0: none listed)")
      ->capture_default_str()
      ->check(CLI::Range(size_t{0}, kMaxListedClaimsAccepted));
}

Result<LoadOptions> ReadFlags::options() const {
  LoadOptions options;
  auto format = parse_input_format(input_format);
  if (!format) return format.error();
  options.format = *format;
  options.selectors.select = select;
  options.selectors.remove = remove;
  if (!rules_file.empty()) {
    auto rules = load_boilerplate_rules(rules_file, options.rules);
    if (!rules) return rules.error();
    options.rules = std::move(*rules);
  }
  return options;
}

Result<LoadOptions> ReadFlags::for_entry(LoadOptions options, const ManifestEntry& entry) {
  if (!entry.format.empty()) {
    auto format = parse_input_format(entry.format);
    if (!format) return format.error();
    options.format = *format;
  }
  options.selectors.select.insert(options.selectors.select.end(), entry.select.begin(), entry.select.end());
  options.selectors.remove.insert(options.selectors.remove.end(), entry.remove.begin(), entry.remove.end());
  return options;
}

Result<Document> ReadFlags::load(const std::string& file_or_rev, const LoadOptions& options) const {
  prepare_heap_for({file_or_rev});
  return load_version(store_path(store), file_or_rev, options);
}

Result<VersionPair> ReadFlags::load_pair(const std::string& old_rev, const std::string& new_rev,
                                         const LoadOptions& options) const {
  prepare_heap_for({old_rev, new_rev});
  return load_version_pair(store_path(store), old_rev, new_rev, options);
}

CLI::Validator non_negative() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        double number = 0;
        if (CLI::detail::lexical_cast(value, number) && number >= 0) return std::string();
        return "Value " + value + " is not a number of 0 or more";
      },
      "NUMBER >= 0");
}

Result<CompareOptions> ReadFlags::compare_options() const {
  CompareOptions options;
  auto config = programme_config(programmes_file);
  if (!config) return config.error();
  options.classification.programmes = std::move(*config);
  if (!significance_file.empty()) {
    auto significance = load_significance_options(significance_file);
    if (!significance) return significance.error();
    options.classification.significance = std::move(*significance);
  }
  if (highlights >= 0) options.classification.significance.highlights = highlights;
  options.max_listed_claims = max_listed_claims;
  return options;
}

}  // namespace strata::cli
