#include "targets.hpp"

#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "strata/compare.hpp"
#include "strata/load.hpp"
#include "strata/render.hpp"
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

void check_json(const std::string& s, const char* what) {
  check_utf8(s, what);
  if (nlohmann::json::parse(s, nullptr, false).is_discarded()) finding(what);
}

// Kept small so a run stays fast: the fuzzer looks for shapes, not sizes.
constexpr size_t kMaxInput = 64 * 1024;

}  // namespace

void read_one(const uint8_t* data, size_t size) {
  if (size > kMaxInput) return;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  for (InputFormat format : {InputFormat::kPlainText, InputFormat::kMarkdown, InputFormat::kHtml, InputFormat::kAuto}) {
    LoadOptions options;
    options.format = format;
    auto doc = parse_document(bytes, "fuzz", options);
    if (!doc) continue;  // refused input is fine; a crash or a hang is not
    if (doc->sections.empty()) finding("no root section");
    for (size_t i = 1; i < doc->sections.size(); ++i) {
      const int parent = doc->sections[i].parent;
      if (parent < 0 || static_cast<size_t>(parent) >= i) finding("parent not before its child");
    }
    check_utf8(render_outline_text(*doc), "outline text not UTF-8");
    check_json(render_outline_json(*doc), "outline JSON");
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
  RenderOptions render;
  render.all = true;
  check_utf8(render_diff_text(changes, render), "diff text not UTF-8");
  check_utf8(render_diff_markdown(changes, render), "diff Markdown not UTF-8");
  check_json(render_diff_json(changes, render), "diff JSON");

  // Counting unchanged claims instead of keeping them must not change what a
  // report without --all says.
  CompareOptions lean;
  lean.keep_unchanged_claims = false;
  if (render_diff_json(compare(*old_doc, *new_doc, lean)) != render_diff_json(changes)) {
    finding("leaving out unchanged claims changed the JSON report");
  }

  if (compare(*old_doc, *old_doc).has_changes()) finding("a document differs from itself");
}

}  // namespace strata::fuzz
