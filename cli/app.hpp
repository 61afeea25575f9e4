// The strata program: CLI11 set-up and the one place exceptions are caught.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "strata/result.hpp"

namespace CLI {
class App;
}

namespace strata::cli {

// Exit codes, as diff(1): 0 no differences, 1 differences or a rule broken, 2 trouble.
inline constexpr int kExitSame = 0;
inline constexpr int kExitDifferent = 1;
inline constexpr int kExitTrouble = 2;
// Standard output closed early (`strata log | head -1`): the run ends at once,
// quietly, with the status a shell reports for a program ended by SIGPIPE.
inline constexpr int kExitClosedPipe = 128 + 13;

// Shared by every subcommand: where its exit code goes, and which of its
// options to build.
struct Context {
  int exit_code = kExitSame;
  // The words after the command's name: unless `every_option`, the options
  // built are those they name.
  std::vector<std::string_view> words;
  // Every option built: for the help, which lists them all, and for the
  // top-level command line, which names no command.
  bool every_option = true;

  // Whether to build the option of CLI11 names `names` ("-o,--output"): CLI11
  // builds an option in about 10,000 instructions, a fifth of a one-line
  // diff's for `diff`'s 18, and an option the command line does not name
  // changes nothing of its parse. True when a word is one of the long names
  // (alone or before '=') or a short one's letter follows a single '-'
  // anywhere in a word (stacked, or a value attached); more than the parse
  // takes is no matter.
  bool wants(std::string_view names) const;
};

int run(int argc, char** argv);

// Prints "strata: error: <message>" on stderr and returns kExitTrouble.
int report_error(const Error& error);

// Writes `content` to `path` atomically, or to stdout when path is empty or "-".
// Returns kExitSame; kExitClosedPipe; or, after reporting the error,
// kExitTrouble (a full disk under stdout is trouble, as for a file).
int emit(const std::string& content, const std::string& path);

// Writes `piece` to stdout; a failure is reported by finish_output.
void write_stdout(std::string_view piece);

// Hands `value` to the end of the process, which takes back all its memory
// at once: the documents and the comparison of a large pair are millions of
// small blocks, and freeing them one at a time after the output is written
// only delays the exit (2% of the instructions of a 1 MB diff). Kept
// reachable, so LeakSanitizer finds no leak.
void keep_until_exit(std::shared_ptr<const void> value);

// Flushes stdout at the end of a run: `code` when everything printed reached
// it, else kExitClosedPipe or (reported) kExitTrouble.
int finish_output(int code);

}  // namespace strata::cli
