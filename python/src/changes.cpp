// compare(): two Documents to a ChangeSet, with the GIL released while it
// runs, and the ChangeSet's parts and renderings.
#include <pybind11/stl.h>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "bindings.hpp"
#include "strata/compare.hpp"
#include "strata/render.hpp"

namespace strata::python {

namespace {

// A ChangeSet with the one choice that shapes its reports: whether unchanged
// claims were kept (`all`). The CLI ties --all to both compare() and the
// renderer; so does this, so that to_json() gives `strata diff`'s bytes.
struct Comparison {
  ChangeSet changes;
  bool all = false;
};

struct CompareArgs {
  bool classify = true;
  bool all = false;
  std::optional<std::string> programmes;
  size_t max_diff_cells = CompareOptions{}.max_diff_cells;
  size_t max_listed_claims = CompareOptions{}.max_listed_claims;
  int max_wording = ClassifyOptions{}.max_wording;
  bool threads = CompareOptions{}.threads;
};

std::shared_ptr<Comparison> run_compare(const Document& old_doc, const Document& new_doc, const CompareArgs& args) {
  CompareOptions options;
  options.classify = args.classify;
  options.keep_unchanged_claims = args.all;
  options.max_diff_cells = args.max_diff_cells;
  options.max_listed_claims = args.max_listed_claims;
  options.threads = args.threads;
  if (args.max_wording < 0) raise(make_error(ErrorCode::kInvalidArgument, "max_wording: must be >= 0"));
  options.classification.max_wording = args.max_wording;
  if (args.programmes) options.classification.programmes = unwrap(load_programme_config(*args.programmes));
  return std::make_shared<Comparison>(Comparison{compare(old_doc, new_doc, options), args.all});
}

RenderOptions render_options(const Comparison& c, const std::vector<std::string>& only) {
  RenderOptions render;
  render.all = c.all;
  for (const std::string& name : only) {
    ChangeStatus status;
    if (!parse_change_status(name, status)) {
      raise(make_error(ErrorCode::kInvalidArgument, "only: unknown change kind '" + name + "'"));
    }
    render.only.push_back(status);
  }
  return render;
}

}  // namespace

void bind_changes(py::module_& m) {
  m.attr("MAX_LISTED_CLAIMS") = kMaxListedClaims;
  py::class_<SectionSide>(m, "SectionSide")
      .def_readonly("index", &SectionSide::index, "Index into Document.sections.")
      .def_readonly("id", &SectionSide::id)
      .def_readonly("title", &SectionSide::title)
      .def_readonly("path", &SectionSide::path, "Titles from the top level down to this section.");

  py::class_<SectionChange>(m, "SectionChange")
      .def_property_readonly("status", [](const SectionChange& c) { return to_string(c.status); })
      .def_readonly("old", &SectionChange::old_sides)
      .def_readonly("new", &SectionChange::new_sides)
      .def_readonly("similarity", &SectionChange::similarity, "0..1, title and content combined.")
      .def_readonly("renamed", &SectionChange::renamed)
      .def_readonly("moved", &SectionChange::moved);

  py::class_<ClaimSide>(m, "ClaimSide")
      .def_readonly("text", &ClaimSide::text, "Original form.")
      .def_readonly("norm", &ClaimSide::norm, "Comparison form.")
      .def_readonly("section_id", &ClaimSide::section_id)
      .def_readonly("section", &ClaimSide::section)
      .def_readonly("block", &ClaimSide::block)
      .def_readonly("sentence", &ClaimSide::sentence);

  py::class_<WordOp>(m, "WordOp", "One word-diff operation: 'equal', 'insert' or 'delete', in original text.")
      .def_property_readonly("op", [](const WordOp& w) { return to_string(w.op); })
      .def_readonly("text", &WordOp::text)
      .def("__repr__", [](const WordOp& w) {
        return std::string("WordOp(") + to_string(w.op) + ", " + py::repr(py::str(w.text)).cast<std::string>() + ")";
      });

  py::class_<Fact>(m, "Fact", "A classified observation about a claim change (negation, modality, figure...).")
      .def_property_readonly("kind", [](const Fact& f) { return to_string(f.kind); })
      .def_readonly("old_text", &Fact::old_text)
      .def_readonly("new_text", &Fact::new_text)
      .def_readonly("note", &Fact::note);

  py::class_<SentenceChange>(m, "SentenceChange",
                             "One sentence of an edited claim of several, paired with its counterpart.")
      .def_property_readonly("status", [](const SentenceChange& c) { return to_string(c.status); })
      .def_readonly("old_text", &SentenceChange::old_text, "Empty when added.")
      .def_readonly("new_text", &SentenceChange::new_text, "Empty when removed.")
      .def_readonly("diff", &SentenceChange::diff, "For modified.");

  py::class_<ClaimChange>(m, "ClaimChange")
      .def_property_readonly("status", [](const ClaimChange& c) { return to_string(c.status); })
      .def_readonly("old", &ClaimChange::old_sides, "Several for a merge.")
      .def_readonly("new", &ClaimChange::new_sides, "Several for a split.")
      .def_readonly("similarity", &ClaimChange::similarity)
      .def_readonly("diff", &ClaimChange::diff)
      .def_readonly("sentences", &ClaimChange::sentences,
                    "Its sentences paired in order with the other side's, when a side holds several; else empty.")
      .def_readonly("facts", &ClaimChange::facts)
      .def_readonly("note", &ClaimChange::note)
      .def_readonly("index", &ClaimChange::index, "Position among all claim changes, unchanged ones included.");

  py::class_<NumberChange>(m, "NumberChange")
      .def_property_readonly("status", [](const NumberChange& c) { return to_string(c.status); })
      .def_readonly("old_value", &NumberChange::old_value)
      .def_readonly("new_value", &NumberChange::new_value)
      .def_readonly("claim", &NumberChange::claim, "Position in ChangeSet.claims.")
      .def_readonly("kind", &NumberChange::kind, "money, percentage, count, duration or date.")
      .def_readonly("context", &NumberChange::context, "The words around the figure in its claim.")
      .def_readonly("count", &NumberChange::count, "Claims with this same change.");

  py::class_<ProgrammeSide>(m, "ProgrammeSide")
      .def_readonly("name", &ProgrammeSide::name)
      .def_readonly("acronym", &ProgrammeSide::acronym)
      .def_readonly("mentions", &ProgrammeSide::mentions);

  py::class_<ProgrammeChange>(m, "ProgrammeChange")
      .def_property_readonly("status", [](const ProgrammeChange& c) { return to_string(c.status); })
      .def_readonly("old", &ProgrammeChange::old_side)
      .def_readonly("new", &ProgrammeChange::new_side)
      .def_readonly("evidence", &ProgrammeChange::evidence);

  py::class_<WordingShift>(m, "WordingShift")
      .def_readonly("from_", &WordingShift::from, "None for a phrase that only appeared.")
      .def_readonly("to", &WordingShift::to, "None for a phrase that only vanished.")
      .def_readonly("count", &WordingShift::count)
      .def_readonly("old_count", &WordingShift::old_count)
      .def_readonly("new_count", &WordingShift::new_count)
      .def_readonly("examples", &WordingShift::examples);

  py::class_<LinkChange>(m, "LinkChange")
      .def_property_readonly("status", [](const LinkChange& c) { return to_string(c.status); })
      .def_property_readonly(
          "kind", [](const LinkChange& c) { return to_string(c.kind); },
          "\"link\" or \"image\" (text is then the alt text, targets the sources).")
      .def_readonly("text", &LinkChange::text)
      .def_readonly("old_target", &LinkChange::old_target, "Empty when added.")
      .def_readonly("new_target", &LinkChange::new_target, "Empty when removed.")
      .def_readonly("section", &LinkChange::section)
      .def_readonly("path", &LinkChange::path)
      .def_readonly("line", &LinkChange::line)
      .def_readonly("parameters", &LinkChange::parameters,
                    "Retagged: the names of the parameters the two targets differ by.");

  py::class_<Comparison, std::shared_ptr<Comparison>>(m, "ChangeSet", "What changed between two documents.")
      .def_property_readonly("old", [](const Comparison& c) { return c.changes.old_meta; })
      .def_property_readonly("new", [](const Comparison& c) { return c.changes.new_meta; })
      .def_property_readonly(
          "old_language", [](const Comparison& c) { return c.changes.old_language; },
          "The language the old version reads as (\"French\"); empty when its text does not tell.")
      .def_property_readonly("new_language", [](const Comparison& c) { return c.changes.new_language; })
      .def_property_readonly("sections", [](const Comparison& c) { return c.changes.sections; })
      .def_property_readonly("claims", [](const Comparison& c) { return c.changes.claims; })
      .def_property_readonly("unchanged_claims_left_out",
                             [](const Comparison& c) { return c.changes.unchanged_claims_left_out; })
      .def_property_readonly(
          "claims_not_listed",
          [](const Comparison& c) {
            std::map<std::string, int> by_status;
            for (const auto& [status, n] : c.changes.claims_not_listed) by_status[to_string(status)] = n;
            return by_status;
          },
          "Claim changes past the cap on listed claims (MAX_LISTED_CLAIMS), by status: counted in "
          "claim_counts() and exit_code, not in `claims`; empty when the cap was not hit. Their sum is the "
          "JSON report's summary.claims_not_listed.")
      .def_property_readonly("numbers", [](const Comparison& c) { return c.changes.numbers; })
      .def_property_readonly("programmes", [](const Comparison& c) { return c.changes.programmes; })
      .def_property_readonly("wording", [](const Comparison& c) { return c.changes.wording; })
      .def_property_readonly("links", [](const Comparison& c) { return c.changes.links; })
      .def_property_readonly(
          "warnings", [](const Comparison& c) { return c.changes.warnings; },
          "Work limits hit, one line each, as the reports' warnings (the listing cap included).")
      .def_property_readonly("all", [](const Comparison& c) { return c.all; })
      .def_property_readonly(
          "has_changes", [](const Comparison& c) { return c.changes.has_changes(); },
          "True when a section or claim changed beyond unchanged/equivalent, or a link changed.")
      .def_property_readonly(
          "exit_code", [](const Comparison& c) { return c.changes.has_changes() ? 1 : 0; },
          "What `strata diff` exits with: 0 same, 1 different.")
      .def(
          "to_json",
          [](const Comparison& c, const std::vector<std::string>& only) {
            return render_diff_json(c.changes, render_options(c, only));
          },
          py::arg("only") = std::vector<std::string>{}, "The `strata diff --format json` report (strata.diff/1).")
      .def(
          "to_text",
          [](const Comparison& c, const std::vector<std::string>& only, int context, bool color) {
            RenderOptions render = render_options(c, only);
            render.context = context;
            render.color = color;
            return render_diff_text(c.changes, render);
          },
          py::arg("only") = std::vector<std::string>{}, py::arg("context") = -1, py::arg("color") = false,
          "The `strata diff` text report.")
      .def(
          "to_markdown",
          [](const Comparison& c, const std::vector<std::string>& only) {
            return render_diff_markdown(c.changes, render_options(c, only));
          },
          py::arg("only") = std::vector<std::string>{}, "The `strata diff --format md` report.")
      .def(
          "to_html",
          [](const Comparison& c, const std::vector<std::string>& only) {
            return render_diff_html(c.changes, render_options(c, only));
          },
          py::arg("only") = std::vector<std::string>{}, "The `strata diff --format html` page.")
      .def("section_counts", [](const Comparison& c) { return count_section_changes(c.changes); })
      .def("claim_counts", [](const Comparison& c) { return count_claim_changes(c.changes); })
      .def("__repr__", [](const Comparison& c) {
        return "ChangeSet(" + py::repr(py::str(c.changes.old_meta.source)).cast<std::string>() + " -> " +
               py::repr(py::str(c.changes.new_meta.source)).cast<std::string>() + ")";
      });

  m.def(
      "_compare",
      [](const Document& old_doc, const Document& new_doc, bool classify, bool all,
         const std::optional<std::string>& programmes, size_t max_diff_cells, size_t max_listed_claims, int max_wording,
         bool threads) {
        return run_compare(
            old_doc, new_doc,
            CompareArgs{classify, all, programmes, max_diff_cells, max_listed_claims, max_wording, threads});
      },
      py::arg("old"), py::arg("new"), py::arg("classify") = true, py::arg("all") = false,
      py::arg("programmes") = py::none(), py::arg("max_diff_cells") = CompareOptions{}.max_diff_cells,
      py::arg("max_listed_claims") = CompareOptions{}.max_listed_claims,
      py::arg("max_wording") = ClassifyOptions{}.max_wording, py::arg("threads") = CompareOptions{}.threads,
      py::call_guard<py::gil_scoped_release>());
}

}  // namespace strata::python
