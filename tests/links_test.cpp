// The link-set diff: targets that appeared, vanished or were re-pointed,
// through the library and the CLI, in every report format.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "strata/compare.hpp"
#include "strata/load.hpp"
#include "strata/render.hpp"
#include "test_util.hpp"

namespace strata {
namespace {

Document markdown(const std::string& text) {
  LoadOptions options;
  options.format = InputFormat::kMarkdown;
  auto doc = parse_document(text, "doc.md", options);
  EXPECT_TRUE(doc) << doc.error().message;
  return doc ? std::move(*doc) : Document();
}

std::vector<LinkChange> links(const std::string& old_text, const std::string& new_text) {
  return compare(markdown(old_text), markdown(new_text)).links;
}

constexpr const char* kTerms =
    "# Terms\n\n## Privacy\n\nRead our [Privacy Statement](https://example.com/privacy) and the "
    "[cookie notice](https://example.com/cookies).\n\n## Contact\n\nWrite to [support](mailto:help@example.com).\n";

TEST(LinkDiff, RepointedLinkIsAChangeWhenTheProseIsNot) {
  const std::string moved =
      "# Terms\n\n## Privacy\n\nRead our [Privacy Statement](https://example.com/legal/privacy) and the "
      "[cookie notice](https://example.com/cookies).\n\n## Contact\n\nWrite to [support](mailto:help@example.com).\n";
  const ChangeSet changes = compare(markdown(kTerms), markdown(moved));
  ASSERT_EQ(changes.links.size(), 1u);
  const LinkChange& l = changes.links[0];
  EXPECT_EQ(l.status, LinkStatus::kRepointed);
  EXPECT_EQ(l.text, "Privacy Statement");
  EXPECT_EQ(l.old_target, "https://example.com/privacy");
  EXPECT_EQ(l.new_target, "https://example.com/legal/privacy");
  EXPECT_EQ(l.path, std::vector<std::string>{"Privacy"});
  EXPECT_EQ(l.line, 5u);
  EXPECT_TRUE(changes.has_changes());
  EXPECT_EQ(compare(markdown(kTerms), markdown(kTerms)).links.size(), 0u);
}

TEST(LinkDiff, AddedAndRemovedInDocumentOrder) {
  const std::string edited =
      "# Terms\n\n## Privacy\n\nRead our [Privacy Statement](https://example.com/privacy).\n\n## Contact\n\n"
      "Write to [support](mailto:help@example.com) or see the [status page](https://status.example.com).\n";
  const auto changes = links(kTerms, edited);
  ASSERT_EQ(changes.size(), 2u);
  EXPECT_EQ(changes[0].status, LinkStatus::kAdded);
  EXPECT_EQ(changes[0].new_target, "https://status.example.com");
  EXPECT_EQ(changes[0].section, "contact");
  EXPECT_EQ(changes[1].status, LinkStatus::kRemoved);
  EXPECT_EQ(changes[1].old_target, "https://example.com/cookies");
  EXPECT_EQ(changes[1].text, "cookie notice");
  EXPECT_EQ(changes[1].section, "privacy");
}

TEST(LinkDiff, SameTargetWithNewTextIsLeftToTheProseDiff) {
  const std::string renamed =
      "# Terms\n\n## Privacy\n\nRead our [Privacy Notice](https://example.com/privacy) and the "
      "[cookie notice](https://example.com/cookies).\n\n## Contact\n\nWrite to [support](mailto:help@example.com).\n";
  const ChangeSet changes = compare(markdown(kTerms), markdown(renamed));
  EXPECT_TRUE(changes.links.empty());
  EXPECT_TRUE(changes.has_changes());  // the claim changed
}

TEST(LinkDiff, RepeatedTargetsCountEachOccurrence) {
  const auto changes = links("# A\n\n[x](https://a.example) and [x](https://a.example) and [y](https://b.example).\n",
                             "# A\n\n[x](https://a.example) and [y](https://b.example).\n");
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].status, LinkStatus::kRemoved);
  EXPECT_EQ(changes[0].old_target, "https://a.example");
}

