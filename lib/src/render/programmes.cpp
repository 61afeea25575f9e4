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

std::string label_at(const ProgrammeSeries& series, int index) {
  return index >= 0 && static_cast<size_t>(index) < series.labels.size() ? series.labels[static_cast<size_t>(index)]
                                                                         : std::string();
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
  std::string out;
  JsonWriter w(out, 0);
  w.begin_object();
  w.key("programmes").begin_array();
  for (const auto& p : programmes) {
    w.begin_object();
    w.key("name").string(p.name);
    w.key("acronym").nullable_string(p.acronym);
    w.key("aliases").strings(p.aliases);
    w.key("mentions").number(p.mentions.size());
    w.key("sections").strings(sections_of(p));
    w.key("first_claim").string(p.first_claim);
    w.key("claims").begin_array();
    for (const auto& m : p.mentions) {
      w.begin_object();
      w.key("section").string(m.section_id);
      w.key("block").number(m.block);
      w.key("sentence").number(m.sentence);
      w.key("form").string(m.form);
      w.end_object();
    }
    w.end_array();
    w.end_object();
  }
  w.end_array();
  w.end_object();
  return out + "\n";
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

void write_programme_side(JsonWriter& w, const ProgrammeSide& side) {
  w.begin_object();
  w.key("name").string(side.name);
  w.key("acronym").nullable_string(side.acronym);
  w.key("mentions").number(side.mentions);
  w.end_object();
}

void write_series_rows(JsonWriter& w, const ProgrammeSeries& series) {
  w.begin_array();
  for (const auto& row : series.rows) {
    w.begin_object();
    w.key("name").string(row.name);
    w.key("acronym").nullable_string(row.acronym);
    w.key("earlier").strings(row.earlier);
    w.key("mentions").numbers(row.mentions);
    w.key("first_seen").string(label_at(series, row.first_seen));
    w.key("last_seen").string(label_at(series, row.last_seen));
    w.end_object();
  }
  w.end_array();
}

void write_series_renames(JsonWriter& w, const ProgrammeSeries& series) {
  w.begin_array();
  for (const auto& r : series.renames) {
    w.begin_object();
    w.key("status").string(to_string(r.change.status));
    w.key("from").string(label_at(series, r.from_snapshot));
    w.key("to").string(label_at(series, r.from_snapshot + 1));
    w.key("old");
    write_programme_side(w, *r.change.old_side);
    w.key("new");
    write_programme_side(w, *r.change.new_side);
    w.key("same_row").boolean(r.old_row == r.new_row);
    w.key("evidence").strings(r.change.evidence);
    w.end_object();
  }
  w.end_array();
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
    std::string out;
    render::JsonWriter w(out, 0);
    w.begin_object();
    w.key("snapshots").strings(series.labels);
    w.key("programmes");
    render::write_series_rows(w, series);
    w.key("renames");
    render::write_series_renames(w, series);
    w.end_object();
    return out + "\n";
  }
  if (format == "markdown") return render_programme_series_markdown(series);
  return render::series_text(series);
}

}  // namespace strata
