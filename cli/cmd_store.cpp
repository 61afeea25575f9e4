// strata init / import / log: the snapshot store (docs/store.md).
#include <fmt/core.h>
#include <CLI/CLI.hpp>
#include <memory>

#include "commands.hpp"
#include "load_options.hpp"
#include "strata/history.hpp"
#include "strata/ingest.hpp"
#include "strata/render.hpp"
#include "strata/store.hpp"

namespace strata::cli {

namespace {

void add_store_option(CLI::App& cmd, std::string& store) {
  cmd.add_option("--store", store, "Store directory (default: $STRATA_STORE, else .strata)");
}

int run_init(const std::string& flag) {
  const std::string dir = store_path(flag);
  auto store = Store::init(dir);
  if (!store) return report_error(store.error());
  auto versions = store->versions();
  if (!versions) return report_error(versions.error());
  if (versions->empty()) {
    fmt::print("strata store ready at {}\n", terminal_line(dir));
  } else {
    fmt::print("{} is already a strata store ({} versions)\n", terminal_line(dir), versions->size());
  }
  return kExitSame;
}

struct ImportArgs {
  std::string store;
  std::vector<std::string> files;
  std::string date;
  std::string id;
  std::string title;
  std::string format = "auto";
  std::vector<std::string> select;  // --select: HTML content to keep, stored with each version
  std::vector<std::string> remove;  // --remove: HTML content to drop, stored with each version
  std::string manifest;
  std::string git_repo;
  std::string git_path;
  bool no_sync = false;
};

// A git history's snapshots with the command line's selectors.
class SelectedSource final : public SnapshotSource {
 public:
  SelectedSource(std::unique_ptr<SnapshotSource> inner, ContentSelectors selectors)
      : inner_(std::move(inner)), selectors_(std::move(selectors)) {}
  size_t size() const override { return inner_->size(); }
  Result<Snapshot> read(size_t i) override {
    auto s = inner_->read(i);
    if (s) s->selectors = selectors_;
    return s;
  }

