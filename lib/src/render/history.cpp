// Text, JSON and CSV forms of the history queries. Deterministic: no clock,
// no locale; text cells are made terminal-safe.
#include <fmt/core.h>
#include <fmt/ranges.h>
#include <algorithm>

#include "render/escape.hpp"
#include "render/json_writer.hpp"
#include "render/programmes.hpp"
#include "strata/render.hpp"
#include "strata/store.hpp"
#include "text/dates.hpp"

namespace strata {

namespace {

using render::JsonWriter;

void write_version(JsonWriter& w, const VersionInfo& v) {
  w.begin_object();
  w.key("id").string(v.id);
  w.key("date").string(v.date);
  w.key("title").string(v.title);
  w.end_object();
}

// The text timeline gives each version a column while they fit a wide
// terminal; past that, a column stands for a run of consecutive versions
// (QUIC's draft, 1,184 versions, printed rows of 4,700 characters). JSON and
// CSV keep a value per version.
constexpr size_t kMaxPresenceColumns = 100;  // one character each
constexpr size_t kMaxCountColumns = 16;      // up to seven characters each

// The versions (0-based, first and one past the last) each of at most
// `columns` columns stands for: runs of the same length, the last shorter.
std::vector<std::pair<size_t, size_t>> column_runs(size_t versions, size_t columns) {
  const size_t per = versions <= columns ? 1 : (versions + columns - 1) / columns;
  std::vector<std::pair<size_t, size_t>> out;
  for (size_t begin = 0; begin < versions; begin += per) out.emplace_back(begin, std::min(versions, begin + per));
  return out;
}

// A section's presence in a run of versions: in all, in none, in some.
char presence_mark(const std::vector<bool>& present, std::pair<size_t, size_t> run) {
  const auto count = static_cast<size_t>(std::count(present.begin() + static_cast<std::ptrdiff_t>(run.first),
                                                    present.begin() + static_cast<std::ptrdiff_t>(run.second), true));
  return count == run.second - run.first ? 'x' : count == 0 ? '.' : ':';
}

const char* op_mark(WordOp::Op op) {
  switch (op) {
    case WordOp::Op::kInsert:
      return "{+";
    case WordOp::Op::kDelete:
      return "[-";
    case WordOp::Op::kEqual:
      break;
  }
  return "";
}

// "absent in guide-2016-2018" or "absent in v3 .. v7 (5 versions)".
std::string absence(const std::vector<VersionInfo>& versions, int from, int to) {
  const std::string& first = versions[static_cast<size_t>(from)].id;
  if (from == to) return "absent in " + first;
  return fmt::format("absent in {} .. {} ({} versions)", first, versions[static_cast<size_t>(to)].id, to - from + 1);
}

std::string size_text(const ChangeSize& z) {
  // A version that changed only what no claim holds (markup, a link, white
  // space) says so, rather than a row of zeros.
  if (z == ChangeSize{}) return "no claim or programme changed";
  return fmt::format("claims ~{} +{} -{} >{}; programmes +{} -{} ={}", z.claims_modified, z.claims_added,
                     z.claims_removed, z.claims_moved, z.programmes_added, z.programmes_removed, z.programmes_renamed);
}

}  // namespace

std::string render_log(const std::vector<LogEntry>& log, std::string_view format) {
  std::string out;
  if (format == "json") {
    JsonWriter w(out, 0);
    w.begin_array();
    for (const LogEntry& e : log) {
      const VersionInfo& v = e.version;
      w.begin_object();
      w.key("position").number(v.position);
      w.key("id").string(v.id);
      w.key("date").string(v.date);
      w.key("time").string(utc_timestamp(v.time));
      w.key("title").string(v.title);
      w.key("source").string(v.source);
      w.key("commit").string(v.commit);
      w.key("normalization").number(v.normalization);
      if (e.change) {
        const ChangeSize& z = *e.change;
        w.key("change").begin_object();
        w.key("claims_modified").number(z.claims_modified);
        w.key("claims_added").number(z.claims_added);
        w.key("claims_removed").number(z.claims_removed);
        w.key("claims_moved").number(z.claims_moved);
        w.key("programmes_added").number(z.programmes_added);
        w.key("programmes_removed").number(z.programmes_removed);
        w.key("programmes_renamed").number(z.programmes_renamed);
        w.end_object();
      }
      if (e.same_as >= 0) w.key("same_as").string(log[static_cast<size_t>(e.same_as)].version.id);
      w.end_object();
    }
    w.end_array();
    return out + "\n";
  }
  for (const LogEntry& e : log) {
    const VersionInfo& v = e.version;
    out += fmt::format("{:>3}  {:<10}  {}  {}", v.position, terminal_safe(v.date), terminal_safe(v.id),
                       terminal_safe(v.title));
    std::vector<std::string> notes;
    if (e.change) notes.push_back(size_text(*e.change));
    if (e.same_as >= 0)
      notes.push_back(fmt::format("same text as {}", log[static_cast<size_t>(e.same_as)].version.position));
    out += notes.empty() ? "\n" : fmt::format("  ({})\n", fmt::join(notes, "; "));
  }
  return out;
}

std::string render_timeline(const Timeline& t, std::string_view format) {
  const size_t n = t.versions.size();
  if (format == "json") {
    std::string out;
    JsonWriter w(out, 0);
    w.begin_object();
    w.key("versions").begin_array();
    for (const auto& v : t.versions) write_version(w, v);
    w.end_array();
    w.key("sections").begin_array();
    for (const auto& s : t.sections) {
      w.begin_object();
      w.key("path").string(s.path);
      w.key("earlier").strings(s.earlier);
      w.key("present").begin_array();
      for (bool p : s.present) w.boolean(p);
      w.end_array();
      w.end_object();
    }
    w.end_array();
    w.key("programmes");
    render::write_series_rows(w, t.programmes);
    w.key("programme_renames");
    render::write_series_renames(w, t.programmes);
    w.key("terms").begin_array();
    for (const auto& r : t.terms) {
      w.begin_object();
      w.key("term").string(r.term);
      w.key("kind").string(r.watched ? "watched" : "shifted");
      w.key("counts").numbers(r.counts);
      w.end_object();
    }
    w.end_array();
    w.end_object();
    return out + "\n";
  }
  if (format == "csv") {
    std::string out = "kind,name";
    for (const auto& v : t.versions) out += "," + render::csv_field(v.id);
    out += "\n";
    for (const auto& s : t.sections) {
      out += "section," + render::csv_field(s.path);
      for (bool p : s.present) out += p ? ",1" : ",0";
      out += "\n";
    }
    for (const auto& p : t.programmes.rows) {
      out += "programme," + render::csv_field(render::programme_label(p.name, p.acronym));
      for (int m : p.mentions) out += fmt::format(",{}", m);
      out += "\n";
    }
    for (const auto& r : t.terms) {
      out += (r.watched ? "term," : "shifted,") + render::csv_field(r.term);
      for (int c : r.counts) out += fmt::format(",{}", c);
      out += "\n";
    }
    return out;
  }
  std::string out = "Versions:\n";
  for (size_t i = 0; i < n; ++i) {
    out += fmt::format("  [{}] {}  {}  {}\n", i + 1, t.versions[i].date, t.versions[i].id,
                       terminal_safe(t.versions[i].title));
  }
  const auto presence_runs = column_runs(n, kMaxPresenceColumns);
  const size_t per = presence_runs.empty() ? 1 : presence_runs.front().second - presence_runs.front().first;
  if (per == 1) {
    out += fmt::format("\nSections ({}; x = present, one column per version):\n", t.sections.size());
  } else {
    out += fmt::format("\nSections ({}; one column per {} versions: x = present in all, : in some, . in none):\n",
                       t.sections.size(), per);
  }
  for (const auto& s : t.sections) {
    std::string marks;
    for (const auto& run : presence_runs) marks += presence_mark(s.present, run);
    std::string was;
    for (const std::string& e : s.earlier) was += (was.empty() ? "  (was: " : "; ") + terminal_safe(e);
    out += fmt::format("  {}  {}{}\n", marks, terminal_safe(s.path), was.empty() ? "" : was + ")");
  }
  // Counts past the column budget are those of the last version of each run:
  // where the count stood, which the ruler numbers.
  const auto count_runs = column_runs(n, kMaxCountColumns);
  const bool sampled = count_runs.size() < n;
  // A sampled column is as wide as the ruler's widest number, "[1184]", and a space.
  const size_t width = sampled ? fmt::format(" [{}]", n).size() : 4;
  const auto counts_of = [&](const std::vector<int>& values) {
    std::string cells;
    for (const auto& run : count_runs) cells += fmt::format("{:>{}}", values[run.second - 1], width);
    return cells;
  };
  std::string ruler;
  if (sampled) {
    for (const auto& run : count_runs) ruler += fmt::format("{:>{}}", fmt::format("[{}]", run.second), width);
    ruler = "  " + ruler + "\n";
  }
  const std::string per_version = sampled ? "at the versions numbered above" : "per version";
  out += fmt::format("\nProgrammes ({}; mentions {}, first and last seen):\n{}", t.programmes.rows.size(), per_version,
                     t.programmes.rows.empty() ? "" : ruler);
  for (const auto& p : t.programmes.rows) {
    const std::string counts = counts_of(p.mentions);
    std::string was;
    for (const std::string& e : p.earlier) was += (was.empty() ? "  (was: " : "; ") + terminal_safe(e);
    out += fmt::format("  {}  {} .. {}  {}{}\n", counts, t.versions[static_cast<size_t>(p.first_seen)].id,
                       t.versions[static_cast<size_t>(p.last_seen)].id,
                       terminal_safe(render::programme_label(p.name, p.acronym)), was.empty() ? "" : was + ")");
  }
  if (!t.programmes.renames.empty()) out += "\nProgramme renames:\n" + render::rename_lines_text(t.programmes);
  if (!t.terms.empty()) {
    out += fmt::format("\nTerms (occurrences {}; * = watched, others shifted most):\n{}", per_version, ruler);
    for (const auto& r : t.terms) {
      out += fmt::format("  {}  {}{}\n", counts_of(r.counts), r.watched ? "* " : "", terminal_safe(r.term));
    }
  }
  return out;
}

std::string render_blame(const Blame& b, std::string_view format) {
  if (format == "json") {
    std::string out;
    JsonWriter w(out, 0);
    w.begin_object();
    w.key("version");
    write_version(w, b.versions.back());
    w.key("claims").begin_array();
    const auto id = [&b](int v) -> const std::string& { return b.versions[static_cast<size_t>(v)].id; };
    for (const auto& c : b.claims) {
      w.begin_object();
      w.key("text").string(c.text);
      w.key("origin").string(id(c.origin));
      w.key("last_changed").string(id(c.last_changed));
      if (c.absent_from >= 0) {
        w.key("absent").begin_array();
        w.string(id(c.absent_from));
        w.string(id(c.absent_to));
        w.end_array();
      }
      w.end_object();
    }
    w.end_array();
    w.end_object();
    return out + "\n";
  }
  if (format == "summary") {
    // Per version: how many claims of the blamed version first appeared
    // there, and how many were last changed there.
    std::vector<int> born(b.versions.size(), 0);
    std::vector<int> touched(b.versions.size(), 0);
    int returned = 0;
    for (const auto& c : b.claims) {
      ++born[static_cast<size_t>(c.origin)];
      ++touched[static_cast<size_t>(c.last_changed)];
      returned += c.absent_from >= 0 ? 1 : 0;
    }
    std::string out =
        fmt::format("{} claims in {} ({})\n", b.claims.size(), b.versions.back().id, b.versions.back().date);
    for (size_t v = 0; v < b.versions.size(); ++v) {
      out += fmt::format("  {:<12} {:<20} first appeared {:>5}  last changed {:>5}\n", b.versions[v].date,
                         b.versions[v].id, born[v], touched[v]);
    }
    if (returned > 0) out += fmt::format("  claims that reappeared after versions without them: {}\n", returned);
    return out;
  }
  // Columns: the version where the claim first appeared, the one where its
  // text last changed, the claim; ids padded to the longest one used.
  size_t width = 0;
  for (const auto& c : b.claims) {
    width = std::max({width, b.versions[static_cast<size_t>(c.origin)].id.size(),
                      b.versions[static_cast<size_t>(c.last_changed)].id.size()});
  }
  std::string out;
  for (const auto& c : b.claims) {
    out += fmt::format("{:<{}}  {:<{}}  {}\n", b.versions[static_cast<size_t>(c.origin)].id, width,
                       b.versions[static_cast<size_t>(c.last_changed)].id, width, terminal_safe(c.text));
    if (c.absent_from >= 0)
      out += fmt::format("{:<{}}  reappeared after {}\n", "", width, absence(b.versions, c.absent_from, c.absent_to));
  }
  return out;
}

std::string render_claim_history(const std::vector<ClaimStep>& steps, std::string_view format) {
  if (format == "json") {
    std::string out;
    JsonWriter w(out, 0);
    w.begin_array();
    for (const auto& s : steps) {
      w.begin_object();
      w.key("version");
      write_version(w, s.version);
      w.key("text").string(s.text);
      w.key("changed").boolean(s.changed);
      w.key("diff").begin_array();
      for (const auto& op : s.diff) {
        w.begin_object();
        w.key("op").string(to_string(op.op));
        w.key("text").string(op.text);
        w.end_object();
      }
      w.end_array();
      w.key("absent_before").begin_array();
      for (const VersionInfo& gap : s.absent_before) w.string(gap.id);
      w.end_array();
      w.end_object();
    }
    w.end_array();
    return out + "\n";
  }
  std::string out;
  for (size_t i = 0; i < steps.size(); ++i) {
    const ClaimStep& s = steps[i];
    for (const VersionInfo& gap : s.absent_before) out += fmt::format("{} {}  absent\n", gap.date, gap.id);
    const char* what = i == 0                     ? "first appears"
                       : !s.absent_before.empty() ? (s.changed ? "reappeared, changed" : "reappeared")
                       : s.changed                ? "changed"
                                                  : "unchanged or moved";
    out += fmt::format("{} {}  {}\n", s.version.date, s.version.id, what);
    if (s.changed && !s.diff.empty()) {
      std::string line;
      for (const auto& op : s.diff) {
        const char* open = op_mark(op.op);
        const char* close = op.op == WordOp::Op::kInsert ? "+}" : op.op == WordOp::Op::kDelete ? "-]" : "";
        line += open + terminal_safe(op.text) + close;
      }
      out += "    " + line + "\n";
    } else {
      out += "    " + terminal_safe(s.text) + "\n";
    }
  }
  return out;
}

}  // namespace strata
