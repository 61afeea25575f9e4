#include "targets.hpp"

#include <sys/mman.h>
#include <unistd.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "pipeline/load_owned.hpp"
#include "readers.hpp"
#include "store/meta.hpp"
#include "store/revision.hpp"
#include "strata/check.hpp"
#include "strata/compare.hpp"
#include "strata/ingest.hpp"
#include "strata/load.hpp"
#include "strata/manifest.hpp"
#include "strata/programmes.hpp"
#include "strata/render.hpp"
#include "strata/significance.hpp"
#include "strata/store.hpp"

namespace strata::fuzz {

namespace {

// Kept small so a run stays fast: the fuzzer looks for shapes, not sizes.
constexpr size_t kMaxInput = 64 * 1024;

// The file readers take a path: the bytes go into an in-memory file, named
// through /proc, so a run touches no disk.
class MemoryFile {
 public:
  MemoryFile(const uint8_t* data, size_t size) : fd_(::memfd_create("strata-fuzz", MFD_CLOEXEC)) {
    if (fd_ < 0) finding("memfd_create failed");
    if (size > 0 && ::write(fd_, data, size) != static_cast<ssize_t>(size)) finding("memfd write failed");
  }
  ~MemoryFile() { ::close(fd_); }
  MemoryFile(const MemoryFile&) = delete;
  MemoryFile& operator=(const MemoryFile&) = delete;
  std::string path() const { return "/proc/self/fd/" + std::to_string(fd_); }