// The opening run of the same targets pairs place by place; a copy of one
// of its targets further on is the one added, where it stands. An image of
// the same target is no link of it, and ends the run.
TEST(LinkDiff, ACopyAfterTheSharedOpeningIsTheOneAdded) {
  const auto changes = links("# A\n\n[x](https://a.example) and [y](https://b.example).\n\nEnd.\n",
                             "# A\n\n[x](https://a.example) and [y](https://b.example).\n\n"
                             "Again [x](https://a.example).\n\nEnd ![y](https://b.example).\n");
  ASSERT_EQ(changes.size(), 2u);
  EXPECT_EQ(changes[0].status, LinkStatus::kAdded);
  EXPECT_EQ(changes[0].new_target, "https://a.example");
  EXPECT_EQ(changes[0].line, 5u);
  EXPECT_EQ(changes[1].status, LinkStatus::kAdded);
  EXPECT_EQ(changes[1].kind, LinkKind::kImage);
  EXPECT_EQ(changes[1].line, 7u);
}

TEST(LinkDiff, TextPairsOnlyWhatTheTargetsLeft) {
  // Two links named "here": the one whose target stayed is not re-pointed,
  // the other is; case and spacing of the text do not matter.
  const auto changes = links("# A\n\nSee [here](https://one.example) and [here](https://two.example).\n",
                             "# A\n\nSee [Here](https://one.example) and [ here ](https://three.example).\n");
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].status, LinkStatus::kRepointed);
  EXPECT_EQ(changes[0].old_target, "https://two.example");
  EXPECT_EQ(changes[0].new_target, "https://three.example");
}

TEST(LinkDiff, LinksWithoutTextNeverPairByText) {
  const auto changes =
      links("# A\n\nSee [](https://a.example/1) here.\n", "# A\n\nSee [](https://a.example/2) here.\n");
  ASSERT_EQ(changes.size(), 2u);
  EXPECT_EQ(changes[0].status, LinkStatus::kAdded);
  EXPECT_EQ(changes[1].status, LinkStatus::kRemoved);
}

TEST(LinkDiff, PlainTextSnapshotsHaveNone) {
  const ChangeSet changes = compare(test::load_snapshot("page-2023"), test::load_snapshot("page-2024"));
  EXPECT_TRUE(changes.links.empty());
}

TEST(LinkDiff, EveryFormatShowsTheLinksAndHtmlNeverLinksThem) {
  const std::string hostile =
      "# Terms\n\n## Privacy\n\nRead our [Privacy Statement](javascript:alert(1)) and the "
      "[cookie notice](https://example.com/cookies).\n\n## Contact\n\nWrite to [support](mailto:help@example.com).\n";
  const ChangeSet changes = compare(markdown(kTerms), markdown(hostile));
  ASSERT_EQ(changes.links.size(), 1u);
  const std::string text = render_diff_text(changes);
  EXPECT_NE(
      text.find("repointed  \"Privacy Statement\" https://example.com/privacy -> javascript:alert(1)  in Privacy"),
      std::string::npos)
      << text;
  const std::string md = render_diff_markdown(changes);
  EXPECT_NE(
      md.find(
          "| repointed | link | Privacy Statement | `https://example.com/privacy` | `javascript:alert(1)` | Privacy |"),
      std::string::npos)
      << md;
  const auto json = nlohmann::json::parse(render_diff_json(changes));
  ASSERT_EQ(json["links"].size(), 1u);
  EXPECT_EQ(json["links"][0]["status"], "repointed");
  EXPECT_EQ(json["links"][0]["new"], "javascript:alert(1)");
  EXPECT_EQ(json["summary"]["links"], 1);
  EXPECT_EQ(json["new"]["format"], "markdown");
  EXPECT_EQ(json["new"]["charset"], "utf-8");
  const std::string html = render_diff_html(changes);
  EXPECT_NE(html.find("<code><bdi>javascript:alert(1)</bdi></code>"), std::string::npos);
  EXPECT_EQ(html.find("href=\"javascript"), std::string::npos);
  EXPECT_NE(html.find("id=\"links\""), std::string::npos);
}

Document html(const std::string& text) {
  LoadOptions options;
  options.format = InputFormat::kHtml;
  auto doc = parse_document(text, "page.html", options);
  EXPECT_TRUE(doc) << doc.error().message;
  return doc ? std::move(*doc) : Document();
}

