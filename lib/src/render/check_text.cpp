// `strata check` for a person at a terminal, and the textconv form of a
// document for `git diff`.
#include <fmt/core.h>

#include "render/check_formats.hpp"
#include "strata/render.hpp"

namespace strata {

std::string check_verdict_line(const CheckReport& report) {
  return fmt::format("{}: {} errors, {} warnings, {} accepted by the baseline", report.failed() ? "FAILED" : "passed",
                     report.count(Severity::kError, false), report.count(Severity::kWarning, false),
                     report.count(Severity::kError, true) + report.count(Severity::kWarning, true));
}

std::string render_check_text(const CheckReport& report) {
  std::string out;
  for (const DocumentCheck& document : report.documents) {
    out +=
        fmt::format("strata check: {} -> {}\n", terminal_safe(document.old_label), terminal_safe(document.new_label));
    for (const std::string& bailout : document.bailouts)
      out += fmt::format("  work limit: {}\n", terminal_safe(bailout));
    for (const Finding& f : document.findings) {
      const char* severity = f.accepted ? "accepted" : to_string(f.severity);
      out += fmt::format("  {} [{}]", severity, terminal_safe(f.rule));
      if (f.line > 0) out += fmt::format(" {}:{}", terminal_safe(document.path), f.line);
      out += fmt::format(": {}\n", terminal_safe(f.summary));
      if (!f.section.empty()) out += fmt::format("    in: {}\n", terminal_safe(f.section));
      if (!f.old_text.empty()) out += fmt::format("    - {}\n", terminal_safe(f.old_text));
      if (!f.new_text.empty()) out += fmt::format("    + {}\n", terminal_safe(f.new_text));
      for (const std::string& detail : f.details) out += fmt::format("    * {}\n", terminal_safe(detail));
      if (!f.message.empty()) out += fmt::format("    {}\n", terminal_safe(f.message));
    }
  }
  out += check_verdict_line(report) + "\n";
  return out;
}

std::string render_claim_lines(const Document& doc) {
  // The comparison form: typography and white space already folded, so
  // `git diff` shows what strata would call a change.
  std::string out;
  for (size_t i = 0; i < doc.sections.size(); ++i) {
    const Section& section = doc.sections[i];
    if (i > 0)
      out += fmt::format("\n{} {}\n", std::string(static_cast<size_t>(section.level), '#'), section.title_norm);
    for (const Sentence& sentence : section.sentences) out += sentence.norm + "\n";
  }
  return out;
}

}  // namespace strata
