// `strata programmes`: one document's programmes, and a series' registry,
// as text, JSON and Markdown (schemas in docs/programmes.md).
#include <fmt/core.h>
#include <fmt/ranges.h>
#include <algorithm>

#include "render/escape.hpp"
#include "render/programmes.hpp"
#include "render/select.hpp"
#include "strata/render.hpp"

namespace strata {

namespace render {

std::string programme_label(std::string_view name, std::string_view acronym) {
  return acronym.empty() ? std::string(name) : fmt::format("{} ({})", name, acronym);
}

std::string rename_lines_text(const ProgrammeSeries& series) {
  std::string out;
  for (const ProgrammeSeriesRename& r : series.renames) {
    // A plain rename reads "A -> B"; a merge or split says so.
    const std::string kind =
        r.change.status == ChangeStatus::kRenamed ? "" : std::string(to_string(r.change.status)) + " ";
    out += fmt::format("  {} -> {}: {}{} -> {}\n", terminal_safe(series.labels[static_cast<size_t>(r.from_snapshot)]),
                       terminal_safe(series.labels[static_cast<size_t>(r.from_snapshot) + 1]), kind,
                       terminal_safe(r.change.old_side ? r.change.old_side->name : ""),
                       terminal_safe(r.change.new_side ? r.change.new_side->name : ""));
    for (const std::string& e : r.change.evidence) out += fmt::format("    {}\n", terminal_safe(e));
  }
  return out;
}

namespace {

using Json = nlohmann::ordered_json;

// Through json_text, as every JSON output: names and claims come from the
// input, and a raw DEL, C1 control or line separator must not reach a reader.
std::string dump(const Json& j) { return json_text(j) + "\n"; }

Json optional_string(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

std::string label_at(const ProgrammeSeries& series, int index) {
  return index >= 0 && static_cast<size_t>(index) < series.labels.size() ? series.labels[static_cast<size_t>(index)]
                                                                         : std::string();
}

Json side_json(const ProgrammeSide& side) {
  return {{"name", side.name}, {"acronym", optional_string(side.acronym)}, {"mentions", side.mentions}};
}

// Section ids of a programme's mentions, in order of first mention.
std::vector<std::string> sections_of(const Programme& p) {
  std::vector<std::string> sections;
  for (const auto& m : p.mentions) {
    if (std::find(sections.begin(), sections.end(), m.section_id) == sections.end()) sections.push_back(m.section_id);
  }
  return sections;
}

std::string programmes_text(const std::vector<Programme>& programmes, std::string_view source) {
  std::string out = fmt::format("{} programmes in {}\n", programmes.size(), terminal_safe(source));
  for (const auto& p : programmes) {
    out += fmt::format("\n{}\n  {} mention{} in {}\n", terminal_safe(programme_label(p.name, p.acronym)),
                       p.mentions.size(), p.mentions.size() == 1 ? "" : "s", fmt::join(sections_of(p), ", "));
    if (!p.aliases.empty())
      out += fmt::format("  also written: {}\n", terminal_safe(fmt::format("{}", fmt::join(p.aliases, "; "))));
    out += fmt::format("  first: {}\n", terminal_safe(p.first_claim));
  }
  return out;
}

std::string programmes_json(const std::vector<Programme>& programmes) {
  Json list = Json::array();
  for (const auto& p : programmes) {
    Json claims = Json::array();
    for (const auto& m : p.mentions) {
      claims.push_back({{"section", m.section_id}, {"block", m.block}, {"sentence", m.sentence}, {"form", m.form}});
    }
    list.push_back({{"name", p.name},
                    {"acronym", optional_string(p.acronym)},
                    {"aliases", p.aliases},
                    {"mentions", p.mentions.size()},
                    {"sections", sections_of(p)},
                    {"first_claim", p.first_claim},
                    {"claims", std::move(claims)}});
  }
  Json root;
  root["programmes"] = std::move(list);
  return dump(root);
}

std::string programmes_markdown(const std::vector<Programme>& programmes, std::string_view source) {
  std::string out = fmt::format("## Programmes in {}\n\n{} programmes.\n\n", md(source), programmes.size());
  if (programmes.empty()) return out;
  out += "| programme | acronym | mentions | sections | first claim |\n|---|---|---:|---|---|\n";
  for (const auto& p : programmes) {
    out += fmt::format("| {} | {} | {} | {} | {} |\n", md(p.name), md(p.acronym), p.mentions.size(),
                       md(fmt::format("{}", fmt::join(sections_of(p), ", "))), md(p.first_claim));
  }
  return out;
}

std::string series_text(const ProgrammeSeries& series) {
  std::string out = fmt::format("{} programmes across {} snapshots\n\n", series.rows.size(), series.labels.size());
  size_t name_width = 9;
  for (const auto& row : series.rows) name_width = std::max(name_width, programme_label(row.name, row.acronym).size());
  out += fmt::format("{:<{}}", "programme", name_width);
  for (const auto& label : series.labels) out += fmt::format("  {:>{}}", label, std::max<size_t>(label.size(), 3));
  out += "  first seen -> last seen\n";
  for (const auto& row : series.rows) {
    out += fmt::format("{:<{}}", terminal_safe(programme_label(row.name, row.acronym)), name_width);
    for (size_t s = 0; s < series.labels.size(); ++s) {
      auto cell = row.mentions[s] > 0 ? std::to_string(row.mentions[s]) : std::string("-");
      out += fmt::format("  {:>{}}", cell, std::max<size_t>(series.labels[s].size(), 3));
    }
    out += fmt::format("  {} -> {}", label_at(series, row.first_seen), label_at(series, row.last_seen));
    if (!row.earlier.empty())
      out += fmt::format("  (was: {})", terminal_safe(fmt::format("{}", fmt::join(row.earlier, "; "))));
    out += "\n";
  }
  if (!series.renames.empty()) out += "\nRenames\n" + rename_lines_text(series);
  return out;
}

}  // namespace

Json series_rows_json(const ProgrammeSeries& series) {
  Json rows = Json::array();
  for (const auto& row : series.rows) {
    rows.push_back({{"name", row.name},
                    {"acronym", optional_string(row.acronym)},
                    {"earlier", row.earlier},
                    {"mentions", row.mentions},
                    {"first_seen", label_at(series, row.first_seen)},
                    {"last_seen", label_at(series, row.last_seen)}});
  }
  return rows;
}

Json series_renames_json(const ProgrammeSeries& series) {
  Json renames = Json::array();
  for (const auto& r : series.renames) {
    renames.push_back({{"status", to_string(r.change.status)},
                       {"from", label_at(series, r.from_snapshot)},
                       {"to", label_at(series, r.from_snapshot + 1)},
                       {"old", side_json(*r.change.old_side)},
                       {"new", side_json(*r.change.new_side)},
                       {"same_row", r.old_row == r.new_row},
                       {"evidence", r.change.evidence}});
  }
  return renames;
}

}  // namespace render

std::string render_programmes(const std::vector<Programme>& programmes, std::string_view source,
                              std::string_view format) {
  if (format == "json") return render::programmes_json(programmes);
  if (format == "markdown") return render::programmes_markdown(programmes, source);
  return render::programmes_text(programmes, source);
}

std::string render_programme_series(const ProgrammeSeries& series, std::string_view format) {
  if (format == "json") {
    render::Json root;
    root["snapshots"] = series.labels;
    root["programmes"] = render::series_rows_json(series);
    root["renames"] = render::series_renames_json(series);
    return render::dump(root);
  }
  if (format == "markdown") return render_programme_series_markdown(series);
  return render::series_text(series);
}

}  // namespace strata
