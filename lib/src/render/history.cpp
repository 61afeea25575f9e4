// Text, JSON and CSV forms of the history queries. Deterministic: no clock,
// no locale; text cells are made terminal-safe.
#include <fmt/core.h>
#include <algorithm>
#include <nlohmann/json.hpp>

#include "render/escape.hpp"
#include "render/programmes.hpp"
#include "strata/render.hpp"
#include "strata/store.hpp"
#include "text/dates.hpp"

namespace strata {

namespace {

using Json = nlohmann::ordered_json;

std::string dump(const Json& j) { return render::json_text(j) + "\n"; }

Json version_json(const VersionInfo& v) { return {{"id", v.id}, {"date", v.date}, {"title", v.title}}; }

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
  return fmt::format("claims ~{} +{} -{} >{}; programmes +{} -{} ={}", z.claims_modified, z.claims_added,
                     z.claims_removed, z.claims_moved, z.programmes_added, z.programmes_removed, z.programmes_renamed);
}

}  // namespace

std::string render_log(const std::vector<LogEntry>& log, std::string_view format) {
  std::string out;
  if (format == "json") {
    Json list = Json::array();
    for (const LogEntry& e : log) {
      const VersionInfo& v = e.version;
      Json item = {
          {"position", v.position}, {"id", v.id},         {"date", v.date},     {"time", utc_timestamp(v.time)},
          {"title", v.title},       {"source", v.source}, {"commit", v.commit}, {"normalization", v.normalization}};
      if (e.change) {
        const ChangeSize& z = *e.change;
        item["change"] = {{"claims_modified", z.claims_modified},      {"claims_added", z.claims_added},
                          {"claims_removed", z.claims_removed},        {"claims_moved", z.claims_moved},
                          {"programmes_added", z.programmes_added},    {"programmes_removed", z.programmes_removed},
                          {"programmes_renamed", z.programmes_renamed}};
      }
      list.push_back(std::move(item));
    }
    return dump(list);
  }
  for (const LogEntry& e : log) {
    const VersionInfo& v = e.version;
    out += fmt::format("{:>3}  {:<10}  {}  {}", v.position, terminal_safe(v.date), terminal_safe(v.id),
                       terminal_safe(v.title));
    out += e.change ? "  (" + size_text(*e.change) + ")\n" : "\n";
  }
  return out;
}

std::string render_timeline(const Timeline& t, std::string_view format) {
  const size_t n = t.versions.size();
  if (format == "json") {
    Json j;
    j["versions"] = Json::array();
    for (const auto& v : t.versions) j["versions"].push_back(version_json(v));
    j["sections"] = Json::array();
    for (const auto& s : t.sections) {
      j["sections"].push_back({{"path", s.path}, {"earlier", s.earlier}, {"present", s.present}});
    }
    j["programmes"] = render::series_rows_json(t.programmes);
    j["programme_renames"] = render::series_renames_json(t.programmes);
    j["terms"] = Json::array();
    for (const auto& r : t.terms) {
      j["terms"].push_back({{"term", r.term}, {"kind", r.watched ? "watched" : "shifted"}, {"counts", r.counts}});
    }
    return dump(j);
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
    Json j;
    j["version"] = version_json(b.versions.back());
    j["claims"] = Json::array();
    for (const auto& c : b.claims) {
      Json claim = {{"text", c.text},
                    {"origin", b.versions[static_cast<size_t>(c.origin)].id},
                    {"last_changed", b.versions[static_cast<size_t>(c.last_changed)].id}};
      if (c.absent_from >= 0) {
        claim["absent"] = {b.versions[static_cast<size_t>(c.absent_from)].id,
                           b.versions[static_cast<size_t>(c.absent_to)].id};
      }
      j["claims"].push_back(std::move(claim));
    }
    return dump(j);
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
    Json j = Json::array();
    for (const auto& s : steps) {
      Json diff = Json::array();
      for (const auto& op : s.diff) diff.push_back({{"op", to_string(op.op)}, {"text", op.text}});
      Json absent = Json::array();
      for (const VersionInfo& gap : s.absent_before) absent.push_back(gap.id);
      j.push_back({{"version", version_json(s.version)},
                   {"text", s.text},
                   {"changed", s.changed},
                   {"diff", diff},
                   {"absent_before", absent}});
    }
    return dump(j);
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
