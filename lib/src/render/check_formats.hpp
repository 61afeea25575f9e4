// One function a `strata check` output format (render/check_*.cpp), behind
// render_check(). Internal to render/.
#pragma once

#include <string>

#include "strata/check.hpp"

namespace strata {

std::string render_check_text(const CheckReport& report);
std::string render_check_json(const CheckReport& report);
std::string render_check_junit(const CheckReport& report);
std::string render_check_github(const CheckReport& report);
std::string render_check_sarif(const CheckReport& report);
std::string render_check_markdown(const CheckReport& report);

// "FAILED: 1 errors, ..." or "passed: ...": the last line of the text and
// Markdown reports.
std::string check_verdict_line(const CheckReport& report);

}  // namespace strata
