#include "segment/acronyms.hpp"

#include <algorithm>

#include "text/ascii.hpp"
#include "text/lexicon.hpp"

namespace strata::classify_detail {
namespace {

bool is_boundary(std::string_view punct) {
  return punct == "(" || punct == ")" || punct == ";" || punct == ":" || punct == "." || punct == "?" || punct == "!" ||
         punct == "\"";
}

// Schwartz & Hearst (2003): match the acronym's characters right to left in
// the candidate long form; the first character must start a word. Returns
// the byte offset where the long form starts, or npos.
size_t schwartz_hearst(std::string_view acronym, std::string_view long_form) {
  auto s = static_cast<long>(acronym.size()) - 1;
  auto l = static_cast<long>(long_form.size()) - 1;
  while (s >= 0) {
    char c = ascii::lower(acronym[static_cast<size_t>(s)]);
    if (!ascii::alnum(c)) {
      --s;
      continue;
    }
    while (l >= 0 && (ascii::lower(long_form[static_cast<size_t>(l)]) != c ||
                      (s == 0 && l > 0 && ascii::alnum(long_form[static_cast<size_t>(l) - 1])))) {
      --l;
    }
    if (l < 0) return std::string_view::npos;
    --l;
    --s;
  }
  auto start = static_cast<size_t>(l + 1);
  while (start > 0 && long_form[start - 1] != ' ') --start;
  return start;
}

}  // namespace

bool may_define_acronym(std::string_view text) {
  // An acronym token starts with an ASCII capital (is_acronym); what the
  // tokenizer skips between "(" and it is spaces, ASCII or not.
  for (size_t at = text.find('('); at != std::string_view::npos; at = text.find('(', at + 1)) {
    size_t next = at + 1;
    while (next < text.size() && (ascii::space(text[next]) || static_cast<unsigned char>(text[next]) >= 0x80)) ++next;
    if (next < text.size() && text[next] >= 'A' && text[next] <= 'Z') return true;
  }
  return false;
}

std::vector<Definition> find_definitions(const Reading& sentence) {
  std::string_view text = sentence.text;
  const auto& tokens = sentence.tokens;
  std::vector<Definition> out;
  if (!may_define_acronym(text)) return out;  // most sentences define nothing
  for (size_t k = 1; k + 2 < tokens.size(); ++k) {
    if (tokens[k].word || token_text(text, tokens[k]) != "(" || !tokens[k + 1].word || tokens[k + 2].word ||
        token_text(text, tokens[k + 2]) != ")") {
      continue;
    }
    auto acronym = token_text(text, tokens[k + 1]);
    if (!is_acronym(acronym)) continue;
    // Schwartz & Hearst's window: at most min(|A| + 5, 2|A|) words.
    size_t letters = acronym.size();
    size_t limit = std::min(letters + 5, letters * 2);
    size_t start = k;
    size_t words = 0;
    while (start > 0 && words < limit) {
      const auto& t = tokens[start - 1];
      if (!t.word && is_boundary(token_text(text, t))) break;
      --start;
      if (t.word) ++words;
    }
    if (start == k) continue;
    size_t base = tokens[start].begin;
    auto window = text.substr(base, tokens[k - 1].end - base);
    size_t offset = schwartz_hearst(acronym, window);
    if (offset == std::string_view::npos) continue;
    size_t first = start;
    while (first < k && tokens[first].begin < base + offset) ++first;
    if (first >= k || !tokens[first].word) continue;
    // A name: capitalized words joined by connectors (and commas, as in
    // "Joint Analysis, Training and Education Centre").
    bool name = sentence.is(first, kCapitalized);
    bool has_head = false;
    for (size_t i = first; i < k && name; ++i) {
      if (!tokens[i].word) {
        auto w = token_text(text, tokens[i]);
        name = w == "," || w == "-";
        continue;
      }
      has_head = has_head || sentence.is(i, kHead);
      name = sentence.is(i, kCapitalized) || sentence.is(i, kConnector);
    }
    Definition def;
    def.acronym = std::string(acronym);
    def.first = first;
    def.last = k + 2;
    def.name = std::string(text.substr(tokens[first].begin, tokens[k - 1].end - tokens[first].begin));
    def.expansion = def.name;
    def.capitalized = name;
    if (!name) {
      out.push_back(std::move(def));
      continue;
    }
    if (k + 3 < tokens.size() && tokens[k + 3].word) {
      auto after = token_text(text, tokens[k + 3]);
      bool head_after =
          sentence.is(k + 3, kCapitalized) ? sentence.is(k + 3, kHead) : sentence.is(k + 3, kLowercaseHead);
      if (head_after) {
        def.name += " ";
        def.name += after;
        def.last = k + 3;
        has_head = true;
      }
    }
    def.programme = has_head;
    out.push_back(std::move(def));
  }
  return out;
}

std::string name_key(std::string_view name, const AcronymTable& acronyms) {
  std::vector<std::string> words;
  for (auto word : words_of(name)) {
    bool possessive = false;
    word = strip_possessive(word, possessive);
    if (is_acronym(word)) {
      if (auto it = acronyms.find(word); it != acronyms.end()) {
        for (auto part : words_of(it->second)) words.push_back(fold_case(part));
        continue;
      }
    }
    words.push_back(fold_case(word));
  }
  while (!words.empty() && (is_stop_word(words.front()) || is_determiner(words.front()))) {
    words.erase(words.begin());
  }
  while (words.size() > 1 && is_generic_tail(words.back())) words.pop_back();
  std::string key;
  for (const auto& w : words) {
    if (!key.empty()) key.push_back(' ');
    key += w;
  }
  return key;
}

}  // namespace strata::classify_detail
