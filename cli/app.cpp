#include "app.hpp"

#include <fmt/core.h>
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <iterator>
#include <new>
#include <string_view>
#include <utility>
#include <vector>

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

void keep_until_exit(std::shared_ptr<const void> value) {
  // Never destroyed: a static vector would free what it holds at exit.
  static auto* const kept = new std::vector<std::shared_ptr<const void>>();
  kept->push_back(std::move(value));
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

bool Context::wants(std::string_view names) const {
  if (every_option) return true;
  for (size_t from = 0; from < names.size();) {
    const size_t comma = std::min(names.find(',', from), names.size());
    const std::string_view name = names.substr(from, comma - from);
    from = comma + 1;
    for (const std::string_view word : words) {
      if (name.size() > 2 && name.starts_with("--")) {
        if (word.starts_with(name) && (word.size() == name.size() || word[name.size()] == '=')) return true;
      } else if (name.size() == 2 && word.size() > 1 && word[0] == '-' && word[1] != '-' &&
                 word.find(name[1], 1) != std::string_view::npos) {
        return true;
      }
    }
  }
  return false;
}

namespace {

using AddCommand = void (*)(CLI::App&, Context&);

struct Command {
  std::string_view name;
  AddCommand add;
};

// Every command, in the order help lists them, with what registers it.
constexpr Command kCommands[] = {
    {"sections", add_sections_command}, {"report", add_report_command},     {"diff", add_diff_command},
    {"init", add_init_command},         {"import", add_import_command},     {"log", add_log_command},
    {"timeline", add_timeline_command}, {"blame", add_blame_command},       {"programmes", add_programmes_command},
    {"check", add_check_command},       {"git-diff", add_git_diff_command}, {"textconv", add_textconv_command},
};

}  // namespace

int run(int argc, char** argv) {
  const std::string version = std::string("strata ") + kVersion;
  // `strata --version` alone is answered before the command line is set up:
  // CLI11 answers it by throwing, and the first exception of a process
  // (unwinding tables searched, then the handler) with the set-up was an
  // eighth of that start. With other arguments, CLI11 answers as before.
  if (argc == 2 && std::string_view(argv[1]) == "--version") return emit(version + "\n", "");
  // The command line's objects (an option is a dozen blocks) are left for
  // the end of the process to take back (keep_until_exit).
  auto owned = std::make_shared<CLI::App>(
      "strata: track how a document changes over time, by sections, claims, programmes and wording");
  keep_until_exit(owned);
  CLI::App& app = *owned;
  app.require_subcommand(1);
  app.set_version_flag("--version", version);
  Context context;
  // A named command is the only one built: CLI11 builds every option of
  // every command it is given, 1.4 of the 4.6 million instructions of a
  // start. The top-level help needs all.
  if (argc > 1 && argv[1][0] != '-') {
    const std::string_view asked = argv[1];
    const auto named =
        std::find_if(std::begin(kCommands), std::end(kCommands), [&](const Command& c) { return c.name == asked; });
    if (named == std::end(kCommands)) {
      // CLI11 would call an unknown command an unexpected argument; say
      // what it is, and what the commands are.
      std::string names;
      for (const Command& c : kCommands) names += fmt::format("{}{}", names.empty() ? "" : ", ", c.name);
      fmt::print(stderr, "strata: error: unknown command '{}' (commands: {})\n", terminal_safe(argv[1]), names);
      return kExitTrouble;
    }
    // Only the options the words name, unless they ask for the command's
    // help, which lists every option.
    context.words.assign(argv + 2, argv + argc);
    context.every_option = false;
    context.every_option = context.wants("-h,--help,--help-all");
    named->add(app, context);
  } else {
    for (const Command& c : kCommands) c.add(app, context);
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
