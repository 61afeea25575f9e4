#include "app.hpp"

#include <fmt/core.h>
#include <CLI/CLI.hpp>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <new>
#include <utility>

#include "commands.hpp"
#include "strata/fs.hpp"
#include "strata/render.hpp"
#include "strata/version.hpp"

namespace strata::cli {

int report_error(const Error& error) {
  fmt::print(stderr, "strata: error: {}\n", terminal_line(error.message));
  return kExitTrouble;
}

namespace {

// The first error writing to stdout, kept because a later flush may find the
// buffer already dropped and say nothing; reported once.
int stdout_errno = 0;
bool stdout_reported = false;

}  // namespace

int finish_output(int code) {
  errno = 0;
  if (std::fflush(stdout) != 0 && stdout_errno == 0) stdout_errno = errno;
  if (stdout_errno == 0 && std::ferror(stdout) == 0) return code;
  if (stdout_errno == EPIPE) return kExitClosedPipe;
  if (std::exchange(stdout_reported, true)) return kExitTrouble;
  fmt::print(stderr, "strata: error: standard output: write failed: {}\n",
             stdout_errno != 0 ? std::strerror(stdout_errno) : "unknown error");
  return kExitTrouble;
}

int emit(const std::string& content, const std::string& path) {
  if (path.empty() || path == "-") {
    errno = 0;
    if (std::fwrite(content.data(), 1, content.size(), stdout) != content.size() && stdout_errno == 0) {
      stdout_errno = errno;
    }
    return finish_output(kExitSame);
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
  add_check_command(app, context);
  add_git_commands(app, context);
  // CLI11 would call an unknown command an unexpected argument; say what it
  // is, and what the commands are.
  if (argc > 1 && argv[1][0] != '-') {
    std::string names;
    bool known = false;
    for (const CLI::App* sub : std::as_const(app).get_subcommands([](const CLI::App*) { return true; })) {
      names += (names.empty() ? "" : ", ") + sub->get_name();
      known = known || sub->get_name() == argv[1];
    }
    if (!known) {
      fmt::print(stderr, "strata: error: unknown command '{}' (commands: {})\n", terminal_safe(argv[1]), names);
      return kExitTrouble;
    }
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    fmt::print(stderr, "strata: error: {}\n", terminal_line(e.what()));
    return kExitTrouble;
  } catch (const std::bad_alloc&) {
    fmt::print(stderr, "strata: error: out of memory\n");
    return kExitTrouble;
  } catch (const std::exception& e) {
    fmt::print(stderr, "strata: error: {}\n", terminal_line(e.what()));
    return kExitTrouble;
  }
  return finish_output(context.exit_code);
}

}  // namespace strata::cli
