#include "targets.hpp"

#include <sys/mman.h>
#include <unistd.h>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <gumbo.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

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
#include "text/utf8.hpp"

namespace strata::fuzz {

namespace {

// A broken invariant is a finding: say which, then abort so the fuzzer
// keeps the input.
[[noreturn]] void finding(const char* what) {
  std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
  std::abort();
}

void check_utf8(const std::string& s, const char* what) {
  if (utf8::find_invalid(s) != std::string_view::npos) finding(what);
}

// What strata prints for a reader (text and Markdown reports, outlines,
// messages) holds no character a terminal takes for a command or that
// reorders the text around it: no C0 control but line feeds and tabs (and
// not those in a one-line message), no DEL, no C1 control, no bidirectional
// control, no line or paragraph separator. Input holding them shows them by
// name (docs/reliability.md).
void check_terminal_safe(const std::string& s, bool breaks, const char* what) {
  check_utf8(s, what);
  for (size_t pos = 0; pos < s.size();) {
    const char32_t cp = utf8::decode(s, pos);
    const bool c0 = cp < 0x20 && !(breaks && (cp == '\n' || cp == '\t'));
    const bool bidi = (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E ||
                      cp == 0x200F || cp == 0x061C;
    if (c0 || (cp >= 0x7F && cp < 0xA0) || bidi || cp == 0x2028 || cp == 0x2029) finding(what);
  }
}

void check_json(const std::string& s, const char* what) {
  check_utf8(s, what);
  if (nlohmann::json::parse(s, nullptr, false).is_discarded()) finding(what);
}

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

// A page strata writes holds only the elements and attributes its
// renderers write, whatever the documents said: an input that adds one
// (a tag, an event handler, a link away from the page) found a hole in the
// escaping.
constexpr std::string_view kPageElements[] = {
    "html", "head",  "body",    "meta",  "title",  "style",  "script", "a",    "p",     "div",    "span",   "section",
    "h1",   "h2",    "h3",      "nav",   "header", "footer", "main",   "ul",   "ol",    "li",     "dl",     "dt",
    "dd",   "table", "caption", "thead", "tbody",  "tr",     "th",     "td",   "label", "input",  "output", "ins",
    "del",  "b",     "bdi",     "code",  "svg",    "g",      "path",   "rect", "line",  "circle", "text",   "desc"};

// Calls `on_element` for every element under `node`, in document order.
template <typename OnElement>
void for_each_element(const GumboNode* node, OnElement&& on_element) {
  if (node->type != GUMBO_NODE_ELEMENT) return;
  const GumboElement& element = node->v.element;
  std::string_view tag = gumbo_normalized_tagname(element.tag);
  if (element.tag == GUMBO_TAG_UNKNOWN) {
    GumboStringPiece name = element.original_tag;
    gumbo_tag_from_original_text(&name);
    tag = std::string_view(name.data, name.length);
  }
  on_element(element, tag);
  for (unsigned i = 0; i < element.children.length; ++i) {
    for_each_element(static_cast<const GumboNode*>(element.children.data[i]), on_element);
  }
}

template <typename OnElement>
void parse_html(std::string_view html, OnElement&& on_element) {
  GumboOutput* output = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
  for_each_element(output->root, on_element);
  gumbo_destroy_output(&kGumboDefaultOptions, output);
}

template <size_t N>
bool one_of(std::string_view tag, const std::string_view (&names)[N]) {
  return std::find(std::begin(names), std::end(names), tag) != std::end(names);
}

// `files`: the files of the series beside the page, which it may link to.
void check_page(const std::string& page, std::initializer_list<std::string_view> files = {}) {
  check_utf8(page, "HTML page not UTF-8");
  size_t scripts = 0;
  parse_html(page, [&](const GumboElement& element, std::string_view tag) {
    if (!one_of(tag, kPageElements)) finding("HTML page holds an element strata does not write");
    if (element.tag == GUMBO_TAG_SCRIPT) ++scripts;
    for (unsigned i = 0; i < element.attributes.length; ++i) {
      const auto* attribute = static_cast<const GumboAttribute*>(element.attributes.data[i]);
      const std::string_view name = attribute->name;
      if (name.starts_with("on") || name == "src" || name == "style" || name == "srcdoc" || name == "action") {
        finding("HTML page holds an attribute strata does not write");
      }
      const std::string_view value = attribute->value;
      if (name == "href" && !value.starts_with("#") && std::find(files.begin(), files.end(), value) == files.end()) {
        finding("HTML page links away from itself");
      }
    }
  });
  if (scripts != 1) finding("HTML page holds a script strata does not write");
}

// The Markdown report as GitHub reads it (GFM, with its extended autolinks):
// no link or image at all, and in its HTML only the collapsible sections
// strata writes (<details><summary><b>), without attributes. Anything else
// came from the documents through a hole in the escaping.
constexpr std::string_view kReportTags[] = {"html", "head", "body", "details", "summary", "b"};

void check_markdown(const std::string& report) {
  check_terminal_safe(report, true, "diff Markdown unsafe for a terminal");
  static std::once_flag registered;
  std::call_once(registered, [] { cmark_gfm_core_extensions_ensure_registered(); });
  cmark_parser* parser = cmark_parser_new(CMARK_OPT_DEFAULT);
  for (const char* name : {"table", "strikethrough", "autolink", "tagfilter", "tasklist"}) {
    cmark_parser_attach_syntax_extension(parser, cmark_find_syntax_extension(name));
  }
  cmark_parser_feed(parser, report.data(), report.size());
  cmark_node* document = cmark_parser_finish(parser);
  cmark_iter* iter = cmark_iter_new(document);
  for (cmark_event_type event; (event = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
    cmark_node* node = cmark_iter_get_node(iter);
    const cmark_node_type type = cmark_node_get_type(node);
    if (event != CMARK_EVENT_ENTER) continue;
    if (type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE) finding("Markdown report holds a link");
    if (type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE) {
      parse_html(cmark_node_get_literal(node), [](const GumboElement& element, std::string_view tag) {
        if (!one_of(tag, kReportTags) || element.attributes.length > 0) {
          finding("Markdown report holds HTML strata does not write");
        }
      });
    }
  }
  cmark_iter_free(iter);
  cmark_node_free(document);
  cmark_parser_free(parser);
}

// GitHub Actions reads every line that opens with "::" as a command: each
// line but the verdict must be one annotation, its properties only file,
// line and title, so that no text of the documents starts a command or
// adds a property.
void check_workflow_commands(const std::string& out) {
  check_utf8(out, "workflow commands not UTF-8");
  std::string_view rest = out;
  while (!rest.empty()) {
    const size_t end = rest.find('\n');
    const std::string_view line = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    if (rest.empty()) break;  // the verdict
    const size_t space = line.find(' ');
    const std::string_view command = line.substr(0, space);
    if (command != "::error" && command != "::warning" && command != "::notice") finding("a line that is no command");
    const size_t data = line.find("::", space);
    if (space == std::string_view::npos || data == std::string_view::npos) finding("a command without data");
    std::string_view properties = line.substr(space + 1, data - space - 1);
    for (size_t comma = 0; comma != std::string_view::npos;) {
      comma = properties.find(',');
      const std::string_view property = properties.substr(0, comma);
      if (!property.starts_with("file=") && !property.starts_with("line=") && !property.starts_with("title=")) {
        finding("a command property strata does not write");
      }
      // GitHub's own toolkit escapes ':' in a property, as strata does.
      if (property.find(':') != std::string_view::npos) finding("a colon in a command property");
      properties = comma == std::string_view::npos ? std::string_view() : properties.substr(comma + 1);
    }
    if (line.find('\r') != std::string_view::npos) finding("a carriage return in a command");
  }
}

constexpr std::string_view kJunitElements[] = {"html",     "head",    "body",       "testsuites", "testsuite",
                                               "testcase", "failure", "system-out", "system-err"};
constexpr std::string_view kJunitAttributes[] = {"name", "tests", "failures", "errors", "classname", "type", "message"};

// JUnit XML, read as markup: only the elements and attributes strata writes.
void check_junit(const std::string& xml) {
  check_utf8(xml, "JUnit report not UTF-8");
  parse_html(xml, [](const GumboElement& element, std::string_view tag) {
    if (!one_of(tag, kJunitElements)) finding("JUnit report holds an element strata does not write");
    for (unsigned i = 0; i < element.attributes.length; ++i) {
      const auto* attribute = static_cast<const GumboAttribute*>(element.attributes.data[i]);
      if (!one_of(attribute->name, kJunitAttributes)) finding("JUnit report holds an attribute strata does not write");
    }
  });
}

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

void diff_two(const uint8_t* data, size_t size) {
  if (size > kMaxInput) return;
  const std::string_view all(reinterpret_cast<const char*>(data), size);
  const size_t cut = all.find('\xFF');
  const std::string_view old_bytes = all.substr(0, cut);
  const std::string_view new_bytes = cut == std::string_view::npos ? all : all.substr(cut + 1);
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