 private:
  std::unique_ptr<SnapshotSource> inner_;
  ContentSelectors selectors_;
};

// Every input is read (and so checked) before the store is touched. A git
// history is read as the import goes (open_git_history), not gathered here.
Result<std::vector<Snapshot>> gather(const ImportArgs& args, std::vector<std::string>& skipped) {
  if (!args.manifest.empty()) return series_snapshots(args.manifest, &skipped);
  auto format = parse_input_format(args.format);
  if (!format) return format.error();
  if (!args.date.empty()) {
    if (auto ok = check_snapshot_date(args.date); !ok) return ok.error();
  }
  std::vector<Snapshot> out;
  for (const std::string& file : args.files) {
    auto bytes = read_file_bytes(file);
    if (!bytes) return bytes.error();
    Snapshot s;
    s.bytes = std::move(*bytes);
    s.source = file;
    s.id = args.id;
    s.title = args.title;
    s.date = args.date;
    s.format = *format;
    s.selectors = {args.select, args.remove};
    out.push_back(std::move(s));
  }
  return out;
}

int run_import(const ImportArgs& args) {
  const int sources = (args.files.empty() ? 0 : 1) + (args.manifest.empty() ? 0 : 1) + (args.git_repo.empty() ? 0 : 1);
  if (sources != 1) {
    return report_error(
        make_error(ErrorCode::kInvalidArgument, "import takes FILE..., --manifest M or --git REPO --path FILE"));
  }
  if (!args.git_repo.empty() && args.git_path.empty()) {
    return report_error(make_error(ErrorCode::kInvalidArgument, "--git needs --path FILE"));
  }
  if (!args.manifest.empty() && (!args.select.empty() || !args.remove.empty())) {
    return report_error(make_error(ErrorCode::kInvalidArgument,
                                   "--select and --remove do not apply to --manifest: give them per snapshot there"));
  }
  if (!args.id.empty() && args.files.size() != 1) {
    return report_error(make_error(ErrorCode::kInvalidArgument, "--id names one version: give exactly one FILE"));
  }
  std::vector<std::string> skipped;
  ImportOptions options;
  options.sync = !args.no_sync;
  Result<std::vector<ImportOutcome>> outcomes = std::vector<ImportOutcome>{};
  if (!args.git_repo.empty()) {
    auto source = open_git_history(args.git_repo, args.git_path);
    if (!source) return report_error(source.error());
    auto store = Store::open(store_path(args.store));
    if (!store) return report_error(store.error());
    SelectedSource selected(std::move(*source), {args.select, args.remove});
    outcomes = store->import(selected, options);
  } else {
    auto snapshots = gather(args, skipped);
    if (!snapshots) return report_error(snapshots.error());
    auto store = Store::open(store_path(args.store));
    if (!store) return report_error(store.error());
    outcomes = store->import(std::move(*snapshots), options);
  }
  if (!outcomes) return report_error(outcomes.error());
  int stored = 0;
  for (const ImportOutcome& o : *outcomes) {
    const VersionInfo& v = o.version;
    if (o.stored) {
      ++stored;
      fmt::print("stored {} ({}) {}\n", terminal_line(v.id), terminal_line(v.date), v.commit.substr(0, 10));
    } else {
      fmt::print("unchanged: already stored as {} ({})\n", terminal_line(v.id), terminal_line(v.date));
    }
  }
  for (const std::string& id : skipped) fmt::print("skipped {}: not part of the series\n", terminal_line(id));
  fmt::print("{} stored, {} unchanged\n", stored, outcomes->size() - static_cast<size_t>(stored));
  return kExitSame;
}

struct LogArgs {
  std::string store;
  std::string format = "text";
  std::string output;
  bool no_sizes = false;
  std::string programmes_file;
};

int run_log(const LogArgs& args) {
  auto store = Store::open(store_path(args.store));
  if (!store) return report_error(store.error());
  auto programmes = programme_config(args.programmes_file);
  if (!programmes) return report_error(programmes.error());
  auto log = version_log(*store, !args.no_sizes, *programmes);
  if (!log) return report_error(log.error());
  return emit(render_log(*log, args.format), args.output);
}

struct TimelineArgs {
  std::string store;
  std::vector<std::string> terms;
  int top = 5;
  std::string format = "text";
  std::string output;
  std::string programmes_file;
};

int run_timeline(const TimelineArgs& args) {
  auto store = Store::open(store_path(args.store));
  if (!store) return report_error(store.error());
  auto programmes = programme_config(args.programmes_file);
  if (!programmes) return report_error(programmes.error());
  TimelineOptions options;
  options.terms = args.terms;
  options.top_phrases = args.top;
  options.programmes = std::move(*programmes);
  auto timeline = build_timeline(*store, options);
  if (!timeline) return report_error(timeline.error());
  return emit(render_timeline(*timeline, args.format), args.output);
}

struct BlameArgs {
  std::string store;
  std::string rev = "HEAD";
  std::string claim;
  std::string format = "text";
  std::string output;
};

int run_blame(const BlameArgs& args) {
  auto store = Store::open(store_path(args.store));
  if (!store) return report_error(store.error());
  if (!args.claim.empty()) {
    // The version first, so that a missing claim (exit 1) is told apart
    // from a missing version (trouble).
    if (auto version = store->resolve(args.rev); !version) return report_error(version.error());
    auto steps = claim_history(*store, args.rev, args.claim);
    if (!steps && steps.error().code == ErrorCode::kNotFound) {
      fmt::print(stderr, "strata: {}\n", terminal_line(steps.error().message));
      return kExitDifferent;
    }
    if (!steps) return report_error(steps.error());
    return emit(render_claim_history(*steps, args.format), args.output);
  }
  auto result = blame(*store, args.rev);
  if (!result) return report_error(result.error());
  return emit(render_blame(*result, args.format), args.output);
}

}  // namespace

void add_init_command(CLI::App& app, Context& context) {
  auto store = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand("init", "Make a snapshot store (a bare git repository)");
  add_store_option(*cmd, *store);
  cmd->callback([store, &context] { context.exit_code = run_init(*store); });
}

void add_import_command(CLI::App& app, Context& context) {
  auto args = std::make_shared<ImportArgs>();
  CLI::App* cmd = app.add_subcommand("import", "Store dated snapshots of the document");
  cmd->add_option("files", args->files, "Snapshot files, imported in the order given");
  cmd->add_option("--date", args->date, "Snapshot date, YYYY[-MM[-DD]] (default: the document's 'Last updated')");
  cmd->add_option("--id", args->id, "Version id (default: the file name without extension)");
  cmd->add_option("--title", args->title, "Title (default: the document's title line)");
  cmd->add_option("--input-format", args->format, "auto (sniffed from the content), text, markdown or html")
      ->capture_default_str();
  cmd->add_option("--select", args->select,
                  "HTML: keep only what this CSS selector matches; stored with the version (repeatable)");
  cmd->add_option("--remove", args->remove,
                  "HTML: also drop what this CSS selector matches; stored with the version (repeatable)");
  cmd->add_option("--manifest", args->manifest, "Import the series of a snapshot manifest (TOML), in order");
  cmd->add_option("--git", args->git_repo, "Import every version of --path from this git repository's HEAD history");
  cmd->add_option("--path", args->git_path, "File in the --git repository (renames are followed)");
  cmd->add_flag("--no-sync", args->no_sync,
                "Do not flush the new versions to disk (faster; a power cut may then lose them)");
  add_store_option(*cmd, args->store);
  cmd->callback([args, &context] { context.exit_code = run_import(*args); });
}

void add_log_command(CLI::App& app, Context& context) {
  auto args = std::make_shared<LogArgs>();
  CLI::App* cmd = app.add_subcommand("log", "List the stored versions, oldest first");
  cmd->add_option("--format", args->format, "text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  cmd->add_option("-o,--output", args->output, "Write here (atomically) instead of stdout");
  cmd->add_flag("--no-sizes", args->no_sizes, "Skip the change sizes (no comparison at all)");
  add_programmes_option(*cmd, args->programmes_file);
  add_store_option(*cmd, args->store);
  cmd->callback([args, &context] { context.exit_code = run_log(*args); });
}

void add_timeline_command(CLI::App& app, Context& context) {
  auto args = std::make_shared<TimelineArgs>();
  CLI::App* cmd = app.add_subcommand("timeline", "Sections, programmes and terms across every stored version");
  cmd->add_option("--terms", args->terms, "Terms to count in each version (case-insensitive)");
  cmd->add_option("--top", args->top, "How many of the most shifted phrases to count too")
      ->check(CLI::Range(0, 100))
      ->capture_default_str();
  cmd->add_option("--format", args->format, "text, json or csv")
      ->check(CLI::IsMember({"text", "json", "csv"}))
      ->capture_default_str();
  cmd->add_option("-o,--output", args->output, "Write here (atomically) instead of stdout");
  add_programmes_option(*cmd, args->programmes_file);
  add_store_option(*cmd, args->store);
  cmd->callback([args, &context] { context.exit_code = run_timeline(*args); });
}

void add_blame_command(CLI::App& app, Context& context) {
  auto args = std::make_shared<BlameArgs>();
  CLI::App* cmd = app.add_subcommand("blame", "Where each claim of a version first appeared and last changed");
  cmd->add_option("rev", args->rev, "Version (id, @DATE, HEAD~N, tag or commit)")->capture_default_str();
  cmd->add_option("--claim", args->claim, "Follow one claim (text it contains) back to its origin, with word diffs");
  cmd->add_option("--format", args->format, "text, json or summary (summary: without --claim)")
      ->check(CLI::IsMember({"text", "json", "summary"}))
      ->capture_default_str();
  cmd->add_option("-o,--output", args->output, "Write here (atomically) instead of stdout");
  add_store_option(*cmd, args->store);
  cmd->callback([args, &context] { context.exit_code = run_blame(*args); });
}

}  // namespace strata::cli
