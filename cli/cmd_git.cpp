// strata inside git: `git-diff`, an external diff driver, and `textconv`,
// the text git compares line by line (docs/ci.md has the set-up).
#include <fmt/core.h>
#include <CLI/CLI.hpp>
#include <memory>

#include "cmd_git_sides.hpp"
#include "commands.hpp"
#include "load_options.hpp"
#include "strata/check.hpp"
#include "strata/compare.hpp"
#include "strata/ingest.hpp"
#include "strata/render.hpp"

namespace strata::cli {

namespace {

// Git's external diff protocol (git(1), GIT_EXTERNAL_DIFF): seven arguments
// `path old-file old-hex old-mode new-file new-hex new-mode`, two more for a
// rename (the new path and git's description of the rename), or the path
// alone for an unmerged path.
constexpr size_t kChangedArgs = 7;
constexpr size_t kRenamedArgs = 9;

// Where git names a side that does not exist (an added or deleted file).
constexpr std::string_view kNoFile = "/dev/null";

struct GitDiffArgs {
  std::vector<std::string> args;
  ReadFlags read;
};

Result<Document> read_git_side(const std::string& file, const std::string& path, const std::string& label,
                               const LoadOptions& options) {
  std::optional<std::string> bytes;
  if (file != kNoFile) {
    auto read = read_file_bytes(file);
    if (!read) return read.error();
    bytes = std::move(*read);
  }
  return read_side(bytes, path, label, options);
}

int run_git_diff(const GitDiffArgs& args) {
  const std::vector<std::string>& a = args.args;
  if (a.size() == 1) {
    fmt::print("* Unmerged path {}\n", terminal_safe(a[0]));
    return kExitSame;
  }
  if (a.size() != kChangedArgs && a.size() != kRenamedArgs) {
    return report_error(make_error(ErrorCode::kInvalidArgument,
                                   fmt::format("git-diff takes git's 7 arguments (path old-file old-hex old-mode "
                                               "new-file new-hex new-mode), 9 for a rename, or 1; got {}",
                                               a.size())));
  }
  auto options = args.read.options();
  if (!options) return report_error(options.error());
  auto compare_options = args.read.compare_options();
  if (!compare_options) return report_error(compare_options.error());
  compare_options->keep_unchanged_claims = false;
  const std::string& old_path = a[0];
  const std::string& new_path = a.size() == kRenamedArgs ? a[7] : a[0];
  auto old_doc = read_git_side(a[1], old_path, "a/" + old_path, *options);
  if (!old_doc) return report_error(old_doc.error());
  auto new_doc = read_git_side(a[4], new_path, "b/" + new_path, *options);
  if (!new_doc) return report_error(new_doc.error());
  const ChangeSet changes = compare(*old_doc, *new_doc, *compare_options);
  std::string out = fmt::format("strata diff a/{} b/{}\n", terminal_safe(old_path), terminal_safe(new_path));
  if (a[3] != a[6]) out += fmt::format("mode {} -> {}\n", terminal_safe(a[3]), terminal_safe(a[6]));
  out += render_diff_text(changes);
  // Git stops at a driver that exits non-zero: a difference is exit 0 here.
  return emit(out, "");
}

struct TextconvArgs {
  std::string file;
  ReadFlags read;
};

int run_textconv(const TextconvArgs& args) {
  auto options = args.read.options();
  if (!options) return report_error(options.error());
  auto doc = load_document(args.file, *options);
  if (!doc) return report_error(doc.error());
  return emit(render_claim_lines(*doc), "");
}

}  // namespace

void add_git_diff_command(CLI::App& app, Context& context) {
  auto diff = std::make_shared<GitDiffArgs>();
  CLI::App* cmd = app.add_subcommand(
      "git-diff", "Git's external diff driver: set diff.strata.command to 'strata git-diff' (docs/ci.md)");
  cmd->add_option("args", diff->args, "What git passes: path old-file old-hex old-mode new-file new-hex new-mode")
      ->required();
  diff->read.add_to(*cmd, context);
  diff->read.add_listing_cap_to(*cmd, context);
  cmd->callback([diff, &context] { context.exit_code = run_git_diff(*diff); });
}

void add_textconv_command(CLI::App& app, Context& context) {
  auto conv = std::make_shared<TextconvArgs>();
  CLI::App* textconv = app.add_subcommand(
      "textconv", "A document as clean text, one claim a line, for git's diff.strata.textconv (docs/ci.md)");
  textconv->add_option("file", conv->file, "The document")->required();
  conv->read.add_to(*textconv, context);
  textconv->callback([conv, &context] { context.exit_code = run_textconv(*conv); });
}

}  // namespace strata::cli
