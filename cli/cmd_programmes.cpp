// strata programmes FILE: the programmes, bodies and agreements a document
// names. strata programmes --series MANIFEST: which of them each snapshot of
// the series names, with first and last seen, and the renames between
// consecutive snapshots.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <fmt/core.h>
#include <fmt/ranges.h>
#include <memory>

#include "commands.hpp"
#include "load_options.hpp"
#include "strata/manifest.hpp"
#include "strata/programmes.hpp"

namespace strata::cli {

namespace {

struct ProgrammesArgs {
  std::string file;
  std::string series_manifest;
  std::string format = "text";
  std::string output;
  ReadFlags read;
};

std::string label_of(const Programme& p) {
  return p.acronym.empty() ? p.name : fmt::format("{} ({})", p.name, p.acronym);
}

std::string render_text(const Document& doc, const std::vector<Programme>& programmes) {
  std::string out = fmt::format("{} programmes in {}\n", programmes.size(), doc.meta.source);
  for (const auto& p : programmes) {
    std::vector<std::string> sections;
    for (const auto& m : p.mentions) {
      if (std::find(sections.begin(), sections.end(), m.section_id) == sections.end()) sections.push_back(m.section_id);
    }
    out += fmt::format("\n{}\n  {} mention{} in {}\n", label_of(p), p.mentions.size(),
                       p.mentions.size() == 1 ? "" : "s", fmt::join(sections, ", "));
    if (!p.aliases.empty()) out += fmt::format("  also written: {}\n", fmt::join(p.aliases, "; "));
    out += fmt::format("  first: {}\n", p.first_claim);
  }
  return out;
}

std::string render_series_text(const ProgrammeSeries& series) {
  std::string out = fmt::format("{} programmes across {} snapshots\n\n", series.rows.size(), series.labels.size());
  size_t name_width = 9;
  for (const auto& row : series.rows) {
    name_width = std::max(name_width, row.name.size() + (row.acronym.empty() ? 0 : row.acronym.size() + 3));
  }
  out += fmt::format("{:<{}}", "programme", name_width);
  for (const auto& label : series.labels) out += fmt::format("  {:>{}}", label, std::max<size_t>(label.size(), 3));
  out += "  first seen -> last seen\n";
  for (const auto& row : series.rows) {
    auto name = row.acronym.empty() ? row.name : fmt::format("{} ({})", row.name, row.acronym);
    out += fmt::format("{:<{}}", name, name_width);
    for (size_t s = 0; s < series.labels.size(); ++s) {
      auto cell = row.mentions[s] > 0 ? std::to_string(row.mentions[s]) : std::string("-");
      out += fmt::format("  {:>{}}", cell, std::max<size_t>(series.labels[s].size(), 3));
    }
    out += fmt::format("  {} -> {}\n", series.labels[static_cast<size_t>(row.first_seen)],
                       series.labels[static_cast<size_t>(row.last_seen)]);
  }
  if (!series.renames.empty()) out += "\nRenames\n";
  for (const auto& r : series.renames) {
    out += fmt::format("  {} -> {}: {} -> {}\n", series.labels[static_cast<size_t>(r.from_snapshot)],
                       series.labels[static_cast<size_t>(r.from_snapshot) + 1], r.change.old_side->name,
                       r.change.new_side->name);
    for (const auto& e : r.change.evidence) out += fmt::format("    {}\n", e);
  }
  return out;
}

int run_programmes(const ProgrammesArgs& args) {
  auto options = args.read.options();
  if (!options) return report_error(options.error());
  ProgrammeConfig config;
  // --programmes comes with the shared read flags.
  if (!args.read.programmes_file.empty()) {
    auto loaded = load_programme_config(args.read.programmes_file);
    if (!loaded) return report_error(loaded.error());
    config = std::move(*loaded);
  }
  const bool json = args.format == "json";
  if (!args.series_manifest.empty()) {
    auto manifest = load_manifest(args.series_manifest);
    if (!manifest) return report_error(manifest.error());
    std::vector<Document> docs;
    std::vector<std::string> labels;
    for (const ManifestEntry& entry : manifest->series()) {
      auto doc = load_document(entry.path, *options);
      if (!doc) return report_error(doc.error());
      docs.push_back(std::move(*doc));
      labels.push_back(entry.id);
    }
    auto series = programme_series(docs, labels, config);
    return emit(json ? programme_series_to_json(series) : render_series_text(series), args.output);
  }
  if (args.file.empty()) {
    return report_error(make_error(ErrorCode::kInvalidArgument, "programmes: give a FILE or --series MANIFEST"));
  }
  auto doc = load_document(args.file, *options);
  if (!doc) return report_error(doc.error());
  auto programmes = extract_programmes(*doc, config);
  return emit(json ? programmes_to_json(programmes) : render_text(*doc, programmes), args.output);
}

}  // namespace

void add_programmes_command(CLI::App& app, Context& context) {
  auto args = std::make_shared<ProgrammesArgs>();
  CLI::App* cmd = app.add_subcommand("programmes", "List the programmes, bodies and agreements a document names");
  cmd->add_option("file", args->file, "Document to read (.txt or .md)");
  cmd->add_option("--series", args->series_manifest,
                  "Instead of FILE: a presence table over the series of this manifest");
  cmd->add_option("--format", args->format, "text or json")->check(CLI::IsMember({"text", "json"}))->capture_default_str();
  cmd->add_option("-o,--output", args->output, "Write here (atomically) instead of stdout");
  args->read.add_to(*cmd);
  cmd->callback([args, &context] { context.exit_code = run_programmes(*args); });
}

}  // namespace strata::cli
