// The Markdown reader: CommonMark's block structure for the constructs
// documents use (headings, paragraphs, nested lists, quotes, fenced code).
#include <string>

#include "ingest/readers.hpp"
#include "text/ascii.hpp"

namespace strata::readers {

namespace {

struct Line {
  std::string_view text;  // without the line end
  uint32_t number = 0;
  int indent = 0;         // leading columns
  std::string_view rest;  // after the indentation
};

bool blank(const Line& l) { return l.rest.empty(); }

int atx_level(std::string_view rest, std::string_view& title) {
  int level = 0;
  while (level < static_cast<int>(rest.size()) && rest[static_cast<size_t>(level)] == '#') ++level;
  if (level == 0 || level > 6) return 0;
  std::string_view after = rest.substr(static_cast<size_t>(level));
  if (!after.empty() && after.front() != ' ' && after.front() != '\t') return 0;
  while (!after.empty() && (after.front() == ' ' || after.front() == '\t')) after.remove_prefix(1);
  while (!after.empty() && (after.back() == ' ' || after.back() == '\t')) after.remove_suffix(1);
  // A closing run of '#' preceded by a space is not part of the title.
  size_t hashes = after.size();
  while (hashes > 0 && after[hashes - 1] == '#') --hashes;
  if (hashes == 0) {
    after = {};
  } else if (hashes < after.size() && (after[hashes - 1] == ' ' || after[hashes - 1] == '\t')) {
    after = after.substr(0, hashes);
    while (!after.empty() && (after.back() == ' ' || after.back() == '\t')) after.remove_suffix(1);
  }
  title = after;
  return level;
}

// "===" or "---" (setext underline) -> 1 or 2; 0 otherwise.
int setext_level(std::string_view rest) {
  while (!rest.empty() && (rest.back() == ' ' || rest.back() == '\t')) rest.remove_suffix(1);
  if (rest.empty()) return 0;
  const char c = rest.front();
  if (c != '=' && c != '-') return 0;
  for (char x : rest) {
    if (x != c) return 0;
  }
  return c == '=' ? 1 : 2;
}

bool thematic_break(std::string_view rest) {
  int count = 0;
  char mark = 0;
  for (char c : rest) {
    if (c == ' ' || c == '\t') continue;
    if (c != '-' && c != '*' && c != '_') return false;
    if (mark != 0 && c != mark) return false;
    mark = c;
    ++count;
  }
  return count >= 3;
}

// A list marker at the start of `rest`: "- ", "* ", "+ ", "1. ", "1) ".
// Returns the marker's width including the following space, 0 if none.
size_t list_marker(std::string_view rest) {
  if (rest.size() >= 2 && (rest[0] == '-' || rest[0] == '*' || rest[0] == '+') && (rest[1] == ' ' || rest[1] == '\t')) {
    return 2;
  }
  size_t digits = 0;
  while (digits < rest.size() && digits < 9 && rest[digits] >= '0' && rest[digits] <= '9') ++digits;
  if (digits > 0 && digits + 1 < rest.size() && (rest[digits] == '.' || rest[digits] == ')') &&
      (rest[digits + 1] == ' ' || rest[digits + 1] == '\t')) {
    return digits + 2;
  }
  return 0;
}

bool fence(std::string_view rest) { return rest.substr(0, 3) == "```" || rest.substr(0, 3) == "~~~"; }

std::vector<Line> split_lines(std::string_view text) {
  std::vector<Line> lines;
  size_t pos = 0;
  uint32_t number = 0;
  while (pos <= text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    Line l;
    l.text = text.substr(pos, end - pos);
    l.number = ++number;
    size_t i = 0;
    while (i < l.text.size() && (l.text[i] == ' ' || l.text[i] == '\t')) {
      l.indent += l.text[i] == '\t' ? 4 : 1;
      ++i;
    }
    l.rest = l.text.substr(i);
    while (!l.rest.empty() && (l.rest.back() == ' ' || l.rest.back() == '\t')) l.rest.remove_suffix(1);
    lines.push_back(l);
    if (end == text.size()) break;
    pos = end + 1;
  }
  return lines;
}

void append_joined(std::string& out, std::string_view piece) {
  if (!out.empty()) out.push_back(' ');
  out.append(piece);
}

}  // namespace

std::vector<RawBlock> read_markdown(std::string_view text) {
  const std::vector<Line> lines = split_lines(text);
  std::vector<RawBlock> blocks;
  std::vector<int> list_indents;  // content columns of the open list levels

  auto push = [&](RawBlock::Kind kind, int level, int indent, uint32_t line, const std::string& body) {
    RawBlock b;
    b.kind = kind;
    b.level = level;
    b.indent = indent;
    b.line = line;
    b.text = kind == RawBlock::Kind::kCode ? body : strip_inline_markdown(body);
    if (!b.text.empty()) blocks.push_back(std::move(b));
  };

  size_t i = 0;
  while (i < lines.size()) {
    const Line& l = lines[i];
    if (blank(l)) {
      ++i;
      continue;
    }
    if (l.rest.substr(0, 4) == "<!--") {  // comments carry no content
      while (i < lines.size() && lines[i].text.find("-->") == std::string_view::npos) ++i;
      ++i;
      continue;
    }
    if (fence(l.rest)) {
      const std::string_view marker = l.rest.substr(0, 3);
      std::string body;
      const uint32_t start = l.number;
      ++i;
      while (i < lines.size() && lines[i].rest.substr(0, 3) != marker) {
        if (!body.empty()) body.push_back('\n');
        body.append(lines[i].text);
        ++i;
      }
      ++i;
      push(RawBlock::Kind::kCode, 0, 0, start, body);
      continue;
    }
    std::string_view title;
    if (l.indent < 4) {
      if (const int level = atx_level(l.rest, title); level > 0) {
        list_indents.clear();
        push(RawBlock::Kind::kHeading, level, 0, l.number, std::string(title));
        ++i;
        continue;
      }
      if (thematic_break(l.rest) && (l.rest.front() != '-' || i == 0 || blank(lines[i - 1]))) {
        ++i;
        continue;
      }
    }
    if (l.rest.front() == '>') {
      std::string body;
      const uint32_t start = l.number;
      while (i < lines.size() && !blank(lines[i]) && lines[i].rest.front() == '>') {
        std::string_view q = lines[i].rest.substr(1);
        if (!q.empty() && q.front() == ' ') q.remove_prefix(1);
        if (q.empty()) {  // a blank quoted line ends a quoted paragraph
          push(RawBlock::Kind::kQuote, 0, 0, start, body);
          body.clear();
        } else {
          append_joined(body, q);
        }
        ++i;
      }
      push(RawBlock::Kind::kQuote, 0, 0, start, body);
      continue;
    }
    if (const size_t width = list_marker(l.rest); width > 0) {
      while (!list_indents.empty() && l.indent < list_indents.back()) list_indents.pop_back();
      const int depth = static_cast<int>(list_indents.size());
      list_indents.push_back(l.indent + static_cast<int>(width));
      std::string body(l.rest.substr(width));
      const uint32_t start = l.number;
      ++i;
      // Continuation lines: indented to the item's content, or lazy lines
      // directly after it that start no other block.
      while (i < lines.size() && !blank(lines[i]) && list_marker(lines[i].rest) == 0 && !fence(lines[i].rest) &&
             lines[i].rest.front() != '#' && lines[i].rest.front() != '>') {
        append_joined(body, lines[i].rest);
        ++i;
      }
      push(RawBlock::Kind::kListItem, 0, depth, start, body);
      continue;
    }
    if (l.indent < 2 || list_indents.empty()) list_indents.clear();
    std::string body(l.rest);
    const uint32_t start = l.number;
    ++i;
    bool heading = false;
    while (i < lines.size() && !blank(lines[i])) {
      const Line& next = lines[i];
      if (const int level = setext_level(next.rest); level > 0 && next.indent < 4) {
        push(RawBlock::Kind::kHeading, level, 0, start, body);
        list_indents.clear();
        heading = true;
        ++i;
        break;
      }
      if (list_marker(next.rest) > 0 || fence(next.rest) || next.rest.front() == '>' ||
          atx_level(next.rest, title) > 0) {
        break;
      }
      append_joined(body, next.rest);
      ++i;
    }
    if (!heading) push(RawBlock::Kind::kParagraph, 0, 0, start, body);
  }
  return blocks;
}

std::string strip_inline_markdown(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (c == '\\' && i + 1 < s.size() && std::string_view("\\`*_{}[]()#+-.!<>|\"'~").find(s[i + 1]) != std::string_view::npos) {
      out.push_back(s[i + 1]);
      i += 2;
      continue;
    }
    if (c == '`') {
      size_t ticks = 0;
      while (i + ticks < s.size() && s[i + ticks] == '`') ++ticks;
      const std::string delim(ticks, '`');
      const size_t close = s.find(delim, i + ticks);
      if (close != std::string_view::npos) {
        out.append(s.substr(i + ticks, close - i - ticks));
        i = close + ticks;
        continue;
      }
    }
    // [text](url) and ![alt](src) keep their text; reference links keep it too.
    if (c == '[' || (c == '!' && i + 1 < s.size() && s[i + 1] == '[')) {
      const size_t open = c == '!' ? i + 1 : i;
      const size_t close = s.find(']', open);
      if (close != std::string_view::npos) {
        const std::string inner = strip_inline_markdown(s.substr(open + 1, close - open - 1));
        size_t next = close + 1;
        if (next < s.size() && s[next] == '(') {
          const size_t paren = s.find(')', next);
          if (paren != std::string_view::npos) next = paren + 1;
        } else if (next < s.size() && s[next] == '[') {
          const size_t bracket = s.find(']', next);
          if (bracket != std::string_view::npos) next = bracket + 1;
        }
        out.append(inner);
        i = next;
        continue;
      }
    }
    if (c == '<') {  // autolinks and inline HTML tags: keep a link's address, drop tags
      const size_t close = s.find('>', i);
      if (close != std::string_view::npos) {
        const std::string_view inner = s.substr(i + 1, close - i - 1);
        if (inner.find("://") != std::string_view::npos || inner.find('@') != std::string_view::npos) {
          out.append(inner);
          i = close + 1;
          continue;
        }
        if (!inner.empty() && (ascii::alpha(inner.front()) || inner.front() == '/')) {
          i = close + 1;
          continue;
        }
      }
    }
    // Emphasis marks: '*' always, '_' only at a word boundary (snake_case stays).
    if (c == '*' || c == '~') {
      ++i;
      continue;
    }
    if (c == '_') {
      const bool left_word = i > 0 && ascii::alnum(s[i - 1]);
      const bool right_word = i + 1 < s.size() && ascii::alnum(s[i + 1]);
      if (!(left_word && right_word)) {
        ++i;
        continue;
      }
    }
    out.push_back(c);
    ++i;
  }
  return out;
}

}  // namespace strata::readers
