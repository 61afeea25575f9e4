// Helpers for tests: the bundled snapshots, temporary folders, running the CLI.
#pragma once

#include <string>

#include "strata/check.hpp"
#include "strata/document.hpp"
#include "strata/history.hpp"
#include "strata/store.hpp"

namespace strata::test {

// Path of a bundled snapshot by manifest id ("page-2015", "page-2023", ...).
std::string snapshot_path(const std::string& id);
Document load_snapshot(const std::string& id);
// `text` read as a document named `name`, whose extension picks the format;
// a text that cannot be read fails the test (and gives an empty document).
Document parse(const std::string& text, const std::string& name = "x.txt");

// A snapshot to import into a test store. `source` names the file it came
// from (the store keeps it in the commit trailers).
Snapshot snapshot(const std::string& bytes, const std::string& date, const std::string& id = "",
                  const std::string& source = "doc.txt");
// A rule as a rule file would give it, checked by prepare_rule (a bad one
// fails the test).
Rule rule(RuleKind kind, std::string pattern = "", std::vector<std::string> kinds = {}, double limit = 0);
// A small document whose only claim names version `n`.
std::string version_text(int n);
std::string read_file(const std::string& path);

// A fresh empty folder under the system temp dir, removed by the destructor.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  std::string file(const std::string& name, const std::string& content) const;  // writes, returns its path

 private:
  std::string path_;
};

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs the built strata binary with `args` (shell-quoted by the caller), in
// the source folder, capturing stdout and stderr.
CommandResult run_strata(const std::string& args);
// The same, with environment assignments ("LC_ALL=C TZ=UTC") before the command.
CommandResult run_strata_env(const std::string& env, const std::string& args);

// Runs `script` with sh in folder `dir`, the built strata first on PATH (so
// `strata` and git's drivers find it), capturing stdout and stderr.
CommandResult run_shell(const std::string& dir, const std::string& script);

// Finds the first section titled `title` (comparison form), or -1.
int find_section(const Document& doc, const std::string& title, int after = 0);

}  // namespace strata::test
