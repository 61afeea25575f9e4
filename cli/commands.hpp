// One function a subcommand; each lives in cli/cmd_<name>.cpp.
#pragma once

#include <string>
#include <vector>

#include "app.hpp"

namespace CLI {
class Validator;
}

namespace strata::cli {

// The check of an output's --format: one of `names`. "md" and "markdown"
// name one format, whichever of them `names` spells it as (input formats say
// "markdown"; a user need not remember which command says which).
CLI::Validator format_among(std::vector<std::string> names);

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
