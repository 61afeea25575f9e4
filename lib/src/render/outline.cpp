#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "render/escape.hpp"
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
  using nlohmann::ordered_json;
  ordered_json root;
  root["schema"] = "strata.sections/1";
  root["source"] = doc.meta.source;
  root["title"] = doc.meta.title;
  root["date"] = doc.meta.date.empty() ? ordered_json() : ordered_json(doc.meta.date);
  root["format"] = to_string(doc.meta.format);
  const InputNotes& notes = doc.meta.normalized;
  root["charset"] = notes.charset;
  root["normalized"] = {
      {"bom", notes.bom}, {"line_endings", notes.line_endings}, {"final_newline", notes.final_newline}};
  ordered_json sections = ordered_json::array();
  for (size_t i = 0; i < doc.sections.size(); ++i) {
    const Section& s = doc.sections[i];
    ordered_json js;
    js["id"] = s.id;
    js["title"] = s.title;
    js["level"] = s.level;
    js["path"] = doc.title_path(static_cast<int>(i));
    js["parent"] = s.parent < 0 ? ordered_json() : ordered_json(doc.sections[static_cast<size_t>(s.parent)].id);
    js["line"] = s.line;
    if (!s.anchor.empty()) js["anchor"] = s.anchor;
    ordered_json blocks = ordered_json::array();
    for (size_t k = 0; k < s.blocks.size(); ++k) {
      const Block& b = s.blocks[k];
      ordered_json jb;
      jb["kind"] = to_string(b.kind);
      jb["depth"] = b.depth;
      jb["line"] = b.line;
      ordered_json sentences = ordered_json::array();
      for (const Sentence& sentence : s.sentences_of(b))
        sentences.push_back({{"text", sentence.text}, {"norm", sentence.norm}});
      jb["sentences"] = std::move(sentences);
      if (const auto block_links = s.links_of(k); !block_links.empty()) {
        ordered_json links = ordered_json::array();
        for (const Link& link : block_links)
          links.push_back({{"text", link.text}, {"target", link.target}, {"kind", to_string(link.kind)}});
        jb["links"] = std::move(links);
      }
      blocks.push_back(std::move(jb));
    }
    js["blocks"] = std::move(blocks);
    sections.push_back(std::move(js));
  }
  root["sections"] = std::move(sections);
  ordered_json removals = ordered_json::array();
  for (const Removal& r : doc.removals) removals.push_back({{"rule", r.rule}, {"line", r.line}, {"text", r.text}});
  root["removed"] = std::move(removals);
  return render::json_text(root) + "\n";
}

}  // namespace strata
