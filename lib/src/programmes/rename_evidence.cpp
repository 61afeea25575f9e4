// Evidence of a rename from the names and sentences themselves
// (rename_evidence.hpp).
#include "programmes/rename_evidence.hpp"

#include <fmt/core.h>

#include <algorithm>

#include "programmes/variants.hpp"
#include "text/lexicon.hpp"
#include "text/words.hpp"

namespace strata::classify_detail {
namespace {

// Claims of the old programme tried for the same-sentence rule; bounds the
// work on a programme named in thousands of claims (one sentence is enough).
constexpr size_t kSentencesTried = 16;

std::string_view last_word(std::string_view name) {
  auto words = words_of(name);
  return words.empty() ? std::string_view{} : words.back();
}

// The last word, folded and in one spelling, when it is a head word.
std::string head_of(std::string_view name) {
  auto lower = fold_case(last_word(name));
  return is_head_word(lower) ? spelling_key(lower) : std::string();
}

bool written_with(const Programme& p, const std::string& head) {
  if (head_of(p.name) == head) return true;
  return std::any_of(p.aliases.begin(), p.aliases.end(), [&](const auto& a) { return head_of(a) == head; });
}

const Sentence& sentence_of(const Document& doc, const ProgrammeMention& m) {
  return doc.sentence_at(m.section, m.block, m.sentence);
}

}  // namespace

std::optional<std::string> head_word_change(const Programme& old_p, const Programme& new_p) {
  auto old_head = head_of(old_p.name);
  auto new_head = head_of(new_p.name);
  if (old_head.empty() || new_head.empty() || old_head == new_head) return std::nullopt;
  if (written_with(new_p, old_head) || written_with(old_p, new_head)) return std::nullopt;
  return fmt::format("new head word: '{}' -> '{}', the other words kept ('{}' -> '{}')", last_word(old_p.name),
                     last_word(new_p.name), old_p.name, new_p.name);
}

std::vector<std::pair<std::string, const SharedText*>> SentenceTemplates::templates_of(const Document& doc,
                                                                                       const Programme& p) {
  std::vector<std::pair<std::string, const SharedText*>> out;
  for (const auto& m : p.mentions) {
    if (out.size() >= kSentencesTried) break;
    const auto& s = sentence_of(doc, m);
    std::string_view norm = s.norm.empty() ? s.text : s.norm;
    // A form that is not the text at its offset (a name read with an
    // acronym before it) cannot be cut out.
    if (m.offset + m.form.size() > norm.size() || norm.substr(m.offset, m.form.size()) != m.form) continue;
    // The cut is marked by a byte no text holds.
    out.emplace_back(
        std::string(norm.substr(0, m.offset)).append(1, '\0').append(norm.substr(m.offset + m.form.size())), &s.text);
  }
  return out;
}

SentenceTemplates::SentenceTemplates(const Document& doc, const std::vector<Programme>& programmes,
                                     const std::vector<size_t>& which) {
  for (size_t k : which) {
    for (auto& [cut, text] : templates_of(doc, programmes[k])) by_template_[std::move(cut)].emplace_back(k, text);
  }
}

}  // namespace strata::classify_detail
