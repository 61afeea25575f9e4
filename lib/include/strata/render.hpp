// Stage 7, render: reports as strings (the diff JSON also in pieces, as it is
// written). The CLI decides where they go.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "strata/change.hpp"
#include "strata/document.hpp"
#include "strata/history.hpp"
#include "strata/programmes.hpp"

namespace strata {

// `strata sections`: one line a section, indented by level, with counts.
std::string render_outline_text(const Document& doc);
// Schema "strata.sections/1" (docs/json.md): the tree with every sentence,
// original and normalized, and the boilerplate removals.
std::string render_outline_json(const Document& doc);

struct RenderOptions {
  // Include unchanged sections and claims. Default: false.
  bool all = false;
  // Show only these claim statuses (empty: every status but unchanged).
  std::vector<ChangeStatus> only;
  // ANSI colour in text output. Default: false; the CLI turns it on for terminals.
  bool color = false;
  // Equal words kept on each side of an edit in text output; the rest of a
  // long equal run is elided as "...". Default: -1, keep everything.
  int context = -1;
};

// Schema "strata.diff/1" (docs/json.md).
std::string render_diff_json(const ChangeSet& changes, const RenderOptions& options = {});
// Receives a report in pieces, in order: end to end, they are the report.
using ReportSink = std::function<void(std::string_view)>;
// The same report handed to `sink` as it is written, in pieces of about 64
// KiB, so that it is never held whole (a 30 MB pair's is 20 MB).
void render_diff_json(const ChangeSet& changes, const RenderOptions& options, const ReportSink& sink);
std::string render_diff_text(const ChangeSet& changes, const RenderOptions& options = {});
std::string render_diff_markdown(const ChangeSet& changes, const RenderOptions& options = {});

// Files beside a comparison page that it links to; empty: no link.
struct HtmlLinks {
  std::string index;     // the series index, "index.html"
  std::string markdown;  // the same comparison as Markdown
  std::string json;      // ... and as JSON
};

// One self-contained HTML page (docs/html.md): inline style, no external
// resource, a Content-Security-Policy, readable without its script.
std::string render_diff_html(const ChangeSet& changes, const RenderOptions& options = {}, const HtmlLinks& links = {});

// One comparison of a series, as the index shows it.
struct HtmlSeriesPair {
  size_t from = 0;  // indices into HtmlSeries::snapshots: the pair is from -> to
  size_t to = 1;
  std::string page;  // relative links to the comparison's page, Markdown and JSON
  std::string markdown;
  std::string json;
  std::map<std::string, int> sections;  // count_section_changes()
  std::map<std::string, int> claims;    // count_claim_changes()
  std::string headline;  // the most significant change in words (the first highlight's reason); may be empty
};

struct HtmlSeries {
  std::string title;                    // the page's heading
  std::vector<std::string> ids;         // one per snapshot, oldest first
  std::vector<DocumentMeta> snapshots;  // the same order
  std::vector<HtmlSeriesPair> pairs;
  ProgrammeSeries programmes;  // labels are `ids`
  std::string narrative;       // the series in a paragraph (series_narrative()); may be empty
};

// The series index: snapshots, comparisons linked, and programme presence
// over time as an inline SVG chart with a table beside it.
std::string render_series_html(const HtmlSeries& series);

// `strata programmes FILE`: "text", "json" or "markdown" (docs/programmes.md).
// `source` names the document in text and Markdown.
std::string render_programmes(const std::vector<Programme>& programmes, std::string_view source,
                              std::string_view format);
// `strata programmes --series`: the registry of a series, "text", "json" or
// "markdown", each with the renames and their evidence.
std::string render_programme_series(const ProgrammeSeries& series, std::string_view format);
// The programme x snapshot presence table of a series, with first and last
// seen and the renames between consecutive snapshots, as Markdown.
std::string render_programme_series_markdown(const ProgrammeSeries& series);

// The series report: `narrative` (series_narrative()), the first
// highlights of each consecutive pair (`pairs[k]` compares snapshot k with
// k + 1), then the programme table.
std::string render_series_markdown(const std::vector<ChangeSet>& pairs, const ProgrammeSeries& programmes,
                                   const std::string& narrative);

// Counts of section and claim changes by status name ("moved" -> 3).
std::map<std::string, int> count_section_changes(const ChangeSet& changes);
std::map<std::string, int> count_claim_changes(const ChangeSet& changes);

// History queries (strata/history.hpp).
// "text" (one line a version) or "json" (docs/store.md).
std::string render_log(const std::vector<LogEntry>& log, std::string_view format);
// "text", "json" or "csv" (one table per section: kind,name,<version ids>...).
std::string render_timeline(const Timeline& timeline, std::string_view format);
// "text", "json" or "summary" (claims counted by the version they first appeared in).
std::string render_blame(const Blame& blame, std::string_view format);
std::string render_claim_history(const std::vector<ClaimStep>& steps, std::string_view format);

// Text that is safe to print on a terminal: C0 controls and DEL from the
// input become caret notation (ESC is "^["), C1 controls, bidirectional
// controls and U+2028/U+2029 become "<U+202E>", invalid UTF-8 U+FFFD; line
// feeds and tabs stay. So only strata's own colour sequences reach a terminal.
std::string terminal_safe(std::string_view text);

// Messages quote file names, ids and command-line text; this long is plenty
// to recognize them, and keeps a hostile name from filling the screen.
inline constexpr size_t kMaxMessageBytes = 4096;

// One line of a message: terminal_safe with line feeds and tabs escaped too
// (a name cannot forge a second message line), cut at a character boundary
// to `max_bytes` of input, "..." marking the cut.
std::string terminal_line(std::string_view text, size_t max_bytes = kMaxMessageBytes);

}  // namespace strata
