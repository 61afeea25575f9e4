// strata sections FILE: the outline of one document.
#include <CLI/CLI.hpp>
#include <memory>

#include "commands.hpp"
#include "load_options.hpp"
#include "strata/render.hpp"

namespace strata::cli {

namespace {

struct SectionsArgs {
  std::string file;
  std::string format = "text";
  std::string output;
  ReadFlags read;
};

int run_sections(const SectionsArgs& args) {
  auto options = args.read.options();
  if (!options) return report_error(options.error());
  auto doc = args.read.load(args.file, *options);
  if (!doc) return report_error(doc.error());
  return emit(args.format == "json" ? render_outline_json(*doc) : render_outline_text(*doc), args.output);
}

}  // namespace

void add_sections_command(CLI::App& app, Context& context) {
  auto args = std::make_shared<SectionsArgs>();
  CLI::App* cmd = app.add_subcommand("sections", "Print the section tree of a document");
  cmd->add_option("file", args->file, "Document: a file (.txt or .md) or a store revision (id, @DATE, HEAD~N)")
      ->required();
  cmd->add_option("--format", args->format, "text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  cmd->add_option("-o,--output", args->output, "Write here (atomically) instead of stdout");
  args->read.add_to(*cmd, context);
  cmd->callback([args, &context] { context.exit_code = run_sections(*args); });
}

}  // namespace strata::cli
