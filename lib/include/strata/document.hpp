// The document model shared by every stage after ingest.
//
// A Document is a tree of Sections stored flat in pre-order; each Section holds
// Blocks (paragraphs, list items, quotes) and each Block holds Sentences, the
// claims that alignment pairs. Every piece of text is kept twice: `text`, the
// original as it was read (for display), and `norm`, the comparison form (see
// normalize.hpp), which is what every comparison uses.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "strata/shared_text.hpp"

namespace strata {

enum class InputFormat { kAuto, kPlainText, kMarkdown, kHtml };

// A table row is one claim: its cells joined, each after its column header.
enum class BlockKind : uint8_t { kParagraph, kListItem, kQuote, kCode, kTableRow };

const char* to_string(BlockKind kind);
const char* to_string(InputFormat format);  // "text", "markdown", "html" ("auto" for kAuto)

// What a Link is: a hyperlink, or an image whose source is its target (so a
// swapped picture is a change even when its alt text is not).
enum class LinkKind { kLink, kImage };

const char* to_string(LinkKind kind);  // "link", "image"

// A hyperlink or an image in a block: its text as read and where it points,
// so that a re-pointed link is a change even when the prose is not.
struct Link {
  std::string text;    // original form (an image's alt text); may be empty (an image without alt text)
  std::string target;  // as written in the source (URL, relative path or #fragment); an image's source
  LinkKind kind = LinkKind::kLink;
  uint32_t block = 0;  // index of its block in its section's blocks
};

// A claim: one sentence of a paragraph, or one whole list item. Its line is
// its block's.
// Its texts are shared by its copies (shared_text.hpp): the documents of a
// history take the sentences of the paragraphs they share by copy.
struct Sentence {
  SharedText text;  // original text, trimmed
  SharedText norm;  // comparison form of `text`; the same text when they are equal
};

// A block's sentences and links are kept in its section, in reading order
// (Section::sentences_of, Section::links_of): a vector of each in every block
// made a one-line block 96 bytes and an allocation, and two documents of a
// million lines held 188 MiB of blocks and sentence vectors. A block is 16
// bytes: its links (few) name it, rather than every block its links.
struct Block {
  BlockKind kind = BlockKind::kParagraph;
  // List nesting, 0 for top-level items and non-list blocks; lists nested
  // deeper than 65,535 count as that deep.
  uint16_t depth = 0;
  uint32_t line = 0;            // 1-based source line
  uint32_t first_sentence = 0;  // index into Section::sentences
  uint32_t sentence_count = 0;  // at least 1
};

// One removal made by a boilerplate rule, kept so that every removal can be
// traced to the rule that made it.
struct Removal {
  std::string rule;  // the rule's name
  std::string text;  // the removed line, original form
  uint32_t line = 0;
};

struct Section {
  std::string id;          // stable, unique in the document: slug of the title path
  std::string title;       // original form; empty for the root
  std::string title_norm;  // comparison form
  int level = 0;           // 0 for the root, 1 for top-level sections
  int parent = -1;         // index into Document::sections, -1 for the root
  uint32_t line = 0;       // 1-based line of the heading
  std::string anchor;      // the source's own id for the heading (Markdown {#id}, HTML id=); may be empty
  std::vector<int> children;
  std::vector<Block> blocks;
  std::vector<Sentence> sentences;  // of its blocks, in order
  std::vector<Link> links;          // of its blocks, in order

  std::span<const Sentence> sentences_of(const Block& block) const {
    return {sentences.data() + block.first_sentence, block.sentence_count};
  }
  // The links of blocks[block]; none for plain text.
  std::span<const Link> links_of(size_t block) const;
};

// What ingest changed to turn the bytes into text. Recorded so that a report
// can tell a version that differs only in these from one whose text changed.
struct InputNotes {
  std::string charset = "utf-8";    // what the bytes were decoded from: utf-8, utf-16le, windows-1252, ...
  bool bom = false;                 // a byte order mark was removed
  std::string line_endings = "lf";  // lf, crlf, cr, mixed, or none (a single line)
  bool final_newline = true;        // the bytes ended with a line end (true for empty input)
  // Paragraphs joined into the one before: a hard-wrapped text's lines, read
  // as the sentences they cut (docs/segmentation.md). 0 for other texts.
  size_t joined_lines = 0;
  // Of those paragraphs, how many stopped growing at the cap on a joined
  // paragraph's size (16 KiB): the line after each starts a new one.
  size_t joined_capped = 0;
};

struct DocumentMeta {
  std::string source;  // path or label the bytes came from
  std::string title;   // the document's title line, original form
  std::string date;    // ISO 8601 (YYYY, YYYY-MM or YYYY-MM-DD), from a "Last updated" line; may be empty
  InputFormat format = InputFormat::kPlainText;
  InputNotes normalized;
};

struct Document {
  DocumentMeta meta;
  std::vector<Section> sections;  // pre-order; sections[0] is the root (title-less lead content)
  std::vector<Removal> removals;  // what boilerplate rules removed

  // Titles from the root to `index`, excluding the root.
  std::vector<std::string> title_path(int index) const;
  // Sentence `sentence` (counted in its block) of block `block` of section `section`.
  const Sentence& sentence_at(int section, int block, int sentence) const;
  size_t block_count() const;
  size_t sentence_count() const;
};

}  // namespace strata
