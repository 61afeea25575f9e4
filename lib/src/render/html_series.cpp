// The series index: the snapshots, the comparison pages, and programme
// presence over time as an inline SVG chart (a row per programme, a column
// per snapshot, renames joined by a dashed line) followed by the same data
// as a table, which is also what assistive technology reads.
#include <fmt/core.h>
#include <algorithm>
#include <cmath>

#include "render/html.hpp"

namespace strata {

namespace {

using render::html_escape;
using render::isolated;

// Chart geometry in CSS pixels: a label column wide enough for most names
// at 13px (longer ones are cut, the full name is in the tooltip), a column
// per snapshot wide enough for its id, and rows tall enough to point at.
constexpr int kLabelWidth = 360;
constexpr int kColumnWidth = 130;
constexpr int kHeadHeight = 60;
constexpr int kRowHeight = 22;
constexpr int kBoxWidth = 34;
constexpr size_t kLabelChars = 50;

constexpr const char* kStatusOrder[] = {"added",   "removed", "modified", "moved",
                                        "renamed", "split",   "merged",   "equivalent"};

std::string counts(const std::map<std::string, int>& by_status) {
  std::string out;
  for (const char* status : kStatusOrder) {
    const auto it = by_status.find(status);
    if (it == by_status.end() || it->second == 0) continue;
    ChangeStatus st{};
    parse_change_status(status, st);
    out += render::status_badge(st, it->second) + " ";
  }
  return out.empty() ? std::string("no changes") : out;
}

std::string snapshots(const HtmlSeries& s) {
  std::string rows;
  for (size_t i = 0; i < s.snapshots.size(); ++i) {
    const DocumentMeta& m = s.snapshots[i];
    rows += fmt::format("<tr><td class=\"num\">{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n", i + 1,
                        isolated(s.ids[i]), m.date.empty() ? "undated" : html_escape(m.date), isolated(m.title),
                        isolated(m.source));
  }
  return "<section class=\"part\" id=\"snapshots\" aria-labelledby=\"snapshots-h\">\n<h2 "
         "id=\"snapshots-h\">Snapshots</h2>\n"
         "<div class=\"scroll\"><table>\n<thead><tr><th scope=\"col\" class=\"num\">#</th><th scope=\"col\">id</th>"
         "<th scope=\"col\">date</th><th scope=\"col\">title</th><th scope=\"col\">file</th></tr></thead>\n<tbody>\n" +
         rows + "</tbody>\n</table></div>\n</section>\n";
}

std::string comparisons(const HtmlSeries& s) {
  const bool headlines =
      std::any_of(s.pairs.begin(), s.pairs.end(), [](const HtmlSeriesPair& p) { return !p.headline.empty(); });
  std::string rows;
  for (const HtmlSeriesPair& p : s.pairs) {
    if (p.from >= s.ids.size() || p.to >= s.ids.size()) continue;
    const std::string name = isolated(s.ids[p.from]) + " \u2192 " + isolated(s.ids[p.to]);
    rows += fmt::format("<tr><th scope=\"row\" class=\"pair\"><a href=\"{}\">{}</a></th><td>{}</td><td>{}</td>",
                        render::file_href(p.page), name, counts(p.sections), counts(p.claims));
    if (headlines) rows += "<td>" + isolated(p.headline) + "</td>";
    rows += fmt::format("<td class=\"files\"><a href=\"{}\">Markdown</a> \u00B7 <a href=\"{}\">JSON</a></td></tr>\n",
                        render::file_href(p.markdown), render::file_href(p.json));
  }
  return "<section class=\"part\" id=\"comparisons\" aria-labelledby=\"comparisons-h\">\n"
         "<h2 id=\"comparisons-h\">Comparisons</h2>\n<p class=\"lede\">One page for each comparison: open it for "
         "the section map, the claims with their word changes, programmes, figures and wording.</p>\n"
         "<div class=\"scroll\"><table>\n<thead><tr><th scope=\"col\">comparison</th><th scope=\"col\">sections</th>"
         "<th scope=\"col\">claims</th>" +
         std::string(headlines ? "<th scope=\"col\">most significant change</th>" : "") +
         "<th scope=\"col\">also as</th></tr></thead>\n<tbody>\n" + rows + "</tbody>\n</table></div>\n</section>\n";
}

// The row of `name` present in snapshot `snapshot`, or -1.
int row_of(const ProgrammeSeries& p, const std::optional<ProgrammeSide>& side, int snapshot) {
  if (!side || snapshot < 0) return -1;
  for (size_t r = 0; r < p.rows.size(); ++r) {
    const ProgrammeSeriesRow& row = p.rows[r];
    const bool present =
        static_cast<size_t>(snapshot) < row.mentions.size() && row.mentions[static_cast<size_t>(snapshot)] > 0;
    if (present && (row.name == side->name || (!side->acronym.empty() && row.acronym == side->acronym)))
      return static_cast<int>(r);
  }
  return -1;
}

// `dates`: one per column, or empty.
std::string chart(const ProgrammeSeries& p, const std::vector<std::string>& dates) {
  const int columns = static_cast<int>(p.labels.size());
  const int width = kLabelWidth + columns * kColumnWidth + 10;
  const int height = kHeadHeight + static_cast<int>(p.rows.size()) * kRowHeight + 10;
  const auto cx = [](int s) { return kLabelWidth + s * kColumnWidth + kColumnWidth / 2; };
  const auto cy = [](int r) { return kHeadHeight + r * kRowHeight + kRowHeight / 2; };
  std::string out = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} {1}\" role=\"img\" "
      "aria-labelledby=\"chart-t chart-d\">\n<title id=\"chart-t\">Programmes over time</title>\n<desc "
      "id=\"chart-d\">A row "
      "for each of {2} programmes, a column for each of {3} snapshots; a box with the number of mentions where the "
      "programme is present. The table below holds the same data.</desc>\n",
      width, height, p.rows.size(), columns);
  for (size_t r = 0; r < p.rows.size(); r += 2) {
    out += fmt::format("<rect class=\"band\" x=\"0\" y=\"{}\" width=\"{}\" height=\"{}\"/>\n",
                       cy(static_cast<int>(r)) - kRowHeight / 2, width, kRowHeight);
  }
  for (int s = 0; s < columns; ++s) {
    out += fmt::format("<line class=\"grid\" x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\"/>\n", cx(s), kHeadHeight - 6,
                       height - 6);
    out += fmt::format("<text class=\"col\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n", cx(s),
                       kHeadHeight - 28, html_escape(render::shortened(p.labels[static_cast<size_t>(s)], 18)));
    if (static_cast<size_t>(s) < dates.size()) {
      out += fmt::format("<text class=\"date\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n", cx(s),
                         kHeadHeight - 12, html_escape(dates[static_cast<size_t>(s)]));
    }
  }
  for (size_t r = 0; r < p.rows.size(); ++r) {
    const ProgrammeSeriesRow& row = p.rows[r];
    const int y = cy(static_cast<int>(r));
    const std::string name = row.name + (row.acronym.empty() ? "" : " (" + row.acronym + ")");
    out += fmt::format("<text class=\"lbl\" x=\"8\" y=\"{}\"><title>{}</title>{}</text>\n", y + 4, html_escape(name),
                       html_escape(render::shortened(name, kLabelChars)));
    for (int s = 0; s + 1 < columns; ++s) {
      if (row.mentions[static_cast<size_t>(s)] > 0 && row.mentions[static_cast<size_t>(s) + 1] > 0) {
        out += fmt::format("<line class=\"run\" x1=\"{0}\" y1=\"{2}\" x2=\"{1}\" y2=\"{2}\"/>\n", cx(s), cx(s + 1), y);
      }
    }
    for (int s = 0; s < columns; ++s) {
      const int m = row.mentions[static_cast<size_t>(s)];
      if (m == 0) {
        out += fmt::format("<circle class=\"off\" cx=\"{}\" cy=\"{}\" r=\"2.5\"/>\n", cx(s), y);
        continue;
      }
      out += fmt::format(
          "<g><title>{}: {} mention{} in {}</title><rect class=\"on\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"16\" "
          "rx=\"8\"/>"
          "<text class=\"cnt\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text></g>\n",
          html_escape(name), m, m == 1 ? "" : "s", html_escape(p.labels[static_cast<size_t>(s)]), cx(s) - kBoxWidth / 2,
          y - 8, kBoxWidth, cx(s), y + 4, m);
    }
  }
  for (const ProgrammeSeriesRename& rn : p.renames) {
    const int from = row_of(p, rn.change.old_side, rn.from_snapshot);
    const int to = row_of(p, rn.change.new_side, rn.from_snapshot + 1);
    if (from < 0 || to < 0 || from == to) continue;
    const int x1 = cx(rn.from_snapshot) + kBoxWidth / 2;
    const int x2 = cx(rn.from_snapshot + 1) - kBoxWidth / 2;
    out +=
        fmt::format("<path class=\"ren\" d=\"M{} {} C{} {} {} {} {} {}\"><title>{}: {} \u2192 {}</title></path>\n", x1,
                    cy(from), (x1 + x2) / 2, cy(from), (x1 + x2) / 2, cy(to), x2, cy(to), to_string(rn.change.status),
                    html_escape(rn.change.old_side->name), html_escape(rn.change.new_side->name));
  }
  return out + "</svg>\n";
}

