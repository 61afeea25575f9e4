// `strata check --format sarif`: SARIF 2.1.0, for code scanning. Each rule is
// a reportingDescriptor, each finding a result located in the new version;
// accepted findings carry an external suppression, and the finding's key is
// its fingerprint, so a scanner follows it across runs as a baseline does.
#include <nlohmann/json.hpp>

#include "render/check_formats.hpp"
#include "render/escape.hpp"

namespace strata {

namespace {

using nlohmann::ordered_json;

const char* level(Severity severity) { return severity == Severity::kError ? "error" : "warning"; }

}  // namespace

std::string render_check_sarif(const CheckReport& report) {
  ordered_json rules = ordered_json::array();
  for (const Rule& r : report.rules) {
    ordered_json rule = {{"id", r.id},
                         {"name", to_string(r.kind)},
                         {"shortDescription", {{"text", r.message.empty() ? r.id : r.message}}},
                         {"defaultConfiguration", {{"level", level(r.severity)}}}};
    rules.push_back(std::move(rule));
  }
  ordered_json results = ordered_json::array();
  for (const DocumentCheck& d : report.documents) {
    for (const Finding& f : d.findings) {
      size_t index = 0;
      while (index < report.rules.size() && report.rules[index].id != f.rule) ++index;
      std::string text = f.summary;
      if (!f.old_text.empty()) text += "\n- " + f.old_text;
      if (!f.new_text.empty()) text += "\n+ " + f.new_text;
      if (!f.message.empty()) text += "\n" + f.message;
      ordered_json location = {{"physicalLocation", {{"artifactLocation", {{"uri", d.path}}}}}};
      if (f.line > 0) location["physicalLocation"]["region"] = {{"startLine", f.line}};
      ordered_json result = {{"ruleId", f.rule}};
      if (index < report.rules.size()) result["ruleIndex"] = index;
      result["level"] = level(f.severity);
      result["message"] = {{"text", text}};
      result["locations"] = ordered_json::array({location});
      result["partialFingerprints"] = {{"strataCheckKey/v1", f.key}};
      if (f.accepted) {
        result["suppressions"] =
            ordered_json::array({{{"kind", "external"}, {"justification", "accepted in the strata baseline"}}});
      }
      results.push_back(std::move(result));
    }
  }
  ordered_json notifications = ordered_json::array();
  for (const DocumentCheck& d : report.documents) {
    for (const std::string& b : d.bailouts) {
      notifications.push_back({{"level", "warning"}, {"message", {{"text", d.path + ": work limit: " + b}}}});
    }
  }
  ordered_json run = {{"tool", {{"driver", {{"name", "strata"}, {"rules", std::move(rules)}}}}},
                      {"results", std::move(results)}};
  if (!notifications.empty()) {
    run["invocations"] = ordered_json::array(
        {{{"executionSuccessful", true}, {"toolExecutionNotifications", std::move(notifications)}}});
  }
  const ordered_json out = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                            {"version", "2.1.0"},
                            {"runs", ordered_json::array({std::move(run)})}};
  return render::json_text(out) + "\n";
}

}  // namespace strata
