#include "ingest/pages.hpp"

#include <algorithm>
#include <string_view>
#include <unordered_map>

#include "text/ascii.hpp"

namespace strata {

namespace {

constexpr std::string_view kRule = "page-furniture";

// Columns: the typesetting of a footer or header, not of prose, which puts
// two spaces at most between its words.
constexpr std::string_view kColumnGap = "   ";

// "[Page 12]" ends the line, alone or after a gap of two spaces or more.
bool footer(std::string_view s) {
  if (s.size() < 8 || s.back() != ']') return false;
  const size_t open = s.rfind("[Page ");
  if (open == std::string_view::npos) return false;
  const std::string_view number = s.substr(open + 6, s.size() - open - 7);
  if (number.empty() || number.size() > 5 || !std::all_of(number.begin(), number.end(), ascii::digit)) return false;
  return open == 0 || s.substr(0, open).ends_with("  ");
}

}  // namespace

void remove_page_furniture(std::vector<RawBlock>& lines, std::vector<Removal>& removals) {
  std::vector<size_t> footers;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (!lines[i].bullet && footer(lines[i].text)) footers.push_back(i);
  }
  if (footers.empty()) return;
  // How often each line follows a footer, and how many footers a line follows.
  std::unordered_map<std::string_view, size_t> after;
  size_t followed = 0;
  for (size_t f : footers) {
    if (f + 1 < lines.size() && !footer(lines[f + 1].text)) {
      ++after[lines[f + 1].text];
      ++followed;
    }
  }
  std::vector<char> drop(lines.size(), 0);
  for (size_t f : footers) {
    drop[f] = 1;
    if (f + 1 >= lines.size() || footer(lines[f + 1].text)) continue;
    const std::string_view next = lines[f + 1].text;
    const bool header = after[next] >= 2 || (followed == 1 && next.find(kColumnGap) != std::string_view::npos);
    if (header) drop[f + 1] = 1;
  }
  size_t kept = 0;
  bool broke = false;  // a page break was removed before the next line kept
  for (size_t i = 0; i < lines.size(); ++i) {
    if (drop[i]) {
      removals.push_back(Removal{std::string(kRule), lines[i].text.str(), lines[i].line});
      broke = true;
      continue;
    }
    if (broke) lines[i].gap = 1;
    broke = false;
    if (kept != i) lines[kept] = std::move(lines[i]);
    ++kept;
  }
  lines.resize(kept);
}

}  // namespace strata
