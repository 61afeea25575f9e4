#include "classify/claim_words.hpp"

#include <algorithm>

#include "segment/segment.hpp"
#include "text/hash.hpp"
#include "text/marks.hpp"
#include "text/utf8.hpp"
#include "text/words.hpp"

namespace strata::classify_detail {

namespace {

// Longest quote of a claim in a reason, in words: a sentence of policy text
// is rarely longer (the longest in the bundled series has 48), and a reason
// is read in a list.
constexpr size_t kMaxQuoteWords = 40;

// The end of the punctuation that belongs to the word ending at byte `p` of
// `text`: closing quotes and brackets, the marks that end a sentence, and
// the space French typography sets before » › ? ! ; : (“« À propos de
// KLM ».” quoted without its » opens a quotation it never closes).
size_t punctuation_end(std::string_view text, size_t p) {
  while (p < text.size()) {
    size_t next = p;
    const char32_t cp = utf8::decode(text, next);
    if (closes_quotation(cp) || cp == '.' || cp == '!' || cp == '?' || cp == 0x2026) {
      p = next;
      continue;
    }
    if (cp != ' ' && cp != 0xA0 && cp != 0x202F) break;
    size_t after = next;
    const char32_t mark = after < text.size() ? utf8::decode(text, after) : 0;
    if (mark != 0xBB && mark != 0x203A && mark != '?' && mark != '!' && mark != ';' && mark != ':') break;
    p = after;
  }
  return p;
}

}  // namespace

Words words(std::string_view text) {
  Words w;
  // English has a word per 6 bytes or so: a guess that spares most growth.
  const size_t guess = text.size() / 6 + 1;
  w.original.reserve(guess);
  w.folded.reserve(guess);
  w.hashes.reserve(guess);
  for_each_token(text, [&](uint32_t begin, uint32_t end, bool is_word, uint8_t seen) {
    if (!is_word) return;
    const std::string_view word = text.substr(begin, end - begin);
    w.original.push_back(word);
    // A word with no capital and nothing past ASCII folds to itself.
    std::string& folded = w.folded.emplace_back();
    if ((seen & (token_detail::kUpper | token_detail::kHigh)) == 0) {
      folded.assign(word);
    } else {
      fold_case_append(word, folded);
    }
    w.hashes.push_back(word_hash(folded));
  });
  return w;
}

// The words of `item` (folded words separated by spaces) into `parts`.
// Items of lowercase ASCII letters and spaces, nearly all of them, are split
// at the spaces, which is what the tokenizer makes of them; tokenizing every
// rule's items again for every changed claim was a fifth of the bundled
// pair's instructions.
void item_words(std::string_view item, std::vector<std::string_view>& parts) {
  const bool plain = std::all_of(item.begin(), item.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == ' '; });
  if (!plain) {
    parts = words_of(item);
    return;
  }
  parts.clear();
  for (size_t i = 0; i < item.size();) {
    if (item[i] == ' ') {
      ++i;
      continue;
    }
    const size_t end = std::min(item.find(' ', i), item.size());
    parts.push_back(item.substr(i, end - i));
    i = end;
  }
}

// Where `item` (folded words separated by spaces) starts in `words`, each
// occurrence.
std::vector<size_t> occurrences(const std::vector<std::string>& words, std::string_view item) {
  std::vector<std::string_view> parts;
  item_words(item, parts);
  std::vector<size_t> out;
  find_words(words, parts, [&out](size_t i) { out.push_back(i); });
  return out;
}

// Occurrences of any item of `items`; `first` gets the earliest.
size_t count_items(const Words& w, std::span<const std::string_view> items, size_t& first) {
  size_t count = 0;
  first = w.folded.size();
  std::vector<std::string_view> parts;
  for (auto item : items) {
    item_words(item, parts);
    find_words(w.folded, parts, [&](size_t i) {
      ++count;
      first = std::min(first, i);
    });
  }
  return count;
}

// Occurrences of any item of `items`, in one pass; `first` gets the earliest.
size_t count_items(const Words& w, const ItemIndex& items, size_t& first, bool (*counts)(const Words& w, size_t i)) {
  size_t count = 0;
  first = w.folded.size();
  items.each(w.folded, w.hashes, [&](size_t i) {
    if (counts != nullptr && !counts(w, i)) return;
    ++count;
    first = std::min(first, i);
  });
  return count;
}

// The sentence of `text` that holds word `at` of `w`, at most
// kMaxQuoteWords words around it, in typographic quotes.
std::string quote(std::string_view text, const Words& w, size_t at) {
  if (w.original.empty()) return "“”";
  at = std::min(at, w.original.size() - 1);
  auto offset = [&](size_t k) { return static_cast<size_t>(w.original[k].data() - text.data()); };
  auto word_end = [&](size_t k) { return offset(k) + w.original[k].size(); };
  // The sentence is the one the claim's sentences were split into
  // (segment.hpp): "Gültig ab Montag, 2. Juni 2025" is one, where a full
  // stop followed by a space had cut it after "2.".
  const size_t at_offset = offset(at);
  Span sentence{0, text.size()};
  for (const Span& span : split_sentences(text)) {
    if (span.begin <= at_offset && at_offset < span.end) sentence = span;
  }
  size_t begin = at;
  while (begin > 0 && offset(begin - 1) >= sentence.begin) --begin;
  size_t end = at + 1;
  while (end < w.original.size() && offset(end) < sentence.end) ++end;
  bool cut_before = false;
  bool cut_after = false;
  if (end - begin > kMaxQuoteWords) {
    size_t from = at >= begin + kMaxQuoteWords / 2 ? at - kMaxQuoteWords / 2 : begin;
    cut_before = from > begin;
    begin = from;
    cut_after = begin + kMaxQuoteWords < end;
    end = std::min(end, begin + kMaxQuoteWords);
  }
  size_t from = offset(begin);
  // The sentence's closing quotes, brackets and full stop with it.
  const size_t to = cut_after ? word_end(end - 1) : punctuation_end(text, word_end(end - 1));
  std::string out = "“";
  if (cut_before) out += "… ";
  const size_t body = out.size();
  out.append(text.substr(from, to - from));
  for (size_t nl = out.find('\n', body); nl != std::string::npos; nl = out.find('\n', nl + 1)) out[nl] = ' ';
  if (cut_after) out += " …";
  out += "”";
  return out;
}

// The word of `w` where `piece` starts in `text` (0 when it is not there).
size_t word_at(std::string_view text, const Words& w, std::string_view piece) {
  const size_t at = text.find(piece);
  if (at == std::string_view::npos) return 0;
  size_t k = 0;
  while (k + 1 < w.original.size() && static_cast<size_t>(w.original[k + 1].data() - text.data()) <= at) ++k;
  return k;
}

}  // namespace strata::classify_detail
