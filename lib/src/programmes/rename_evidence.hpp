// Internal: evidence that a programme of the old version is one of the new
// version under another name, beyond the user's file, a shared acronym and
// succession statements (programmes_compare.cpp): the same name with a new
// head word, and the same sentence with the new name in place of the old.
// Each returns the evidence line, which starts with its kind
// (docs/programmes.md, "Two versions").
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "strata/document.hpp"
#include "strata/programmes.hpp"

namespace strata::classify_detail {

// "NATO Building Integrity Programme" -> "Building Integrity Initiative":
// two programmes that share a matching key (the generic head and the owner
// dropped) but end on different head words, neither written with the
// other's. `new head word: 'Programme' -> 'Initiative' ...`.
std::optional<std::string> head_word_change(const Programme& old_p, const Programme& new_p);

// The sentences of some programmes' mentions with the name cut out: a
// sentence of the old version whose name is cut out the same way, leaving
// the same words, is the same sentence under a new name.
class SentenceTemplates {
 public:
  // The mentions of `programmes[k]` in `doc` for each k of `which` (the
  // first 16 of each: one sentence is enough, and a name mentioned in
  // thousands of claims costs no more).
  SentenceTemplates(const Document& doc, const std::vector<Programme>& programmes, const std::vector<size_t>& which);

  struct Match {
    size_t programme = 0;  // index into the programmes given to the constructor
    std::string evidence;  // `same sentence, new name: "<new claim>"`
  };
  // A programme whose mention leaves the sentence of a mention of `p` (in
  // `doc`) with its name cut out, the first for which `take` is true.
  template <typename Take>
  std::optional<Match> find(const Document& doc, const Programme& p, Take take) const {
    for (const auto& [cut, text] : templates_of(doc, p)) {
      auto it = by_template_.find(cut);
      if (it == by_template_.end()) continue;
      for (const auto& [k, claim] : it->second) {
        if (take(k)) return Match{k, "same sentence, new name: \"" + *claim + "\""};
      }
    }
    return std::nullopt;
  }

 private:
  // Each mention's sentence with the name cut out, and the sentence's text.
  static std::vector<std::pair<std::string, const SharedText*>> templates_of(const Document& doc, const Programme& p);
  // Template -> (programme, original text of the claim), in programme order.
  std::unordered_map<std::string, std::vector<std::pair<size_t, const SharedText*>>> by_template_;
};

}  // namespace strata::classify_detail
