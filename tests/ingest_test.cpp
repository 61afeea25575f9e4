#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include "ingest/ingest.hpp"
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
      {std::string("abc\0def", 7), "binary input (NUL byte at 3)"},
      {std::string(9000, 'a') + std::string("\0tail", 5), "NUL byte at 9000"},  // position does not matter
      {"\xED\xA0\x80", "invalid UTF-8 at byte 0"},                              // a surrogate
      {"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "a PDF document"},  // plain bytes, still a PDF
      {std::string("PK\x03\x04\x14\0\0\0word/document.xml", 25), "a Word document (DOCX)"},
      {std::string("PK\x03\x04\x14\0\0\0mimetypeapplication/vnd.oasis.opendocument.text", 55), "OpenDocument"},
      {std::string("PK\x03\x04\x14\0\0\0data.csv", 16), "a ZIP archive"},
      {"\x89PNG\r\n\x1A\n", "a PNG image"},
      {"\xFF\xD8\xFF\xE0", "a JPEG image"},
      {std::string("T\0e\0r\0m\0s\0 \0o\0f\0 \0u\0s\0e\0\n\0", 26), "utf-16le text without a byte order mark"},
      {std::string("\0T\0e\0r\0m\0s\0 \0o\0f\0 \0u\0s\0e\0\n", 26), "utf-16be text without a byte order mark"},
  };
  for (const Case& c : cases) {
    auto r = decode_text(c.bytes, "in.txt");
    ASSERT_FALSE(r) << c.message;
    EXPECT_NE(r.error().message.find(c.message), std::string::npos) << r.error().message;
    EXPECT_EQ(r.error().message.rfind("in.txt: ", 0), 0u);
  }
}

TEST(Ingest, NamesTheToolForRefusedFormats) {
  auto pdf = decode_text("%PDF-1.7\n", "terms.pdf");
  ASSERT_FALSE(pdf);
  EXPECT_NE(pdf.error().message.find("pdftotext"), std::string::npos);
  EXPECT_EQ(pdf.error().code, ErrorCode::kUnsupported);
  auto docx = decode_text(std::string("PK\x03\x04\x14\0\0\0word/document.xml", 25), "terms.docx");
  ASSERT_FALSE(docx);
  EXPECT_NE(docx.error().message.find("pandoc"), std::string::npos);
}

TEST(Ingest, EmptyInputIsAnEmptyDocument) {
  for (const std::string bytes : {"", " \n\t\n", "\xEF\xBB\xBF"}) {
    auto doc = parse_document(bytes, "empty.txt");
    ASSERT_TRUE(doc) << doc.error().message;
    EXPECT_EQ(doc->sentence_count(), 0u);
  }
}

TEST(Ingest, RecordsWhatDecodingChanged) {
  struct Case {
    std::string bytes;
    std::string text;
    bool bom;
    const char* line_endings;
    bool final_newline;
  } cases[] = {
      {"\xEF\xBB\xBFone\r\ntwo\rthree\n", "one\ntwo\nthree\n", true, "mixed", true},
      {"one\r\ntwo\r\n", "one\ntwo\n", false, "crlf", true},
      {"one\rtwo", "one\ntwo", false, "cr", false},
      {"one\r\ntwo\nthree", "one\ntwo\nthree", false, "mixed", false},
      {"one\r\ntwo\r", "one\ntwo\n", false, "mixed", true},
      {"one\r\r\ntwo", "one\n\ntwo", false, "mixed", false},
      {"one\ntwo", "one\ntwo", false, "lf", false},
      {"one line", "one line", false, "none", false},
      {"", "", false, "none", true},
  };
  for (const Case& c : cases) {
    auto r = decode(c.bytes, "x", InputFormat::kPlainText);
    ASSERT_TRUE(r) << c.text;
    EXPECT_EQ(r->text(), c.text);
    // Text that needed no change is the input itself, not a copy of it.
    const bool lf = c.bytes.find('\r') == std::string::npos;
    EXPECT_EQ(r->from_input, lf) << c.text;
    if (lf && !c.text.empty()) {
      EXPECT_EQ(r->text().data(), c.bytes.data() + (c.bom ? 3 : 0)) << c.text;
    }
    EXPECT_EQ(r->notes.bom, c.bom) << c.text;
    EXPECT_EQ(r->notes.line_endings, c.line_endings) << c.text;
    EXPECT_EQ(r->notes.final_newline, c.final_newline) << c.text;
    EXPECT_EQ(r->notes.charset, "utf-8");
  }
}

TEST(Ingest, ConvertsWideTextWithABom) {
  struct Case {
    std::string bytes;
    const char* charset;
  } cases[] = {
      {std::string("\xFF\xFEH\0\xE9\0\n\0", 8), "utf-16le"},
      {std::string("\xFE\xFF\0H\0\xE9\0\n", 8), "utf-16be"},
      {std::string("\xFF\xFE\0\0H\0\0\0\xE9\0\0\0\n\0\0\0", 16), "utf-32le"},
      {std::string("\0\0\xFE\xFF\0\0\0H\0\0\0\xE9\0\0\0\n", 16), "utf-32be"},
  };
  for (const Case& c : cases) {
    auto r = decode(c.bytes, "wide.txt", InputFormat::kAuto);
    ASSERT_TRUE(r) << c.charset << ": " << r.error().message;
    EXPECT_EQ(r->text(), "H\u00E9\n");
    EXPECT_FALSE(r->from_input) << c.charset;
    EXPECT_EQ(r->notes.charset, c.charset);
    EXPECT_TRUE(r->notes.bom);
  }
}

