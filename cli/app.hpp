// The strata program: CLI11 set-up and the one place exceptions are caught.
#pragma once

#include <string>

#include "strata/result.hpp"

namespace CLI {
class App;
}

namespace strata::cli {

// Exit codes, as diff(1): 0 no differences, 1 differences or a rule broken, 2 trouble.
inline constexpr int kExitSame = 0;
inline constexpr int kExitDifferent = 1;
inline constexpr int kExitTrouble = 2;

// Shared by every subcommand: where its exit code goes.
struct Context {
  int exit_code = kExitSame;
};

int run(int argc, char** argv);

// Prints "strata: error: <message>" on stderr and returns kExitTrouble.
int report_error(const Error& error);

// Writes `content` to `path` atomically, or to stdout when path is empty or "-".
// Returns kExitSame or, after reporting the error, kExitTrouble.
int emit(const std::string& content, const std::string& path);

}  // namespace strata::cli
