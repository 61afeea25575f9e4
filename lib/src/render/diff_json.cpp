#include <nlohmann/json.hpp>

#include "render/escape.hpp"
#include "render/select.hpp"

namespace strata {

namespace {

using nlohmann::ordered_json;

ordered_json nullable(const std::string& s) { return s.empty() ? ordered_json() : ordered_json(s); }

ordered_json meta_json(const DocumentMeta& m) {
  return ordered_json{{"path", m.source}, {"title", m.title}, {"date", nullable(m.date)}};
}

ordered_json section_json(const SectionSide& s) {
  return ordered_json{{"id", s.id}, {"title", s.title}, {"path", s.path}};
}

using render::claim_index;

ordered_json significance_json(const Significance& s) {
  ordered_json reasons = ordered_json::array();
  for (const SignificanceReason& r : s.reasons) reasons.push_back({{"rule", r.rule}, {"points", r.points}, {"text", r.text}});
  return ordered_json{{"score", s.score}, {"reasons", std::move(reasons)}};
}

// A highlight and what it points at: the claim's stable index, the
// section's id (its new side's, else its old side's), the programme's name
// (likewise).
ordered_json highlight_json(const ChangeSet& changes, const Highlight& h) {
  ordered_json j{{"rank", h.rank}, {"score", h.score}, {"kind", h.kind}, {"reason", h.reason},
                 {"target", to_string(h.target)}};
  const auto at = static_cast<size_t>(h.index);
  switch (h.target) {
    case HighlightTarget::kClaim: j["claim"] = claim_index(changes, h.index); break;
    case HighlightTarget::kSection: {
      const SectionChange& s = changes.sections[at];
      j["section"] = (s.new_sides.empty() ? s.old_sides : s.new_sides).front().id;
      break;
    }
    case HighlightTarget::kProgramme: {
      const ProgrammeChange& p = changes.programmes[at];
      j["programme"] = p.new_side ? p.new_side->name : p.old_side->name;
      break;
    }
  }
  return j;
}

ordered_json claim_json(const ClaimSide& s) { return ordered_json{{"text", s.text}, {"section", s.section_id}}; }

template <typename Side, typename Fn>
void sides(ordered_json& j, const char* key, const char* parts_key, const std::vector<Side>& v, Fn fn) {
  j[key] = v.empty() ? ordered_json() : fn(v.front());
  if (v.size() > 1) {
    ordered_json parts = ordered_json::array();
    for (const Side& s : v) parts.push_back(fn(s));
    j[parts_key] = std::move(parts);
  }
}

double rounded(double x) { return static_cast<double>(static_cast<long long>(x * 1000.0 + 0.5)) / 1000.0; }

// Appends `value` as the whole tree's dump(2) would write it `spaces` deep:
// the report is written member by member, and claims one at a time,
// instead of as one tree (on two unrelated 1 MB texts the tree of the
// claims alone took more memory than everything else).
void dump_at(const ordered_json& value, size_t spaces, std::string& out) {
  // Strings are dumped with their line breaks escaped: every '\n' is
  // indentation.
  for (char c : render::json_text(value)) {
    out += c;
    if (c == '\n') out.append(spaces, ' ');
  }
}

// `"key": value` one level deep in the report's object, and the separator.
void member(std::string& out, std::string_view key, const ordered_json& value, bool last = false) {
  out += "  \"";
  out += key;
  out += "\": ";
  dump_at(value, 2, out);
  out += last ? "\n" : ",\n";
}

}  // namespace

std::string render_diff_json(const ChangeSet& changes, const RenderOptions& options) {
  std::string out = "{\n";
  member(out, "schema", "strata.diff/1");
  member(out, "old", meta_json(changes.old_meta));
  member(out, "new", meta_json(changes.new_meta));
  member(out, "narrative", nullable(changes.narrative));
  ordered_json highlights = ordered_json::array();
  for (const Highlight& h : changes.highlights) highlights.push_back(highlight_json(changes, h));
  member(out, "highlights", highlights);
  ordered_json summary;
  summary["changed"] = changes.has_changes();
  summary["sections"] = count_section_changes(changes);
  summary["claims"] = count_claim_changes(changes);
  summary["numbers"] = changes.numbers.size();
  summary["programmes"] = changes.programmes.size();
  summary["wording"] = changes.wording.size();
  member(out, "summary", summary);

  ordered_json sections = ordered_json::array();
  for (const SectionChange& c : changes.sections) {
    if (!render::shown(c.status, options)) continue;
    ordered_json j;
    j["status"] = to_string(c.status);
    sides(j, "old", "old_parts", c.old_sides, section_json);
    sides(j, "new", "new_parts", c.new_sides, section_json);
    j["similarity"] = rounded(c.similarity);
    j["renamed"] = c.renamed;
    j["moved"] = c.moved;
    j["significance"] = significance_json(c.significance);
    sections.push_back(std::move(j));
  }
  member(out, "sections", sections);

  out += "  \"claims\": [";
  bool first = true;
  for (size_t i = 0; i < changes.claims.size(); ++i) {
    const ClaimChange& c = changes.claims[i];
    if (!render::shown(c, options)) continue;
    ordered_json j;
    j["index"] = claim_index(changes, static_cast<int>(i));
    j["status"] = to_string(c.status);
    sides(j, "old", "old_parts", c.old_sides, claim_json);
    sides(j, "new", "new_parts", c.new_sides, claim_json);
    j["similarity"] = rounded(c.similarity);
    ordered_json ops = ordered_json::array();
    for (const WordOp& op : c.diff) ops.push_back({{"op", to_string(op.op)}, {"text", op.text}});
    j["diff"] = std::move(ops);
    ordered_json facts = ordered_json::array();
    for (const Fact& f : c.facts) {
      facts.push_back({{"kind", to_string(f.kind)}, {"old", nullable(f.old_text)}, {"new", nullable(f.new_text)}, {"note", f.note}});
    }
    j["facts"] = std::move(facts);
    j["significance"] = significance_json(c.significance);
    if (!c.note.empty()) j["note"] = c.note;
    out += first ? "\n    " : ",\n    ";
    first = false;
    dump_at(j, 4, out);
  }
  out += first ? "],\n" : "\n  ],\n";

  ordered_json numbers = ordered_json::array();
  for (const NumberChange& n : changes.numbers) {
    numbers.push_back({{"status", to_string(n.status)}, {"old", nullable(n.old_value)}, {"new", nullable(n.new_value)},
                       {"claim", n.claim < 0 ? ordered_json() : ordered_json(claim_index(changes, n.claim))}});
  }
  member(out, "numbers", numbers);

  ordered_json programmes = ordered_json::array();
  auto programme_side = [](const std::optional<ProgrammeSide>& s) {
    if (!s) return ordered_json();
    return ordered_json{{"name", s->name}, {"acronym", nullable(s->acronym)}, {"mentions", s->mentions}};
  };
  for (const ProgrammeChange& p : changes.programmes) {
    if (!render::shown(p.status, options)) continue;
    programmes.push_back({{"status", to_string(p.status)}, {"old", programme_side(p.old_side)},
                          {"new", programme_side(p.new_side)}, {"evidence", p.evidence},
                          {"significance", significance_json(p.significance)}});
  }
  member(out, "programmes", programmes);

  ordered_json wording = ordered_json::array();
  for (const WordingShift& w : changes.wording) {
    ordered_json j{{"from", w.from ? ordered_json(*w.from) : ordered_json()},
                   {"to", w.to ? ordered_json(*w.to) : ordered_json()},
                   {"count", w.count}};
    if (!w.from || !w.to) {
      j["old_count"] = w.old_count;
      j["new_count"] = w.new_count;
    }
    j["examples"] = w.examples;
    wording.push_back(std::move(j));
  }
  member(out, "wording", wording);
  member(out, "warnings", changes.warnings, true);
  out += "}\n";
  return out;
}

}  // namespace strata
