#include "app.hpp"

#include <CLI/CLI.hpp>
#include <cstdio>
#include <exception>
#include <fmt/core.h>
#include <new>

#include "commands.hpp"
#include "strata/fs.hpp"
#include "strata/version.hpp"

namespace strata::cli {

int report_error(const Error& error) {
  fmt::print(stderr, "strata: error: {}\n", error.message);
  return kExitTrouble;
}

int emit(const std::string& content, const std::string& path) {
  if (path.empty() || path == "-") {
    std::fwrite(content.data(), 1, content.size(), stdout);
    std::fflush(stdout);
    return kExitSame;
  }
  if (auto written = write_file_atomic(path, content); !written) return report_error(written.error());
  return kExitSame;
}

int run(int argc, char** argv) {
  CLI::App app{"strata: track how a document changes over time, by sections, claims, programmes and wording"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("strata ") + kVersion);
  Context context;
  add_sections_command(app, context);
  add_report_command(app, context);
  add_diff_command(app, context);
  add_init_command(app, context);
  add_import_command(app, context);
  add_log_command(app, context);
  add_timeline_command(app, context);
  add_blame_command(app, context);
  add_programmes_command(app, context);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    fmt::print(stderr, "strata: error: {}\n", e.what());
    return kExitTrouble;
  } catch (const std::bad_alloc&) {
    fmt::print(stderr, "strata: error: out of memory\n");
    return kExitTrouble;
  } catch (const std::exception& e) {
    fmt::print(stderr, "strata: error: {}\n", e.what());
    return kExitTrouble;
  }
  return context.exit_code;
}

}  // namespace strata::cli