TEST(LinkDiff, SwappedImageIsRepointedAndNamedAnImage) {
  // Only the picture changed: the alt text, and so the prose, is the same.
  const ChangeSet changes = compare(markdown("# Signature\n\n![Home screen](/shots/home.webp?dpl=9gp7)\n"),
                                    markdown("# Signature\n\n![Home screen](/shots/home.webp?dpl=2gz6)\n"));
  ASSERT_EQ(changes.links.size(), 1u);
  EXPECT_EQ(changes.links[0].status, LinkStatus::kRepointed);
  EXPECT_EQ(changes.links[0].kind, LinkKind::kImage);
  EXPECT_EQ(changes.links[0].text, "Home screen");
  EXPECT_EQ(changes.links[0].new_target, "/shots/home.webp?dpl=2gz6");
  EXPECT_TRUE(changes.has_changes());
  EXPECT_NE(render_diff_text(changes).find("repointed  image \"Home screen\" /shots/home.webp?dpl=9gp7 -> "),
            std::string::npos);
  EXPECT_NE(render_diff_markdown(changes).find("| repointed | image | Home screen |"), std::string::npos);
  EXPECT_EQ(nlohmann::json::parse(render_diff_json(changes))["links"][0]["kind"], "image");
  EXPECT_NE(render_diff_html(changes).find("<td>image</td>"), std::string::npos);
  // Only the statuses some link has are counted: no "0 added, 0 removed".
  EXPECT_NE(
      changes.narrative.find("1 change was in the links and images (1 of them images): 1 re-pointed to a new target."),
      std::string::npos)
      << changes.narrative;
}

TEST(LinkDiff, ImagesInMarkdownHtmlAndPagesAllCount) {
  // Inline <img> in Markdown and <img> in a page are images like ![]();
  // a link and an image with the same target never pair.
  const auto changes = links("# A\n\nLogo <img src=\"a.png\" alt=\"Logo\"> and [chart](c.png).\n",
                             "# A\n\nLogo <img src=\"b.png\" alt=\"Logo\"> and ![chart](c.png).\n");
  ASSERT_EQ(changes.size(), 3u);
  EXPECT_EQ(changes[0].status, LinkStatus::kRepointed);
  EXPECT_EQ(changes[0].kind, LinkKind::kImage);
  EXPECT_EQ(changes[1].status, LinkStatus::kAdded);
  EXPECT_EQ(changes[1].kind, LinkKind::kImage);
  EXPECT_EQ(changes[2].status, LinkStatus::kRemoved);
  EXPECT_EQ(changes[2].kind, LinkKind::kLink);

  const std::string page =
      "<html><body><main><h1>Terms</h1><p>Signed: <img src=\"sig-{}.png\" alt=\"Signature\">"
      "<img src=\"https://t.example/p.gif?v={}\" width=\"1\" height=\"1\"></p></main></body></html>";
  auto version = [&](const char* v) {
    std::string s = page;
    for (size_t at; (at = s.find("{}")) != std::string::npos;) s.replace(at, 2, v);
    return s;
  };
  const ChangeSet pages = compare(html(version("2020")), html(version("2021")));
  ASSERT_EQ(pages.links.size(), 1u) << "a tracking pixel is not a picture of the page";
  EXPECT_EQ(pages.links[0].kind, LinkKind::kImage);
  EXPECT_EQ(pages.links[0].old_target, "sig-2020.png");
  EXPECT_EQ(pages.links[0].new_target, "sig-2021.png");
}

TEST(LinkDiff, InlineImageDataIsHashedNotQuoted) {
  const std::string pixels(4000, 'A');
  const Document doc = html("<p>Map <img alt=\"map\" src=\"data:image/png;base64," + pixels + "\"></p>");
  ASSERT_EQ(doc.sections[0].blocks.size(), 1u);
  ASSERT_EQ(doc.sections[0].links_of(0).size(), 1u);
  const std::string& target = doc.sections[0].links[0].target;
  EXPECT_EQ(target.rfind("data:image/png;\u2026 #", 0), 0u) << target;
  EXPECT_LT(target.size(), 64u);
  const Document other = html("<p>Map <img alt=\"map\" src=\"data:image/png;base64,B" + pixels + "\"></p>");
  EXPECT_NE(other.sections[0].links[0].target, target);
}

