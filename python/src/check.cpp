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

// The rules the command line's flags make, as the CLI names them:
// --watch, --watch-claim, --watch-section, --fail-on, --max-*.
struct RuleArgs {
  std::optional<std::string> config;
  std::vector<std::string> watch;
  std::vector<std::string> watch_claim;
  std::vector<std::string> watch_section;
  std::vector<std::string> fail_on;
  std::optional<double> max_claims_removed;
  std::optional<double> max_section_rewritten;
  std::optional<std::string> baseline;
  bool fail_on_bailout = false;
};

Rule prepared(RuleKind kind, std::string pattern, std::vector<std::string> kinds, double limit) {
  Rule rule;
  rule.kind = kind;
  rule.pattern = std::move(pattern);
  rule.kinds = std::move(kinds);
  rule.limit = limit;
  unwrap(prepare_rule(rule));
  return rule;
}

// The file's rules, then the flags' in the order `strata check` adds them,
// so that the report lists them as the CLI's does.
RuleSet gather_rules(const RuleArgs& args) {
  RuleSet set;
  if (args.config) set = unwrap(load_check_config(*args.config));
  std::vector<Rule> added;
  for (const std::string& phrase : args.watch) added.push_back(prepared(RuleKind::kWatchPhrase, phrase, {}, 0));
  for (const std::string& claim : args.watch_claim) added.push_back(prepared(RuleKind::kWatchClaim, claim, {}, 0));
  for (const std::string& path : args.watch_section) added.push_back(prepared(RuleKind::kWatchSection, path, {}, 0));
  std::vector<std::string> kinds;
  std::vector<std::string> programme_kinds;
  const std::string programme_prefix = "programme-";
  for (const std::string& kind : args.fail_on) {
    if (kind == "programme-removed" || kind == "programme-renamed") {
      programme_kinds.push_back(kind.substr(programme_prefix.size()));
    } else {
      kinds.push_back(kind);
    }
  }
  if (!kinds.empty()) added.push_back(prepared(RuleKind::kChangeKind, "", kinds, 0));
  if (!programme_kinds.empty()) added.push_back(prepared(RuleKind::kProgrammes, "", programme_kinds, 0));
  if (args.max_claims_removed) added.push_back(prepared(RuleKind::kClaimsRemoved, "", {}, *args.max_claims_removed));
  if (args.max_section_rewritten) {
    added.push_back(prepared(RuleKind::kSectionRewritten, "", {}, *args.max_section_rewritten));
  }
  for (Rule& rule : added) {
    for (const Rule& earlier : set.rules) {
      if (earlier.id == rule.id)
        raise(make_error(ErrorCode::kInvalidArgument, "rule '" + rule.id + "' is given twice"));
    }
    set.rules.push_back(std::move(rule));
  }
  if (set.rules.empty()) {
    raise(
        make_error(ErrorCode::kInvalidArgument, "no rule to check: give watch, fail_on, ... or a rule file (config)"));
  }
  if (args.baseline) set.baseline = *args.baseline;
  set.fail_on_bailout = set.fail_on_bailout || args.fail_on_bailout;
  return set;
}

std::shared_ptr<Checked> run_check(const Document& old_doc, const Document& new_doc, const RuleArgs& args,
                                   const std::optional<std::string>& programmes) {
  const RuleSet rules = gather_rules(args);
  CompareOptions options;
  options.classification.programmes = programme_config(programmes);
  // As `strata check`: rules read changes, not unchanged claims, and no rule
  // reads wording shifts, whose cap would only show as a work limit.
  options.keep_unchanged_claims = false;
  options.classification.wording = false;
  const ChangeSet changes = compare(old_doc, new_doc, options);
  auto checked = std::make_shared<Checked>();
  checked->fail_on_bailout = rules.fail_on_bailout;
  checked->report.rules = rules.rules;
  DocumentCheck document = check_document(old_doc, new_doc, changes, rules.rules, "");
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
         const std::optional<std::string>& baseline, bool fail_on_bailout,
         const std::optional<std::string>& programmes) {
        const RuleArgs args{
            config,   watch,          watch_claim, watch_section, fail_on, max_claims_removed, max_section_rewritten,
            baseline, fail_on_bailout};
        return run_check(old_doc, new_doc, args, programmes);
      },
      py::arg("old"), py::arg("new"), py::arg("config") = py::none(), py::arg("watch") = std::vector<std::string>{},
      py::arg("watch_claim") = std::vector<std::string>{}, py::arg("watch_section") = std::vector<std::string>{},
      py::arg("fail_on") = std::vector<std::string>{}, py::arg("max_claims_removed") = py::none(),
      py::arg("max_section_rewritten") = py::none(), py::arg("baseline") = py::none(),
      py::arg("fail_on_bailout") = false, py::arg("programmes") = py::none(), py::call_guard<py::gil_scoped_release>());
}

}  // namespace strata::python
