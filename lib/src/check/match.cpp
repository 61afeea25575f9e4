#include "check/match.hpp"

#include <fmt/core.h>

#include "normalize/normalize.hpp"
#include "text/words.hpp"

namespace strata::check_detail {

std::vector<std::string> match_words(std::string_view text) {
  const std::string folded = classify_detail::fold_case(normalize_text(text));
  std::vector<std::string> out;
  for (std::string_view word : classify_detail::words_of(folded)) out.emplace_back(word);
  return out;
}

int count_phrase(const std::vector<std::string>& words, const std::vector<std::string>& phrase) {
  if (phrase.empty() || words.size() < phrase.size()) return 0;
  int count = 0;
  for (size_t i = 0; i + phrase.size() <= words.size(); ++i) {
    size_t k = 0;
    while (k < phrase.size() && words[i + k] == phrase[k]) ++k;
    count += k == phrase.size() ? 1 : 0;
  }
  return count;
}

namespace {

// Wildcard match of one level: '*' any run, '?' one byte of the folded title
// (titles are compared whole, so a code point matched by '?' is rare enough
// that bytes do).
bool glob(std::string_view pattern, std::string_view text) {
  size_t p = 0;
  size_t t = 0;
  size_t star = std::string_view::npos;
  size_t resume = 0;
  while (t < text.size()) {
    if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == text[t])) {
      ++p;
      ++t;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      resume = t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++resume;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

// Levels [l, end) of the pattern match a prefix of path [i, end).
bool match_from(const std::vector<std::string>& levels, size_t l, const std::vector<std::string>& path, size_t i) {
  if (l == levels.size()) return true;  // a prefix of the path: the section or one inside it
  if (levels[l] == "**") {
    for (size_t j = i; j <= path.size(); ++j) {
      if (match_from(levels, l + 1, path, j)) return true;
    }
    return false;
  }
  return i < path.size() && glob(levels[l], path[i]) && match_from(levels, l + 1, path, i + 1);
}

}  // namespace

Result<SectionPattern> SectionPattern::parse(std::string_view pattern) {
  SectionPattern out;
  size_t start = 0;
  for (;;) {
    const size_t end = pattern.find('>', start);
    std::string level = classify_detail::fold_case(normalize_text(pattern.substr(start, end - start)));
    if (level.empty()) {
      return make_error(ErrorCode::kInvalidArgument,
                        fmt::format("section pattern '{}' has an empty level (levels are separated by '>')", pattern));
    }
    if (level != "**" && level.find("**") != std::string::npos) {
      return make_error(ErrorCode::kInvalidArgument,
                        fmt::format("section pattern '{}': '**' must stand alone as a level", pattern));
    }
    out.levels_.push_back(std::move(level));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return out;
}

bool SectionPattern::matches(const std::vector<std::string>& path) const {
  std::vector<std::string> folded;
  folded.reserve(path.size());
  for (const std::string& title : path) folded.push_back(classify_detail::fold_case(normalize_text(title)));
  return match_from(levels_, 0, folded, 0);
}

}  // namespace strata::check_detail
