// Baselines: the findings a team has accepted, by key, so that a CI job
// fails only on new ones.
#include <fmt/core.h>
#include <algorithm>

#include "ingest/ingest.hpp"
#include "strata/check.hpp"

namespace strata {

std::string render_baseline(const CheckReport& report) {
  std::string out =
      "# strata check baseline: accepted findings, one key a line (what follows the tab is for the reader)\n";
  std::vector<std::string> lines;
  for (const DocumentCheck& document : report.documents) {
    for (const Finding& f : document.findings) {
      std::string what = f.summary;
      std::replace(what.begin(), what.end(), '\n', ' ');
      std::replace(what.begin(), what.end(), '\t', ' ');
      lines.push_back(fmt::format("{}\t{}\n", f.key, what));
    }
  }
  // Sorted and without repeats, so that the file diffs well in review.
  std::sort(lines.begin(), lines.end());
  lines.erase(std::unique(lines.begin(), lines.end()), lines.end());
  for (const std::string& line : lines) out += line;
  return out;
}

Result<std::vector<std::string>> load_baseline(const std::string& path) {
  auto bytes = read_file_bytes(path);
  if (!bytes) return bytes.error();
  std::vector<std::string> keys;
  size_t start = 0;
  while (start < bytes->size()) {
    size_t end = bytes->find('\n', start);
    if (end == std::string::npos) end = bytes->size();
    std::string_view line(bytes->data() + start, end - start);
    start = end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    keys.emplace_back(line.substr(0, line.find('\t')));
  }
  std::sort(keys.begin(), keys.end());
  return keys;
}

void apply_baseline(CheckReport& report, std::vector<std::string> keys) {
  std::sort(keys.begin(), keys.end());
  for (DocumentCheck& document : report.documents) {
    for (Finding& f : document.findings) {
      f.accepted = std::binary_search(keys.begin(), keys.end(), f.key);
    }
  }
}

}  // namespace strata
