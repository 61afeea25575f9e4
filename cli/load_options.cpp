#include "load_options.hpp"

namespace strata::cli {

void ReadFlags::add_to(CLI::App& command) {
  command.add_option("--input-format", input_format, "auto (from the extension), text or markdown")
      ->capture_default_str();
  command.add_option("--rules", rules_file, "TOML file of boilerplate rules to add or disable (docs/configuration.md)");
}

Result<LoadOptions> ReadFlags::options() const {
  LoadOptions options;
  auto format = parse_input_format(input_format);
  if (!format) return format.error();
  options.format = *format;
  if (!rules_file.empty()) {
    auto rules = load_boilerplate_rules(rules_file, options.rules);
    if (!rules) return rules.error();
    options.rules = std::move(*rules);
  }
  return options;
}

}  // namespace strata::cli
