// The diff report in JSON (render/diff_json.cpp), written member by member
// without a value tree: byte for byte what the general dump writes of the
// same values (render/escape.hpp, json_text), for every kind of member.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "render/escape.hpp"
#include "render/json_writer.hpp"
#include "strata/compare.hpp"
#include "strata/render.hpp"
#include "test_util.hpp"

namespace strata {
namespace {

// What nlohmann's dump(2) writes of the report's own values.
std::string dumped(const std::string& report) {
  return render::json_text(nlohmann::ordered_json::parse(report), 2) + "\n";
}

TEST(DiffJson, WrittenAsTheGeneralDumpWritesTheSameValues) {
  ChangeSet changes = compare(test::load_snapshot("page-2023"), test::load_snapshot("page-2024"));
  ASSERT_FALSE(changes.highlights.empty());
  ASSERT_FALSE(changes.numbers.empty());
  ASSERT_FALSE(changes.programmes.empty());
  ASSERT_FALSE(changes.wording.empty());
  // What the bundled pair lacks: a figure without its claim, a phrase only
  // gained, a link, a highlight of each target, claims not listed, warnings,
  // and strings that must be escaped.
  NumberChange figure;
  figure.status = ChangeStatus::kAdded;
  figure.new_value =
      "\xe2\x82\xac"
      "1.2 billion";
  changes.numbers.push_back(figure);
  WordingShift gained;
  gained.to = "a \"new\" phrase\twith\x7f controls \xe2\x80\xa8";
  gained.count = 2;
  gained.new_count = 2;
  changes.wording.push_back(gained);
  LinkChange link;
  link.text = "Partnership\nfor Peace";
  link.new_target = "https://example.org/?a=1&b=<2>";
  link.line = 42;
  changes.links.push_back(link);
  for (HighlightTarget target : {HighlightTarget::kSection, HighlightTarget::kProgramme}) {
    Highlight h;
    h.rank = static_cast<int>(changes.highlights.size()) + 1;
    h.target = target;
    h.index = 0;
    h.more = {"one more reason"};
    changes.highlights.push_back(h);
  }
  changes.claims_not_listed[ChangeStatus::kAdded] = 3;
  changes.warnings.push_back("claims: 3 more claim changes not listed");

  for (bool all : {false, true}) {
    RenderOptions options;
    options.all = all;
    const std::string report = render_diff_json(changes, options);
    EXPECT_EQ(report, dumped(report)) << "all: " << all;
  }
  // Nothing changed: every list empty.
  const Document same = test::load_snapshot("page-2015");
  const std::string empty = render_diff_json(compare(same, same));
  EXPECT_EQ(empty, dumped(empty));
  EXPECT_NE(empty.find("\"claims\": []"), std::string::npos);
}

// Streamed, the report arrives in pieces that end to end are the report
// written whole; a piece is cut only between two values, once the one
// before has passed the size a piece waits for.
TEST(DiffJson, StreamedInPiecesThatMakeTheWholeReport) {
  const ChangeSet changes = compare(test::load_snapshot("page-2015"), test::load_snapshot("page-2024"));
  RenderOptions options;
  options.all = true;
  const std::string whole = render_diff_json(changes, options);
  constexpr size_t kPiece = render::JsonWriter::kFlushBytes;
  ASSERT_GT(whole.size(), 3 * kPiece);
  std::vector<std::string> pieces;
  render_diff_json(changes, options, [&](std::string_view piece) { pieces.emplace_back(piece); });
  ASSERT_GE(pieces.size(), 3u);
  std::string joined;
  for (const std::string& piece : pieces) joined += piece;
  EXPECT_EQ(joined, whole);
  for (size_t k = 0; k + 1 < pieces.size(); ++k) {
    EXPECT_GE(pieces[k].size(), kPiece);
    const std::string_view next = pieces[k + 1];
    EXPECT_TRUE(next.starts_with(",\n") || next.starts_with("\n")) << "piece " << k + 1 << ": " << next.substr(0, 40);
  }
}

}  // namespace
}  // namespace strata
