// One function a subcommand; each lives in cli/cmd_<name>.cpp.
#pragma once

#include "app.hpp"

namespace strata::cli {

void add_sections_command(CLI::App& app, Context& context);
void add_report_command(CLI::App& app, Context& context);
void add_diff_command(CLI::App& app, Context& context);
void add_init_command(CLI::App& app, Context& context);
void add_import_command(CLI::App& app, Context& context);
void add_log_command(CLI::App& app, Context& context);
void add_timeline_command(CLI::App& app, Context& context);
void add_blame_command(CLI::App& app, Context& context);
void add_programmes_command(CLI::App& app, Context& context);
void add_check_command(CLI::App& app, Context& context);
void add_git_diff_command(CLI::App& app, Context& context);
void add_textconv_command(CLI::App& app, Context& context);

}  // namespace strata::cli