TEST(Ingest, HtmlCharsets) {
  struct Case {
    std::string bytes;
    const char* charset;
    const char* text;  // what "caf\xE9" or its UTF-8 form decodes to
  } cases[] = {
      {"<meta charset=\"windows-1252\"><p>caf\xE9 \x93quoted\x94</p>", "windows-1252", "caf\u00E9 \u201Cquoted\u201D"},
      {"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"><p>caf\xE9</p>", "windows-1252",
       "caf\u00E9"},
      {"<meta charset=iso-8859-2><p>\xB1</p>", "iso-8859-2", "\u0105"},
      {"<!DOCTYPE html><p>caf\xE9</p>", "windows-1252", "caf\u00E9"},  // undeclared, not UTF-8: what browsers do
      {"<!DOCTYPE html><meta charset=utf-8><p>caf\xC3\xA9</p>", "utf-8", "caf\u00E9"},
      // A declaration readable as ASCII names no set where ASCII reads
      // otherwise: read as UTF-8, as browsers read a page declaring UTF-16.
      {"<meta charset=\"utf16\"><p>caf\xC3\xA9</p>", "utf-8", "caf\u00E9"},
      {"<meta charset=ucs-2><p>caf\xC3\xA9</p>", "utf-8", "caf\u00E9"},
      {"<meta charset=utf-32be><p>caf\xC3\xA9</p>", "utf-8", "caf\u00E9"},
      {"<meta charset=ibm037><p>caf\xC3\xA9</p>", "utf-8", "caf\u00E9"},  // EBCDIC
  };
  for (const Case& c : cases) {
    auto raw = ingest(c.bytes, "page.html");
    ASSERT_TRUE(raw) << c.charset << ": " << raw.error().message;
    EXPECT_EQ(raw->normalized.charset, c.charset);
    ASSERT_EQ(raw->blocks.size(), 1u) << c.charset;
    EXPECT_EQ(raw->blocks[0].text, c.text);
  }
}

TEST(Ingest, ContentDecidesTheFormat) {
  struct Case {
    const char* text;
    const char* path;
    InputFormat format;
  } cases[] = {
      {"<!DOCTYPE html>\n<html><body><p>x</p></body></html>", "page.txt", InputFormat::kHtml},
      {"<!-- saved -->\n<HTML><p>x</p></HTML>", "-", InputFormat::kHtml},
      {"<div><p>One</p><p>Two</p><p>Three</p></div>", "capture", InputFormat::kHtml},
      {"Use the <p> tag for paragraphs.\n", "notes", InputFormat::kPlainText},
      {"---\ntitle: Terms\n---\n\nText.\n", "-", InputFormat::kMarkdown},
      {"# Terms\n\nText.\n", "terms", InputFormat::kMarkdown},
      {"Terms\n=====\n\nText.\n", "terms", InputFormat::kMarkdown},
      {"See [the FAQ](faq.html).\n", "-", InputFormat::kMarkdown},
      {"# Terms\n\nText.\n", "terms.txt", InputFormat::kPlainText},  // the extension breaks the tie
      {"<p align=\"center\"><img src=logo.png></p>\n\n# Terms\n", "README.md", InputFormat::kMarkdown},
      {"Terms of use\n\n1. Scope\n", "terms", InputFormat::kPlainText},
  };
  for (const Case& c : cases) EXPECT_EQ(sniff_format(c.text, c.path), c.format) << c.text;
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

TEST(Ingest, RefusesAHugeSparseFileBeforeReadingIt) {
  test::TempDir dir;
  const std::string path = dir.file("sparse.txt", "");
  const int fd = ::open(path.c_str(), O_WRONLY);
  ASSERT_GE(fd, 0);
  constexpr off_t kFifteenTebibytes = off_t{15} << 40;
  const bool sized = ::ftruncate(fd, kFifteenTebibytes) == 0;
  ::close(fd);
  if (!sized) GTEST_SKIP() << "this file system has no sparse files of 15 TiB";
  auto bytes = read_file_bytes(path);
  ASSERT_FALSE(bytes);
  EXPECT_NE(bytes.error().message.find("file is 16492674416640 bytes, above the limit"), std::string::npos)
      << bytes.error().message;
}

TEST(Ingest, PlainReaderMeasuresLines) {
  auto raw = ingest("Title\n\n\n  \u2022 Item\n    body\n", "x.txt");
  ASSERT_TRUE(raw);
  ASSERT_EQ(raw->blocks.size(), 3u);
  EXPECT_EQ(raw->blocks[1].gap, 2);
  EXPECT_TRUE(raw->blocks[1].bullet);
  EXPECT_EQ(raw->blocks[1].indent, 2);
  EXPECT_EQ(raw->blocks[1].text, "Item");
  EXPECT_EQ(raw->blocks[2].indent, 4);
  EXPECT_EQ(raw->format, InputFormat::kPlainText);
  EXPECT_EQ(format_from_path("notes.MD"), InputFormat::kMarkdown);
  EXPECT_EQ(format_from_path("page.HTM"), InputFormat::kHtml);
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
