#include <gtest/gtest.h>

#include "strata/ingest.hpp"
#include "strata/load.hpp"
#include "test_util.hpp"

namespace strata {
namespace {

TEST(Ingest, RefusesBadInput) {
  struct Case {
    std::string bytes;
    const char* message;
  } cases[] = {
      {"ok\xC3(bad", "invalid UTF-8 at byte 2"},
      {std::string("abc\0def", 7), "binary input"},
      {"", "empty document"},
      {" \n\t\n", "empty document"},
      {"\xEF\xBB\xBF", "empty document"},
      {"\xED\xA0\x80", "invalid UTF-8 at byte 0"},  // a surrogate
  };
  for (const Case& c : cases) {
    auto r = decode_text(c.bytes, "in.txt");
    ASSERT_FALSE(r) << c.message;
    EXPECT_NE(r.error().message.find(c.message), std::string::npos) << r.error().message;
    EXPECT_EQ(r.error().message.rfind("in.txt: ", 0), 0u);
  }
}

TEST(Ingest, DecodesLineEndsAndBom) {
  auto r = decode_text("\xEF\xBB\xBFone\r\ntwo\rthree\n", "x");
  ASSERT_TRUE(r);
  EXPECT_EQ(*r, "one\ntwo\nthree\n");
}

TEST(Ingest, LateNulIsTextAndCompared) {
  std::string bytes(9000, 'a');
  bytes += std::string("\0tail.", 6);
  auto doc = parse_document(bytes, "late.txt");
  ASSERT_TRUE(doc);
  EXPECT_NE(doc->sections[0].blocks[0].sentences[0].norm.find("\u2400tail"), std::string::npos);
}

TEST(Ingest, FilesAndDirectories) {
  test::TempDir dir;
  auto missing = load_document(dir.path() + "/nope.txt");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  auto directory = load_document(dir.path());
  ASSERT_FALSE(directory);
  EXPECT_NE(directory.error().message.find("is a directory"), std::string::npos);
}

TEST(Ingest, PlainReaderMeasuresLines) {
  auto raw = ingest("Title\n\n\n  \u2022 Item\n    body\n", "x.txt", InputFormat::kAuto);
  ASSERT_TRUE(raw);
  ASSERT_EQ(raw->blocks.size(), 3u);
  EXPECT_EQ(raw->blocks[1].gap, 2);
  EXPECT_TRUE(raw->blocks[1].bullet);
  EXPECT_EQ(raw->blocks[1].indent, 2);
  EXPECT_EQ(raw->blocks[1].text, "Item");
  EXPECT_EQ(raw->blocks[2].indent, 4);
  EXPECT_EQ(raw->format, InputFormat::kPlainText);
  EXPECT_EQ(format_from_path("notes.MD"), InputFormat::kMarkdown);
}

TEST(Ingest, OneHugeLineFinishes) {
  // 50 MB on one line: read, normalized and split in bounded memory.
  std::string big;
  big.reserve(50u << 20);
  while (big.size() < (50u << 20)) big += "Word word, another word. ";
  auto doc = parse_document(big, "huge.txt");
  ASSERT_TRUE(doc);
  EXPECT_GT(doc->sentence_count(), 1000000u);
}

}  // namespace
}  // namespace strata
