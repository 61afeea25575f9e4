#include "ingest/sniff.hpp"

#include <array>

#include "text/ascii.hpp"

namespace strata::sniff {

namespace {

struct Magic {
  std::string_view prefix;
  std::string_view description;
};

// Leading bytes of the binary formats people try to compare, with what to run
// instead. Office files and EPUB are ZIP archives, told apart below.
constexpr std::array<Magic, 12> kMagics{{
    {"%PDF-", "a PDF document; extract its text first (pdftotext -layout FILE.pdf FILE.txt)"},
    {"\x89PNG", "a PNG image, not a text document"},
    {"\xFF\xD8\xFF", "a JPEG image, not a text document"},
    {"GIF8", "a GIF image, not a text document"},
    {"II*", "a TIFF image, not a text document"},
    {"MM\x00*", "a TIFF image, not a text document"},
    {"\xD0\xCF\x11\xE0",
     "a legacy Microsoft Office document (DOC, XLS or PPT); convert it to text first "
     "(libreoffice --headless --convert-to txt FILE)"},
    {"{\\rtf", "an RTF document; convert it to text first (pandoc -t plain FILE.rtf)"},
    {"\x1F\x8B", "a gzip-compressed file; decompress it first (gunzip)"},
    {"7z\xBC\xAF", "a 7-Zip archive, not a text document"},
    {"\x7F"
     "ELF",
     "an executable (ELF), not a text document"},
    {"Rar!", "a RAR archive, not a text document"},
}};

constexpr std::string_view kZip = "PK\x03\x04";

// How much of a page the markup-density test reads, and the number of tags
// (of the block and inline elements pages are made of) that calls text HTML
// when no doctype or <html> tag came first: fragments saved from a page
// ("<p>...</p><p>...</p>") have several, prose that mentions a tag has one.
constexpr size_t kDensityScanBytes = 8192;
constexpr int kDenseTagCount = 4;

constexpr std::string_view kPageTags[] = {"<!doctype html", "<html", "<head", "<body"};
constexpr std::string_view kContentTags[] = {"<p>", "<p ", "</p>", "<div", "</div>", "<li>",  "<br",
                                             "<h1", "<h2", "<h3",  "<ul>", "<table", "<span", "</a>"};

bool blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

std::string_view skip_blanks_and_comments(std::string_view s) {
  for (;;) {
    while (!s.empty() && blank(s.front())) s.remove_prefix(1);
    if (s.substr(0, 4) != "<!--") return s;
    const size_t end = s.find("-->");
    if (end == std::string_view::npos) return {};
    s.remove_prefix(end + 3);
  }
}

std::string_view zip_kind(std::string_view bytes) {
  // The first entries of an office file name its kind; an EPUB or ODF file
  // starts with a "mimetype" entry holding the media type.
  const std::string_view head = bytes.substr(0, 4096);
  if (head.find("word/") != std::string_view::npos) {
    return "a Word document (DOCX); convert it to text first (pandoc -t plain FILE.docx)";
  }
  if (head.find("application/vnd.oasis.opendocument") != std::string_view::npos) {
    return "an OpenDocument file (ODT/ODS/ODP); convert it to text first (pandoc -t plain FILE.odt)";
  }
  if (head.find("application/epub+zip") != std::string_view::npos) {
    return "an EPUB book; convert it to text first (pandoc -t plain FILE.epub)";
  }
  if (head.find("xl/") != std::string_view::npos || head.find("ppt/") != std::string_view::npos) {
    return "an Excel or PowerPoint file (XLSX/PPTX), not a text document";
  }
  return "a ZIP archive, not a text document (unpack it and compare the files inside)";
}

}  // namespace

std::optional<std::string> refused_format(std::string_view bytes) {
  if (bytes.substr(0, kZip.size()) == kZip) return std::string(zip_kind(bytes));
  if (bytes.starts_with("RIFF") && bytes.size() >= 12 && bytes.substr(8, 4) == "WEBP") {
    return "a WebP image, not a text document";
  }
  for (const Magic& m : kMagics) {
    if (bytes.substr(0, m.prefix.size()) == m.prefix) return std::string(m.description);
  }
  return std::nullopt;
}

bool looks_like_html(std::string_view bytes) {
  const std::string start = ascii::lower(skip_blanks_and_comments(bytes).substr(0, 16));
  for (std::string_view tag : kPageTags) {
    if (start.rfind(tag, 0) == 0) return true;
  }
  if (start.rfind("<?xml", 0) == 0) {
    return ascii::lower(bytes.substr(0, kDensityScanBytes)).find("<html") != std::string::npos;
  }
  const std::string head = ascii::lower(bytes.substr(0, kDensityScanBytes));
  int tags = 0;
  for (std::string_view tag : kContentTags) {
    for (size_t at = head.find(tag); at != std::string::npos && tags < kDenseTagCount; at = head.find(tag, at + 1)) {
      ++tags;
    }
  }
  return tags >= kDenseTagCount;
}

bool looks_like_markdown(std::string_view text) {
  if (text.substr(0, 4) == "---\n" || text.substr(0, 4) == "+++\n") return true;  // front matter
  size_t pos = 0;
  std::string_view previous;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    size_t hashes = 0;
    while (hashes < line.size() && line[hashes] == '#') ++hashes;
    if (hashes >= 1 && hashes <= 6 && hashes < line.size() && line[hashes] == ' ') return true;
    if (line.substr(0, 3) == "```" || line.substr(0, 3) == "~~~") return true;
    const bool underline =
        line.size() >= 3 && line.find_first_not_of(line.front() == '=' ? "=" : "-") == std::string_view::npos;
    if (underline && !previous.empty() && (line.front() == '=' || line.front() == '-')) return true;
    if (const size_t close = line.find("]("); close != std::string_view::npos &&
                                              line.rfind('[', close) != std::string_view::npos &&
                                              line.find(')', close) != std::string_view::npos) {
      return true;
    }
    previous = line;
  }
  return false;
}

}  // namespace strata::sniff
