// The top of a comparison page: the narrative paragraph and the most
// significant changes, each with its reasons and a link to where the page
// shows the change (its claim, its section's claims or entry in the map, its
// programme's row).
#include <fmt/core.h>

#include "render/html.hpp"

namespace strata::render {

namespace {

// "demand-dropped" -> "demand dropped": rule names read as words.
std::string words(std::string_view rule) {
  std::string out(rule);
  for (char& c : out) c = c == '-' ? ' ' : c;
  return out;
}

std::string section_path(const SectionSide& side) {
  std::string path;
  for (const std::string& t : side.path) path += (path.empty() ? "" : " \u203A ") + isolated(t);
  return path;
}

std::string link(const std::map<std::string, std::string>& anchors, const std::string& key, const std::string& label) {
  const auto it = anchors.find(key);
  return it == anchors.end() ? label : fmt::format("<a href=\"#{}\">{}</a>", it->second, label);
}

// "claim #12 in <section>", each linked when the page shows it.
std::string claim_where(const ChangeSet& changes, const ClaimChange& c, const DiffAnchors& anchors) {
  const std::string name = fmt::format("claim #{}", c.index);
  const auto it = anchors.claim.find(&c);
  const std::string claim = it == anchors.claim.end() ? name : fmt::format("<a href=\"#{}\">{}</a>", it->second, name);
  const ClaimSide& side = c.new_sides.empty() ? c.old_sides.front() : c.new_sides.front();
  const auto& outline = c.new_sides.empty() ? anchors.old_section : anchors.new_section;
  const std::string title = isolated(section_title(changes, side.section_id, c.new_sides.empty()));
  return claim + (side.section_id == "lead" ? " in the lead" : " in " + link(outline, side.section_id, title));
}

// Where the page shows the change of `h`, linked when it is on the page
// (a claim left out by --only is named without a link).
std::string where(const ChangeSet& changes, const Highlight& h, const DiffAnchors& anchors) {
  const auto at = static_cast<size_t>(h.index);
  switch (h.target) {
    case HighlightTarget::kClaim: {
      if (at >= changes.claims.size()) break;
      // The same change made in several places names each.
      std::string out = claim_where(changes, changes.claims[at], anchors);
      for (int other : h.also) {
        const auto o = static_cast<size_t>(other);
        if (o < changes.claims.size()) out += " and " + claim_where(changes, changes.claims[o], anchors);
      }
      return out;
    }
    case HighlightTarget::kSection: {
      if (at >= changes.sections.size()) break;
      const SectionChange& s = changes.sections[at];
      const SectionSide& side = s.new_sides.empty() ? s.old_sides.front() : s.new_sides.front();
      const auto group = anchors.group.find(&side);
      if (group != anchors.group.end())
        return fmt::format("section <a href=\"#{}\">{}</a>", group->second, section_path(side));
      return "section " +
             link(s.new_sides.empty() ? anchors.old_section : anchors.new_section, side.id, section_path(side));
    }
    case HighlightTarget::kProgramme: {
      if (at >= changes.programmes.size()) break;
      const ProgrammeChange& p = changes.programmes[at];
      const std::string name = isolated(p.new_side ? p.new_side->name : p.old_side ? p.old_side->name : "");
      const auto it = anchors.programme.find(&p);
      return "programme " +
             (it == anchors.programme.end() ? name : fmt::format("<a href=\"#{}\">{}</a>", it->second, name));
    }
  }
  return {};
}

}  // namespace

std::string highlights_part(const ChangeSet& changes, const DiffAnchors& anchors) {
  if (changes.highlights.empty() && changes.narrative.empty()) return {};
  std::string out =
      "<section class=\"part\" id=\"highlights\" aria-labelledby=\"highlights-h\">\n"
      "<h2 id=\"highlights-h\">Highlights</h2>\n";
  if (!changes.narrative.empty()) out += "<p class=\"narrative\">" + html_escape(changes.narrative) + "</p>\n";
  if (changes.highlights.empty()) return out + "</section>\n";
  out += "<ol class=\"highlights\">\n";
  for (const Highlight& h : changes.highlights) {
    out += fmt::format(
        "<li><p class=\"kind\"><b>{}</b> <span class=\"count\">\u00B7 {} point{} \u00B7 {}</span></p><p>{}</p>",
        html_escape(words(h.kind)), h.score, h.score == 1 ? "" : "s", where(changes, h, anchors), isolated(h.reason));
    for (const std::string& more : h.more) out += "<p class=\"more\">also: " + isolated(more) + "</p>";
    out += "</li>\n";
  }
  return out + "</ol>\n</section>\n";
}

}  // namespace strata::render