 private:
  int fd_;
};

// Rules that most changes break, so that the check reports have findings
// whose texts come from the fuzzed documents.
constexpr std::string_view kBroadRules =
    "[[watch]]\nphrase = \"the\"\n"
    "[[section]]\npath = \"*\"\n"
    "[[changes]]\nkinds = [\"modality-weakened\", \"negation-removed\", \"negation-added\", \"figure-changed\"]\n"
    "[[programmes]]\n"
    "[[threshold]]\nclaims_removed = 0\n"
    "[[threshold]]\nsection_rewritten = 1\n";

// The two documents as a series, as `strata report` writes it: the index
// page (snapshots, the pair linked, programmes over time as a chart) and the
// series report.
void check_series(std::vector<Document> docs, const ChangeSet& changes) {
  HtmlSeries series;
  series.title = docs[0].meta.title;
  series.ids = {"old", "new"};
  for (const Document& d : docs) series.snapshots.push_back(d.meta);
  series.pairs.push_back(HtmlSeriesPair{0, 1, "old__new.html", "old__new.md", "old__new.json",
                                        count_section_changes(changes), count_claim_changes(changes),
                                        changes.highlights.empty() ? "" : changes.highlights[0].reason});
  series.programmes = programme_series(docs, series.ids, {});
  check_json(render_programme_series(series.programmes, "json"), "programme series JSON");
  check_json(render_programmes(extract_programmes(docs[1], {}), "new", "json"), "programmes JSON");
  const std::vector<ChangeSet> pairs = {changes};
  series.narrative = series_narrative(pairs, series.programmes);
  check_page(render_series_html(series), {"./old__new.html", "./old__new.md", "./old__new.json"});
  check_markdown(render_series_markdown(pairs, series.programmes, series.narrative));
}

// The check of the pair under kBroadRules, in every format, each read as
// its reader reads it.
void check_reports(const Document& old_doc, const Document& new_doc, const ChangeSet& changes) {
  static const std::vector<Rule> rules = [] {
    const MemoryFile file(reinterpret_cast<const uint8_t*>(kBroadRules.data()), kBroadRules.size());
    auto loaded = load_check_config(file.path());
    if (!loaded) finding("the broad check rules are refused");
    return loaded->rules;
  }();
  CheckReport report;
  report.rules = rules;
  report.documents.push_back(check_document(old_doc, new_doc, changes, rules, ""));
  check_terminal_safe(render_check(report, CheckFormat::kText), true, "check text unsafe for a terminal");
  check_json(render_check(report, CheckFormat::kJson), "check JSON");
  check_json(render_check(report, CheckFormat::kSarif), "check SARIF");
  check_markdown(render_check(report, CheckFormat::kMarkdown));
  check_workflow_commands(render_check(report, CheckFormat::kGithub));
  check_junit(render_check(report, CheckFormat::kJunit));
}

void check_message(const Error& error) {
  check_terminal_safe(terminal_line(error.message), false, "escaped message unsafe for a terminal");
}

}  // namespace

void read_one(const uint8_t* data, size_t size) {
  if (size > kMaxInput) return;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  // The format sniffed first: its reading must be the one of the format it
  // names, read below, so its outline is only compared, not checked again.
  std::optional<Document> sniffed;
  std::string sniffed_outline;
  {
    LoadOptions options;
    options.format = InputFormat::kAuto;
    if (auto doc = parse_document(bytes, "fuzz", options)) {
      if (doc->meta.format == InputFormat::kAuto) finding("sniffed document names no format");
      sniffed_outline = render_outline_json(*doc);
      sniffed = std::move(*doc);
    }
  }
  for (InputFormat format : {InputFormat::kPlainText, InputFormat::kMarkdown, InputFormat::kHtml}) {
    LoadOptions options;
    options.format = format;
    auto doc = parse_document(bytes, "fuzz", options);
    if (!doc) continue;  // refused input is fine; a crash or a hang is not
    if (doc->sections.empty()) finding("no root section");
    for (size_t i = 1; i < doc->sections.size(); ++i) {
      const int parent = doc->sections[i].parent;
      if (parent < 0 || static_cast<size_t>(parent) >= i) finding("parent not before its child");
    }
    check_terminal_safe(render_outline_text(*doc), true, "outline text unsafe for a terminal");
    const std::string outline = render_outline_json(*doc);
    check_json(outline, "outline JSON");
    if (sniffed && sniffed->meta.format == format && sniffed_outline != outline) {
      finding("sniffed format reads differently from the same format named");
    }
    if (format != InputFormat::kMarkdown) continue;
    // A history reads Markdown in parts through a cache: it must read what
    // the document read whole says.
    LoadOptions in_parts = options;
    in_parts.cache = std::make_shared<ReadCache>();
    auto again = parse_document(bytes, "fuzz", in_parts);
    if (!again || render_outline_json(*again) != outline) finding("Markdown read in parts differs from read whole");
  }
}

namespace {

// The two read together, as a diff of two files reads them (each paragraph
// they share read once): each must be the document it makes alone, and
// the pair refused exactly when one of them is.
void check_read_together(std::string_view old_bytes, std::string_view new_bytes) {
  for (InputFormat format : {InputFormat::kAuto, InputFormat::kPlainText, InputFormat::kMarkdown, InputFormat::kHtml}) {
    LoadOptions options;
    options.format = format;
    auto old_alone = parse_document(old_bytes, "old", options);
    auto new_alone = parse_document(new_bytes, "new", options);
    options.cache = std::make_shared<ReadCache>();
    auto both = pipeline::parse_owned_pair({std::string(old_bytes), "old", &options},
                                           {std::string(new_bytes), "new", &options});
    if (!both || !old_alone || !new_alone) {
      if (both.has_value() != (old_alone.has_value() && new_alone.has_value())) {
        finding("a pair read together is refused otherwise than its versions read alone");
      }
      continue;
    }
    if (render_outline_json(both->first) != render_outline_json(*old_alone) ||
        render_outline_json(both->second) != render_outline_json(*new_alone)) {
      finding("a pair read together differs from its versions read alone");
    }
  }
}

}  // namespace

void diff_two(const uint8_t* data, size_t size) {
  if (size > kMaxInput) return;
  const std::string_view all(reinterpret_cast<const char*>(data), size);
  const size_t cut = all.find('\xFF');
  const std::string_view old_bytes = all.substr(0, cut);
  const std::string_view new_bytes = cut == std::string_view::npos ? all : all.substr(cut + 1);
  check_read_together(old_bytes, new_bytes);
  auto old_doc = parse_document(old_bytes, "old");
  auto new_doc = parse_document(new_bytes, "new");
  if (!old_doc || !new_doc) return;

  const ChangeSet changes = compare(*old_doc, *new_doc);
  for (const ClaimChange& c : changes.claims) {
    if (c.diff.empty() || c.new_sides.size() != 1 || c.old_sides.size() != 1) continue;
    std::string rebuilt;
    for (const WordOp& op : c.diff) {
      check_utf8(op.text, "word diff op not UTF-8");
      if (op.op != WordOp::Op::kDelete) rebuilt += op.text;
    }
    if (rebuilt != c.new_sides[0].text) finding("word diff does not rebuild the new claim");
  }
  for (const ClaimChange& c : changes.claims) {
    for (const SentenceChange& s : c.sentences) {
      if (s.status != ChangeStatus::kModified || s.diff.empty()) continue;
      std::string rebuilt;
      for (const WordOp& op : s.diff) {
        if (op.op != WordOp::Op::kDelete) rebuilt += op.text;
      }
      if (rebuilt != s.new_text) finding("sentence word diff does not rebuild the new sentence");
    }
  }
  RenderOptions render;
  render.all = true;
  check_terminal_safe(render_diff_text(changes, render), true, "diff text unsafe for a terminal");
  check_markdown(render_diff_markdown(changes, render));
  check_json(render_diff_json(changes, render), "diff JSON");
  check_page(render_diff_html(changes, render));
  check_reports(*old_doc, *new_doc, changes);

  // Counting unchanged claims instead of keeping them must not change what a
  // report without --all says.
  CompareOptions lean;
  lean.keep_unchanged_claims = false;
  if (render_diff_json(compare(*old_doc, *new_doc, lean)) != render_diff_json(changes)) {
    finding("leaving out unchanged claims changed the JSON report");
  }

  if (compare(*old_doc, *old_doc).has_changes()) finding("a document differs from itself");
  check_series({std::move(*old_doc), std::move(*new_doc)}, changes);
}

// The small pair that accepted rule files are tried on, read once: the
// fuzzer's input changes only the options.
struct FixedPair {
  static constexpr std::string_view kOld =
      "Title\n\nLast updated: 2 July 2024\n\nSkip to main content\n\nThe Fund will support the Agency.\n";
  static constexpr std::string_view kNew =
      "Title\n\nLast updated: 3 May 2025\n\nSkip to main content\n\nThe Fund may support the new Agency.\n";
  FixedPair() {
    auto old_read = parse_document(kOld, "old");
    auto new_read = parse_document(kNew, "new");
    if (!old_read || !new_read) finding("fixed documents refused");
    old_doc = std::move(*old_read);
    new_doc = std::move(*new_read);
    changes = compare(old_doc, new_doc);
  }
  Document old_doc;
  Document new_doc;
  ChangeSet changes;  // under the default options
};

void rules_file(const uint8_t* data, size_t size) {
  if (size > kMaxInput) return;
  const MemoryFile file(data, size);
  static const FixedPair pair;

  // The same bytes go to every rule file reader: they share the TOML
  // reader, and a shape that breaks one is worth trying on the others.
  if (auto rules = load_boilerplate_rules(file.path(), default_boilerplate_rules()); !rules) {
    check_message(rules.error());
  } else {
    LoadOptions options;
    options.rules = std::move(*rules);
    if (auto doc = parse_document(FixedPair::kOld, "fuzz", options)) {
      check_json(render_outline_json(*doc), "outline JSON under fuzzed rules");
    }
  }

  // Most inputs are refused by both readers; the pair under the default
  // options is then the one compared before.
  CompareOptions compare_options;
  bool configured = false;
  if (auto programmes = load_programme_config(file.path()); !programmes) {
    check_message(programmes.error());
  } else {
    compare_options.classification.programmes = std::move(*programmes);
    configured = true;
  }
  if (auto significance = load_significance_options(file.path()); !significance) {
    check_message(significance.error());
  } else {
    compare_options.classification.significance = std::move(*significance);
    configured = true;
  }
  ChangeSet configured_changes;
  if (configured) {
    configured_changes = compare(pair.old_doc, pair.new_doc, compare_options);
    check_json(render_diff_json(configured_changes), "diff JSON under fuzzed programme and significance files");
  }
  const ChangeSet& changes = configured ? configured_changes : pair.changes;

  auto rule_set = load_check_config(file.path());
  if (!rule_set) return check_message(rule_set.error());
  const DocumentCheck checked = check_document(pair.old_doc, pair.new_doc, changes, rule_set->rules, "fuzz");
  for (const Finding& f : checked.findings) check_utf8(f.summary, "check finding not UTF-8");
}

void manifest_file(const uint8_t* data, size_t size) {
  if (size > kMaxInput) return;
  const MemoryFile file(data, size);
  auto manifest = load_manifest(file.path());
  if (!manifest) return check_message(manifest.error());
  const std::vector<ManifestEntry> series = manifest->series();
  for (size_t i = 1; i < series.size(); ++i) {
    if (!series[i - 1].series || !series[i].series || *series[i - 1].series > *series[i].series) {
      finding("series out of order");
    }
  }
}

void revision(const uint8_t* data, size_t size) {
  if (size > kMaxInput) return;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto parsed = store::parse_revision(text);
  if (!parsed) return check_message(parsed.error());
  using Base = store::Revision::Base;
  if (parsed->back < 0) finding("negative ~N");
  if (parsed->base == Base::kName && !store::check_name(parsed->name, "name")) finding("accepted name is not an id");
  if (parsed->base == Base::kDate && (parsed->date.month > 12 || parsed->date.day > 31)) finding("impossible date");
}

void commit_metadata(const uint8_t* data, size_t size) {
  if (size > kMaxInput) return;
  const std::string_view message(reinterpret_cast<const char*>(data), size);
  VersionInfo info;
  if (auto ok = store::parse_commit_message(message, info); !ok) return check_message(ok.error());
  VersionInfo again;
  if (!store::parse_commit_message(store::commit_message(info), again)) finding("accepted metadata does not read back");
  if (again.id != info.id || again.title != info.title || again.source != info.source || again.date != info.date ||
      again.format != info.format || again.normalization != info.normalization || again.raw_blob != info.raw_blob ||
      again.selectors.select != info.selectors.select || again.selectors.remove != info.selectors.remove) {
    finding("metadata changed on a round trip");
  }
}

}  // namespace strata::fuzz
