// strata diff OLD NEW: what changed, by sections, claims and words.
#include <unistd.h>
#include <CLI/CLI.hpp>
#include <cstdlib>
#include <memory>

#include "commands.hpp"
#include "load_options.hpp"
#include "strata/compare.hpp"
#include "strata/render.hpp"

namespace strata::cli {

namespace {

struct DiffArgs {
  std::string old_file;
  std::string new_file;
  std::string format = "text";
  std::string color = "auto";
  std::string output;
  std::vector<std::string> only;
  int context = -1;
  bool all = false;
  bool no_classify = false;
  ReadFlags read;
};

int run_diff(const DiffArgs& args) {
  auto options = args.read.options();
  if (!options) return report_error(options.error());
  auto compare_options = args.read.compare_options();
  if (!compare_options) return report_error(compare_options.error());
  compare_options->keep_unchanged_claims = args.all;  // only --all shows them
  compare_options->classify = !args.no_classify;
  RenderOptions render;
  render.all = args.all;
  render.context = args.context;
  for (const std::string& name : args.only) {
    ChangeStatus status;
    if (!parse_change_status(name, status)) {
      return report_error(make_error(ErrorCode::kInvalidArgument, "--only: unknown change kind '" + name + "'"));
    }
    render.only.push_back(status);
  }
  const bool to_terminal = args.output.empty() && isatty(STDOUT_FILENO) != 0;
  render.color = args.color == "always" || (args.color == "auto" && to_terminal && std::getenv("NO_COLOR") == nullptr);

  if (args.old_file == "-" && args.new_file == "-") {
    return report_error(make_error(ErrorCode::kInvalidArgument, "only one side can be standard input ('-')"));
  }
  // One cache of parts for both sides: the new version of a Markdown pair
  // is not parsed again where it kept the old one's parts. (The two read
  // each paragraph they share once without a cache: load_version_pair.)
  options->cache = std::make_shared<ReadCache>();
  auto docs = args.read.load_pair(args.old_file, args.new_file, *options);
  if (!docs) return report_error(docs.error());
  auto changes = std::make_shared<const ChangeSet>(compare(docs->old_doc, docs->new_doc, *compare_options));
  int rc = kExitSame;
  if (args.format == "json" && (args.output.empty() || args.output == "-")) {
    // Written as it is made: a large pair's report is never held whole.
    render_diff_json(*changes, render, write_stdout);
    rc = finish_output(kExitSame);
  } else {
    const std::string report = args.format == "json"   ? render_diff_json(*changes, render)
                               : args.format == "md"   ? render_diff_markdown(*changes, render)
                               : args.format == "html" ? render_diff_html(*changes, render)
                                                       : render_diff_text(*changes, render);
    rc = emit(report, args.output);
  }
  // Written: what remains is for the end of the process to take back. The
  // documents move only now, as the changes may point into them.
  keep_until_exit(changes);
  keep_until_exit(std::make_shared<const Document>(std::move(docs->old_doc)));
  keep_until_exit(std::make_shared<const Document>(std::move(docs->new_doc)));
  keep_until_exit(options->cache);
  if (rc != kExitSame) return rc;
  return changes->has_changes() ? kExitDifferent : kExitSame;
}

}  // namespace

void add_diff_command(CLI::App& app, Context& context) {
  auto args = std::make_shared<DiffArgs>();
  CLI::App* cmd =
      app.add_subcommand("diff", "Compare two versions of a document (exit 0 same, 1 different, 2 trouble)");
  cmd->add_option("old", args->old_file, "Old version: a file or a store revision")->required();
  cmd->add_option("new", args->new_file, "New version: a file or a store revision")->required();
  // Only the options the command line names (Context::wants).
  if (context.wants("--format")) {
    cmd->add_option("--format", args->format, "text, json, md (or markdown) or html")
        ->transform(format_among({"text", "json", "md", "html"}))
        ->capture_default_str();
  }
  if (context.wants("--color")) {
    cmd->add_option("--color", args->color, "auto, always or never (NO_COLOR is respected)")
        ->check(CLI::IsMember({"auto", "always", "never"}))
        ->capture_default_str();
  }
  if (context.wants("--context")) {
    cmd->add_option("--context", args->context, "Equal words kept around each edit in text output, >= 0 (default: all)")
        ->check(non_negative());
  }
  // One value an occurrence (a comma list), so that `--only modified OLD NEW`
  // leaves OLD and NEW to the operands.
  if (context.wants("--only")) {
    cmd->add_option("--only", args->only,
                    "Show only these change kinds, comma-separated: unchanged, equivalent, modified, renamed, moved, "
                    "split, merged, added, removed")
        ->delimiter(',')
        ->expected(1)
        ->allow_extra_args(false)
        ->take_all();
  }
  if (context.wants("--all")) cmd->add_flag("--all", args->all, "Include unchanged sections and claims");
  if (context.wants("--no-classify")) {
    cmd->add_flag("--no-classify", args->no_classify,
                  "Sections, claims and words only: no programmes, figures, modality or wording");
  }
  if (context.wants("-o,--output")) {
    cmd->add_option("-o,--output", args->output, "Write here (atomically) instead of stdout");
  }
  args->read.add_to(*cmd, context);
  args->read.add_listing_cap_to(*cmd, context);
  cmd->callback([args, &context] { context.exit_code = run_diff(*args); });
}

}  // namespace strata::cli
