// The comparison page: both versions, the summary, warnings, the section
// map (old and new outlines side by side), the claims, then programmes,
// figures, wording and links. Layout and ids: docs/html.md.
#include <fmt/core.h>
#include <algorithm>

#include "render/html.hpp"
#include "render/link_rows.hpp"

namespace strata {

namespace {

using render::html_escape;
using render::isolated;
using render::status_badge;

// Ids written by the page itself, reserved before any made from the input.
constexpr const char* kFixedIds[] = {"main",        "highlights", "summary",    "warnings", "sections",
                                     "claims",      "programmes", "figures",    "wording",  "links",
                                     "view-inline", "view-sbs",   "view-label", "find",     "find-count"};

constexpr const char* kStatusOrder[] = {"added", "removed", "modified",   "moved",    "renamed",
                                        "split", "merged",  "equivalent", "unchanged"};

std::string version_card(const char* heading, const DocumentMeta& m) {
  std::string facts;
  facts += fmt::format("<dt>Date</dt><dd>{}</dd>", m.date.empty() ? "undated" : html_escape(m.date));
  if (!m.source.empty()) facts += fmt::format("<dt>Source</dt><dd>{}</dd>", isolated(m.source));
  return fmt::format("<section class=\"version\">\n<h2>{}</h2>\n<span class=\"t\">{}</span>\n<dl>{}</dl>\n</section>\n",
                     heading, isolated(m.title.empty() ? m.source : m.title), facts);
}

std::string header(const ChangeSet& changes, const HtmlLinks& links) {
  const auto name = [](const DocumentMeta& m) { return isolated(m.title.empty() ? m.source : m.title); };
  const std::string heading = name(changes.old_meta) +
                              " <span aria-hidden=\"true\">\u2192</span><span class=\"vh\">to</span> " +
                              name(changes.new_meta);
  std::string inner = "<div class=\"versions\">\n" + version_card("Old version", changes.old_meta) +
                      "<span class=\"arrow\" aria-hidden=\"true\">\u2192</span>\n" +
                      version_card("New version", changes.new_meta) + "</div>\n";
  std::string files;
  if (!links.index.empty())
    files += fmt::format("<a href=\"{}\">\u2191 The series</a>", render::file_href(links.index));
  if (!links.markdown.empty()) files += fmt::format("<a href=\"{}\">Markdown</a>", render::file_href(links.markdown));
  if (!links.json.empty()) files += fmt::format("<a href=\"{}\">JSON</a>", render::file_href(links.json));
  if (!files.empty()) inner += "<p class=\"links\">" + files + "</p>\n";
  return render::page_header(heading, inner);
}

int changed(const std::map<std::string, int>& counts) {
  int n = 0;
  for (const auto& [status, count] : counts) n += status == "unchanged" || status == "equivalent" ? 0 : count;
  return n;
}

std::string summary(const ChangeSet& changes) {
  const auto sections = count_section_changes(changes);
  const auto claims = count_claim_changes(changes);
  const auto programme_changes =
      static_cast<int>(std::count_if(changes.programmes.begin(), changes.programmes.end(),
                                     [](const ProgrammeChange& p) { return p.status != ChangeStatus::kUnchanged; }));
  const auto card = [](int n, const char* what) {
    return fmt::format("<li><span class=\"n\">{}</span> {}</li>\n", n, what);
  };
  std::string out =
      "<section class=\"part\" id=\"summary\" aria-labelledby=\"summary-h\">\n<h2 id=\"summary-h\">Summary</h2>\n";
  out += "<ul class=\"cards\">\n" + card(changed(sections), "sections changed") +
         card(changed(claims), "claims changed") + card(static_cast<int>(changes.numbers.size()), "figures changed") +
         card(programme_changes, "programmes renamed, added or removed") +
         card(static_cast<int>(changes.wording.size()), "wording shifts") + "</ul>\n";
  out +=
      "<div class=\"scroll\"><table class=\"counts\">\n<caption>Sections and claims by status</caption>\n"
      "<thead><tr><th scope=\"col\">status</th><th scope=\"col\" class=\"num\">sections</th>"
      "<th scope=\"col\" class=\"num\">claims</th></tr></thead>\n<tbody>\n";
  for (const char* status : kStatusOrder) {
    const auto s = sections.find(status);
    const auto c = claims.find(status);
    if (s == sections.end() && c == claims.end()) continue;
    ChangeStatus st{};
    parse_change_status(status, st);
    out += fmt::format("<tr><th scope=\"row\">{}</th><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>\n",
                       status_badge(st), s == sections.end() ? 0 : s->second, c == claims.end() ? 0 : c->second);
  }
  return out + "</tbody>\n</table></div>\n</section>\n";
}

std::string warnings(const ChangeSet& changes) {
  std::string items;
  for (const std::string& w : changes.warnings) items += "<li>" + isolated(w) + "</li>\n";
  if (changes.unchanged_claims_left_out > 0) {
    const int n = changes.unchanged_claims_left_out;
    items += fmt::format("<li>{} unchanged {} counted but not listed.</li>\n", n, n == 1 ? "claim is" : "claims are");
  }
  if (items.empty()) return {};
  return "<section class=\"part warnings\" id=\"warnings\" aria-labelledby=\"warnings-h\">\n"
         "<h2 id=\"warnings-h\"><span aria-hidden=\"true\">\u26A0</span> Warnings and limits</h2>\n<ul>\n" +
         items + "</ul>\n</section>\n";
}

// One outline of the section map: the sides of one version in document order.
std::string outline(const ChangeSet& changes, bool old_side, const render::DiffAnchors& anchors) {
  struct Entry {
    const SectionSide* side;
    const SectionChange* change;
  };
  std::vector<Entry> entries;
  for (const SectionChange& c : changes.sections) {
    for (const SectionSide& s : old_side ? c.old_sides : c.new_sides) entries.push_back({&s, &c});
  }
  std::stable_sort(entries.begin(), entries.end(),
                   [](const Entry& a, const Entry& b) { return a.side->index < b.side->index; });
  const auto& own = old_side ? anchors.old_section : anchors.new_section;
  const auto& other = old_side ? anchors.new_section : anchors.old_section;
  std::string out =
      fmt::format("<div>\n<h3>{}</h3>\n<ol class=\"outline\">\n", old_side ? "Old outline" : "New outline");
  for (const Entry& e : entries) {
    const size_t depth = std::clamp<size_t>(e.side->path.size(), 1, 6);
    const auto group = anchors.group.find(e.side);
    const std::string title = group == anchors.group.end()
                                  ? isolated(e.side->title)
                                  : fmt::format("<a href=\"#{}\">{}</a>", group->second, isolated(e.side->title));
    std::string to;
    for (const SectionSide& s : old_side ? e.change->new_sides : e.change->old_sides) {
      // The same title again says nothing: name the other outline instead.
      const std::string name = s.title != e.side->title ? isolated(s.title)
                               : old_side               ? std::string("in the new outline")
                                                        : std::string("in the old outline");
      to += fmt::format(
          "<span class=\"to\"><span aria-hidden=\"true\">{}</span><span class=\"vh\">{}</span> "
          "<a href=\"#{}\">{}</a></span>",
          old_side ? "\u2192" : "\u2190", old_side ? "now" : "was", other.at(s.id), name);
    }
    out += fmt::format("<li class=\"d{}\" id=\"{}\">{} {}{}</li>\n", depth, own.at(e.side->id),
                       status_badge(e.change->status), title, to);
  }
  return out + "</ol>\n</div>\n";
}

std::string section_map(const ChangeSet& changes, const render::DiffAnchors& anchors) {
  return "<section class=\"part\" id=\"sections\" aria-labelledby=\"sections-h\">\n<h2 id=\"sections-h\">Section "
         "map</h2>\n"
         "<p class=\"lede\">Each version's outline in its own order; a section links to its counterpart and to its "
         "claims.</p>\n<div class=\"outlines\">\n" +
         outline(changes, true, anchors) + outline(changes, false, anchors) + "</div>\n</section>\n";
}

std::string table_part(const char* id, const char* heading, const std::string& head, const std::string& rows) {
  return fmt::format(
      "<section class=\"part\" id=\"{0}\" aria-labelledby=\"{0}-h\">\n<h2 id=\"{0}-h\">{1}</h2>\n"
      "<div class=\"scroll\"><table>\n<thead><tr>{2}</tr></thead>\n<tbody>\n{3}</tbody>\n</table></div>\n</section>\n",
      id, heading, head, rows);
}

std::string programme_side(const std::optional<ProgrammeSide>& s) {
  if (!s) return {};
  return fmt::format("{}{} <span class=\"count\">({})</span>", isolated(s->name),
                     s->acronym.empty() ? "" : " (" + isolated(s->acronym) + ")", s->mentions);
}

std::string programmes(const ChangeSet& changes, const RenderOptions& options, const render::DiffAnchors& anchors) {
  std::string rows;
  for (const ProgrammeChange& p : changes.programmes) {
    if (!render::shown(p.status, options)) continue;
    std::string evidence;
    for (const std::string& e : p.evidence) evidence += "<p>" + isolated(e) + "</p>";
    rows += fmt::format("<tr id=\"{}\"><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n", anchors.programme.at(&p),
                        status_badge(p.status), programme_side(p.old_side), programme_side(p.new_side), evidence);
  }
  if (rows.empty()) return {};
  return table_part(
      "programmes", "Programmes",
      "<th scope=\"col\">status</th><th scope=\"col\">old (mentions)</th><th scope=\"col\">new (mentions)</th>"
      "<th scope=\"col\">evidence</th>",
      rows);
}

std::string figures(const ChangeSet& changes, const render::DiffAnchors& anchors) {
  std::string rows;
  for (const NumberChange& n : changes.numbers) {
    std::string where;
    if (n.claim >= 0 && static_cast<size_t>(n.claim) < changes.claims.size()) {
      const ClaimChange& c = changes.claims[static_cast<size_t>(n.claim)];
      const auto it = anchors.claim.find(&c);
      if (it != anchors.claim.end()) where = fmt::format("<a href=\"#{}\">#{}</a>", it->second, c.index);
    }
    if (n.count > 1) where += fmt::format(" <span class=\"count\">(in {} claims)</span>", n.count);
    rows += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                        status_badge(n.status), html_escape(n.kind), isolated(n.old_value), isolated(n.new_value),
                        isolated(n.context), where);
  }
  if (rows.empty()) return {};
  return table_part(
      "figures", "Figures, dates and amounts",
      "<th scope=\"col\">status</th><th scope=\"col\">kind</th><th scope=\"col\">old</th><th scope=\"col\">new</th>"
      "<th scope=\"col\">in</th><th scope=\"col\">claim</th>",
      rows);
}

std::string wording(const ChangeSet& changes) {
  std::string rows;
  for (const WordingShift& w : changes.wording) {
    std::string examples;
    for (const std::string& e : w.examples) examples += "<p>" + isolated(e) + "</p>";
    rows += fmt::format(
        "<tr><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td "
        "class=\"num\">{}</td><td>{}</td></tr>\n",
        w.from ? "<del>" + isolated(*w.from) + "</del>" : "", w.to ? "<ins>" + isolated(*w.to) + "</ins>" : "", w.count,
        w.old_count, w.new_count, examples);
  }
  if (rows.empty()) return {};
  return table_part(
      "wording", "Wording",
      "<th scope=\"col\">from</th><th scope=\"col\">to</th><th scope=\"col\" class=\"num\">count</th>"
      "<th scope=\"col\" class=\"num\">old</th><th scope=\"col\" class=\"num\">new</th><th scope=\"col\">examples</th>",
      rows);
}

// Targets are shown as text, never made into links: a target from the
// input may be any scheme.
std::string link_changes(const ChangeSet& changes) {
  std::string rows;
  const auto target = [](const std::string& t) {
    return t.empty() ? std::string() : "<code>" + isolated(t) + "</code>";
  };
  for (const render::LinkRow& row : render::link_rows(changes.links)) {
    const LinkChange& l = *row.link;
    const std::string text = render::row_lead(row, isolated) + isolated(l.text);
    rows += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                        status_badge(l.status), to_string(l.kind), text, target(l.old_target), target(l.new_target),
                        isolated(render::path_label(l.path)));
  }
  if (rows.empty()) return {};
  return table_part("links", "Links",
                    "<th scope=\"col\">status</th><th scope=\"col\">kind</th><th scope=\"col\">text</th><th "
                    "scope=\"col\">old target</th>"
                    "<th scope=\"col\">new target</th><th scope=\"col\">section</th>",
                    rows);
}

