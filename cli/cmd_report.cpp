// strata report: the main job on a manifest's series.
#include <CLI/CLI.hpp>
#include <fmt/core.h>
#include <memory>

#include "commands.hpp"
#include "load_options.hpp"
#include "strata/manifest.hpp"
#include "strata/render.hpp"

namespace strata::cli {

namespace {

struct ReportArgs {
  std::string manifest = "snapshots/manifest.toml";
  std::string out_dir = "reports";
  ReadFlags read;
};

int run_report(const ReportArgs& args) {
  auto options = args.read.options();
  if (!options) return report_error(options.error());
  auto manifest = load_manifest(args.manifest);
  if (!manifest) return report_error(manifest.error());
  if (auto ok = verify_manifest(*manifest); !ok) return report_error(ok.error());
  for (const ManifestEntry& entry : manifest->entries) {
    auto doc = load_document(entry.path, *options);
    if (!doc) return report_error(doc.error());
    fmt::print("== {} ({})\n{}\n", entry.id, entry.date.empty() ? "undated" : entry.date, render_outline_text(*doc));
  }
  return kExitSame;
}

}  // namespace

void add_report_command(CLI::App& app, Context& context) {
  auto args = std::make_shared<ReportArgs>();
  CLI::App* cmd = app.add_subcommand("report", "Run the main job on a manifest's series and write reports");
  cmd->add_option("--manifest", args->manifest, "Snapshot manifest")->capture_default_str();
  cmd->add_option("--out", args->out_dir, "Folder for the reports")->capture_default_str();
  args->read.add_to(*cmd);
  cmd->callback([args, &context] { context.exit_code = run_report(*args); });
}

}  // namespace strata::cli
