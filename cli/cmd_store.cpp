// strata init / import / log: the snapshot store (docs/store.md).
#include <CLI/CLI.hpp>
#include <fmt/core.h>
#include <memory>
#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "strata/ingest.hpp"
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
    fmt::print("strata store ready at {}\n", dir);
  } else {
    fmt::print("{} is already a strata store ({} versions)\n", dir, versions->size());
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
  std::string manifest;
  std::string git_repo;
  std::string git_path;
};

// Every input is read (and so checked) before the store is touched.
Result<std::vector<Snapshot>> gather(const ImportArgs& args, std::vector<std::string>& skipped) {
  if (!args.manifest.empty()) return series_snapshots(args.manifest, &skipped);
  if (!args.git_repo.empty()) return read_git_history(args.git_repo, args.git_path);
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
    out.push_back(std::move(s));
  }
  return out;
}

int run_import(const ImportArgs& args) {
  const int sources = (args.files.empty() ? 0 : 1) + (args.manifest.empty() ? 0 : 1) + (args.git_repo.empty() ? 0 : 1);
  if (sources != 1) {
    return report_error(make_error(ErrorCode::kInvalidArgument, "import takes FILE..., --manifest M or --git REPO --path FILE"));
  }
  if (!args.git_repo.empty() && args.git_path.empty()) {
    return report_error(make_error(ErrorCode::kInvalidArgument, "--git needs --path FILE"));
  }
  if (!args.id.empty() && args.files.size() != 1) {
    return report_error(make_error(ErrorCode::kInvalidArgument, "--id names one version: give exactly one FILE"));
  }
  std::vector<std::string> skipped;
  auto snapshots = gather(args, skipped);
  if (!snapshots) return report_error(snapshots.error());
  auto store = Store::open(store_path(args.store));
  if (!store) return report_error(store.error());
  auto outcomes = store->import(std::move(*snapshots));
  if (!outcomes) return report_error(outcomes.error());
  int stored = 0;
  for (const ImportOutcome& o : *outcomes) {
    const VersionInfo& v = o.version;
    if (o.stored) {
      ++stored;
      fmt::print("stored {} ({}) {}\n", v.id, v.date, v.commit.substr(0, 10));
    } else {
      fmt::print("unchanged: already stored as {} ({})\n", v.id, v.date);
    }
  }
  for (const std::string& id : skipped) fmt::print("skipped {}: not part of the series\n", id);
  fmt::print("{} stored, {} unchanged\n", stored, outcomes->size() - static_cast<size_t>(stored));
  return kExitSame;
}

struct LogArgs {
  std::string store;
  std::string format = "text";
  std::string output;
};

int run_log(const LogArgs& args) {
  auto store = Store::open(store_path(args.store));
  if (!store) return report_error(store.error());
  auto versions = store->versions();
  if (!versions) return report_error(versions.error());
  std::string out;
  if (args.format == "json") {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const VersionInfo& v : *versions) {
      list.push_back({{"position", v.position}, {"id", v.id}, {"date", v.date}, {"title", v.title},
                      {"source", v.source}, {"commit", v.commit}, {"normalization", v.normalization}});
    }
    out = list.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  } else {
    for (const VersionInfo& v : *versions) out += fmt::format("{:>3}  {:<10}  {}  {}\n", v.position, v.date, v.id, v.title);
  }
  return emit(out, args.output);
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
  cmd->add_option("--format", args->format, "auto, text or markdown")->capture_default_str();
  cmd->add_option("--manifest", args->manifest, "Import the series of a snapshot manifest (TOML), in order");
  cmd->add_option("--git", args->git_repo, "Import every version of --path from this git repository's HEAD history");
  cmd->add_option("--path", args->git_path, "File in the --git repository (renames are followed)");
  add_store_option(*cmd, args->store);
  cmd->callback([args, &context] { context.exit_code = run_import(*args); });
}

void add_log_command(CLI::App& app, Context& context) {
  auto args = std::make_shared<LogArgs>();
  CLI::App* cmd = app.add_subcommand("log", "List the stored versions, oldest first");
  cmd->add_option("--format", args->format, "text or json")->check(CLI::IsMember({"text", "json"}))->capture_default_str();
  cmd->add_option("-o,--output", args->output, "Write here (atomically) instead of stdout");
  add_store_option(*cmd, args->store);
  cmd->callback([args, &context] { context.exit_code = run_log(*args); });
}

}  // namespace strata::cli
