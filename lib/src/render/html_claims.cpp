// The claims of a comparison page, grouped by section: each claim in its
// own direction-isolating element, word diffs as <del>/<ins> inline and
// side by side (a view chosen with two radio buttons, so no script is
// needed), moved claims linked from where they were to where they went.
#include <fmt/core.h>

#include "render/html.hpp"

namespace strata::render {

namespace {

// A moved claim leaves a pointer in the group of its old section with this
// much of its text (code points, about a line); the claim itself is one
// click away.
constexpr size_t kStubLength = 90;

enum class Side { kBoth, kOld, kNew };

// A replaced phrase holds no white space at its ends (word_diff keeps it
// outside the edit): shown inline, the words taken out and the words put
// in are parted by a space, as a reader would write them.
std::string word_diff(const std::vector<WordOp>& ops, Side side) {
  std::string out;
  for (size_t i = 0; i < ops.size(); ++i) {
    const WordOp& op = ops[i];
    if (op.op == WordOp::Op::kEqual) {
      out += html_escape(op.text);
    } else if (op.op == WordOp::Op::kDelete && side != Side::kNew) {
      out += "<del>" + html_escape(op.text) + "</del>";
    } else if (op.op == WordOp::Op::kInsert && side != Side::kOld) {
      if (side == Side::kBoth && i > 0 && ops[i - 1].op == WordOp::Op::kDelete) out += ' ';
      out += "<ins>" + html_escape(op.text) + "</ins>";
    }
  }
  return "<bdi>" + out + "</bdi>";
}

std::string texts(const std::vector<ClaimSide>& sides) {
  std::string out;
  for (const ClaimSide& s : sides) out += fmt::format("<p>{}</p>", isolated(s.text));
  return out;
}

std::string link(const std::map<std::string, std::string>& anchors, const std::string& id, const std::string& title) {
  const auto it = anchors.find(id);
  if (it == anchors.end()) return isolated(title);
  return fmt::format("<a href=\"#{}\">{}</a>", it->second, isolated(title));
}

std::string claim_item(const ChangeSet& changes, const ClaimChange& c, const DiffAnchors& anchors) {
  const std::string& id = anchors.claim.at(&c);
  std::string head = fmt::format("{} <a class=\"ref\" href=\"#{}\">#{}</a>", status_badge(c.status), id, c.index);
  if (c.status == ChangeStatus::kMoved && !c.old_sides.empty()) {
    const std::string& from = c.old_sides[0].section_id;
    head += " from " + link(anchors.old_section, from, section_title(changes, from, true));
  }
  if (!c.old_sides.empty() && !c.new_sides.empty() && c.status != ChangeStatus::kUnchanged) {
    head += fmt::format(" \u00B7 similarity {:.2f}", c.similarity);
  }
  std::string body;
  if (!c.diff.empty()) {
    body = fmt::format("<p class=\"inline\">{}</p>\n", word_diff(c.diff, Side::kBoth));
    body += fmt::format(
        "<div class=\"sbs\"><div><span class=\"side\">\u2212 old</span><p>{}</p></div>"
        "<div><span class=\"side\">+ new</span><p>{}</p></div></div>\n",
        word_diff(c.diff, Side::kOld), word_diff(c.diff, Side::kNew));
  } else if (!c.old_sides.empty() && !c.new_sides.empty() && c.status != ChangeStatus::kUnchanged &&
             (c.old_sides.size() > 1 || c.new_sides.size() > 1)) {
    // Splits and merges without one word diff: the parts on each side.
    body = fmt::format(
        "<div class=\"sbs split\"><div><span class=\"side\">\u2212 old</span>{}</div>"
        "<div><span class=\"side\">+ new</span>{}</div></div>\n",
        texts(c.old_sides), texts(c.new_sides));
  } else {
    body = texts(c.new_sides.empty() ? c.old_sides : c.new_sides) + "\n";
  }
  std::string sentences;  // sentence by sentence, those that changed
  for (const SentenceChange& s : c.sentences) {
    if (s.status == ChangeStatus::kModified) {
      sentences += fmt::format("<li>{} {}</li>", status_badge(s.status), word_diff(s.diff, Side::kBoth));
    } else if (s.status == ChangeStatus::kRemoved || s.status == ChangeStatus::kAdded) {
      sentences += fmt::format("<li>{} {}</li>", status_badge(s.status),
                               isolated(s.status == ChangeStatus::kAdded ? s.new_text : s.old_text));
    }
  }
  if (!sentences.empty()) body += "<ul class=\"sentences\">" + sentences + "</ul>\n";
  std::string facts;
  for (const Fact& f : c.facts) {
    if (f.kind != FactKind::kAcronym)
      facts += fmt::format("<li><b>{}</b>: {}</li>", to_string(f.kind), isolated(f.note));
  }
  if (!facts.empty()) body += "<ul class=\"facts\">" + facts + "</ul>\n";
  if (!c.note.empty()) body += fmt::format("<p class=\"note\">{}</p>\n", isolated(c.note));
  return fmt::format("<li class=\"claim {}\" id=\"{}\">\n<p class=\"head\">{}</p>\n{}</li>\n", status_class(c.status),
                     id, head, body);
}

std::string moved_stub(const ChangeSet& changes, const ClaimChange& c, const DiffAnchors& anchors) {
  const std::string& to = c.new_sides[0].section_id;
  return fmt::format(
      "<li class=\"moved-out\"><p class=\"stub\"><span aria-hidden=\"true\">\u21AA</span> "
      "<a href=\"#{}\">#{}</a> moved to {}: {}</p></li>\n",
      anchors.claim.at(&c), c.index, isolated(section_title(changes, to, false)),
      isolated(shortened(c.old_sides[0].text, kStubLength)));
}

std::string group_heading(const ClaimGroup& group, const DiffAnchors& anchors) {
  if (group.section == nullptr) return "Lead <span class=\"count\">(before the first heading)</span>";
  const SectionChange& s = *group.section;
  const SectionSide& side = *group.side;
  std::string path;
  for (const std::string& t : side.path) path += (path.empty() ? "" : " \u203A ") + isolated(t);
  std::string out = status_badge(s.status) + " " + path;
  const bool first_part = !s.new_sides.empty() && &side == &s.new_sides[0];
  if (!s.old_sides.empty() && !s.new_sides.empty() && !first_part) {
    out += fmt::format(" <span class=\"count\">(split from {})</span>", isolated(s.old_sides[0].title));
  } else if (s.renamed && !s.old_sides.empty() && first_part) {
    out += fmt::format(" <span class=\"count\">(was {})</span>", isolated(s.old_sides[0].title));
  }
  const auto& outline = s.new_sides.empty() ? anchors.old_section : anchors.new_section;
  const auto it = outline.find(side.id);
  if (it != outline.end()) out += fmt::format(" <a class=\"count\" href=\"#{}\">in the map</a>", it->second);
  return out;
}

}  // namespace

std::string claims_part(const ChangeSet& changes, const std::vector<ClaimGroup>& groups, const DiffAnchors& anchors) {
  // A moved claim is listed under its new section; its old section's group,
  // when it has one, points to it.
  std::map<std::string, size_t> group_of_old;
  for (size_t g = 0; g < groups.size(); ++g) {
    if (groups[g].section == nullptr) {
      group_of_old.emplace("lead", g);
      continue;
    }
    for (const SectionSide& s : groups[g].section->old_sides) group_of_old.emplace(s.id, g);
  }
  std::vector<std::string> stubs(groups.size());
  for (const ClaimGroup& group : groups) {
    for (const ClaimChange* c : group.claims) {
      if (c->status != ChangeStatus::kMoved || c->old_sides.empty() || c->new_sides.empty()) continue;
      const auto it = group_of_old.find(c->old_sides[0].section_id);
      if (it != group_of_old.end()) stubs[it->second] += moved_stub(changes, *c, anchors);
    }
  }

  std::string out =
      "<input type=\"radio\" name=\"view\" id=\"view-inline\" class=\"vh\" checked>\n"
      "<input type=\"radio\" name=\"view\" id=\"view-sbs\" class=\"vh\">\n"
      "<div class=\"controls\">\n<span id=\"view-label\">Word changes:</span>\n"
      "<span class=\"seg\" role=\"group\" aria-labelledby=\"view-label\">"
      "<label for=\"view-inline\">Inline</label><label for=\"view-sbs\">Side by side</label></span>\n"
      "<span hidden><label for=\"find\">Find in claims</label> <input type=\"search\" id=\"find\"> "
      "<output id=\"find-count\" for=\"find\"></output></span>\n</div>\n<div class=\"groups\">\n";
  for (size_t g = 0; g < groups.size(); ++g) {
    const ClaimGroup& group = groups[g];
    const auto anchor = anchors.group.find(group.side);
    out += fmt::format(
        "<section class=\"group\" aria-labelledby=\"{0}\">\n<h3 id=\"{0}\">{1} <span class=\"count\">\u00B7 {2} "
        "{3}</span></h3>\n"
        "<ol class=\"claims\">\n",
        anchor->second, group_heading(group, anchors), group.claims.size(),
        group.claims.size() == 1 ? "claim" : "claims");
    for (const ClaimChange* c : group.claims) out += claim_item(changes, *c, anchors);
    out += stubs[g];
    out += "</ol>\n</section>\n";
  }
  return out + "</div>\n";
}

}  // namespace strata::render
