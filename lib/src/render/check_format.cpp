// render_check(): the format's name to its renderer.
#include <fmt/core.h>

#include "render/check_formats.hpp"

namespace strata {

namespace {

struct FormatName {
  std::string_view name;
  CheckFormat format;
  std::string (*render)(const CheckReport&);
};

constexpr FormatName kFormats[] = {
    {"text", CheckFormat::kText, render_check_text},    {"json", CheckFormat::kJson, render_check_json},
    {"junit", CheckFormat::kJunit, render_check_junit}, {"github", CheckFormat::kGithub, render_check_github},
    {"sarif", CheckFormat::kSarif, render_check_sarif}, {"md", CheckFormat::kMarkdown, render_check_markdown},
};

}  // namespace

Result<CheckFormat> parse_check_format(std::string_view name) {
  if (name == "markdown") name = "md";  // as input formats spell it
  for (const FormatName& f : kFormats) {
    if (f.name == name) return f.format;
  }
  return make_error(ErrorCode::kInvalidArgument,
                    fmt::format("unknown check format '{}' (expected text, json, junit, github, sarif or md)", name));
}

std::string render_check(const CheckReport& report, CheckFormat format) {
  for (const FormatName& f : kFormats) {
    if (f.format == format) return f.render(report);
  }
  return render_check_text(report);
}

}  // namespace strata
