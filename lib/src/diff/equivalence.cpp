#include "diff/equivalence.hpp"

#include <fmt/core.h>

#include "diff/tokens.hpp"
#include "strata/normalize.hpp"
#include "util/ascii.hpp"

namespace strata::diff {

namespace {

// Acronyms are 2-10 characters, mostly capitals ("NUC", "PfP", "C4").
constexpr size_t kMinAcronym = 2;
constexpr size_t kMaxAcronym = 10;

std::string trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == ',')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == ',')) s.remove_suffix(1);
  return std::string(s);
}

bool acronym_shape(std::string_view s) {
  if (s.size() < kMinAcronym || s.size() > kMaxAcronym || !ascii::upper(s[0])) return false;
  size_t capitals = 0;
  for (char c : s) {
    if (!ascii::alnum(c)) return false;
    capitals += ascii::upper(c) ? 1 : 0;
  }
  return capitals * 2 > s.size();
}

}  // namespace

void collect_acronyms(const Document& doc, AcronymTable& table) {
  for (const Section& section : doc.sections) {
    for (const Block& block : section.blocks) {
      for (const Sentence& sentence : block.sentences) {
        const std::string& s = sentence.norm;
        size_t open = s.find('(');
        while (open != std::string::npos) {
          const size_t close = s.find(')', open);
          if (close == std::string::npos) break;
          const std::string_view acr = std::string_view(s).substr(open + 1, close - open - 1);
          if (acronym_shape(acr)) {
            // Walk back over the words before "(": as many capitalised words
            // (hyphenated parts count) as the acronym has capitals.
            size_t capitals = 0;
            for (char c : acr) capitals += ascii::upper(c) ? 1 : 0;
            const std::vector<Token> words = tokenize(std::string_view(s).substr(0, open));
            size_t seen = 0;
            size_t start = open;
            for (size_t k = words.size(); k-- > 0 && seen < capitals;) {
              const char c = words[k].norm[0];
              if (ascii::upper(c)) ++seen;
              start = words[k].begin;
            }
            if (seen == capitals && start < open) table.emplace(ascii::lower(acr), ascii::lower(trim(s.substr(start, open - start))));
          }
          open = s.find('(', close);
        }
      }
    }
  }
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
        notes.push_back(fmt::format("acronym {} and {} name the same thing", short_form == r ? trim(normalize_text(removed)) : trim(normalize_text(added)),
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

}  // namespace strata::diff
