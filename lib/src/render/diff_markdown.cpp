// Markdown report, readable on GitHub: ~~deleted~~ and **inserted**, a
// summary table, long sections folded in <details>.
#include <fmt/core.h>

#include "render/escape.hpp"
#include "render/link_rows.hpp"
#include "render/select.hpp"

namespace strata {

using render::md;

namespace {

// A section with more changed claims than this is folded.
constexpr size_t kFoldAbove = 8;

// Rows of each table and lines of the claim list past which the report is
// cut, with a notice: a rewrite of a long document (100,000 changed claims
// make 8 MiB of Markdown) is not read line by line, and pages of a few
// hundred KiB are what GitHub and browsers render without stalling; 2,000
// claim lines of the bundled series are about 300 KiB. The JSON report keeps
// everything.
constexpr size_t kMaxMarkdownRows = 2000;

// Counts rows against kMaxMarkdownRows for one part of the report.
struct RowBudget {
  size_t shown = 0;
  size_t total = 0;
  size_t unlisted = 0;  // of total: in no report, past the cap on listed claims (strata/compare.hpp)
  bool take() {
    ++total;
    if (shown >= kMaxMarkdownRows) return false;
    ++shown;
    return true;
  }
  std::string notice(std::string_view what) const {
    if (shown == total) return {};
    if (unlisted > 0) {
      return fmt::format(
          "\n> **Truncated:** {} of {} {} shown; the JSON report (`--format json`) lists {} of them "
          "(the cap on listed claims).\n",
          shown, total, what, total - unlisted);
    }
    return fmt::format("\n> **Truncated:** {} of {} {} shown; the JSON report (`--format json`) lists them all.\n",
                       shown, total, what);
  }
};

// Emphasis markers must hug the text: "~~word ~~" does not render.
std::string wrap(std::string_view text, std::string_view mark) {
  size_t b = 0, e = text.size();
  while (b < e && text[b] == ' ') ++b;
  while (e > b && text[e - 1] == ' ') --e;
  if (b == e) return std::string(text);
  return fmt::format("{}{}{}{}{}", text.substr(0, b), mark, md(text.substr(b, e - b)), mark, text.substr(e));
}

// The words taken out and the words put in are parted by a space (a
// replaced phrase holds none at its ends: word_diff keeps it outside).
std::string markup(const std::vector<WordOp>& ops) {
  std::string out;
  for (size_t i = 0; i < ops.size(); ++i) {
    const WordOp& op = ops[i];
    if (op.op == WordOp::Op::kInsert && i > 0 && ops[i - 1].op == WordOp::Op::kDelete) out += ' ';
    switch (op.op) {
      case WordOp::Op::kEqual:
        out += md(op.text);
        break;
      case WordOp::Op::kDelete:
        out += wrap(op.text, "~~");
        break;
      case WordOp::Op::kInsert:
        out += wrap(op.text, "**");
        break;
    }
  }
  return out;
}

std::string titles(const std::vector<SectionSide>& sides) {
  std::string out;
  for (const SectionSide& s : sides) out += (out.empty() ? "" : " + ") + md(s.title);
  return out;
}

// `moved_from`: the old section's title path of a moved claim, else empty.
std::string claim_line(const ClaimChange& c, const std::string& moved_from) {
  const std::string status = to_string(c.status);
  std::string line;
  if (c.status == ChangeStatus::kAdded) {
    line = fmt::format("- **added**: {}", md(c.new_sides[0].text));
  } else if (c.status == ChangeStatus::kRemoved) {
    line = fmt::format("- **removed**: ~~{}~~", md(c.old_sides[0].text));
  } else {
    const std::string where = moved_from.empty() ? "" : " from “" + md(moved_from) + "”";
    line = fmt::format("- **{}**{}: {}", status, where, c.diff.empty() ? md(c.new_sides[0].text) : markup(c.diff));
  }
  if (!c.note.empty()) line += fmt::format(" _({})_", md(c.note));
  // Sentence by sentence, those that changed.
  for (const SentenceChange& s : c.sentences) {
    if (s.status == ChangeStatus::kModified) {
      line += fmt::format("\n  - sentence modified: {}", markup(s.diff));
    } else if (s.status == ChangeStatus::kRemoved) {
      line += fmt::format("\n  - sentence removed: ~~{}~~", md(s.old_text));
    } else if (s.status == ChangeStatus::kAdded) {
      line += fmt::format("\n  - sentence added: {}", md(s.new_text));
    }
  }
  for (const Fact& f : c.facts) {
    if (f.kind != FactKind::kAcronym) line += fmt::format("\n  - {}: {}", to_string(f.kind), md(f.note));
  }
  return line + "\n";
}

}  // namespace

std::string render_diff_markdown(const ChangeSet& changes, const RenderOptions& options) {
  auto label = [](const DocumentMeta& m) {
    return fmt::format("{}{}", md(m.title.empty() ? m.source : m.title), m.date.empty() ? "" : " (" + md(m.date) + ")");
  };
  std::string out = fmt::format("# {} → {}\n\n", label(changes.old_meta), label(changes.new_meta));
  if (!changes.narrative.empty()) out += md(changes.narrative) + "\n\n";
  if (!changes.highlights.empty()) {
    out += "## Highlights\n\n";
    for (const Highlight& h : changes.highlights) {
      out += fmt::format("{}. **{}** ({} points): {} _({})_\n", h.rank, md(h.kind), h.score, md(h.reason),
                         md(render::highlight_where(changes, h)));
      for (const std::string& more : h.more) out += fmt::format("   - also: {}\n", md(more));
    }
    out += "\n## Summary\n\n";
  }
  const auto sections = count_section_changes(changes);
  const auto claims = count_claim_changes(changes);
  out += "| status | sections | claims |\n|---|---:|---:|\n";
  for (const char* status :
       {"unchanged", "equivalent", "modified", "renamed", "moved", "split", "merged", "added", "removed"}) {
    const auto s = sections.find(status);
    const auto c = claims.find(status);
    if (s == sections.end() && c == claims.end()) continue;
    out += fmt::format("| {} | {} | {} |\n", status, s == sections.end() ? 0 : s->second,
                       c == claims.end() ? 0 : c->second);
  }
  for (const std::string& w : changes.warnings) out += fmt::format("\n> **Warning:** {}\n", md(w));

  // The parts are written first and the notices of what was cut put on top.
  // A part is written only over rows: an empty table says nothing.
  std::string body;
  std::string section_table;
  RowBudget section_rows, claim_rows, programme_rows, number_rows, wording_rows, link_rows;
  for (const SectionChange& c : changes.sections) {
    if (!render::shown(c.status, options) || !section_rows.take()) continue;
    section_table +=
        fmt::format("| {} | {} | {} | {} |\n", to_string(c.status), titles(c.old_sides), titles(c.new_sides),
                    c.old_sides.empty() || c.new_sides.empty() ? std::string() : fmt::format("{:.2f}", c.similarity));
  }
  if (!section_table.empty())
    body += "\n## Sections\n\n| status | old | new | similarity |\n|---|---|---|---:|\n" + section_table;
  body += section_rows.notice("section rows");

  const std::vector<render::ClaimGroup> groups = render::group_claims(changes, options);
  if (!groups.empty()) body += "\n## Claims\n";
  for (const render::ClaimGroup& group : groups) {
    const std::string& section = group.label;
    const std::vector<const ClaimChange*>& list = group.claims;
    if (claim_rows.shown >= kMaxMarkdownRows) {
      claim_rows.total += list.size();
      continue;
    }
    const bool fold = list.size() > kFoldAbove;
    if (fold) {
      body += fmt::format("\n<details><summary><b>{}</b> ({} changes)</summary>\n\n", md(section), list.size());
    } else {
      body += fmt::format("\n### {}\n\n", md(section));
    }
    for (size_t k = 0; k < list.size(); ++k) {
      if (claim_rows.take()) body += claim_line(*list[k], group.moved_from[k]);
    }
    if (fold) body += "\n</details>\n";
  }
  for (const auto& [status, n] : changes.claims_not_listed) {
    if (render::shown(status, options)) claim_rows.unlisted += static_cast<size_t>(n);
  }
  claim_rows.total += claim_rows.unlisted;
  body += claim_rows.notice("changed claims");

  std::string programme_table;
  for (const ProgrammeChange& p : changes.programmes) {
    if (!render::shown(p.status, options)) continue;
    auto side = [](const std::optional<ProgrammeSide>& s) {
      if (!s) return std::string();
      return fmt::format("{}{} ({})", md(s->name), s->acronym.empty() ? "" : " (" + md(s->acronym) + ")", s->mentions);
    };
    std::string evidence;
    for (const std::string& e : p.evidence) evidence += (evidence.empty() ? "" : "; ") + md(e);
    if (programme_rows.take()) {
      programme_table +=
          fmt::format("| {} | {} | {} | {} |\n", to_string(p.status), side(p.old_side), side(p.new_side), evidence);
    }
  }
  if (!programme_table.empty()) {
    body += "\n## Programmes\n\n| status | old | new | evidence |\n|---|---|---|---|\n" + programme_table;
  }
  body += programme_rows.notice("programme rows");
  if (!changes.numbers.empty()) {
    body +=
        "\n## Figures, dates and amounts\n\n| status | kind | old | new | claims | in |\n|---|---|---|---|---:|---|\n";
    for (const NumberChange& n : changes.numbers) {
      if (number_rows.take())
        body += fmt::format("| {} | {} | {} | {} | {} | {} |\n", to_string(n.status), md(n.kind), md(n.old_value),
                            md(n.new_value), n.count, md(n.context));
    }
    body += number_rows.notice("figure rows");
  }
  if (!changes.wording.empty()) {
    body += "\n## Wording\n\n| from | to | count | old | new |\n|---|---|---:|---:|---:|\n";
    for (const WordingShift& w : changes.wording) {
      if (!wording_rows.take()) continue;
      body += fmt::format("| {} | {} | {} | {} | {} |\n", w.from ? md(*w.from) : "", w.to ? md(*w.to) : "", w.count,
                          w.old_count, w.new_count);
    }
    body += wording_rows.notice("wording rows");
  }
  if (!changes.links.empty()) {
    body += "\n## Links\n\n| status | kind | text | old target | new target | section |\n|---|---|---|---|---|---|\n";
    for (const render::LinkRow& row : render::link_rows(changes.links)) {
      if (!link_rows.take()) continue;
      const LinkChange& l = *row.link;
      auto target = [](const std::string& t) { return t.empty() ? std::string() : render::md_code(t); };
      const std::string text = render::row_lead(row, md) + md(l.text);
      body += fmt::format("| {} | {} | {} | {} | {} | {} |\n", to_string(l.status), to_string(l.kind), text,
                          target(l.old_target), target(l.new_target), md(render::path_label(l.path)));
    }
    body += link_rows.notice("link rows");
  }
  bool cut = false;
  for (const RowBudget* part : {&section_rows, &claim_rows, &programme_rows, &number_rows, &wording_rows, &link_rows}) {
    cut = cut || part->shown < part->total;
  }
  if (cut) {
    out += fmt::format(
        "\n> **Truncated:** this report shows at most {} rows of each part; the JSON report "
        "(`--format json`) lists every change.\n",
        kMaxMarkdownRows);
  }
  return out + body;
}

}  // namespace strata
