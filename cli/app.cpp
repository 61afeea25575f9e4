#include "app.hpp"

#include <fmt/core.h>
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <filesystem>
#include <iterator>
#include <new>
#include <optional>
#include <string>
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

void write_stdout(std::string_view piece) {
  errno = 0;
  if (std::fwrite(piece.data(), 1, piece.size(), stdout) != piece.size() && stdout_errno == 0) stdout_errno = errno;
}

int emit(const std::string& content, const std::string& path) {
  if (path.empty() || path == "-") {
    write_stdout(content);
    return finish_output(kExitSame);
  }
  // `-o` names a file in a folder that exists: a folder missing is a slip in
  // the path, refused (as `sort -o` refuses it) rather than made.
  const std::filesystem::path folder = std::filesystem::path(path).parent_path();
  std::error_code ec;
  if (!folder.empty() && !std::filesystem::exists(folder, ec)) {
    fmt::print(stderr, "strata: error: {}: cannot write: no folder {}\n", terminal_line(path),
               terminal_line(folder.string()));
    return kExitTrouble;
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

// A name longer than any option's is not compared (the work is the
// product of the two lengths).
constexpr size_t kMaxSuggestedName = 64;

// Edits (insertions, deletions, substitutions) from `a` to `b`.
size_t edits(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// A word of `words` written as an option (`--name`, `--name=value`, `-x`)
// that `command` has no option for, and the option it most likely meant.
// CLI11 only says which words were left over, which names a file the
// misspelt option's value pushed out of its place.
struct UnknownOption {
  std::string word;
  std::string meant;  // empty when no option is near
};

std::optional<UnknownOption> unknown_option(const Command& command, const std::vector<std::string_view>& words) {
  // The command with every option, which the run built only in part.
  CLI::App app;
  Context every;
  command.add(app, every);
  const CLI::App* sub = app.get_subcommand(std::string(command.name));
  for (const std::string_view word : words) {
    if (word == "--") break;
    const auto letter = [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; };
    const bool long_name = word.size() > 2 && word.starts_with("--") && letter(word[2]);
    const bool short_name = word.size() == 2 && word[0] == '-' && letter(word[1]);
    if (!long_name && !short_name) continue;
    const std::string name(word.substr(0, word.find('=')));
    if (sub->get_option_no_throw(name) != nullptr) continue;
    UnknownOption out{name, ""};
    if (long_name && name.size() <= kMaxSuggestedName) {
      // Near enough to be a slip: a third of the name's letters at most.
      size_t best = std::max<size_t>(1, (name.size() - 2) / 3) + 1;
      for (const CLI::Option* option : sub->get_options()) {
        for (const std::string& lname : option->get_lnames()) {
          const size_t d = edits(std::string_view(name).substr(2), lname);
          if (d < best) {
            best = d;
            out.meant = "--" + lname;
          }
        }
      }
    }
    return out;
  }
  return std::nullopt;
}

// The command argv names first, or null.
const Command* command_named(int argc, char** argv) {
  if (argc < 2) return nullptr;
  const std::string_view asked = argv[1];
  const auto named =
      std::find_if(std::begin(kCommands), std::end(kCommands), [&](const Command& c) { return c.name == asked; });
  return named == std::end(kCommands) ? nullptr : &*named;
}

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
    const Command* named = command_named(argc, argv);
    if (named == nullptr) {
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
    // An unknown option is the likelier cause of whatever else CLI11 found
    // (a required operand missing, an operand left over).
    const Command* named = command_named(argc, argv);
    const auto unknown = named != nullptr ? unknown_option(*named, context.words) : std::nullopt;
    if (!unknown) {
      fmt::print(stderr, "strata: error: {}\n", terminal_line(e.what()));
    } else if (unknown->meant.empty()) {
      fmt::print(stderr, "strata: error: {} has no option '{}' ('strata {} --help' lists them)\n", named->name,
                 terminal_line(unknown->word), named->name);
    } else {
      fmt::print(stderr, "strata: error: {} has no option '{}' (did you mean {}?)\n", named->name,
                 terminal_line(unknown->word), unknown->meant);
    }
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

CLI::Validator format_among(std::vector<std::string> names) {
  std::string listed;
  for (const auto& name : names) listed += (listed.empty() ? "" : ",") + name;
  listed = "{" + listed + "}";
  return CLI::Validator(
      [names = std::move(names), listed](std::string& value) -> std::string {
        const auto has = [&](std::string_view name) {
          return std::find(names.begin(), names.end(), name) != names.end();
        };
        if (value == "markdown" && !has(value) && has("md")) value = "md";
        if (value == "md" && !has(value) && has("markdown")) value = "markdown";
        return has(value) ? std::string() : value + " not in " + listed;
      },
      listed);
}

}  // namespace strata::cli
