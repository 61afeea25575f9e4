#include <fmt/core.h>

#include "render/select.hpp"
#include "strata/render.hpp"

namespace strata {

using render::md;

std::string render_programme_series_markdown(const ProgrammeSeries& series) {
  std::string out = "## Programmes across the series\n\n";
  out += "Mentions of each programme in each snapshot (blank: absent).\n\n| programme | acronym |";
  for (const std::string& label : series.labels) out += fmt::format(" {} |", label);
  out += " first seen | last seen |\n|---|---|";
  for (size_t i = 0; i < series.labels.size(); ++i) out += "---:|";
  out += "---|---|\n";
  auto label = [&](int index) { return index < 0 ? std::string() : series.labels[static_cast<size_t>(index)]; };
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
      for (const std::string& e : r.change.evidence) evidence += (evidence.empty() ? "" : "; ") + e;
      out += fmt::format("| {} → {} | {} | {} | {} |\n", label(r.from_snapshot), label(r.from_snapshot + 1),
                         md(r.change.old_side ? r.change.old_side->name : ""),
                         md(r.change.new_side ? r.change.new_side->name : ""), md(evidence));
    }
  }
  return out;
}

}  // namespace strata
