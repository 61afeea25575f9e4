#include "classify/fact_words.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <tuple>
#include <type_traits>

#include "text/lexicon.hpp"
#include "text/words.hpp"

namespace strata::classify_detail {

namespace {

// A form and what it reads as.
struct Form {
  std::string_view form;
  std::string_view canonical;
};

// Items are written lowercase, words separated by single spaces. The lists
// were drawn from the edits of the bundled snapshots, then widened
// with the common English members of each closed class.
// A fused or contracted negation reads as the "not" it carries, so "can
// not" -> "cannot" or "do not" -> "don't" keeps the claim's negation.
constexpr std::array<Form, 33> kNegations = {
    {{"not", "not"},         {"no", "no"},           {"never", "never"},
     {"none", "none"},       {"nor", "nor"},         {"neither", "neither"},
     {"nobody", "nobody"},   {"nothing", "nothing"}, {"nowhere", "nowhere"},
     {"without", "without"}, {"cannot", "not"},      {"won't", "not"},
     {"don't", "not"},       {"doesn't", "not"},     {"isn't", "not"},
     {"aren't", "not"},      {"can't", "not"},       {"couldn't", "not"},
     {"wouldn't", "not"},    {"shouldn't", "not"},   {"didn't", "not"},
     {"wasn't", "not"},      {"weren't", "not"},     {"hasn't", "not"},
     {"haven't", "not"},     {"hadn't", "not"},      {"mustn't", "not"},
     {"mightn't", "not"},    {"shan't", "not"},      {"no longer", "no longer"},
     {"not yet", "not yet"}, {"no more", "no more"}, {"ain't", "not"}}};

// A modal and the contracted or fused forms that carry it.
constexpr std::array<Form, 19> kModals = {{{"will", "will"},
                                           {"won't", "will"},
                                           {"would", "would"},
                                           {"wouldn't", "would"},
                                           {"shall", "shall"},
                                           {"shan't", "shall"},
                                           {"should", "should"},
                                           {"shouldn't", "should"},
                                           {"may", "may"},
                                           {"might", "might"},
                                           {"mightn't", "might"},
                                           {"must", "must"},
                                           {"mustn't", "must"},
                                           {"can", "can"},
                                           {"cannot", "can"},
                                           {"can't", "can"},
                                           {"could", "could"},
                                           {"couldn't", "could"},
                                           {"ought to", "ought to"}}};

constexpr std::array<std::string_view, 24> kHedges = {
    "some",     "possibly",    "perhaps",    "likely",   "unlikely",  "probably", "approximately",  "around",
    "nearly",   "almost",      "roughly",    "partly",   "partially", "largely",  "generally",      "relatively",
    "somewhat", "potentially", "appears to", "seems to", "up to",     "in part",  "to some extent", "arguably"};

constexpr std::array<std::string_view, 31> kIntensifiers = {"in the strongest possible terms",
                                                            "strongest possible terms",
                                                            "significantly",
                                                            "substantially",
                                                            "strongly",
                                                            "fully",
                                                            "completely",
                                                            "unconditionally",
                                                            "firmly",
                                                            "greatly",
                                                            "highly",
                                                            "very",
                                                            "extremely",
                                                            "particularly",
                                                            "especially",
                                                            "deeply",
                                                            "unprecedented",
                                                            "unwavering",
                                                            "always",
                                                            "gravely",
                                                            "severely",
                                                            "totally",
                                                            "entirely",
                                                            "absolutely",
                                                            "clearly",
                                                            "even more",
                                                            "steadfast",
                                                            "resolutely",
                                                            "vital",
                                                            "critical",
                                                            "crucial"};

constexpr std::array<std::string_view, 20> kQuantifiers = {"all",
                                                           "every",
                                                           "each",
                                                           "most",
                                                           "many",
                                                           "several",
                                                           "few",
                                                           "a few",
                                                           "the only",
                                                           "only",
                                                           "both",
                                                           "numerous",
                                                           "multiple",
                                                           "various",
                                                           "the majority of",
                                                           "a number of",
                                                           "a wide range of",
                                                           "a long track record",
                                                           "any",
                                                           "whole"};

// The entries of a lexicon, laid out at compile time: each item split at
// its spaces (the tokenizer reads an item as those words: a test checks
// it), sorted by first word, longest first. Items with the same first word
// and length differ in another word, so at most one of them matches.
template <typename Item, size_t N>
consteval std::array<Lexicon::Entry, N> entries_of(const std::array<Item, N>& items) {
  std::array<Lexicon::Entry, N> out{};
  for (size_t i = 0; i < N; ++i) {
    Lexicon::Entry& e = out[i];
    if constexpr (std::is_same_v<Item, Form>) {
      e.form = items[i].form;
      e.canonical = items[i].canonical;
    } else {
      e.form = items[i];
      e.canonical = items[i];
    }
    for (size_t begin = 0; begin <= e.form.size();) {
      const size_t end = std::min(e.form.find(' ', begin), e.form.size());
      // Not a constant expression: an item longer than kMaxItemWords fails the build.
      if (e.size == Lexicon::kMaxItemWords) std::abort();
      e.words[e.size++] = e.form.substr(begin, end - begin);
      begin = end + 1;
    }
  }
  std::sort(out.begin(), out.end(), [](const Lexicon::Entry& a, const Lexicon::Entry& b) {
    return std::tuple(a.words[0], b.size, a.form) < std::tuple(b.words[0], a.size, b.form);
  });
  return out;
}

// The lexicons above, as bits of Word::first_of.
enum LexiconBit : uint32_t { kNegationBit = 1, kModalBit = 2, kHedgeBit = 4, kIntensifierBit = 8, kQuantifierBit = 16 };

constexpr auto kNegationEntries = entries_of(kNegations);
constexpr auto kModalEntries = entries_of(kModals);
constexpr auto kHedgeEntries = entries_of(kHedges);
constexpr auto kIntensifierEntries = entries_of(kIntensifiers);
constexpr auto kQuantifierEntries = entries_of(kQuantifiers);

// One probe per word says which lexicons may match there: the first words
// of the items (127 of them, so 512 slots).
constexpr auto kFirstWordSlots = [] {
  WordTableBuilder<512> table;
  auto add = [&table](const auto& entries, uint32_t bit) {
    for (const auto& e : entries) table.add(e.words[0], bit);
  };
  add(kNegationEntries, kNegationBit);
  add(kModalEntries, kModalBit);
  add(kHedgeEntries, kHedgeBit);
  add(kIntensifierEntries, kIntensifierBit);
  add(kQuantifierEntries, kQuantifierBit);
  return table.slots();
}();
constexpr WordTable kFirstWords(kFirstWordSlots);

// Appends the words of `text` to `side`; returns how many.
size_t append_words(std::string_view text, int hunk, Side& side) {
  thread_local std::vector<Token> tokens;
  tokenize_into(text, tokens);
  size_t added = 0;
  for (const auto& token : tokens) {
    if (!token.word) continue;
    auto word = token_text(text, token);
    Word w{word, {}, hunk};
    w.fold_begin = static_cast<uint32_t>(side.folded.size());
    fold_case_append(word, side.folded);
    w.fold_end = static_cast<uint32_t>(side.folded.size());
    side.words.push_back(w);
    ++added;
  }
  return added;
}

// Appends the words of `from` from index `first` on to `to`: an equal
// stretch of the diff is read once for both sides.
void copy_words(const Side& from, size_t first, Side& to) {
  for (size_t k = first; k < from.words.size(); ++k) {
    Word w = from.words[k];
    w.fold_begin = static_cast<uint32_t>(to.folded.size());
    to.folded.append(from.folded, from.words[k].fold_begin, from.words[k].fold_end - from.words[k].fold_begin);
    w.fold_end = static_cast<uint32_t>(to.folded.size());
    to.words.push_back(w);
  }
}

// Points each word at its folded form, now that Side::folded no longer grows.
void finish(Side& side) {
  for (auto& w : side.words) {
    w.lower = std::string_view(side.folded).substr(w.fold_begin, w.fold_end - w.fold_begin);
    w.first_of = kFirstWords.find(w.lower);
  }
}

}  // namespace

Hunks build_hunks(std::string_view old_text, std::string_view new_text, const std::vector<WordOp>& diff) {
  Hunks hunks;
  if (!diff.empty()) {
    int hunk = -1;
    bool in_hunk = false;
    for (const auto& op : diff) {
      if (op.op == WordOp::Op::kEqual) {
        size_t from = hunks.old_side.words.size();
        if (append_words(op.text, -1, hunks.old_side) > 0) in_hunk = false;
        copy_words(hunks.old_side, from, hunks.new_side);
        continue;
      }
      if (!in_hunk) {
        ++hunk;
        in_hunk = true;
      }
      append_words(op.text, hunk, op.op == WordOp::Op::kDelete ? hunks.old_side : hunks.new_side);
    }
    finish(hunks.old_side);
    finish(hunks.new_side);
    return hunks;
  }
  append_words(old_text, -1, hunks.old_side);
  append_words(new_text, -1, hunks.new_side);
  finish(hunks.old_side);
  finish(hunks.new_side);
  auto& a = hunks.old_side.words;
  auto& b = hunks.new_side.words;
  size_t prefix = 0;
  while (prefix < a.size() && prefix < b.size() && a[prefix].lower == b[prefix].lower) ++prefix;
  size_t suffix = 0;
  while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
         a[a.size() - 1 - suffix].lower == b[b.size() - 1 - suffix].lower) {
    ++suffix;
  }
  for (size_t i = prefix; i < a.size() - suffix; ++i) a[i].hunk = 0;
  for (size_t i = prefix; i < b.size() - suffix; ++i) b[i].hunk = 0;
  return hunks;
}

