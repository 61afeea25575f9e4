// `strata check --format github`: GitHub Actions workflow commands, which
// the runner turns into annotations on the pull request's files
// (`::error file=F,line=L,title=T::message`, the line in the new version).
#include <fmt/core.h>

#include "render/check_formats.hpp"
#include "render/escape.hpp"
#include "render/select.hpp"

namespace strata {

using render::github_data;
using render::github_property;

std::string render_check_github(const CheckReport& report) {
  std::string out;
  for (const DocumentCheck& d : report.documents) {
    for (const std::string& b : d.bailouts) {
      out += fmt::format("::warning file={},title={}::{}\n", github_property(d.path),
                         github_property("strata: work limit"), github_data(b));
    }
    for (const Finding& f : d.findings) {
      if (f.accepted) continue;  // the baseline accepts it: no annotation
      std::string where = "file=" + github_property(d.path);
      if (f.line > 0) where += fmt::format(",line={}", f.line);
      std::string message = f.summary;
      if (!f.old_text.empty()) message += "\n- " + f.old_text;
      if (!f.new_text.empty()) message += "\n+ " + f.new_text;
      for (const std::string& detail : f.details) message += "\n* " + detail;
      if (!f.message.empty()) message += "\n" + f.message;
      out += fmt::format("::{} {},title={}::{}\n", to_string(f.severity), where, github_property("strata " + f.rule),
                         github_data(message));
    }
  }
  out += check_verdict_line(report) + "\n";
  return out;
}

}  // namespace strata
