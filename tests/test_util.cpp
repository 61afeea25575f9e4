#include "test_util.hpp"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "normalize/normalize.hpp"
#include "strata/load.hpp"
#include "strata/manifest.hpp"

namespace strata::test {

std::string snapshot_path(const std::string& id) {
  const std::string manifest_path = std::string(STRATA_SOURCE_DIR) + "/snapshots/manifest.toml";
  auto manifest = load_manifest(manifest_path);
  if (!manifest) {
    ADD_FAILURE() << manifest.error().message;
    return {};
  }
  for (const ManifestEntry& e : manifest->entries) {
    if (e.id == id) return e.path;
  }
  ADD_FAILURE() << "no snapshot " << id;
  return {};
}

Document load_snapshot(const std::string& id) {
  auto doc = load_document(snapshot_path(id));
  if (!doc) {
    ADD_FAILURE() << doc.error().message;
    return {};
  }
  return std::move(*doc);
}

Document parse(const std::string& text, const std::string& name) {
  auto doc = parse_document(text, name);
  if (!doc) {
    ADD_FAILURE() << doc.error().message;
    return {};
  }
  return std::move(*doc);
}

Snapshot snapshot(const std::string& bytes, const std::string& date, const std::string& id, const std::string& source) {
  Snapshot s;
  s.bytes = bytes;
  s.date = date;
  s.id = id;
  s.source = source;
  return s;
}

Rule rule(RuleKind kind, std::string pattern, std::vector<std::string> kinds, double limit) {
  Rule r;
  r.kind = kind;
  r.pattern = std::move(pattern);
  r.kinds = std::move(kinds);
  r.limit = limit;
  EXPECT_TRUE(prepare_rule(r).has_value());
  return r;
}

std::string version_text(int n) { return "Title\n\nThe text of version " + std::to_string(n) + ".\n"; }

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TempDir::TempDir() {
  std::random_device rd;
  path_ = (std::filesystem::temp_directory_path() / ("strata-test-" + std::to_string(rd()) + std::to_string(rd())))
              .string();
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

std::string TempDir::file(const std::string& name, const std::string& content) const {
  const std::string p = path_ + "/" + name;
  std::filesystem::create_directories(std::filesystem::path(p).parent_path());
  std::ofstream(p, std::ios::binary) << content;
  return p;
}

CommandResult run_strata(const std::string& args) { return run_strata_env("", args); }

CommandResult run_strata_env(const std::string& env, const std::string& args) {
  TempDir dir;
  const std::string out = dir.path() + "/out";
  const std::string err = dir.path() + "/err";
  const std::string cmd = "cd '" + std::string(STRATA_SOURCE_DIR) + "' && " + env + " '" + std::string(STRATA_BINARY) +
                          "' " + args + " >'" + out + "' 2>'" + err + "' </dev/null";
  const int status = std::system(cmd.c_str());
  CommandResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = read_file(out);
  r.err = read_file(err);
  return r;
}

CommandResult run_shell(const std::string& dir, const std::string& script) {
  TempDir scratch;
  const std::string script_file = scratch.file("script.sh", script);
  const std::string bin_dir = std::filesystem::path(STRATA_BINARY).parent_path().string();
  const std::string out = scratch.path() + "/out";
  const std::string err = scratch.path() + "/err";
  const std::string cmd = "cd '" + dir + "' && PATH='" + bin_dir + "':\"$PATH\" sh '" + script_file + "' >'" + out +
                          "' 2>'" + err + "' </dev/null";
  const int status = std::system(cmd.c_str());
  CommandResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = read_file(out);
  r.err = read_file(err);
  return r;
}

int find_section(const Document& doc, const std::string& title, int after) {
  const std::string norm = normalize_text(title);
  for (size_t i = static_cast<size_t>(after) + 1; i < doc.sections.size(); ++i) {
    if (doc.sections[i].title_norm == norm) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace strata::test