render::DiffAnchors make_anchors(const ChangeSet& changes, const std::vector<render::ClaimGroup>& groups,
                                 const RenderOptions& options) {
  render::DiffAnchors a;
  for (const char* id : kFixedIds) a.ids.make(id);
  for (const char* id : {"highlights-h", "summary-h", "warnings-h", "sections-h", "claims-h", "programmes-h",
                         "figures-h", "wording-h", "links-h"})
    a.ids.make(id);
  for (const SectionChange& c : changes.sections) {
    for (const SectionSide& s : c.old_sides) a.old_section.emplace(s.id, a.ids.make("old-" + s.id));
    for (const SectionSide& s : c.new_sides) a.new_section.emplace(s.id, a.ids.make("new-" + s.id));
  }
  for (const render::ClaimGroup& g : groups) {
    const std::string id = a.ids.make("g-" + (g.side == nullptr ? std::string("lead") : g.side->id));
    a.group.emplace(g.side, id);
    if (g.section != nullptr && !g.section->new_sides.empty() && g.side == &g.section->new_sides[0]) {
      for (const SectionSide& old_side : g.section->old_sides) a.group.emplace(&old_side, id);
    }
    for (const ClaimChange* c : g.claims) a.claim.emplace(c, a.ids.make(fmt::format("c-{}", c->index)));
  }
  for (const ProgrammeChange& p : changes.programmes) {
    if (!render::shown(p.status, options)) continue;
    a.programme.emplace(&p, a.ids.make("p-" + (p.new_side ? p.new_side->name : p.old_side ? p.old_side->name : "")));
  }
  return a;
}

}  // namespace

