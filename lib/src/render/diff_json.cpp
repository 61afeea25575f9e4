#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "render/json_writer.hpp"
#include "render/programmes.hpp"
#include "render/select.hpp"

namespace strata {

namespace {

using render::claim_index;
using render::JsonWriter;

double rounded(double x) { return static_cast<double>(static_cast<long long>(x * 1000.0 + 0.5)) / 1000.0; }

// `key` with the first side (null without one) and, when there are several,
// `parts_key` with all of them.
template <typename Side, typename Write>
void write_sides(JsonWriter& w, const char* key, const char* parts_key, const std::vector<Side>& v, Write write) {
  w.key(key);
  if (v.empty()) {
    w.null();
  } else {
    write(w, v.front());
  }
  if (v.size() > 1) {
    w.key(parts_key).begin_array();
    for (const Side& s : v) write(w, s);
    w.end_array();
  }
}

void write_claim_side(JsonWriter& w, const ClaimSide& s) {
  w.begin_object();
  w.key("text").string(s.text);
  w.key("section").string(s.section_id);
  w.end_object();
}

void write_section_side(JsonWriter& w, const SectionSide& s) {
  w.begin_object();
  w.key("id").string(s.id);
  w.key("title").string(s.title);
  w.key("path").strings(s.path);
  w.end_object();
}

void write_meta(JsonWriter& w, const DocumentMeta& m, const std::string& language) {
  w.begin_object();
  w.key("path").string(m.source);
  w.key("title").string(m.title);
  w.key("date").nullable_string(m.date);
  w.key("format").string(to_string(m.format));
  w.key("charset").string(m.normalized.charset);
  w.key("language").nullable_string(language);
  w.end_object();
}

void write_significance(JsonWriter& w, const Significance& s) {
  w.begin_object();
  w.key("score").number(s.score);
  w.key("reasons").begin_array();
  for (const SignificanceReason& r : s.reasons) {
    w.begin_object();
    w.key("rule").string(r.rule);
    w.key("points").number(r.points);
    w.key("text").string(r.text);
    w.end_object();
  }
  w.end_array();
  w.end_object();
}

void write_counts(JsonWriter& w, const std::map<std::string, int>& counts) {
  w.begin_object();
  for (const auto& [name, n] : counts) w.key(name).number(n);
  w.end_object();
}

// A highlight and what it points at: the claim's stable index, the
// section's id (its new side's, else its old side's), the programme's name
// (likewise).
void write_highlight(JsonWriter& w, const ChangeSet& changes, const Highlight& h) {
  w.begin_object();
  w.key("rank").number(h.rank);
  w.key("score").number(h.score);
  w.key("kind").string(h.kind);
  w.key("reason").string(h.reason);
  w.key("more_reasons").strings(h.more);
  w.key("target").string(to_string(h.target));
  const auto at = static_cast<size_t>(h.index);
  switch (h.target) {
    case HighlightTarget::kClaim:
      w.key("claim").number(claim_index(changes, h.index));
      w.key("also_claims").begin_array();
      for (int other : h.also) w.number(claim_index(changes, other));
      w.end_array();
      break;
    case HighlightTarget::kSection: {
      const SectionChange& s = changes.sections[at];
      w.key("section").string((s.new_sides.empty() ? s.old_sides : s.new_sides).front().id);
      break;
    }
    case HighlightTarget::kProgramme: {
      const ProgrammeChange& p = changes.programmes[at];
      w.key("programme").string(p.new_side ? p.new_side->name : p.old_side->name);
      break;
    }
  }
  w.end_object();
}

void write_summary(JsonWriter& w, const ChangeSet& changes) {
  w.begin_object();
  w.key("changed").boolean(changes.has_changes());
  w.key("sections");
  write_counts(w, count_section_changes(changes));
  w.key("claims");
  write_counts(w, count_claim_changes(changes));
  w.key("numbers").number(changes.numbers.size());
  w.key("programmes").number(changes.programmes.size());
  w.key("wording").number(changes.wording.size());
  w.key("links").number(changes.links.size());
  if (!changes.claims_not_listed.empty()) {
    int left = 0;
    for (const auto& [status, n] : changes.claims_not_listed) left += n;
    w.key("claims_not_listed").number(left);
  }
  w.end_object();
}

void write_section(JsonWriter& w, const SectionChange& c) {
  w.begin_object();
  w.key("status").string(to_string(c.status));
  write_sides(w, "old", "old_parts", c.old_sides, write_section_side);
  write_sides(w, "new", "new_parts", c.new_sides, write_section_side);
  w.key("similarity").number(rounded(c.similarity));
  w.key("renamed").boolean(c.renamed);
  w.key("moved").boolean(c.moved);
  w.key("significance");
  write_significance(w, c.significance);
  w.end_object();
}

void write_ops(JsonWriter& w, const std::vector<WordOp>& diff) {
  w.begin_array();
  for (const WordOp& op : diff) {
    w.begin_object();
    w.key("op").string(to_string(op.op));
    w.key("text").string(op.text);
    w.end_object();
  }
  w.end_array();
}

void write_claim(JsonWriter& w, const ChangeSet& changes, size_t i) {
  const ClaimChange& c = changes.claims[i];
  w.begin_object();
  w.key("index").number(claim_index(changes, static_cast<int>(i)));
  w.key("status").string(to_string(c.status));
  write_sides(w, "old", "old_parts", c.old_sides, write_claim_side);
  write_sides(w, "new", "new_parts", c.new_sides, write_claim_side);
  w.key("similarity").number(rounded(c.similarity));
  w.key("diff");
  write_ops(w, c.diff);
  if (!c.sentences.empty()) {
    w.key("sentences").begin_array();
    for (const SentenceChange& sc : c.sentences) {
      w.begin_object();
      w.key("status").string(to_string(sc.status));
      w.key("old").nullable_string(sc.old_text);
      w.key("new").nullable_string(sc.new_text);
      w.key("diff");
      write_ops(w, sc.diff);
      w.end_object();
    }
    w.end_array();
  }
  w.key("facts").begin_array();
  for (const Fact& f : c.facts) {
    w.begin_object();
    w.key("kind").string(to_string(f.kind));
    w.key("old").nullable_string(f.old_text);
    w.key("new").nullable_string(f.new_text);
    w.key("note").string(f.note);
    w.end_object();
  }
  w.end_array();
  w.key("significance");
  write_significance(w, c.significance);
  if (!c.note.empty()) w.key("note").string(c.note);
  w.end_object();
}

void write_number(JsonWriter& w, const ChangeSet& changes, const NumberChange& n) {
  w.begin_object();
  w.key("status").string(to_string(n.status));
  w.key("kind").string(n.kind);
  w.key("old").nullable_string(n.old_value);
  w.key("new").nullable_string(n.new_value);
  w.key("claim");
  if (n.claim < 0) {
    w.null();
  } else {
    w.number(claim_index(changes, n.claim));
  }
  w.key("count").number(n.count);
  w.key("context").string(n.context);
  w.end_object();
}

void write_programme_side(JsonWriter& w, const std::optional<ProgrammeSide>& s) {
  if (!s) {
    w.null();
    return;
  }
  render::write_programme_side(w, *s);
}

void write_programme(JsonWriter& w, const ProgrammeChange& p) {
  w.begin_object();
  w.key("status").string(to_string(p.status));
  w.key("old");
  write_programme_side(w, p.old_side);
  w.key("new");
  write_programme_side(w, p.new_side);
  w.key("evidence").strings(p.evidence);
  w.key("significance");
  write_significance(w, p.significance);
  w.end_object();
}

void write_wording(JsonWriter& w, const WordingShift& s) {
  w.begin_object();
  for (const auto& [key, phrase] : {std::pair{"from", &s.from}, std::pair{"to", &s.to}}) {
    w.key(key);
    if (*phrase) {
      w.string(**phrase);
    } else {
      w.null();
    }
  }
  w.key("count").number(s.count);
  if (!s.from || !s.to) {
    w.key("old_count").number(s.old_count);
    w.key("new_count").number(s.new_count);
  }
  w.key("examples").strings(s.examples);
  w.end_object();
}

void write_link(JsonWriter& w, const LinkChange& l) {
  w.begin_object();
  w.key("status").string(to_string(l.status));
  w.key("kind").string(to_string(l.kind));
  w.key("text").string(l.text);
  w.key("old").nullable_string(l.old_target);
  w.key("new").nullable_string(l.new_target);
  w.key("section").string(l.section);
  w.key("line").number(l.line);
  if (l.status == LinkStatus::kRetagged) w.key("parameters").strings(l.parameters);
  w.end_object();
}

void write_diff(JsonWriter& w, const ChangeSet& changes, const RenderOptions& options) {
  w.begin_object();
  w.key("schema").string("strata.diff/1");
  w.key("old");
  write_meta(w, changes.old_meta, changes.old_language);
  w.key("new");
  write_meta(w, changes.new_meta, changes.new_language);
  w.key("narrative").nullable_string(changes.narrative);
  w.key("highlights").begin_array();
  for (const Highlight& h : changes.highlights) write_highlight(w, changes, h);
  w.end_array();
  w.key("summary");
  write_summary(w, changes);
  w.key("sections").begin_array();
  for (const SectionChange& c : changes.sections) {
    if (render::shown(c.status, options)) write_section(w, c);
  }
  w.end_array();
  w.key("claims").begin_array();
  for (size_t i = 0; i < changes.claims.size(); ++i) {
    if (render::shown(changes.claims[i], options)) write_claim(w, changes, i);
  }
  w.end_array();
  w.key("numbers").begin_array();
  for (const NumberChange& n : changes.numbers) write_number(w, changes, n);
  w.end_array();
  w.key("programmes").begin_array();
  for (const ProgrammeChange& p : changes.programmes) {
    if (render::shown(p.status, options)) write_programme(w, p);
  }
  w.end_array();
  w.key("wording").begin_array();
  for (const WordingShift& s : changes.wording) write_wording(w, s);
  w.end_array();
  w.key("links").begin_array();
  for (const LinkChange& l : changes.links) write_link(w, l);
  w.end_array();
  w.key("warnings").strings(changes.warnings);
  w.end_object();
}

}  // namespace

std::string render_diff_json(const ChangeSet& changes, const RenderOptions& options) {
  std::string out;
  JsonWriter w(out, 0);
  write_diff(w, changes, options);
  out += '\n';
  return out;
}

void render_diff_json(const ChangeSet& changes, const RenderOptions& options, const ReportSink& sink) {
  std::string out;
  out.reserve(JsonWriter::kFlushBytes * 2);
  JsonWriter w(out, 0, &sink);
  write_diff(w, changes, options);
  out += '\n';
  sink(out);
}

}  // namespace strata
