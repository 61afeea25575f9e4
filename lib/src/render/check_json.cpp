// `strata check --format json`: schema "strata.check/1" (docs/json.md).
#include <nlohmann/json.hpp>

#include "render/check_formats.hpp"
#include "render/escape.hpp"

namespace strata {

namespace {

using nlohmann::ordered_json;

ordered_json nullable(const std::string& s) { return s.empty() ? ordered_json() : ordered_json(s); }

ordered_json finding_json(const Finding& f) {
  return ordered_json{{"rule", f.rule},
                      {"kind", to_string(f.kind)},
                      {"severity", to_string(f.severity)},
                      {"accepted", f.accepted},
                      {"key", f.key},
                      {"summary", f.summary},
                      {"message", nullable(f.message)},
                      {"section", nullable(f.section)},
                      {"line", f.line > 0 ? ordered_json(f.line) : ordered_json()},
                      {"old", nullable(f.old_text)},
                      {"new", nullable(f.new_text)},
                      {"details", f.details}};
}

}  // namespace

std::string render_check_json(const CheckReport& report) {
  ordered_json rules = ordered_json::array();
  for (const Rule& r : report.rules) {
    rules.push_back({{"id", r.id},
                     {"kind", to_string(r.kind)},
                     {"severity", to_string(r.severity)},
                     {"message", nullable(r.message)}});
  }
  ordered_json documents = ordered_json::array();
  for (const DocumentCheck& d : report.documents) {
    ordered_json findings = ordered_json::array();
    for (const Finding& f : d.findings) findings.push_back(finding_json(f));
    documents.push_back({{"path", d.path},
                         {"old", d.old_label},
                         {"new", d.new_label},
                         {"bailouts", d.bailouts},
                         {"findings", std::move(findings)}});
  }
  const ordered_json out = {
      {"schema", "strata.check/1"},
      {"failed", report.failed()},
      {"bailed_out", report.bailed_out()},
      {"counts",
       {{"errors", report.count(Severity::kError, false)},
        {"warnings", report.count(Severity::kWarning, false)},
        {"accepted", report.count(Severity::kError, true) + report.count(Severity::kWarning, true)}}},
      {"rules", std::move(rules)},
      {"documents", std::move(documents)}};
  return render::json_text(out) + "\n";
}

}  // namespace strata
