// A document's outline in JSON (render/outline.cpp), written member by
// member without a value tree: byte for byte what the general dump writes of
// the same values (render/escape.hpp, json_text), for every kind of member.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <string>

#include "render/escape.hpp"
#include "strata/render.hpp"
#include "test_util.hpp"

namespace strata {
namespace {

std::string dumped(const std::string& outline) {
  return render::json_text(nlohmann::ordered_json::parse(outline), 2) + "\n";
}

TEST(OutlineJson, WrittenAsTheGeneralDumpWritesTheSameValues) {
  // Anchors, links, a removed line, a date, nested sections, an empty
  // section and strings that must be escaped (a quote, a tab, DEL, a C1
  // control, the line separator).
  const Document html = test::parse(
      "<html><head><title>Terms \"of\" use</title></head><body>\n"
      "<a href=\"#main\">Skip to main content</a>\n"
      "<p>Last updated: 2 July 2024</p>\n"
      "<h1 id=\"top\">Terms</h1>\n"
      "<p>We keep\tyour data.\x7f See <a href=\"https://example.org/?a=1&amp;b=2\">the policy</a>.</p>\n"
      "<h2 id=\"scope\">Scope\xc2\x9b</h2>\n"
      "<h3>Empty</h3>\n"
      "<h2>Rights</h2><ul><li>You may ask.\xe2\x80\xa8 We answer.</li><li>Second item.</li></ul>\n"
      "</body></html>\n",
      "page.html");
  const std::string outline = render_outline_json(html);
  ASSERT_FALSE(html.removals.empty());
  ASSERT_FALSE(html.meta.date.empty());
  ASSERT_NE(outline.find("\"anchor\": \"scope\""), std::string::npos) << outline;
  ASSERT_NE(outline.find("\"links\": ["), std::string::npos) << outline;
  ASSERT_NE(outline.find("\"blocks\": []"), std::string::npos) << outline;
  EXPECT_EQ(outline, dumped(outline));

  // Markdown, without a date (null) and with a final newline missing.
  const Document markdown =
      test::parse("# Title\n\nText with a [link](https://example.org/a).\n\n## Part\n\n- one\n  - two", "doc.md");
  const std::string md = render_outline_json(markdown);
  ASSERT_NE(md.find("\"date\": null"), std::string::npos) << md;
  ASSERT_NE(md.find("\"final_newline\": false"), std::string::npos) << md;
  EXPECT_EQ(md, dumped(md));

  for (const char* id : {"page-2015", "page-2024"}) {
    const std::string snapshot = render_outline_json(test::load_snapshot(id));
    EXPECT_EQ(snapshot, dumped(snapshot)) << id;
  }
}

}  // namespace
}  // namespace strata
