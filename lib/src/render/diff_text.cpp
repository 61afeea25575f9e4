// Terminal report: sections, then changed claims grouped by section, with
// [-deleted-]{+inserted+} markers or colour.
#include <fmt/core.h>

#include "render/link_rows.hpp"
#include "render/select.hpp"

namespace strata {

namespace {

constexpr const char* kRed = "\x1b[31m";
constexpr const char* kGreen = "\x1b[32m";
constexpr const char* kBold = "\x1b[1m";
constexpr const char* kReset = "\x1b[0m";

std::string counts_line(const std::map<std::string, int>& counts) {
  std::string out;
  for (const auto& [name, n] : counts) out += fmt::format("{}{} {}", out.empty() ? "" : ", ", n, name);
  return out.empty() ? "none" : out;
}

// Keeps `context` words of an equal run next to each edit around it (the
// start when an edit precedes, the end when one follows) and elides the rest.
std::string elide(const std::string& text, int context, bool edit_before, bool edit_after) {
  if (context < 0) return text;
  std::vector<size_t> starts;  // byte offset of each word
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != ' ' && (i == 0 || text[i - 1] == ' ')) starts.push_back(i);
  }
  const size_t head = edit_before ? static_cast<size_t>(context) : 0;
  const size_t tail = edit_after ? static_cast<size_t>(context) : 0;
  if (starts.size() <= head + tail) return text;
  std::string out = head > 0 ? text.substr(0, starts[head]) : std::string();
  out += tail > 0 ? "... " + text.substr(starts[starts.size() - tail]) : std::string("...");
  return out;
}

std::string markup(const std::vector<WordOp>& ops, const RenderOptions& options) {
  std::string out;
  for (size_t i = 0; i < ops.size(); ++i) {
    const WordOp& op = ops[i];
    const std::string text = terminal_safe(op.text);
    switch (op.op) {
      case WordOp::Op::kEqual:
        out += elide(text, options.context, i > 0, i + 1 < ops.size());
        break;
      case WordOp::Op::kDelete:
        out += options.color ? fmt::format("{}{}{}", kRed, text, kReset) : fmt::format("[-{}-]", text);
        break;
      case WordOp::Op::kInsert:
        out += options.color ? fmt::format("{}{}{}", kGreen, text, kReset) : fmt::format("{{+{}+}}", text);
        break;
    }
  }
  return out;
}

std::string title_of(const std::vector<SectionSide>& sides) {
  std::string out;
  for (const SectionSide& s : sides) out += fmt::format("{}\"{}\"", out.empty() ? "" : " + ", terminal_safe(s.title));
  return out;
}

// `moved_from`: the old section's title path of a moved claim, else empty.
std::string claim_text(const ClaimChange& c, const std::string& moved_from, const RenderOptions& options) {
  std::string out;
  const std::string status = to_string(c.status);
  std::string where;
  if (!moved_from.empty()) where = " from \"" + terminal_safe(moved_from) + "\"";
  if (c.status == ChangeStatus::kAdded) {
    out += fmt::format("  + added: {}\n", terminal_safe(c.new_sides[0].text));
  } else if (c.status == ChangeStatus::kRemoved) {
    out += fmt::format("  - removed: {}\n", terminal_safe(c.old_sides[0].text));
  } else if (c.diff.empty()) {
    out += fmt::format("  = {}{}: {}\n", status, where, terminal_safe(c.new_sides[0].text));
  } else {
    out += fmt::format("  ~ {}{}: {}\n", status, where, markup(c.diff, options));
  }
  // Sentence by sentence, those that changed.
  for (const SentenceChange& s : c.sentences) {
    if (s.status == ChangeStatus::kModified) {
      out += fmt::format("      sentence ~ {}\n", markup(s.diff, options));
    } else if (s.status == ChangeStatus::kRemoved) {
      out += fmt::format("      sentence - {}\n", terminal_safe(s.old_text));
    } else if (s.status == ChangeStatus::kAdded) {
      out += fmt::format("      sentence + {}\n", terminal_safe(s.new_text));
    }
  }
  if (!c.note.empty()) out += fmt::format("      note: {}\n", terminal_safe(c.note));
  for (const Fact& f : c.facts) {
    if (f.kind != FactKind::kAcronym) out += fmt::format("      {}: {}\n", to_string(f.kind), terminal_safe(f.note));
  }
  return out;
}

}  // namespace

