// strata check OLD NEW | --git BASE HEAD [-- PATHSPEC...]: rules over what
// changed, for CI (exit 0 no rule broken, 1 broken, 2 trouble). docs/ci.md.
#include <fmt/core.h>
#include <CLI/CLI.hpp>
#include <filesystem>
#include <memory>

#include "cmd_git_sides.hpp"
#include "commands.hpp"
#include "load_options.hpp"
#include "strata/check.hpp"
#include "strata/compare.hpp"
#include "strata/ingest.hpp"
#include "strata/render.hpp"
#include "strata/store.hpp"

namespace strata::cli {

namespace {

// Without a pathspec, `--git` checks the files whose extension names a
// document format; code and data files in the same change are not documents.
constexpr std::string_view kDocumentExtensions[] = {".md", ".markdown", ".txt", ".text", ".html", ".htm"};

constexpr const char* kConfigName = ".strata.toml";

struct CheckArgs {
  std::vector<std::string> operands;  // OLD NEW, or the pathspecs with --git
  std::vector<std::string> git;       // BASE HEAD
  std::vector<std::string> watch;
  std::vector<std::string> watch_claim;
  std::vector<std::string> watch_section;
  std::vector<std::string> fail_on;
  double max_claims_removed = -1;
  double max_section_rewritten = -1;
  std::string config;
  bool no_config = false;
  std::string baseline;
  std::string write_baseline;
  bool fail_on_bailout = false;
  std::string format = "text";
  std::string output;
  ReadFlags read;
};

// .strata.toml in the current folder or the nearest one above it.
std::string find_config() {
  std::error_code ec;
  std::filesystem::path dir = std::filesystem::current_path(ec);
  if (ec) return {};
  for (;;) {
    const std::filesystem::path candidate = dir / kConfigName;
    if (std::filesystem::is_regular_file(candidate, ec)) return candidate.string();
    if (!dir.has_parent_path() || dir.parent_path() == dir) return {};
    dir = dir.parent_path();
  }
}

// The file's rules (--config, or .strata.toml unless --no-config), then the
// command line's.
Result<RuleSet> gather_rules(const CheckArgs& args) {
  RuleRequest request;
  request.config = !args.config.empty() ? args.config : args.no_config ? std::string() : find_config();
  request.watch = args.watch;
  request.watch_claim = args.watch_claim;
  request.watch_section = args.watch_section;
  request.fail_on = args.fail_on;
  if (args.max_claims_removed >= 0) request.max_claims_removed = args.max_claims_removed;
  if (args.max_section_rewritten >= 0) request.max_section_rewritten = args.max_section_rewritten;
  request.baseline = args.baseline;
  request.fail_on_bailout = args.fail_on_bailout;
  auto set = build_rule_set(request);
  if (set && set->rules.empty()) {
    return make_error(ErrorCode::kInvalidArgument,
                      "no rule to check: give --watch, --fail-on, ... or a rule file (--config, or .strata.toml)");
  }
  return set;
}

bool is_document(std::string_view path) {
  for (std::string_view ext : kDocumentExtensions) {
    if (path.size() >= ext.size()) {
      std::string tail(path.substr(path.size() - ext.size()));
      for (char& c : tail) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      if (tail == ext) return true;
    }
  }
  return false;
}

DocumentCheck check_pair(const Document& old_doc, const Document& new_doc, const CompareOptions& options,
                         const RuleSet& rules, std::string_view path, std::string_view scope) {
  DocumentCheck checked = compare_and_check(old_doc, new_doc, options, rules.rules, scope);
  checked.path = std::string(path);
  return checked;
}

Result<std::vector<DocumentCheck>> check_git(const CheckArgs& args, const RuleSet& rules, const LoadOptions& load,
                                             const CompareOptions& options) {
  const std::string& base = args.git[0];
  const std::string& head = args.git[1];
  auto changes = read_git_changes(".", base, head, args.operands);
  if (!changes) return changes.error();
  std::vector<DocumentCheck> out;
  for (const GitChange& change : *changes) {
    if (args.operands.empty() && !is_document(change.path)) continue;
    auto old_doc = read_side(change.old_bytes, change.old_path, fmt::format("{}:{}", base, change.old_path), load);
    if (!old_doc) return old_doc.error();
    auto new_doc = read_side(change.new_bytes, change.path, fmt::format("{}:{}", head, change.path), load);
    if (!new_doc) return new_doc.error();
    out.push_back(check_pair(*old_doc, *new_doc, options, rules, change.path, change.path));
  }
  return out;
}

int run_check(const CheckArgs& args) {
  const bool git = !args.git.empty();
  if (!git && args.operands.size() != 2) {
    return report_error(
        make_error(ErrorCode::kInvalidArgument, "check takes OLD NEW, or --git BASE HEAD [-- PATHSPEC...]"));
  }
  auto format = parse_check_format(args.format);
  if (!format) return report_error(format.error());
  auto rules = gather_rules(args);
  if (!rules) return report_error(rules.error());
  auto load = args.read.options();
  if (!load) return report_error(load.error());
  auto options = args.read.compare_options();
  if (!options) return report_error(options.error());
  options->keep_unchanged_claims = false;  // rules read changes; unchanged claims are counted from the documents
  // No rule reads wording shifts; their list's cap would only show as a work limit.
  options->classification.wording = false;

  CheckReport report;
  report.rules = rules->rules;
  if (git) {
    auto checked = check_git(args, *rules, *load, *options);
    if (!checked) return report_error(checked.error());
    report.documents = std::move(*checked);
  } else {
    auto docs = args.read.load_pair(args.operands[0], args.operands[1], *load);
    if (!docs) return report_error(docs.error());
    report.documents.push_back(check_pair(docs->old_doc, docs->new_doc, *options, *rules, args.operands[1], ""));
  }
  if (!rules->baseline.empty() && args.write_baseline.empty()) {
    auto keys = load_baseline(rules->baseline);
    if (!keys) return report_error(keys.error());
    apply_baseline(report, std::move(*keys));
  }
  if (!args.write_baseline.empty()) {
    // Everything found now is accepted from now on: written, not judged.
    if (const int rc = emit(render_baseline(report), args.write_baseline); rc != kExitSame) return rc;
    size_t findings = 0;
    for (const DocumentCheck& d : report.documents) findings += d.findings.size();
    fmt::print(stderr, "strata: {} findings accepted in {}\n", findings, terminal_line(args.write_baseline));
    return kExitSame;
  }
  if (const int rc = emit(render_check(report, *format), args.output); rc != kExitSame) return rc;
  if (rules->fail_on_bailout && report.bailed_out()) {
    return report_error(make_error(ErrorCode::kUnsupported,
                                   "a work limit was hit while comparing, so the verdict is not complete "
                                   "(--fail-on-bailout)"));
  }
  return report.failed() ? kExitDifferent : kExitSame;
}

std::string fail_on_help() {
  std::string kinds;
  for (std::string_view kind : kChangeKinds) kinds += std::string(kinds.empty() ? "" : ", ") + std::string(kind);
  return "Fail on these change kinds (comma-separated): " + kinds + ", programme-removed, programme-renamed";
}

}  // namespace

void add_check_command(CLI::App& app, Context& context) {
  auto args = std::make_shared<CheckArgs>();
  CLI::App* cmd =
      app.add_subcommand("check", "Check rules over what changed, for CI (exit 0 no rule broken, 1 broken, 2 trouble)");
  cmd->add_option("operands", args->operands,
                  "OLD NEW (files or store revisions); with --git, the pathspecs after '--'");
  cmd->add_option("--git", args->git,
                  "Compare every changed document between two revisions of the git repository "
                  "here (BASE HEAD)")
      ->expected(2)
      ->allow_extra_args(false);
  cmd->add_option("--watch", args->watch,
                  "Fail when this phrase's occurrences, or a claim holding it, change "
                  "(typography and case ignored); repeatable")
      ->expected(1)
      ->allow_extra_args(false)
      ->take_all();
  cmd->add_option("--watch-claim", args->watch_claim, "Fail when this claim (its whole text) changes; repeatable")
      ->expected(1)
      ->allow_extra_args(false)
      ->take_all();
  cmd->add_option("--watch-section", args->watch_section,
                  "Fail when anything changes in sections matching this title path ('Partners > *'); repeatable")
      ->expected(1)
      ->allow_extra_args(false)
      ->take_all();
  cmd->add_option("--fail-on", args->fail_on, fail_on_help())
      ->delimiter(',')
      ->expected(1)
      ->allow_extra_args(false)
      ->take_all();
  cmd->add_option("--max-claims-removed", args->max_claims_removed, "Fail when more than N claims are removed")
      ->check(non_negative());
  cmd->add_option("--max-section-rewritten", args->max_section_rewritten,
                  "Fail when more than this percentage of a section's claims changed")
      ->check(CLI::Range(0.0, 100.0));
  cmd->add_option("--config", args->config, "Rule file (default: .strata.toml here or in a folder above)");
  cmd->add_flag("--no-config", args->no_config, "Do not look for .strata.toml");
  cmd->add_option("--baseline", args->baseline, "Accepted findings: those listed here never fail");
  cmd->add_option("--write-baseline", args->write_baseline,
                  "Write every finding's key to this file (accepting them all), then exit 0");
  cmd->add_flag("--fail-on-bailout", args->fail_on_bailout, "Exit 2 when a work limit was hit while comparing");
  cmd->add_option("--format", args->format, "text, json, junit, github, sarif or md (or markdown)")
      ->transform(format_among({"text", "json", "junit", "github", "sarif", "md"}))
      ->capture_default_str();
  cmd->add_option("-o,--output", args->output, "Write here (atomically) instead of stdout");
  args->read.add_to(*cmd, context);
  args->read.add_listing_cap_to(*cmd, context);
  cmd->callback([args, &context] { context.exit_code = run_check(*args); });
}

}  // namespace strata::cli