// A section keeps its blocks' links in one list; each block finds its own,
// blocks without links between them.
TEST(LinkDiff, EachBlockHasItsOwnLinks) {
  const Document doc = markdown(
      "Read the [terms](/terms).\n\nNo link here.\n\n- [One](/one) and [two](/two)\n- Plain item\n\n"
      "Last: ![map](/map.png)\n");
  const Section& root = doc.sections[0];
  ASSERT_EQ(root.blocks.size(), 5u);
  const auto targets = [&](size_t block) {
    std::vector<std::string> out;
    for (const Link& link : root.links_of(block)) out.push_back(link.target);
    return out;
  };
  EXPECT_EQ(targets(0), std::vector<std::string>({"/terms"}));
  EXPECT_TRUE(targets(1).empty());
  EXPECT_EQ(targets(2), std::vector<std::string>({"/one", "/two"}));
  EXPECT_TRUE(targets(3).empty());
  EXPECT_EQ(targets(4), std::vector<std::string>({"/map.png"}));
  EXPECT_TRUE(targets(5).empty());  // past the last block
  // The outline names each link under its block.
  const auto outline = nlohmann::json::parse(render_outline_json(doc));
  EXPECT_EQ(outline["sections"][0]["blocks"][2]["links"][1]["target"], "/two");
  EXPECT_FALSE(outline["sections"][0]["blocks"][3].contains("links"));
}

TEST(LinkDiff, CliExitsOneForARepointedLinkAlone) {
  test::TempDir dir;
  const std::string a = dir.file("a.md", kTerms);
  std::string moved = kTerms;
  moved.replace(moved.find("/privacy"), 8, "/legal/privacy");
  const std::string b = dir.file("b.md", moved);
  const auto same = test::run_strata("diff '" + a + "' '" + a + "'");
  EXPECT_EQ(same.exit_code, 0) << same.err;
  const auto changed = test::run_strata("diff '" + a + "' '" + b + "'");
  EXPECT_EQ(changed.exit_code, 1) << changed.err;
  EXPECT_NE(changed.out.find("\nLinks\n  repointed"), std::string::npos) << changed.out;
  EXPECT_NE(changed.out.find("no statement changed in substance. 1 change was in the links: 1 re-pointed to a new "
                             "target.\n"),
            std::string::npos)
      << changed.out;
}

// Three links of a page, each in a paragraph of its own.
std::string three_links(const std::string& a, const std::string& b, const std::string& c) {
  return "# Policy\n\nSee [our terms](" + a + ").\n\nSee [the cookie notice](" + b + ").\n\nSee [your rights](" + c +
         ").\n";
}

TEST(LinkDiff, TrackingParametersRetagAndAreNoDifference) {
  const ChangeSet changes =
      compare(markdown(three_links("https://e.com/terms", "https://e.com/cookies", "https://e.com/rights")),
              markdown(three_links("https://e.com/terms?utm_source=mail&utm_medium=email", "https://e.com/cookies",
                                   "https://e.com/rights#top")));
  ASSERT_EQ(changes.links.size(), 2u);
  EXPECT_EQ(changes.links[0].status, LinkStatus::kRetagged);
  EXPECT_EQ(changes.links[0].parameters, (std::vector<std::string>{"utm_medium", "utm_source"}));
  EXPECT_EQ(changes.links[0].new_target, "https://e.com/terms?utm_source=mail&utm_medium=email");
  // A fragment names another place: re-pointed, not retagged.
  EXPECT_EQ(changes.links[1].status, LinkStatus::kRepointed);
  EXPECT_TRUE(changes.has_changes());
  const ChangeSet tags_only =
      compare(markdown(three_links("https://e.com/terms?fbclid=A1", "https://e.com/cookies", "https://e.com/rights")),
              markdown(three_links("https://e.com/terms?fbclid=B2", "https://e.com/cookies", "https://e.com/rights")));
  ASSERT_EQ(tags_only.links.size(), 1u);
  EXPECT_EQ(tags_only.links[0].status, LinkStatus::kRetagged);
  EXPECT_FALSE(tags_only.has_changes());
  // "~" and "%7E" are one character (RFC 3986); a target is decoded once, so
  // "%257E" is another.
  const ChangeSet escaped =
      compare(markdown(three_links("https://e.com/~ann", "https://e.com/~bob", "https://e.com/rights")),
              markdown(three_links("https://e.com/%7Eann", "https://e.com/%257Ebob", "https://e.com/rights")));
  ASSERT_EQ(escaped.links.size(), 2u);
  EXPECT_EQ(escaped.links[0].status, LinkStatus::kRetagged);
  EXPECT_TRUE(escaped.links[0].parameters.empty());
  EXPECT_EQ(escaped.links[1].status, LinkStatus::kRepointed);
  EXPECT_NE(render_diff_text(escaped).find("retagged   1 link differing only in percent-escaping; the first:"),
            std::string::npos)
      << render_diff_text(escaped);
}

