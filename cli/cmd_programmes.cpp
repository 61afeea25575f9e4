// strata programmes FILE: the programmes, bodies and agreements a document
// names. strata programmes --series MANIFEST: which of them each snapshot of
// the series names, with first and last seen, and the renames between
// consecutive snapshots.
#include <CLI/CLI.hpp>
#include <memory>

#include "commands.hpp"
#include "load_options.hpp"
#include "strata/manifest.hpp"
#include "strata/programmes.hpp"
#include "strata/render.hpp"

namespace strata::cli {

namespace {

struct ProgrammesArgs {
  std::string file;
  std::string series_manifest;
  std::string format = "text";
  std::string output;
  ReadFlags read;
};

int run_programmes(const ProgrammesArgs& args) {
  auto options = args.read.options();
  if (!options) return report_error(options.error());
  // --programmes comes with the shared read flags.
  auto config = programme_config(args.read.programmes_file);
  if (!config) return report_error(config.error());
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
    auto series = programme_series(docs, labels, *config);
    return emit(render_programme_series(series, args.format), args.output);
  }
  if (args.file.empty()) {
    return report_error(make_error(ErrorCode::kInvalidArgument, "programmes: give a FILE or --series MANIFEST"));
  }
  auto doc = load_document(args.file, *options);
  if (!doc) return report_error(doc.error());
  auto programmes = extract_programmes(*doc, *config);
  return emit(render_programmes(programmes, doc->meta.source, args.format), args.output);
}

}  // namespace

void add_programmes_command(CLI::App& app, Context& context) {
  auto args = std::make_shared<ProgrammesArgs>();
  CLI::App* cmd = app.add_subcommand("programmes", "List the programmes, bodies and agreements a document names");
  cmd->add_option("file", args->file, "Document to read (.txt or .md)");
  cmd->add_option("--series", args->series_manifest,
                  "Instead of FILE: a presence table over the series of this manifest");
  cmd->add_option("--format", args->format, "text, json or markdown (or md)")
      ->transform(format_among({"text", "json", "markdown"}))
      ->capture_default_str();
  cmd->add_option("-o,--output", args->output, "Write here (atomically) instead of stdout");
  args->read.add_to(*cmd, context);
  cmd->callback([args, &context] { context.exit_code = run_programmes(*args); });
}

}  // namespace strata::cli
