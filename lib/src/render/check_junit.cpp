// `strata check --format junit`: one test suite a document, one test case a
// rule; a rule's unaccepted errors are its failure, with the claims.
#include <fmt/core.h>

#include "render/check_formats.hpp"
#include "render/html.hpp"

namespace strata {

// XML text and attribute values: html_escape's references (&amp; &lt; &gt;
// &quot; &#39;) are XML's too, and it makes control characters, which XML
// 1.0 cannot carry, visible.
using render::html_escape;

namespace {

std::string finding_text(const Finding& f) {
  std::string out = f.summary + "\n";
  if (f.line > 0) out += fmt::format("line {}\n", f.line);
  if (!f.section.empty()) out += "in: " + f.section + "\n";
  if (!f.old_text.empty()) out += "- " + f.old_text + "\n";
  if (!f.new_text.empty()) out += "+ " + f.new_text + "\n";
  for (const std::string& detail : f.details) out += "* " + detail + "\n";
  if (!f.message.empty()) out += f.message + "\n";
  return out;
}

}  // namespace

std::string render_check_junit(const CheckReport& report) {
  std::string suites;
  size_t tests = 0;
  size_t failures = 0;
  for (const DocumentCheck& d : report.documents) {
    std::string cases;
    size_t suite_failures = 0;
    for (const Rule& rule : report.rules) {
      std::string failing;
      std::string other;  // warnings and accepted findings: reported, not failures
      size_t count = 0;
      std::string first;
      for (const Finding& f : d.findings) {
        if (f.rule != rule.id) continue;
        if (f.severity == Severity::kError && !f.accepted) {
          failing += finding_text(f) + "\n";
          if (count++ == 0) first = f.summary;
        } else {
          other += fmt::format("{}: {}", f.accepted ? "accepted" : to_string(f.severity), finding_text(f)) + "\n";
        }
      }
      cases += fmt::format("    <testcase classname=\"strata.check.{}\" name=\"{}\">\n",
                           html_escape(to_string(rule.kind)), html_escape(rule.id));
      if (count > 0) {
        const std::string message = count == 1 ? first : fmt::format("{} (and {} more)", first, count - 1);
        cases += fmt::format("      <failure type=\"{}\" message=\"{}\">{}</failure>\n",
                             html_escape(to_string(rule.kind)), html_escape(message), html_escape(failing));
        ++suite_failures;
      }
      if (!other.empty()) cases += fmt::format("      <system-out>{}</system-out>\n", html_escape(other));
      cases += "    </testcase>\n";
    }
    std::string bailouts;
    for (const std::string& b : d.bailouts) bailouts += "work limit: " + b + "\n";
    if (!bailouts.empty()) cases += fmt::format("    <system-err>{}</system-err>\n", html_escape(bailouts));
    suites += fmt::format("  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\">\n{}  </testsuite>\n",
                          html_escape(d.path), report.rules.size(), suite_failures, cases);
    tests += report.rules.size();
    failures += suite_failures;
  }
  return fmt::format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"strata check\" tests=\"{}\" failures=\"{}\">\n{}"
      "</testsuites>\n",
      tests, failures, suites);
}

}  // namespace strata