// A parameter that three links gained at once tags visits; one that fewer
// links gained, or a value that changed, may be where a link goes.
TEST(LinkDiff, AParameterManyLinksGainedAtOnceRetagsThem) {
  const std::string before = three_links("https://e.com/terms", "https://e.com/cookies", "https://e.com/rights?x=1");
  const ChangeSet page = compare(
      markdown(before), markdown(three_links("https://e.com/terms?entry_point=A", "https://e.com/cookies?entry_point=B",
                                             "https://e.com/rights?x=1&entry_point=C")));
  ASSERT_EQ(page.links.size(), 3u);
  for (const LinkChange& l : page.links) {
    EXPECT_EQ(l.status, LinkStatus::kRetagged) << l.new_target;
    EXPECT_EQ(l.parameters, (std::vector<std::string>{"entry_point"})) << l.new_target;
  }
  EXPECT_FALSE(page.has_changes());
  // Only two links gained it: the third is another page.
  const ChangeSet two = compare(
      markdown(before), markdown(three_links("https://e.com/terms?version=2023", "https://e.com/cookies?version=2023",
                                             "https://e.com/rights?x=1")));
  ASSERT_EQ(two.links.size(), 2u);
  EXPECT_EQ(two.links[0].status, LinkStatus::kRepointed);
  EXPECT_TRUE(two.has_changes());
  // A redirect's destination changed on every link: its "u" is where they go.
  const auto wrapped = [](const std::string& to) { return "https://l.e.com/l.php?u=https%3A%2F%2F" + to; };
  const ChangeSet moved = compare(markdown(three_links(wrapped("a.org"), wrapped("b.org"), wrapped("c.org"))),
                                  markdown(three_links(wrapped("a.net"), wrapped("b.net"), wrapped("c.net"))));
  ASSERT_EQ(moved.links.size(), 3u);
  for (const LinkChange& l : moved.links) EXPECT_EQ(l.status, LinkStatus::kRepointed) << l.new_target;
  // A tag added inside the wrapped target, escaped, is found there.
  const ChangeSet tagged =
      compare(markdown(three_links(wrapped("a.org"), wrapped("b.org"), wrapped("c.org%2Fx"))),
              markdown(three_links(wrapped("a.org%3Fentry_point%3D1"), wrapped("b.org%3Fentry_point%3D2"),
                                   wrapped("c.org%2Fx%3Fentry_point%3D3"))));
  ASSERT_EQ(tagged.links.size(), 3u);
  for (const LinkChange& l : tagged.links) EXPECT_EQ(l.status, LinkStatus::kRetagged) << l.new_target;
}

TEST(LinkDiff, RetaggedLinksAreOneRowOfAReportAndEachOneInJson) {
  const ChangeSet changes =
      compare(markdown(three_links("https://e.com/terms", "https://e.com/cookies", "https://e.com/rights")),
              markdown(three_links("https://e.com/terms?entry_point=A", "https://e.com/cookies?entry_point=B",
                                   "https://e.com/rights?entry_point=C")));
  const std::string text = render_diff_text(changes);
  EXPECT_NE(text.find("\nLinks\n  retagged   3 links differing only in entry_point; the first: \"our terms\" "
                      "https://e.com/terms -> https://e.com/terms?entry_point=A  in (lead)\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("no statement changed in substance. Links retagged, the same targets but for parameters that "
                      "tag a visit (entry_point): 3."),
            std::string::npos)
      << text;
  const std::string md = render_diff_markdown(changes);
  EXPECT_NE(md.find("| retagged | link | 3 links differing only in entry\\_point; the first: our terms |"),
            std::string::npos)
      << md;
  const auto json = nlohmann::json::parse(render_diff_json(changes));
  ASSERT_EQ(json["links"].size(), 3u);
  EXPECT_EQ(json["links"][2]["status"], "retagged");
  EXPECT_EQ(json["links"][2]["parameters"], nlohmann::json::array({"entry_point"}));
  EXPECT_FALSE(json["summary"]["changed"]);
}

}  // namespace
}  // namespace strata
