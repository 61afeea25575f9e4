// The plain-text reader: one RawBlock a non-blank line. Structure (headings,
// bullet-headed sections, nesting) is inferred later by segment, which sees
// the whole outline; here we only measure each line.
#include "ingest/readers.hpp"

#include <array>

namespace strata::readers {

namespace {

constexpr int kTabColumns = 4;

// Bullet marks that page extraction leaves at the start of list lines.
constexpr std::string_view kBullets[] = {"\u2022", "\u25E6", "\u25AA", "\u2023", "\u00B7", "\u25CF", "-", "*"};

bool is_space(char c) { return c == ' ' || c == '\t'; }

// Extracted pages leave no-break spaces (U+00A0) around bullets and at line
// ends; they are layout, not content.
constexpr std::string_view kNoBreakSpace = "\u00A0";

void trim_spaces(std::string_view& s) {
  // Most lines start and end with a letter or a full stop: the first byte
  // of a no-break space is tested before the rest is compared.
  for (;;) {
    if (!s.empty() && (is_space(s.front()) || s.front() == '\f' || s.front() == '\v')) {
      s.remove_prefix(1);
    } else if (!s.empty() && s.front() == kNoBreakSpace.front() && s.starts_with(kNoBreakSpace)) {
      s.remove_prefix(kNoBreakSpace.size());
    } else {
      break;
    }
  }
  for (;;) {
    if (!s.empty() && (is_space(s.back()) || s.back() == '\f' || s.back() == '\v')) {
      s.remove_suffix(1);
    } else if (!s.empty() && s.back() == kNoBreakSpace.back() && s.ends_with(kNoBreakSpace)) {
      s.remove_suffix(kNoBreakSpace.size());
    } else {
      break;
    }
  }
}

// The first bytes of the bullet marks.
constexpr auto kBulletStarts = [] {
  std::array<bool, 256> starts{};
  for (std::string_view mark : kBullets) starts[static_cast<unsigned char>(mark.front())] = true;
  return starts;
}();

// Strips a leading bullet and the spaces after it; a bullet must be followed
// by a space so that "-5%" or "*emphasis*" stay text.
bool strip_bullet(std::string_view& content) {
  if (content.empty() || !kBulletStarts[static_cast<unsigned char>(content.front())]) return false;
  for (std::string_view mark : kBullets) {
    if (content.substr(0, mark.size()) == mark && content.size() > mark.size() && is_space(content[mark.size()])) {
      content.remove_prefix(mark.size());
      trim_spaces(content);
      return true;
    }
  }
  return false;
}

// The lines holding something other than spaces and tabs: at least the
// blocks read_plain_text makes (a line of no-break spaces makes none).
size_t lines_with_text(std::string_view text) {
  size_t n = 0;
  for (size_t pos = 0; pos < text.size();) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    for (size_t i = pos; i < end; ++i) {
      if (!is_space(text[i])) {
        ++n;
        break;
      }
    }
    pos = end + 1;
  }
  return n;
}

}  // namespace

std::vector<RawBlock> read_plain_text(std::string_view text) {
  // Reserved, so that a long text's blocks are not held twice while the
  // vector grows (88 MiB a million lines).
  std::vector<RawBlock> blocks;
  blocks.reserve(lines_with_text(text));
  int gap = 0;
  uint32_t line_no = 0;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    ++line_no;
    pos = end + 1;

    int indent = 0;
    size_t i = 0;
    for (; i < line.size() && is_space(line[i]); ++i) indent += line[i] == '\t' ? kTabColumns : 1;
    std::string_view content = line.substr(i);
    trim_spaces(content);
    if (content.empty()) {
      ++gap;
      if (end == text.size()) break;
      continue;
    }
    RawBlock block;
    block.kind = RawBlock::Kind::kLine;
    block.indent = indent;
    block.gap = gap;
    block.line = line_no;
    block.bullet = strip_bullet(content);
    block.text = SharedText(content);
    blocks.push_back(std::move(block));
    gap = 0;
    if (end == text.size()) break;
  }
  return blocks;
}

}  // namespace strata::readers
