#include <nlohmann/json.hpp>

#include "render/escape.hpp"
#include "render/select.hpp"

namespace strata {

namespace {

using nlohmann::ordered_json;

ordered_json nullable(const std::string& s) { return s.empty() ? ordered_json() : ordered_json(s); }

ordered_json meta_json(const DocumentMeta& m) {
  return ordered_json{{"path", m.source},
                      {"title", m.title},
                      {"date", nullable(m.date)},
                      {"format", to_string(m.format)},
                      {"charset", m.normalized.charset}};
}

ordered_json section_json(const SectionSide& s) {
  return ordered_json{{"id", s.id}, {"title", s.title}, {"path", s.path}};
}

using render::claim_index;

ordered_json significance_json(const Significance& s) {
  ordered_json reasons = ordered_json::array();
  for (const SignificanceReason& r : s.reasons)
    reasons.push_back({{"rule", r.rule}, {"points", r.points}, {"text", r.text}});
  return ordered_json{{"score", s.score}, {"reasons", std::move(reasons)}};
}

// A highlight and what it points at: the claim's stable index, the
// section's id (its new side's, else its old side's), the programme's name
// (likewise).
ordered_json highlight_json(const ChangeSet& changes, const Highlight& h) {
  ordered_json j{{"rank", h.rank},     {"score", h.score},       {"kind", h.kind},
                 {"reason", h.reason}, {"more_reasons", h.more}, {"target", to_string(h.target)}};
  const auto at = static_cast<size_t>(h.index);
  switch (h.target) {
    case HighlightTarget::kClaim: {
      j["claim"] = claim_index(changes, h.index);
      ordered_json also = ordered_json::array();
      for (int other : h.also) also.push_back(claim_index(changes, other));
      j["also_claims"] = std::move(also);
      break;
    }
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

// Writes JSON in the layout of json_text(value, 2), straight into `out`,
// starting `depth` spaces deep. The claims, most of a report, are written
// with it: a value tree for each claim, dumped and then re-indented a byte
// at a time, was most of the rendering's time and allocations.
class JsonWriter {
 public:
  JsonWriter(std::string& out, size_t depth) : out_(out), depth_(depth) {}
  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }
  JsonWriter& key(std::string_view k) {
    next();
    render::append_json_string(k, out_);
    out_ += ": ";
    after_key_ = true;
    return *this;
  }
  void string(std::string_view s) {
    element();
    render::append_json_string(s, out_);
  }
  void nullable_string(const std::string& s) {
    if (s.empty()) {
      element();
      out_ += "null";
    } else {
      string(s);
    }
  }
  void number(int v) {
    element();
    out_ += std::to_string(v);
  }
  void number(double v) {  // nlohmann's shortest form ("1.0", "0.983"), as the rest of the report
    element();
    out_ += ordered_json(v).dump();
  }

 private:
  // A value: right after its key, or as the next element of an array.
  void element() {
    if (after_key_) {
      after_key_ = false;
    } else {
      next();
    }
  }
  void next() {
    if (first_.empty()) return;
    out_ += first_.back() ? "\n" : ",\n";
    first_.back() = false;
    out_.append(depth_, ' ');
  }
  void open(char bracket) {
    element();
    out_ += bracket;
    first_.push_back(true);
    depth_ += 2;
  }
  void close(char bracket) {
    depth_ -= 2;
    if (!first_.back()) {
      out_ += '\n';
      out_.append(depth_, ' ');
    }
    first_.pop_back();
    out_ += bracket;
  }

  std::string& out_;
  size_t depth_;
  std::vector<bool> first_;  // per open container: nothing written in it yet
  bool after_key_ = false;
};

void write_claim_side(JsonWriter& w, const ClaimSide& s) {
  w.begin_object();
  w.key("text").string(s.text);
  w.key("section").string(s.section_id);
  w.end_object();
}

void write_claim_sides(JsonWriter& w, const char* key, const char* parts_key, const std::vector<ClaimSide>& v) {
  w.key(key);
  if (v.empty()) {
    w.nullable_string("");
  } else {
    write_claim_side(w, v.front());
  }
  if (v.size() > 1) {
    w.key(parts_key).begin_array();
    for (const ClaimSide& s : v) write_claim_side(w, s);
    w.end_array();
  }
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
  write_claim_sides(w, "old", "old_parts", c.old_sides);
  write_claim_sides(w, "new", "new_parts", c.new_sides);
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
  w.key("significance").begin_object();
  w.key("score").number(c.significance.score);
  w.key("reasons").begin_array();
  for (const SignificanceReason& r : c.significance.reasons) {
    w.begin_object();
    w.key("rule").string(r.rule);
    w.key("points").number(r.points);
    w.key("text").string(r.text);
    w.end_object();
  }
  w.end_array();
  w.end_object();
  if (!c.note.empty()) w.key("note").string(c.note);
  w.end_object();
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
  summary["links"] = changes.links.size();
  if (!changes.claims_not_listed.empty()) {
    int left = 0;
    for (const auto& [status, n] : changes.claims_not_listed) left += n;
    summary["claims_not_listed"] = left;
  }
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
    out += first ? "\n    " : ",\n    ";
    first = false;
    JsonWriter w(out, 4);
    write_claim(w, changes, i);
  }
  out += first ? "],\n" : "\n  ],\n";

  ordered_json numbers = ordered_json::array();
  for (const NumberChange& n : changes.numbers) {
    numbers.push_back({{"status", to_string(n.status)},
                       {"kind", n.kind},
                       {"old", nullable(n.old_value)},
                       {"new", nullable(n.new_value)},
                       {"claim", n.claim < 0 ? ordered_json() : ordered_json(claim_index(changes, n.claim))},
                       {"count", n.count},
                       {"context", n.context}});
  }
  member(out, "numbers", numbers);

  ordered_json programmes = ordered_json::array();
  auto programme_side = [](const std::optional<ProgrammeSide>& s) {
    if (!s) return ordered_json();
    return ordered_json{{"name", s->name}, {"acronym", nullable(s->acronym)}, {"mentions", s->mentions}};
  };
  for (const ProgrammeChange& p : changes.programmes) {
    if (!render::shown(p.status, options)) continue;
    programmes.push_back({{"status", to_string(p.status)},
                          {"old", programme_side(p.old_side)},
                          {"new", programme_side(p.new_side)},
                          {"evidence", p.evidence},
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

  ordered_json links = ordered_json::array();
  for (const LinkChange& l : changes.links) {
    links.push_back({{"status", to_string(l.status)},
                     {"kind", to_string(l.kind)},
                     {"text", l.text},
                     {"old", nullable(l.old_target)},
                     {"new", nullable(l.new_target)},
                     {"section", l.section},
                     {"line", l.line}});
  }
  member(out, "links", links);
  member(out, "warnings", changes.warnings, true);
  out += "}\n";
  return out;
}

}  // namespace strata
