// Documents: loading (from a path or from bytes), the section tree, and the
// programmes a document names, alone or across a series.
#include <pybind11/stl.h>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "bindings.hpp"
#include "strata/load.hpp"
#include "strata/programmes.hpp"
#include "strata/render.hpp"

namespace strata::python {

namespace {

using DocumentPtr = std::shared_ptr<Document>;

// A block with its own sentences: the library keeps them in the block's
// section, Python reads them from the block.
struct BlockView {
  Block block;
  std::vector<Sentence> sentences;
};

std::vector<BlockView> blocks_of(const Section& section) {
  std::vector<BlockView> out;
  out.reserve(section.blocks.size());
  for (const Block& b : section.blocks) {
    const auto sentences = section.sentences_of(b);
    out.push_back({b, {sentences.begin(), sentences.end()}});
  }
  return out;
}

LoadOptions load_options(std::string_view format, const std::optional<std::string>& rules) {
  LoadOptions options;
  options.format = format_of(format);
  if (rules) options.rules = unwrap(load_boilerplate_rules(*rules, options.rules));
  return options;
}

DocumentPtr load_path(const std::string& path, const std::string& format, const std::optional<std::string>& rules) {
  return std::make_shared<Document>(unwrap(load_document(path, load_options(format, rules))));
}

DocumentPtr parse_bytes(const std::string& bytes, const std::string& source, const std::string& format,
                        const std::optional<std::string>& rules) {
  return std::make_shared<Document>(unwrap(parse_document(bytes, source, load_options(format, rules))));
}

}  // namespace

ProgrammeConfig programme_config(const std::optional<std::string>& path) {
  return path ? unwrap(load_programme_config(*path)) : ProgrammeConfig{};
}

void bind_document(py::module_& m) {
  py::class_<DocumentMeta>(m, "DocumentMeta", "Where a document came from, its title and date.")
      .def_readonly("source", &DocumentMeta::source, "Path or label the bytes came from.")
      .def_readonly("title", &DocumentMeta::title, "The document's title line, original form.")
      .def_readonly("date", &DocumentMeta::date, "ISO 8601 (YYYY, YYYY-MM or YYYY-MM-DD); may be empty.")
      .def_property_readonly(
          "format", [](const DocumentMeta& meta) { return to_string(meta.format); }, "'text' or 'markdown'.")
      .def("__repr__", [](const DocumentMeta& meta) {
        return "DocumentMeta(source=" + py::repr(py::str(meta.source)).cast<std::string>() +
               ", date=" + py::repr(py::str(meta.date)).cast<std::string>() + ")";
      });

  py::class_<Sentence>(m, "Sentence", "A claim: one sentence of a paragraph, or a whole list item.")
      .def_property_readonly(
          "text", [](const Sentence& s) { return s.text.view(); }, "Original text, trimmed.")
      .def_property_readonly(
          "norm", [](const Sentence& s) { return s.norm.view(); }, "Comparison form of `text`.");

  py::class_<BlockView>(m, "Block", "A paragraph, list item, quote or code block.")
      .def_property_readonly("kind", [](const BlockView& b) { return to_string(b.block.kind); })
      .def_property_readonly(
          "depth", [](const BlockView& b) { return b.block.depth; },
          "List nesting, 0 for top-level items and other blocks.")
      .def_property_readonly(
          "line", [](const BlockView& b) { return b.block.line; }, "1-based source line; its sentences' too.")
      .def_readonly("sentences", &BlockView::sentences);

  py::class_<Section>(m, "Section", "A section of the tree; Document.sections holds them in pre-order.")
      .def_readonly("id", &Section::id, "Stable, unique in the document: slug of the title path.")
      .def_readonly("title", &Section::title, "Original form; empty for the root.")
      .def_readonly("title_norm", &Section::title_norm)
      .def_readonly("level", &Section::level, "0 for the root, 1 for top-level sections.")
      .def_readonly("parent", &Section::parent, "Index into Document.sections, -1 for the root.")
      .def_readonly("line", &Section::line)
      .def_readonly("children", &Section::children)
      .def_property_readonly("blocks", &blocks_of);

  py::class_<Removal>(m, "Removal", "A line a boilerplate rule removed.")
      .def_readonly("rule", &Removal::rule)
      .def_readonly("text", &Removal::text)
      .def_readonly("line", &Removal::line);

  py::class_<ProgrammeMention>(m, "ProgrammeMention")
      .def_readonly("section_id", &ProgrammeMention::section_id)
      .def_readonly("section", &ProgrammeMention::section)
      .def_readonly("block", &ProgrammeMention::block)
      .def_readonly("sentence", &ProgrammeMention::sentence)
      .def_readonly("offset", &ProgrammeMention::offset)
      .def_readonly("form", &ProgrammeMention::form);

  py::class_<Programme>(m, "Programme", "A named programme, body, fund or agreement of one document.")
      .def_readonly("name", &Programme::name)
      .def_readonly("acronym", &Programme::acronym)
      .def_readonly("aliases", &Programme::aliases)
      .def_readonly("mentions", &Programme::mentions)
      .def_readonly("first_claim", &Programme::first_claim)
      .def("__repr__",
           [](const Programme& p) { return "Programme(" + py::repr(py::str(p.name)).cast<std::string>() + ")"; });

  py::class_<Document, std::shared_ptr<Document>>(m, "Document",
                                                  "A loaded document: its section tree of blocks and sentences.")
      .def_property_readonly("meta", [](const Document& d) { return d.meta; })
      .def_property_readonly("sections", [](const Document& d) { return d.sections; })
      .def_property_readonly("removals", [](const Document& d) { return d.removals; })
      .def("title_path", &Document::title_path, py::arg("index"),
           "Titles from the root to section `index`, root excluded.")
      .def("sentence_count", &Document::sentence_count)
      .def("to_json", &render_outline_json, "The section tree as `strata sections --format json` writes it.")
      .def("to_text", &render_outline_text, "The outline as `strata sections` prints it.")
      .def(
          "programmes",
          [](const Document& d, const std::optional<std::string>& config) {
            return extract_programmes(d, programme_config(config));
          },
          py::arg("programmes") = py::none(), py::call_guard<py::gil_scoped_release>(),
          "Programmes named in the document, by name; `programmes` is a programme file.")
      .def(
          "programmes_json",
          [](const Document& d, const std::optional<std::string>& config) {
            return render_programmes(extract_programmes(d, programme_config(config)), d.meta.source, "json");
          },
          py::arg("programmes") = py::none(), py::call_guard<py::gil_scoped_release>(),
          "As `strata programmes FILE --format json` writes them.")
      .def("__repr__", [](const Document& d) {
        return "Document(source=" + py::repr(py::str(d.meta.source)).cast<std::string>() +
               ", sections=" + std::to_string(d.sections.size()) + ")";
      });

  m.def("_load_path", &load_path, py::arg("path"), py::arg("format") = "auto", py::arg("rules") = py::none(),
        py::call_guard<py::gil_scoped_release>());
  m.def("_parse_bytes", &parse_bytes, py::arg("data"), py::arg("source"), py::arg("format") = "auto",
        py::arg("rules") = py::none(), py::call_guard<py::gil_scoped_release>());

  py::class_<ProgrammeSeriesRow>(m, "ProgrammeSeriesRow")
      .def_readonly("name", &ProgrammeSeriesRow::name)
      .def_readonly("acronym", &ProgrammeSeriesRow::acronym)
      .def_readonly("mentions", &ProgrammeSeriesRow::mentions, "One count per snapshot, 0 where absent.")
      .def_readonly("first_seen", &ProgrammeSeriesRow::first_seen)
      .def_readonly("last_seen", &ProgrammeSeriesRow::last_seen);

  py::class_<ProgrammeSeries>(m, "ProgrammeSeries", "Presence of programmes across a series of snapshots.")
      .def_readonly("labels", &ProgrammeSeries::labels)
      .def_readonly("rows", &ProgrammeSeries::rows)
      .def(
          "to_json", [](const ProgrammeSeries& s) { return render_programme_series(s, "json"); },
          "As `strata programmes --series MANIFEST --format json` writes it.")
      .def("to_markdown", &render_programme_series_markdown);

  m.def(
      "programme_series",
      [](const std::vector<DocumentPtr>& docs, const std::vector<std::string>& labels,
         const std::optional<std::string>& config) {
        if (docs.size() != labels.size()) {
          raise(make_error(ErrorCode::kInvalidArgument, "programme_series: as many labels as documents are needed"));
        }
        std::vector<Document> copies;
        copies.reserve(docs.size());
        for (const auto& d : docs) copies.push_back(*d);
        return programme_series(copies, labels, programme_config(config));
      },
      py::arg("documents"), py::arg("labels"), py::arg("programmes") = py::none(),
      py::call_guard<py::gil_scoped_release>(),
      "Which programmes each document of an ordered series names (oldest first), with the renames between them.");
}

}  // namespace strata::python