std::vector<Lexicon::Occurrence> Lexicon::find(const Side& side) const {
  std::vector<Occurrence> out;
  const auto& words = side.words;
  size_t i = 0;
  while (i < words.size()) {
    if ((words[i].first_of & bit_) == 0) {
      ++i;
      continue;
    }
    // The entries whose first word this is, longest first.
    auto entry = std::lower_bound(entries_.begin(), entries_.end(), words[i].lower,
                                  [](const Entry& e, std::string_view word) { return e.words[0] < word; });
    bool matched = false;
    for (; entry != entries_.end() && entry->words[0] == words[i].lower; ++entry) {
      if (i + entry->size > words.size()) continue;
      bool all = true;
      for (size_t k = 1; k < entry->size && all; ++k) all = words[i + k].lower == entry->words[k];
      // "May 2015" is a month, not a modal.
      if (all && words[i].original == "May") all = false;
      if (all) {
        out.push_back({entry->canonical, i, i + entry->size});
        i += entry->size;
        matched = true;
        break;
      }
    }
    if (!matched) ++i;
  }
  return out;
}

const Lexicon& negations() {
  static constexpr Lexicon kLexicon(kNegationEntries, kNegationBit);
  return kLexicon;
}
const Lexicon& modals() {
  static constexpr Lexicon kLexicon(kModalEntries, kModalBit);
  return kLexicon;
}
const Lexicon& hedges() {
  static constexpr Lexicon kLexicon(kHedgeEntries, kHedgeBit);
  return kLexicon;
}
const Lexicon& intensifiers() {
  static constexpr Lexicon kLexicon(kIntensifierEntries, kIntensifierBit);
  return kLexicon;
}
const Lexicon& quantifiers() {
  static constexpr Lexicon kLexicon(kQuantifierEntries, kQuantifierBit);
  return kLexicon;
}

}  // namespace strata::classify_detail