std::string render_diff_text(const ChangeSet& changes, const RenderOptions& options) {
  std::string out;
  auto label = [](const DocumentMeta& m) {
    return fmt::format("{}{}", terminal_safe(m.title.empty() ? m.source : m.title),
                       m.date.empty() ? "" : " (" + terminal_safe(m.date) + ")");
  };
  out += fmt::format("{}strata diff{}: {} -> {}\n", options.color ? kBold : "", options.color ? kReset : "",
                     label(changes.old_meta), label(changes.new_meta));
  if (!changes.narrative.empty()) out += fmt::format("\n{}\n", terminal_safe(changes.narrative));
  if (!changes.highlights.empty()) {
    out += "\nHighlights\n";
    for (const Highlight& h : changes.highlights) {
      out += fmt::format("  {:>2}. [{}] {}: {} ({})\n", h.rank, h.score, h.kind, terminal_safe(h.reason),
                         terminal_safe(render::highlight_where(changes, h)));
      for (const std::string& more : h.more) out += fmt::format("      also: {}\n", terminal_safe(more));
    }
    out += "\n";
  }
  out += fmt::format("sections: {}\nclaims: {}\n", counts_line(count_section_changes(changes)),
                     counts_line(count_claim_changes(changes)));
  for (const std::string& w : changes.warnings) out += fmt::format("warning: {}\n", terminal_safe(w));

  // A heading only over rows: an empty part says nothing.
  std::string section_lines;
  for (const SectionChange& c : changes.sections) {
    if (!render::shown(c.status, options)) continue;
    std::string line = fmt::format("  {:<10} ", to_string(c.status));
    if (c.old_sides.empty()) {
      line += title_of(c.new_sides);
    } else if (c.new_sides.empty()) {
      line += title_of(c.old_sides);
    } else if (c.status == ChangeStatus::kUnchanged || c.status == ChangeStatus::kModified) {
      line += title_of(c.new_sides);
    } else {
      line += fmt::format("{} -> {}", title_of(c.old_sides), title_of(c.new_sides));
    }
    if (!c.old_sides.empty() && !c.new_sides.empty()) line += fmt::format("  ({:.2f})", c.similarity);
    section_lines += line + "\n";
  }
  if (!section_lines.empty()) out += "\nSections\n" + section_lines;

  for (const render::ClaimGroup& group : render::group_claims(changes, options)) {
    out += fmt::format("\n@@ {}\n", terminal_safe(group.label));
    for (size_t k = 0; k < group.claims.size(); ++k) out += claim_text(*group.claims[k], group.moved_from[k], options);
  }
  std::string programme_lines;
  for (const ProgrammeChange& p : changes.programmes) {
    // A kept programme whose mentions changed in number is shown too: a
    // programme that survives in two mentions out of twelve has shrunk.
    const bool resized = p.status == ChangeStatus::kUnchanged && p.old_side && p.new_side &&
                         p.old_side->mentions != p.new_side->mentions;
    if (!render::shown(p.status, options) && !resized) continue;
    const std::string old_name = p.old_side ? p.old_side->name : "";
    const std::string new_name = p.new_side ? p.new_side->name : "";
    std::string status = to_string(p.status);
    const bool both =
        p.status == ChangeStatus::kRenamed || p.status == ChangeStatus::kMerged || p.status == ChangeStatus::kSplit;
    std::string line = both ? old_name + " -> " + new_name : (new_name.empty() ? old_name : new_name);
    if (resized) {
      status = p.new_side->mentions < p.old_side->mentions ? "shrank" : "grew";
      line += fmt::format(" ({} -> {} mentions)", p.old_side->mentions, p.new_side->mentions);
    }
    programme_lines += fmt::format("  {:<10} {}\n", status, terminal_safe(line));
    for (const std::string& e : p.evidence) programme_lines += fmt::format("             {}\n", terminal_safe(e));
  }
  if (!programme_lines.empty()) out += "\nProgrammes\n" + programme_lines;
  if (!changes.numbers.empty()) {
    out += "\nFigures\n";
    for (const NumberChange& n : changes.numbers) {
      out += fmt::format("  {:<10} {:<10} {}{}{}{}\n", to_string(n.status), terminal_safe(n.kind),
                         terminal_safe(n.old_value), n.old_value.empty() || n.new_value.empty() ? "" : " -> ",
                         terminal_safe(n.new_value), n.count > 1 ? fmt::format("  (in {} claims)", n.count) : "");
      if (!n.context.empty()) out += fmt::format("             {}\n", terminal_safe(n.context));
    }
  }
  if (!changes.wording.empty()) {
    out += "\nWording\n";
    for (const WordingShift& w : changes.wording) {
      if (w.from && w.to) {
        out += fmt::format("  \"{}\" -> \"{}\" in {} claim{}\n", terminal_safe(*w.from), terminal_safe(*w.to), w.count,
                           w.count == 1 ? "" : "s");
      } else {
        out += fmt::format("  \"{}\" {} ({} -> {})\n", terminal_safe(w.from ? *w.from : *w.to),
                           w.from ? "vanished" : "appeared", w.old_count, w.new_count);
      }
    }
  }
  if (!changes.links.empty()) {
    out += "\nLinks\n";
    for (const render::LinkRow& row : render::link_rows(changes.links)) {
      const LinkChange& l = *row.link;
      const bool both = l.status == LinkStatus::kRepointed || l.status == LinkStatus::kRetagged;
      const std::string target = both                             ? l.old_target + " -> " + l.new_target
                                 : l.status == LinkStatus::kAdded ? l.new_target
                                                                  : l.old_target;
      out += fmt::format("  {:<10} {}{}\"{}\" {}  in {}\n", to_string(l.status), render::row_lead(row, terminal_safe),
                         l.kind == LinkKind::kImage ? "image " : "", terminal_safe(l.text), terminal_safe(target),
                         terminal_safe(render::path_label(l.path)));
    }
  }
  return out;
}

}  // namespace strata
