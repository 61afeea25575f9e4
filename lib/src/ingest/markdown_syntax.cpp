#include "ingest/markdown_syntax.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "text/ascii.hpp"
#include "text/dates.hpp"

namespace strata::markdown_syntax {

namespace {

// Front matter keys that date a document, most specific first: a policy's
// effective date says more than the date the file was written.
constexpr std::array<std::string_view, 9> kDateKeys = {"effective_date", "effective", "last_updated",
                                                       "last-updated",   "lastmod",   "updated",
                                                       "modified",       "date",      "published"};

struct LineRef {
  size_t begin;
  size_t end;  // excluding '\n'
};

std::vector<LineRef> lines_of(const std::string& text) {
  std::vector<LineRef> lines;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    lines.push_back({pos, end});
    if (end == text.size()) break;
    pos = end + 1;
  }
  return lines;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::string_view unquote(std::string_view s) {
  s = trim(s);
  if (s.size() >= 2 && (s.front() == '"' || s.front() == '\'') && s.back() == s.front()) s = s.substr(1, s.size() - 2);
  return s;
}

void blank(std::string& text, LineRef l) {
  for (size_t i = l.begin; i < l.end; ++i) text[i] = ' ';
}

bool ident_char(char c) { return ascii::alnum(c) || c == '-' || c == '_' || c == ':' || c == '.'; }

// The length of an attribute list starting at `s[0] == '{'`, 0 if none. An
// attribute list is "{:" up to '}', or "{#id ...}" / "{.class ...}" whose
// every word is #id, .class or key=value (so "{#}" in prose or code is not).
size_t attribute_list_length(std::string_view s) {
  if (s.size() < 3 || s[0] != '{') return 0;
  const size_t close = s.find('}');
  if (close == std::string_view::npos || s.substr(1, close - 1).find('{') != std::string_view::npos) return 0;
  if (s[1] == ':') return close + 1;
  if (s[1] != '#' && s[1] != '.') return 0;
  size_t i = 1;
  while (i < close) {
    if (s[i] == ' ') {
      ++i;
      continue;
    }
    const size_t start = i;
    if (s[i] == '#' || s[i] == '.') ++i;
    while (i < close && ident_char(s[i])) ++i;
    if (i < close && s[i] == '=' && start < i && s[start] != '#' && s[start] != '.') {
      ++i;
      if (i < close && s[i] == '"') {
        const size_t q = s.find('"', i + 1);
        if (q == std::string_view::npos || q > close) return 0;
        i = q + 1;
      } else {
        while (i < close && s[i] != ' ') ++i;
      }
    }
    if (i == start || (i < close && s[i] != ' ')) return 0;
  }
  return close + 1;
}

std::string id_in(std::string_view list) {
  const size_t hash = list.find('#');
  if (hash == std::string_view::npos) return {};
  size_t end = hash + 1;
  while (end < list.size() && ident_char(list[end]) && list[end] != '.') ++end;
  return std::string(list.substr(hash + 1, end - hash - 1));
}

// kramdown-rfc's "--- abstract", "--- note_Title", "--- middle", "--- back".
bool rfc_marker(std::string_view line, std::string& heading) {
  if (line.substr(0, 4) != "--- ") return false;
  const std::string_view name = trim(line.substr(4));
  if (name == "middle" || name == "back") {
    heading.clear();
    return true;
  }
  if (name == "abstract") {
    heading = "# Abstract";
    return true;
  }
  if (name.substr(0, 5) == "note_" && name.size() > 5) {
    heading = "# ";
    for (char c : name.substr(5)) heading.push_back(c == '_' ? ' ' : c);
    return true;
  }
  return false;
}

// Replaces a line's bytes with `with` padded by spaces, or blanks the line
// when `with` is longer than it.
void overwrite(std::string& text, LineRef l, std::string_view with) {
  blank(text, l);
  if (with.size() <= l.end - l.begin) text.replace(l.begin, with.size(), with);
}

// Liquid tags that write text where they stand ("{% data
// variables.product.prodname_dotcom %}", "{% include notice.md %}"): what
// they write is not in the file, so a line holding one is kept as written.
constexpr std::array<std::string_view, 3> kLiquidOutputTags = {"data", "include", "render"};

// True when `line` is only Liquid tags that write nothing ("{% note %}",
// "{%- ifversion ghes -%}", "{% endnote %}"): template markup, as GitHub
// Docs wraps its notes in. `opens_comment`: the line leaves a "{% comment
// %}" open, whose lines up to "{% endcomment %}" are not text either.
bool liquid_markup(std::string_view line, bool& opens_comment) {
  opens_comment = false;
  if (line.substr(0, 2) != "{%") return false;
  while (!line.empty()) {
    const size_t close = line.find("%}");
    if (line.substr(0, 2) != "{%" || close == std::string_view::npos) return false;
    std::string_view inside = line.substr(2, close - 2);
    if (!inside.empty() && inside.front() == '-') inside.remove_prefix(1);
    inside = trim(inside);
    size_t name_end = 0;
    while (name_end < inside.size() && (ascii::alpha(inside[name_end]) || inside[name_end] == '_')) ++name_end;
    const std::string_view name = inside.substr(0, name_end);
    if (name.empty() || std::find(kLiquidOutputTags.begin(), kLiquidOutputTags.end(), name) != kLiquidOutputTags.end())
      return false;
    if (name == "comment" || name == "endcomment") opens_comment = name == "comment";
    line = trim(line.substr(close + 2));
  }
  return true;
}

void read_front_matter_key(std::string_view line, char separator, Preamble& out, size_t& date_rank) {
  if (line.empty() || line.front() == ' ' || line.front() == '\t' || line.front() == '#') return;
  const size_t sep = line.find(separator);
  if (sep == std::string_view::npos) return;
  const std::string key = ascii::lower(trim(line.substr(0, sep)));
  const std::string_view value = unquote(line.substr(sep + 1));
  if (value.empty()) return;
  if (key == "title" && out.title.empty()) out.title = std::string(value);
  for (size_t rank = 0; rank < kDateKeys.size() && rank < date_rank; ++rank) {
    if (key != kDateKeys[rank]) continue;
    // "2023-01-05T10:00:00Z" and "2023-01-05 10:00" carry a day first.
    const std::string_view day = value.size() > 10 && ascii::digit(value[0]) ? value.substr(0, 10) : value;
    if (auto date = parse_date(day)) {
      out.date = *date;
      date_rank = rank;
    }
  }
}

// GitHub's alert markers ("> [!NOTE]", "> [!WARNING]") and the labels
// GitHub shows for them, written as notes were before the markers existed
// ("**Note:** ..."), so that a note moved into an alert reads the same.
constexpr std::array<std::pair<std::string_view, std::string_view>, 5> kAlerts = {{{"[!note]", "Note:"},
                                                                                   {"[!tip]", "Tip:"},
                                                                                   {"[!important]", "Important:"},
                                                                                   {"[!warning]", "Warning:"},
                                                                                   {"[!caution]", "Caution:"}}};

}  // namespace

Preamble strip_preamble(std::string& text) {
  Preamble out;
  const std::vector<LineRef> lines = lines_of(text);
  auto line = [&](size_t i) { return std::string_view(text).substr(lines[i].begin, lines[i].end - lines[i].begin); };
  size_t i = 0;
  if (!lines.empty() && (trim(line(0)) == "---" || trim(line(0)) == "+++")) {
    const std::string fence(trim(line(0)));
    const char separator = fence == "---" ? ':' : '=';
    // YAML ends at "---" or "..."; kramdown-rfc's ends at its first section
    // marker ("--- abstract"), which is then read as a marker below.
    std::string marker;
    auto closes = [&](size_t k) {
      const std::string_view t = trim(line(k));
      if (t == fence) return true;
      return fence == "---" && (t == "..." || rfc_marker(t, marker));
    };
    size_t end = 1;
    while (end < lines.size() && !closes(end)) ++end;
    if (end < lines.size()) {
      size_t date_rank = kDateKeys.size();
      for (size_t k = 1; k < end; ++k) read_front_matter_key(line(k), separator, out, date_rank);
      const bool marker_line = trim(line(end)) != fence && trim(line(end)) != "...";
      for (size_t k = 0; k < end; ++k) blank(text, lines[k]);
      if (!marker_line) blank(text, lines[end]);
      i = marker_line ? end : end + 1;
    }
  }
  std::string fence;  // the open code fence, empty outside code
  // Inside {::comment} ... {:/comment} or {% comment %} ... {% endcomment
  // %}: what closes it; empty outside.
  std::string_view block_end;
  std::string heading;
  for (; i < lines.size(); ++i) {
    const std::string_view t = trim(line(i));
    if (!fence.empty()) {
      if (t.substr(0, fence.size()) == fence) fence.clear();
      continue;
    }
    if (t.substr(0, 3) == "```" || t.substr(0, 3) == "~~~") {
      fence = std::string(t.substr(0, 3));
      continue;
    }
    if (!block_end.empty()) {
      if (t.find(block_end) != std::string_view::npos) block_end = {};
      blank(text, lines[i]);
      continue;
    }
    if (t.substr(0, 3) == "{::") {
      // "{::comment}" and "{::nomarkdown}" open a block up to "{:/}";
      // "{::boilerplate bcp14}" and "{::comment /}" stand alone.
      if ((t.substr(0, 10) == "{::comment" || t.substr(0, 13) == "{::nomarkdown") &&
          t.find("/}") == std::string_view::npos)
        block_end = "{:/";
      blank(text, lines[i]);
      continue;
    }
    if (bool opens_comment = false; liquid_markup(t, opens_comment)) {
      if (opens_comment) block_end = "endcomment";
      blank(text, lines[i]);
      continue;
    }
    // kramdown reads the content of <div markdown="1"> or <aside
    // markdown="block"> as Markdown: so do we, by dropping the tag line.
    if (t.size() > 2 && t.front() == '<' && t.back() == '>' && t.find(" markdown=") != std::string_view::npos &&
        t.find('>') == t.size() - 1) {
      blank(text, lines[i]);
      continue;
    }
    if (t.substr(0, 2) == ": ") {  // a kramdown definition: the mark is syntax, the definition prose
      text[lines[i].begin + (t.data() - line(i).data())] = ' ';
      continue;
    }
    if (rfc_marker(t, heading)) {
      overwrite(text, lines[i], heading);
      continue;
    }
    if (!t.empty() && t.front() == '{' && attribute_list_length(t) == t.size()) {
      if (std::string id = id_in(t); !id.empty()) out.ids_by_line[static_cast<uint32_t>(i + 1)] = std::move(id);
      // Mozilla's notices date themselves so: "*Effective July 27, 2023*" then {: datetime="2023-07-27" }.
      if (const size_t at = t.find("datetime=\""); at != std::string_view::npos && out.date.empty()) {
        const size_t end = t.find('"', at + 10);
        if (auto date = parse_date(t.substr(at + 10, end - at - 10))) {
          out.date = *date;
          // The line it dates, a paragraph of its own, is the version's
          // date in words, in the notice's language ("Gültig ab Montag, 4.
          // Mai 2026"): metadata, as a "Last updated" line is, not a claim
          // that changes with every version.
          if (i >= 1 && !trim(line(i - 1)).empty() && (i < 2 || trim(line(i - 2)).empty())) {
            out.removals.push_back(Removal{"dateline", std::string(trim(line(i - 1))), static_cast<uint32_t>(i)});
            blank(text, lines[i - 1]);
          }
        }
      }
      blank(text, lines[i]);
    }
  }
  return out;
}

// The three scanners below copy the text between marks in one append, stop
// looking once no closing mark is left, and reuse a closing mark found for an
// earlier opening one: a block of 10 MB of opening marks stays linear.

namespace {

// The first `what` at or after `from` in `text`, reusing `found` (the last
// answer) while it is still at or after `from`.
size_t next(std::string_view text, std::string_view what, size_t from, size_t& found) {
  if (found == std::string_view::npos || found < from) found = text.find(what, from);
  return found;
}

}  // namespace

std::string strip_attribute_lists(std::string_view text, std::string* id) {
  std::string out;
  out.reserve(text.size());
  size_t close = 0;
  size_t open_after = 0;
  size_t i = 0;
  while (i < text.size()) {
    const size_t open = text.find('{', i);
    if (open == std::string_view::npos || next(text, "}", open, close) == std::string_view::npos) break;
    out.append(text.substr(i, open - i));
    i = open;
    // A '{' before the '}' means this one opens no list (and spares the scan).
    const bool nested = next(text, "{", open + 1, open_after) < close;
    const size_t n = nested ? 0 : attribute_list_length(text.substr(i));
    if (n == 0) {
      out.push_back(text[i++]);
      continue;
    }
    if (id != nullptr && id->empty()) *id = id_in(text.substr(i, n));
    while (!out.empty() && out.back() == ' ' && (i + n == text.size() || text[i + n] == ' ')) out.pop_back();
    i += n;
  }
  out.append(text.substr(std::min(i, text.size())));
  return out;
}

std::string render_references(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t close = 0;
  size_t i = 0;
  while (i < text.size()) {
    const size_t open = text.find("{{", i);
    if (open == std::string_view::npos || next(text, "}}", open + 2, close) == std::string_view::npos) break;
    out.append(text.substr(i, open - i));
    std::string_view ref = trim(text.substr(open + 2, close - open - 2));
    if (!ref.empty() && (ref.front() == '?' || ref.front() == '!')) ref.remove_prefix(1);
    const size_t of = ref.rfind(" of ");
    if (of != std::string_view::npos) {
      out.append(ref.substr(0, of + 4)).append("[").append(ref.substr(of + 4)).append("]");
    } else {
      out.append("[").append(ref).append("]");
    }
    i = close + 2;
  }
  out.append(text.substr(std::min(i, text.size())));
  return out;
}

std::string resolve_literal_links(std::string_view text, std::vector<Link>& links) {
  std::string out;
  out.reserve(text.size());
  size_t mid = 0;
  size_t close = 0;
  size_t open_after = 0;
  size_t i = 0;
  while (i < text.size()) {
    const size_t open = text.find('[', i);
    if (open == std::string_view::npos || next(text, "](", open + 1, mid) == std::string_view::npos ||
        next(text, ")", mid + 2, close) == std::string_view::npos)
      break;  // no link is complete past here
    out.append(text.substr(i, open - i));
    i = open;
    // The innermost bracket before "](" opens the label, and a target has no space.
    if (next(text, "[", open + 1, open_after) < mid ||
        text.substr(mid + 2, close - mid - 2).find(' ') != std::string_view::npos) {
      out.push_back(text[i++]);
      continue;
    }
    const std::string_view label = text.substr(open + 1, mid - open - 1);
    links.push_back(Link{std::string(label), std::string(text.substr(mid + 2, close - mid - 2)), LinkKind::kLink});
    out.append(label);
    i = close + 1;
  }
  out.append(text.substr(std::min(i, text.size())));
  return out;
}

std::pair<std::string_view, size_t> alert_label(std::string_view text) {
  const std::string_view t = trim(text);
  for (const auto& [marker, label] : kAlerts) {
    if (!ascii::istarts_with(t, marker)) continue;
    if (t.size() > marker.size() && t[marker.size()] != ' ') break;
    return {label, static_cast<size_t>(t.data() - text.data()) + marker.size()};
  }
  return {};
}

}  // namespace strata::markdown_syntax
