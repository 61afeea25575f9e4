#include "diff/equivalence.hpp"

#include <fmt/core.h>
#include <unordered_set>

#include "normalize/normalize.hpp"
#include "segment/acronyms.hpp"
#include "segment/sentence_index.hpp"
#include "text/ascii.hpp"
#include "text/words.hpp"

namespace strata::diff {

namespace {

std::string trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == ',')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == ',')) s.remove_suffix(1);
  return std::string(s);
}

}  // namespace

namespace {

// A "(ACR)" the definition finder could read: most parentheses hold
// something else, and the sentence is then not read at all.
bool may_define(std::string_view text) {
  for (size_t open = text.find('('); open != std::string_view::npos; open = text.find('(', open + 1)) {
    const size_t close = text.find(')', open);
    if (close == std::string_view::npos) return false;
    if (classify_detail::is_acronym(text.substr(open + 1, close - open - 1))) return true;
  }
  return false;
}

}  // namespace

AcronymTable collect_acronyms(const align::Side& old_side, const align::Side& new_side) {
  // The definitions programme extraction finds (Schwartz & Hearst: the
  // acronym's letters matched in the words before it), each distinct
  // sentence read once: most are in both versions.
  AcronymTable table;
  classify_detail::Readings readings;
  std::unordered_set<std::string_view> read;
  for (const align::Side* side : {&old_side, &new_side}) {
    for (const uint32_t c : side->may_define) {
      const SharedText& norm = side->sentence(c).norm;
      if (!may_define(norm) || !read.insert(norm).second) continue;
      for (const auto& def : classify_detail::find_definitions(classify_detail::read_alone(norm, readings))) {
        table.emplace(ascii::lower(def.acronym), ascii::lower(def.expansion));
      }
    }
  }
  return table;
}

std::string acronym_equivalence(const std::vector<WordOp>& ops, const AcronymTable& table) {
  std::vector<std::string> notes;
  for (size_t i = 0; i < ops.size(); ++i) {
    if (ops[i].op == WordOp::Op::kEqual) continue;
    std::string removed, added;
    while (i < ops.size() && ops[i].op != WordOp::Op::kEqual) {
      (ops[i].op == WordOp::Op::kDelete ? removed : added) += ops[i].text;
      ++i;
    }
    --i;
    const std::string r = trim(ascii::lower(normalize_text(removed)));
    const std::string a = trim(ascii::lower(normalize_text(added)));
    bool matched = false;
    for (const auto& [short_form, long_form] : {std::pair{r, a}, std::pair{a, r}}) {
      auto it = table.find(short_form);
      if (it == table.end()) continue;
      if (long_form == it->second || long_form == it->second + " (" + short_form + ")") {
        notes.push_back(fmt::format("acronym {} and {} name the same thing",
                                    short_form == r ? trim(normalize_text(removed)) : trim(normalize_text(added)),
                                    short_form == r ? trim(normalize_text(added)) : trim(normalize_text(removed))));
        matched = true;
        break;
      }
    }
    if (!matched) return {};
  }
  if (notes.empty()) return {};
  std::string out = notes[0];
  for (size_t k = 1; k < notes.size(); ++k) out += "; " + notes[k];
  return out;
}

std::string same_form_note(std::string_view old_text, std::string_view new_text) {
  const std::string old_repaired = repair_misread_utf8(old_text);
  const std::string new_repaired = repair_misread_utf8(new_text);
  if (old_repaired == new_repaired) {
    return "garbled characters only (UTF-8 read as windows-1252)";
  }
  if (old_repaired != old_text || new_repaired != new_text) {
    return "garbled characters, typography or white space only";
  }
  return "typography or white space only";
}

}  // namespace strata::diff
