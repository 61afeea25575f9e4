// `strata check --format md`: a pull-request comment.
#include <fmt/core.h>

#include "render/check_formats.hpp"
#include "render/escape.hpp"
#include "render/select.hpp"

namespace strata {

using render::md;

std::string render_check_markdown(const CheckReport& report) {
  std::string out = fmt::format("### strata check: {}\n\n", md(check_verdict_line(report)));
  for (const DocumentCheck& d : report.documents) {
    out += fmt::format("#### {}\n\n", md(d.path));
    if (d.findings.empty() && d.bailouts.empty()) out += "No rule broken.\n\n";
    for (const std::string& b : d.bailouts) out += fmt::format("- **work limit**: {}\n", md(b));
    for (const Finding& f : d.findings) {
      const char* severity = f.accepted ? "accepted" : to_string(f.severity);
      out += fmt::format("- **{}** `{}`", severity, md(f.rule));
      if (f.line > 0) out += fmt::format(" (line {})", f.line);
      out += fmt::format(": {}\n", md(f.summary));
      if (!f.section.empty()) out += fmt::format("  - in: {}\n", md(f.section));
      if (!f.old_text.empty()) out += fmt::format("  - before: ~~{}~~\n", md(f.old_text));
      if (!f.new_text.empty()) out += fmt::format("  - after: **{}**\n", md(f.new_text));
      for (const std::string& detail : f.details) out += fmt::format("  - {}\n", md(detail));
      if (!f.message.empty()) out += fmt::format("  - {}\n", md(f.message));
    }
    out += "\n";
  }
  return out;
}

}  // namespace strata
