// check(): rules over what changed between two Documents, as `strata check
// OLD NEW` applies them, and the report in each of its formats.
#include <pybind11/stl.h>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "bindings.hpp"
#include "strata/check.hpp"
#include "strata/compare.hpp"

namespace strata::python {

namespace {

// The report with the one rule-set choice that decides the verdict beyond
// the findings: a hit work limit is trouble (fail_on_bailout).
struct Checked {
  CheckReport report;
  bool fail_on_bailout = false;

  // `strata check`'s exit status for this report: 2 when a work limit was hit
  // and that is trouble, 1 when a rule is broken, else 0.
  int exit_code() const {
    if (fail_on_bailout && report.bailed_out()) return 2;
    return report.failed() ? 1 : 0;
  }
};

// The rules, or an exception when there is none to check.
RuleSet gather_rules(const RuleRequest& request) {
  RuleSet set = unwrap(build_rule_set(request));
  if (set.rules.empty()) {
    raise(
        make_error(ErrorCode::kInvalidArgument, "no rule to check: give watch, fail_on, ... or a rule file (config)"));
  }
  return set;
}

std::shared_ptr<Checked> run_check(const Document& old_doc, const Document& new_doc, const RuleRequest& request,
                                   const std::optional<std::string>& programmes, size_t max_listed_claims) {
  const RuleSet rules = gather_rules(request);
  CompareOptions options;
  options.classification.programmes = programme_config(programmes);
  options.max_listed_claims = max_listed_claims;
  // As `strata check`: rules read changes, not unchanged claims, and no rule
  // reads wording shifts, whose cap would only show as a work limit.
  options.keep_unchanged_claims = false;
  options.classification.wording = false;
  auto checked = std::make_shared<Checked>();
  checked->fail_on_bailout = rules.fail_on_bailout;
  checked->report.rules = rules.rules;
  DocumentCheck document = compare_and_check(old_doc, new_doc, options, rules.rules, "");
  document.path = new_doc.meta.source;
  checked->report.documents.push_back(std::move(document));
  if (!rules.baseline.empty()) apply_baseline(checked->report, unwrap(load_baseline(rules.baseline)));
  return checked;
}

}  // namespace

void bind_check(py::module_& m) {
  py::class_<Finding>(m, "Finding", "A broken rule: what changed, where, and whether the baseline accepts it.")
      .def_readonly("rule", &Finding::rule, "The rule's id.")
      .def_property_readonly("kind", [](const Finding& f) { return to_string(f.kind); })
      .def_property_readonly("severity", [](const Finding& f) { return to_string(f.severity); })
      .def_readonly("key", &Finding::key, "Stable across runs and machines; what a baseline lists.")
      .def_readonly("summary", &Finding::summary)
      .def_readonly("message", &Finding::message, "The rule's message; may be empty.")
      .def_readonly("old_text", &Finding::old_text, "Empty when added.")
      .def_readonly("new_text", &Finding::new_text, "Empty when removed.")
      .def_readonly("section", &Finding::section, "Title path, ' > ' between levels; may be empty.")
      .def_readonly("line", &Finding::line, "1-based line in the new version; 0 when it has none.")
      .def_readonly("details", &Finding::details)
      .def_readonly("accepted", &Finding::accepted, "Listed in the baseline: reported, never fails.")
      .def("__repr__", [](const Finding& f) {
        return "Finding(" + py::repr(py::str(f.rule)).cast<std::string>() + ", " +
               py::repr(py::str(f.summary)).cast<std::string>() + ")";
      });

  py::class_<DocumentCheck>(m, "DocumentCheck", "The findings of one compared pair.")
      .def_readonly("path", &DocumentCheck::path)
      .def_readonly("findings", &DocumentCheck::findings, "By rule, then in document order.")
      .def_readonly("bailouts", &DocumentCheck::bailouts, "Work limits hit while comparing.");

  py::class_<Checked, std::shared_ptr<Checked>>(m, "CheckReport", "The verdict of strata.check().")
      .def_property_readonly("documents", [](const Checked& c) { return c.report.documents; })
      .def_property_readonly(
          "rules",
          [](const Checked& c) {
            std::vector<std::string> ids;
            for (const Rule& rule : c.report.rules) ids.push_back(rule.id);
            return ids;
          },
          "The rules' ids, in the order they were checked.")
      .def_property_readonly(
          "failed", [](const Checked& c) { return c.report.failed(); },
          "A finding of severity error that the baseline does not accept.")
      .def_property_readonly("bailed_out", [](const Checked& c) { return c.report.bailed_out(); })
      .def_property_readonly("exit_code", &Checked::exit_code,
                             "As `strata check`: 0 no rule broken, 1 broken, 2 trouble.")
      .def(
          "render",
          [](const Checked& c, const std::string& format) {
            return render_check(c.report, unwrap(parse_check_format(format)));
          },
          py::arg("format") = "text", "The report as `strata check --format FORMAT` writes it.")
      .def(
          "to_json", [](const Checked& c) { return render_check(c.report, CheckFormat::kJson); },
          "The `strata check --format json` report (strata.check/1).")
      .def(
          "baseline", [](const Checked& c) { return render_baseline(c.report); },
          "The baseline accepting every finding, as `strata check --write-baseline` writes it.");

  m.def(
      "_check",
      [](const Document& old_doc, const Document& new_doc, const std::optional<std::string>& config,
         const std::vector<std::string>& watch, const std::vector<std::string>& watch_claim,
         const std::vector<std::string>& watch_section, const std::vector<std::string>& fail_on,
         std::optional<double> max_claims_removed, std::optional<double> max_section_rewritten,
         const std::optional<std::string>& baseline, bool fail_on_bailout, const std::optional<std::string>& programmes,
         size_t max_listed_claims) {
        const RuleRequest request{config.value_or(""),
                                  watch,
                                  watch_claim,
                                  watch_section,
                                  fail_on,
                                  max_claims_removed,
                                  max_section_rewritten,
                                  baseline.value_or(""),
                                  fail_on_bailout};
        return run_check(old_doc, new_doc, request, programmes, max_listed_claims);
      },
      py::arg("old"), py::arg("new"), py::arg("config") = py::none(), py::arg("watch") = std::vector<std::string>{},
      py::arg("watch_claim") = std::vector<std::string>{}, py::arg("watch_section") = std::vector<std::string>{},
      py::arg("fail_on") = std::vector<std::string>{}, py::arg("max_claims_removed") = py::none(),
      py::arg("max_section_rewritten") = py::none(), py::arg("baseline") = py::none(),
      py::arg("fail_on_bailout") = false, py::arg("programmes") = py::none(),
      py::arg("max_listed_claims") = CompareOptions{}.max_listed_claims, py::call_guard<py::gil_scoped_release>());
}

}  // namespace strata::python