std::string render_diff_html(const ChangeSet& changes, const RenderOptions& options, const HtmlLinks& links) {
  const std::vector<render::ClaimGroup> groups = render::group_claims(changes, options);
  const render::DiffAnchors anchors = make_anchors(changes, groups, options);
  const std::string highlights = render::highlights_part(changes, anchors);
  const std::string warn = warnings(changes);
  const std::string progs = programmes(changes, options, anchors);
  const std::string figs = figures(changes, anchors);
  const std::string words = wording(changes);
  const std::string link_rows = link_changes(changes);
  std::vector<std::pair<std::string, std::string>> toc;
  if (!highlights.empty()) toc.emplace_back("highlights", "Highlights");
  toc.emplace_back("summary", "Summary");
  if (!warn.empty()) toc.emplace_back("warnings", "Warnings");
  toc.emplace_back("sections", "Section map");
  toc.emplace_back("claims", "Claims");
  if (!progs.empty()) toc.emplace_back("programmes", "Programmes");
  if (!figs.empty()) toc.emplace_back("figures", "Figures");
  if (!words.empty()) toc.emplace_back("wording", "Wording");
  if (!link_rows.empty()) toc.emplace_back("links", "Links");

  std::string body = header(changes, links) + render::page_nav(toc) + "<main id=\"main\" class=\"wrap\">\n";
  body += highlights + summary(changes) + warn + section_map(changes, anchors);
  body +=
      "<section class=\"part\" id=\"claims\" aria-labelledby=\"claims-h\">\n<h2 id=\"claims-h\">Claims by "
      "section</h2>\n";
  body += groups.empty() ? std::string("<p>No claim changed.</p>\n") : render::claims_part(changes, groups, anchors);
  body += "</section>\n" + progs + figs + words + link_rows + "</main>\n";
  body += render::page_footer(
      fmt::format("<p>Written by strata from {} and {}. The same inputs always give the same page.</p>\n",
                  isolated(changes.old_meta.source), isolated(changes.new_meta.source)));
  const auto title = [](const DocumentMeta& m) { return m.title.empty() ? m.source : m.title; };
  return render::html_page(title(changes.old_meta) + " \u2192 " + title(changes.new_meta), body);
}

}  // namespace strata
