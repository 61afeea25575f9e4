// Programme pieces shared by the renderers of `strata programmes`, the
// timeline and the series index. Internal to render.
#pragma once

#include <string>

#include "render/json_writer.hpp"

#include "strata/programmes.hpp"

namespace strata::render {

// "Name (ACR)", or the name alone.
std::string programme_label(std::string_view name, std::string_view acronym);

// The renames of a series, one line each ("  a -> b: Old -> New") with its
// evidence indented below; terminal-safe. Empty when there is none.
std::string rename_lines_text(const ProgrammeSeries& series);

// A programme as one side of a change: name, acronym (null without one),
// mentions. The diff report's programmes are written with it too.
void write_programme_side(JsonWriter& w, const ProgrammeSide& side);

// The rows and renames of a series as the JSON arrays of the members
// "programmes" and "renames" (docs/programmes.md).
void write_series_rows(JsonWriter& w, const ProgrammeSeries& series);
void write_series_renames(JsonWriter& w, const ProgrammeSeries& series);

}  // namespace strata::render
