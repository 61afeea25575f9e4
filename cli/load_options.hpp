// Options every command that reads documents shares: --input-format, --rules.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "strata/load.hpp"

namespace strata::cli {

struct ReadFlags {
  std::string input_format = "auto";
  std::string rules_file;  // TOML boilerplate rules on top of the bundled ones

  void add_to(CLI::App& command);
  Result<LoadOptions> options() const;
};

}  // namespace strata::cli