std::string programme_table(const ProgrammeSeries& p) {
  std::string head = "<th scope=\"col\">programme</th><th scope=\"col\">acronym</th>";
  for (const std::string& label : p.labels)
    head += fmt::format("<th scope=\"col\" class=\"num\">{}</th>", isolated(label));
  head += "<th scope=\"col\">first seen</th><th scope=\"col\">last seen</th>";
  const auto label = [&](int i) { return i < 0 ? std::string() : isolated(p.labels[static_cast<size_t>(i)]); };
  std::string rows;
  for (const ProgrammeSeriesRow& row : p.rows) {
    rows += fmt::format("<tr><th scope=\"row\">{}</th><td>{}</td>", isolated(row.name), isolated(row.acronym));
    for (int m : row.mentions)
      rows += m > 0 ? fmt::format("<td class=\"num\">{}</td>", m) : "<td class=\"num\">\u2013</td>";
    rows += fmt::format("<td>{}</td><td>{}</td></tr>\n", label(row.first_seen), label(row.last_seen));
  }
  std::string out =
      "<h3 id=\"programme-table\">As a table</h3>\n<div class=\"scroll\"><table>\n<caption>Mentions of each "
      "programme in each snapshot (\u2013: absent)</caption>\n<thead><tr>" +
      head + "</tr></thead>\n<tbody>\n" + rows + "</tbody>\n</table></div>\n";
  if (p.renames.empty()) return out;
  out +=
      "<h3 id=\"renames\">Renames</h3>\n<div class=\"scroll\"><table>\n<thead><tr><th scope=\"col\">between</th>"
      "<th scope=\"col\">old name</th><th scope=\"col\">new name</th><th "
      "scope=\"col\">evidence</th></tr></thead>\n<tbody>\n";
  for (const ProgrammeSeriesRename& r : p.renames) {
    std::string evidence;
    for (const std::string& e : r.change.evidence) evidence += "<p>" + isolated(e) + "</p>";
    out += fmt::format("<tr><td>{} \u2192 {}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n", label(r.from_snapshot),
                       label(r.from_snapshot + 1), isolated(r.change.old_side ? r.change.old_side->name : ""),
                       isolated(r.change.new_side ? r.change.new_side->name : ""), evidence);
  }
  return out + "</tbody>\n</table></div>\n";
}

