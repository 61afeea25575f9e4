#include <fmt/core.h>
#include <string>

#include "render/escape.hpp"
#include "render/json_writer.hpp"
#include "strata/render.hpp"

namespace strata {

std::string render_outline_text(const Document& doc) {
  std::string out = fmt::format("{}\n", terminal_safe(doc.meta.title.empty() ? doc.meta.source : doc.meta.title));
  if (!doc.meta.date.empty()) out += fmt::format("date: {}\n", terminal_safe(doc.meta.date));
  out += fmt::format("{} sections, {} blocks, {} sentences\n", doc.sections.size() - 1, doc.block_count(),
                     doc.sentence_count());
  for (size_t i = 0; i < doc.sections.size(); ++i) {
    const Section& s = doc.sections[i];
    const std::string counts = fmt::format("[{} blocks, {} sentences]", s.blocks.size(), s.sentences.size());
    if (i == 0) {
      if (!s.blocks.empty()) out += fmt::format("(lead) {}  #{}\n", counts, terminal_safe(s.id));
      continue;
    }
    out += fmt::format("{:{}}{} {}  #{}\n", "", 2 * (s.level - 1), terminal_safe(s.title), counts, terminal_safe(s.id));
  }
  return out;
}

std::string render_outline_json(const Document& doc) {
  // Written straight out, as the diff report is: a value tree of every
  // sentence, dumped and then escaped a byte at a time, was most of the cost
  // of reading a document's outline.
  std::string out;
  render::JsonWriter w(out, 0);
  w.begin_object();
  w.key("schema").string("strata.sections/1");
  w.key("source").string(doc.meta.source);
  w.key("title").string(doc.meta.title);
  w.key("date").nullable_string(doc.meta.date);
  w.key("format").string(to_string(doc.meta.format));
  const InputNotes& notes = doc.meta.normalized;
  w.key("charset").string(notes.charset);
  w.key("normalized").begin_object();
  w.key("bom").boolean(notes.bom);
  w.key("line_endings").string(notes.line_endings);
  w.key("final_newline").boolean(notes.final_newline);
  w.key("joined_lines").number(notes.joined_lines);
  w.key("joined_capped").number(notes.joined_capped);
  w.end_object();
  w.key("sections").begin_array();
  for (size_t i = 0; i < doc.sections.size(); ++i) {
    const Section& s = doc.sections[i];
    w.begin_object();
    w.key("id").string(s.id);
    w.key("title").string(s.title);
    w.key("level").number(s.level);
    w.key("path").strings(doc.title_path(static_cast<int>(i)));
    w.key("parent");
    if (s.parent < 0) {
      w.null();
    } else {
      w.string(doc.sections[static_cast<size_t>(s.parent)].id);
    }
    w.key("line").number(s.line);
    if (!s.anchor.empty()) w.key("anchor").string(s.anchor);
    w.key("blocks").begin_array();
    for (size_t k = 0; k < s.blocks.size(); ++k) {
      const Block& b = s.blocks[k];
      w.begin_object();
      w.key("kind").string(to_string(b.kind));
      w.key("depth").number(b.depth);
      w.key("line").number(b.line);
      w.key("sentences").begin_array();
      for (const Sentence& sentence : s.sentences_of(b)) {
        w.begin_object();
        w.key("text").string(sentence.text);
        w.key("norm").string(sentence.norm);
        w.end_object();
      }
      w.end_array();
      if (const auto block_links = s.links_of(k); !block_links.empty()) {
        w.key("links").begin_array();
        for (const Link& link : block_links) {
          w.begin_object();
          w.key("text").string(link.text);
          w.key("target").string(link.target);
          w.key("kind").string(to_string(link.kind));
          w.end_object();
        }
        w.end_array();
      }
      w.end_object();
    }
    w.end_array();
    w.end_object();
  }
  w.end_array();
  w.key("removed").begin_array();
  for (const Removal& r : doc.removals) {
    w.begin_object();
    w.key("rule").string(r.rule);
    w.key("line").number(r.line);
    w.key("text").string(r.text);
    w.end_object();
  }
  w.end_array();
  w.end_object();
  out += '\n';
  return out;
}

}  // namespace strata
