#include <fmt/core.h>

#include "render/escape.hpp"
#include "render/select.hpp"
#include "strata/render.hpp"

namespace strata {

using render::md;

namespace {

// Highlights shown per comparison in the series report; the pair's own
// report lists them all.
constexpr size_t kSeriesHighlightsPerPair = 5;

std::string label(const DocumentMeta& m) {
  return fmt::format("{}{}", md(m.title.empty() ? m.source : m.title), m.date.empty() ? "" : " (" + m.date + ")");
}

}  // namespace

std::string render_series_markdown(const std::vector<ChangeSet>& pairs, const ProgrammeSeries& programmes,
                                   const std::string& narrative) {
  std::string out = "# The series\n\n" + md(narrative) + "\n\n## Highlights\n";
  for (const ChangeSet& pair : pairs) {
    out += fmt::format("\n### {} → {}\n\n", label(pair.old_meta), label(pair.new_meta));
    if (pair.highlights.empty()) out += "Nothing significant.\n";
    for (size_t i = 0; i < pair.highlights.size() && i < kSeriesHighlightsPerPair; ++i) {
      const Highlight& h = pair.highlights[i];
      out += fmt::format("{}. **{}** ({} points): {} _({})_\n", h.rank, md(h.kind), h.score, md(h.reason),
                         md(render::highlight_where(pair, h)));
    }
  }
  return out + "\n" + render_programme_series_markdown(programmes);
}

std::string render_programme_series_markdown(const ProgrammeSeries& series) {
  std::string out = "## Programmes across the series\n\n";
  out += "Mentions of each programme in each snapshot (blank: absent).\n\n| programme | acronym |";
  for (const std::string& label : series.labels) out += fmt::format(" {} |", md(label));
  out += " first seen | last seen |\n|---|---|";
  for (size_t i = 0; i < series.labels.size(); ++i) out += "---:|";
  out += "---|---|\n";
  auto label = [&](int index) { return index < 0 ? std::string() : md(series.labels[static_cast<size_t>(index)]); };
  for (const ProgrammeSeriesRow& row : series.rows) {
    std::string was;
    for (const std::string& e : row.earlier) was += (was.empty() ? " (was: " : "; ") + md(e);
    out += fmt::format("| {}{} | {} |", md(row.name), was.empty() ? "" : was + ")", md(row.acronym));
    for (int m : row.mentions) out += m > 0 ? fmt::format(" {} |", m) : std::string(" |");
    out += fmt::format(" {} | {} |\n", label(row.first_seen), label(row.last_seen));
  }
  if (!series.renames.empty()) {
    out += "\n### Renames\n\n| between | old name | new name | evidence |\n|---|---|---|---|\n";
    for (const ProgrammeSeriesRename& r : series.renames) {
      std::string evidence;
      for (const std::string& e : r.change.evidence) evidence += (evidence.empty() ? "" : "; ") + md(e);
      out += fmt::format("| {} → {} | {} | {} | {} |\n", label(r.from_snapshot), label(r.from_snapshot + 1),
                         md(r.change.old_side ? r.change.old_side->name : ""),
                         md(r.change.new_side ? r.change.new_side->name : ""), evidence);
    }
  }
  return out;
}

}  // namespace strata
