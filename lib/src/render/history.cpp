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

std::string csv_cell(std::string_view s) {
  if (s.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

Json version_json(const VersionInfo& v) { return {{"id", v.id}, {"date", v.date}, {"title", v.title}}; }

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
    for (const auto& v : t.versions) out += "," + csv_cell(v.id);
    out += "\n";
    for (const auto& s : t.sections) {
      out += "section," + csv_cell(s.path);
      for (bool p : s.present) out += p ? ",1" : ",0";
      out += "\n";
    }
    for (const auto& p : t.programmes.rows) {
      out += "programme," + csv_cell(render::programme_label(p.name, p.acronym));
      for (int m : p.mentions) out += fmt::format(",{}", m);
      out += "\n";
    }
    for (const auto& r : t.terms) {
      out += (r.watched ? "term," : "shifted,") + csv_cell(r.term);
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
  const auto marks = [&](const auto& cells, auto mark) {
    std::string row;
    for (const auto& c : cells) row += mark(c);
    return row;
  };
  out += fmt::format("\nSections ({}; x = present, one column per version):\n", t.sections.size());
  for (const auto& s : t.sections) {
    std::string was;
    for (const std::string& e : s.earlier) was += (was.empty() ? "  (was: " : "; ") + terminal_safe(e);
    out += fmt::format("  {}  {}{}\n", marks(s.present, [](bool p) { return p ? "x" : "."; }), terminal_safe(s.path),
                       was.empty() ? "" : was + ")");
  }
  out += fmt::format("\nProgrammes ({}; mentions per version, first and last seen):\n", t.programmes.rows.size());
  for (const auto& p : t.programmes.rows) {
    std::string counts;
    for (int m : p.mentions) counts += fmt::format("{:>4}", m);
    std::string was;
    for (const std::string& e : p.earlier) was += (was.empty() ? "  (was: " : "; ") + terminal_safe(e);
    out += fmt::format("  {}  {} .. {}  {}{}\n", counts, t.versions[static_cast<size_t>(p.first_seen)].id,
                       t.versions[static_cast<size_t>(p.last_seen)].id,
                       terminal_safe(render::programme_label(p.name, p.acronym)), was.empty() ? "" : was + ")");
  }
  if (!t.programmes.renames.empty()) out += "\nProgramme renames:\n" + render::rename_lines_text(t.programmes);
  if (!t.terms.empty()) {
    out += "\nTerms (occurrences per version; * = watched, others shifted most):\n";
    for (const auto& r : t.terms) {
      std::string counts;
      for (int c : r.counts) counts += fmt::format("{:>4}", c);
      out += fmt::format("  {}  {}{}\n", counts, r.watched ? "* " : "", terminal_safe(r.term));
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
