// strata report: the main job. For each pair of a manifest's series that its
// `[report] pairs` rules choose (every consecutive pair by default), a
// Markdown, an HTML and a JSON diff report in the output folder, an HTML index
// of the series, plus a printed summary. Reports are deterministic: same
// snapshots, same bytes.
#include <fmt/core.h>
#include <CLI/CLI.hpp>
#include <filesystem>
#include <memory>
#include <optional>
#include <vector>

#include "commands.hpp"
#include "load_options.hpp"
#include "strata/compare.hpp"
#include "strata/history.hpp"
#include "strata/manifest.hpp"
#include "strata/programmes.hpp"
#include "strata/render.hpp"
#include "strata/significance.hpp"
#include "strata/store.hpp"

namespace strata::cli {

namespace {

struct ReportArgs {
  std::string manifest = "snapshots/manifest.toml";
  std::string out_dir = "reports";
  std::vector<std::string> pairs;  // rules of report_pairs(); empty: the manifest's
  ReadFlags read;
};

std::string count_summary(const std::map<std::string, int>& counts) {
  std::string out;
  for (const auto& [name, n] : counts) {
    if (name != "unchanged") out += fmt::format("{}{} {}", out.empty() ? "" : ", ", n, name);
  }
  return out.empty() ? "no changes" : out;
}

// The series in the history store (imported unless already there), and the
// store's view of it: timeline and blame summary.
int write_history(const ReportArgs& args, const ProgrammeConfig& programmes, std::string& index) {
  const std::string dir = store_path(args.read.store);
  auto store = Store::init(dir);
  if (!store) return report_error(store.error());
  auto snapshots = series_snapshots(args.manifest, nullptr);
  if (!snapshots) return report_error(snapshots.error());
  auto imported = store->import(std::move(*snapshots));
  if (!imported) return report_error(imported.error());
  int stored = 0;
  for (const ImportOutcome& outcome : *imported) stored += outcome.stored ? 1 : 0;
  TimelineOptions options;
  options.programmes = programmes;
  auto timeline = build_timeline(*store, options);
  if (!timeline) return report_error(timeline.error());
  auto head = blame(*store, "HEAD");
  if (!head) return report_error(head.error());
  if (const int rc = emit(render_timeline(*timeline, "text"), args.out_dir + "/timeline.txt"); rc != kExitSame)
    return rc;
  if (const int rc = emit(render_timeline(*timeline, "json"), args.out_dir + "/timeline.json"); rc != kExitSame)
    return rc;
  if (const int rc = emit(render_blame(*head, "summary"), args.out_dir + "/blame.txt"); rc != kExitSame) return rc;
  fmt::print("history: store {} ({} new versions); {}/timeline.txt, timeline.json, blame.txt\n", terminal_line(dir),
             stored, terminal_line(args.out_dir));
  index +=
      "From the history store: `timeline.txt` / `timeline.json` (sections, programmes and phrases per version) "
      "and `blame.txt` (claims of the latest version by the version they first appeared in).\n";
  return kExitSame;
}

int run_report(const ReportArgs& args) {
  auto options = args.read.options();
  if (!options) return report_error(options.error());
  auto compare_options = args.read.compare_options();
  if (!compare_options) return report_error(compare_options.error());
  compare_options->keep_unchanged_claims = false;  // the reports list changes only
  // The snapshots of a series share most of their sentences: each is read once.
  compare_options->classification.cache = std::make_shared<SentenceCache>();
  auto manifest = load_manifest(args.manifest);
  if (!manifest) return report_error(manifest.error());
  if (auto ok = verify_manifest(*manifest); !ok) return report_error(ok.error());
  const std::vector<ManifestEntry> series = manifest->series();

  // Read everything first: a bad snapshot stops the job before any report is written.
  std::vector<Document> docs;
  for (const ManifestEntry& entry : series) {
    auto entry_options = ReadFlags::for_entry(*options, entry);
    if (!entry_options) return report_error(entry_options.error());
    auto doc = load_document(entry.path, *entry_options);
    if (!doc) return report_error(doc.error());
    doc->meta.source = entry.file;
    if (doc->meta.date.empty()) doc->meta.date = entry.date;
    docs.push_back(std::move(*doc));
  }
  std::string index =
      "# strata reports for the bundled series\n\n| from | to | sections | claims |\n|---|---|---|---|\n";
  HtmlSeries html;
  html.title = "The bundled series";
  for (size_t k = 0; k < docs.size(); ++k) {
    html.ids.push_back(series[k].id);
    html.snapshots.push_back(docs[k].meta);
  }
  auto pairs = report_pairs(series, args.pairs.empty() ? manifest->report_rules : args.pairs);
  if (!pairs) return report_error(pairs.error());
  // The reports' folder is made, unlike the folder of a file `-o` names.
  std::error_code made;
  std::filesystem::create_directories(args.out_dir, made);
  if (made) {
    fmt::print(stderr, "strata: error: {}: cannot make the folder: {}\n", terminal_line(args.out_dir), made.message());
    return kExitTrouble;
  }
  // The series narrative reads consecutive steps; pairs the rules chose are reused, the others computed.
  std::vector<std::optional<ChangeSet>> steps(docs.empty() ? 0 : docs.size() - 1);
  for (const auto& [from, to] : *pairs) {
    const ChangeSet changes = compare(docs[from], docs[to], *compare_options);
    if (to == from + 1) steps[from] = changes;
    const std::string name = fmt::format("{}__{}", series[from].id, series[to].id);
    const std::string stem = args.out_dir + "/" + name;
    const HtmlSeriesPair pair{from,
                              to,
                              name + ".html",
                              name + ".md",
                              name + ".json",
                              count_section_changes(changes),
                              count_claim_changes(changes),
                              changes.highlights.empty() ? "" : changes.highlights[0].reason};
    if (const int rc = emit(render_diff_markdown(changes), stem + ".md"); rc != kExitSame) return rc;
    if (const int rc = emit(render_diff_json(changes), stem + ".json"); rc != kExitSame) return rc;
    const std::string page = render_diff_html(changes, {}, HtmlLinks{"index.html", pair.markdown, pair.json});
    if (const int rc = emit(page, stem + ".html"); rc != kExitSame) return rc;
    const auto sections = count_summary(pair.sections);
    const auto claims = count_summary(pair.claims);
    fmt::print("{} -> {}\n  sections: {}\n  claims:   {}\n  reports:  {}.md, .json, .html\n",
               terminal_line(series[from].id), terminal_line(series[to].id), sections, claims, terminal_line(stem));
    index += fmt::format("| {} | {} | {} | {} |\n", series[from].id, series[to].id, sections, claims);
    html.pairs.push_back(pair);
  }
  html.programmes = programme_series(docs, html.ids, compare_options->classification.programmes);
  const ProgrammeSeries& programmes = html.programmes;
  index +=
      "\nPer pair: `<old>__<new>.md` (readable), `.html` (a page to open in a browser, docs/html.md) and `.json` "
      "(schema strata.diff/1, docs/json.md). Across the series: `index.html` (the pages linked, and programmes over "
      "time as a chart), `series.md`, and `programmes.json` (docs/programmes.md).\n";
  std::vector<ChangeSet> consecutive;
  for (size_t k = 0; k < steps.size(); ++k) {
    consecutive.push_back(steps[k] ? std::move(*steps[k]) : compare(docs[k], docs[k + 1], *compare_options));
  }
  html.narrative = series_narrative(consecutive, programmes);
  if (const int rc = emit(render_series_html(html), args.out_dir + "/index.html"); rc != kExitSame) return rc;
  if (const int rc = emit(render_programme_series(programmes, "json"), args.out_dir + "/programmes.json");
      rc != kExitSame)
    return rc;
  const std::string series_md = render_series_markdown(consecutive, programmes, html.narrative);
  if (const int rc = emit(series_md, args.out_dir + "/series.md"); rc != kExitSame) return rc;
  fmt::print("series: {}/index.html, series.md, programmes.json ({} programmes)\n", terminal_line(args.out_dir),
             programmes.rows.size());
  if (const int rc = write_history(args, compare_options->classification.programmes, index); rc != kExitSame) return rc;
  return emit(index, args.out_dir + "/README.md");
}

}  // namespace

void add_report_command(CLI::App& app, Context& context) {
  auto args = std::make_shared<ReportArgs>();
  CLI::App* cmd = app.add_subcommand("report", "Run the main job on a manifest's series and write reports");
  cmd->add_option("--manifest", args->manifest, "Snapshot manifest")->capture_default_str();
  cmd->add_option("--out", args->out_dir, "Folder for the reports")->capture_default_str();
  cmd->add_option("--pairs", args->pairs,
                  "Comparisons to write, instead of the manifest's [report] pairs: consecutive, first-last, "
                  "either with :KIND (e.g. consecutive:page)");
  args->read.add_to(*cmd, context);
  args->read.add_listing_cap_to(*cmd, context);
  // Built only when the command line names it (Context::wants).
  if (CLI::Option* store = cmd->get_option_no_throw("--store"); store != nullptr) {
    store->description(
        "Store the series is imported into (written: made if missing; default: $STRATA_STORE, then .strata)");
  }
  cmd->callback([args, &context] { context.exit_code = run_report(*args); });
}

}  // namespace strata::cli