std::string programmes(const HtmlSeries& series) {
  const ProgrammeSeries& p = series.programmes;
  std::vector<std::string> dates;
  for (const DocumentMeta& m : series.snapshots) dates.push_back(m.date.empty() ? "undated" : m.date);
  if (dates.size() != p.labels.size()) dates.clear();
  std::string out =
      "<section class=\"part\" id=\"programmes\" aria-labelledby=\"programmes-h\">\n"
      "<h2 id=\"programmes-h\">Programmes over time</h2>\n";
  if (p.rows.empty()) return out + "<p>No programme was found in the series.</p>\n</section>\n";
  out += fmt::format(
      "<p class=\"lede\">{} programmes. A filled box: present, with its number of mentions; a dot: absent; "
      "a dashed line joins a programme to its new name.</p>\n<div class=\"chart\">\n",
      p.rows.size());
  return out + chart(p, dates) + "</div>\n" + programme_table(p) + "</section>\n";
}

}  // namespace

std::string render_series_html(const HtmlSeries& series) {
  std::string span;
  if (!series.snapshots.empty()) {
    const auto date = [](const DocumentMeta& m) { return m.date.empty() ? std::string("undated") : m.date; };
    span = fmt::format("<p>{} snapshots, {} to {}; {} comparisons.</p>\n", series.snapshots.size(),
                       html_escape(date(series.snapshots.front())), html_escape(date(series.snapshots.back())),
                       series.pairs.size());
  }
  std::string body = render::page_header(isolated(series.title), span);
  std::vector<std::pair<std::string, std::string>> toc;
  std::string brief;
  if (!series.narrative.empty()) {
    toc.emplace_back("brief", "In brief");
    brief =
        "<section class=\"part\" id=\"brief\" aria-labelledby=\"brief-h\">\n<h2 id=\"brief-h\">In brief</h2>\n"
        "<p class=\"narrative\">" +
        html_escape(series.narrative) + "</p>\n</section>\n";
  }
  toc.insert(toc.end(),
             {{"snapshots", "Snapshots"}, {"comparisons", "Comparisons"}, {"programmes", "Programmes over time"}});
  body += render::page_nav(toc);
  body += "<main id=\"main\" class=\"wrap\">\n" + brief + snapshots(series) + comparisons(series) + programmes(series) +
          "</main>\n";
  body += render::page_footer("<p>Written by strata report. The same snapshots always give the same page.</p>\n");
  return render::html_page(series.title, body);
}

}  // namespace strata
