// Other written forms of one programme name (variants.hpp).
#include "programmes/variants.hpp"

#include "programmes/name_gate.hpp"
#include "text/lexicon.hpp"
#include "text/words.hpp"

namespace strata::classify_detail {
namespace {

bool ends_with(std::string_view word, std::string_view tail) {
  return word.size() >= tail.size() && word.substr(word.size() - tail.size()) == tail;
}

// Words long enough that a final "s" is a plural: shorter ones ("bus",
// "gas", "us") are not, and "-ss", "-us", "-is" endings ("process",
// "status", "analysis") are not plurals either.
constexpr size_t kPluralMinLength = 5;

void spell(std::string_view word, std::string& out) {
  std::string w(word);
  if (w.size() >= kPluralMinLength && w.back() == 's' && !ends_with(w, "ss") && !ends_with(w, "us") &&
      !ends_with(w, "is")) {
    w.pop_back();
  }
  if (w == "programme") {
    w = "program";
  } else if (ends_with(w, "isation")) {
    w.replace(w.size() - 7, 7, "ization");
  } else if (w == "defence" || w == "offence" || w == "licence") {
    w.replace(w.size() - 2, 1, "s");
  } else if (w.size() > 4 && ends_with(w, "tre")) {  // centre, theatre, metre
    w.replace(w.size() - 2, 2, "er");
  }
  out += w;
}

// An owner written in front of a name: "NATO", "Ukraine", "NATO-Ukraine".
bool owner(std::string_view word) { return is_acronym(word) || is_place(fold_case(word)) || place_pair(word); }

}  // namespace

std::string spelling_key(std::string_view key) {
  std::string out;
  out.reserve(key.size());
  size_t start = 0;
  while (start <= key.size()) {
    size_t end = key.find(' ', start);
    if (end == std::string_view::npos) end = key.size();
    if (!out.empty()) out.push_back(' ');
    spell(key.substr(start, end - start), out);
    start = end + 1;
  }
  return out;
}

std::vector<std::string> variant_keys(std::string_view form, const AcronymTable& acronyms) {
  std::vector<std::string> keys;
  // Keys without an owner are marked, so that they match each other (and
  // the same name written without one) but are never taken for a name's
  // own key, which a short form could extend ("Trust Fund" from "PfP Trust
  // Fund" is not the "Trust Fund on Counter-IED").
  auto add = [&](std::string_view text, bool owned) {
    for (const auto& key : {name_key(text, {}), name_key(text, acronyms)}) {
      if (key.empty()) continue;
      if (owned) {
        keys.push_back(key);
        keys.push_back(spelling_key(key));
      }
      keys.push_back(std::string(kOwnerless) + spelling_key(key));
    }
  };
  add(form, true);
  auto words = words_of(form);
  if (words.size() >= 3 && owner(words.front())) {
    bool qualifier = false;
    for (size_t k = 1; k < words.size() && !qualifier; ++k) {
      auto lower = fold_case(words[k]);
      qualifier = !is_head_word(lower) && !is_connector(lower) && !is_stop_word(lower);
    }
    if (qualifier) add(form.substr(static_cast<size_t>(words[1].data() - form.data())), false);
  }
  return keys;
}

bool extends_with_tail(std::string_view short_key, std::string_view long_key) {
  if (long_key.size() <= short_key.size() + 1 || long_key.substr(0, short_key.size()) != short_key ||
      long_key[short_key.size()] != ' ') {
    return false;
  }
  size_t last = short_key.rfind(' ');
  if (!is_head_word(short_key.substr(last == std::string_view::npos ? 0 : last + 1))) return false;
  auto rest = long_key.substr(short_key.size() + 1);
  auto next = rest.substr(0, rest.find(' '));
  return is_tail_connector(next);
}

}  // namespace strata::classify_detail
