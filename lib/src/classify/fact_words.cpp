#include "classify/fact_words.hpp"

#include <algorithm>
#include <array>

#include "text/lexicon.hpp"
#include "text/words.hpp"

namespace strata::classify_detail {

namespace {

// Items are written lowercase, words separated by single spaces. The lists
// were drawn from the edits of the bundled snapshots, then widened
// with the common English members of each closed class.
constexpr std::array<std::string_view, 33> kNegations = {
    "not",      "no",        "never",     "none",    "nor",     "neither", "nobody",  "nothing", "nowhere",
    "without",  "cannot",    "won't",     "don't",   "doesn't", "isn't",   "aren't",  "can't",   "couldn't",
    "wouldn't", "shouldn't", "didn't",    "wasn't",  "weren't", "hasn't",  "haven't", "hadn't",  "mustn't",
    "mightn't", "shan't",    "no longer", "not yet", "no more", "ain't"};

// A modal and the contracted or fused forms that carry it.
struct Modal {
  std::string_view form;
  std::string_view modal;
};
constexpr std::array<Modal, 19> kModals = {{{"will", "will"},
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

// The lexicons above, as bits of Word::first_of.
enum LexiconBit : uint32_t { kNegationBit = 1, kModalBit = 2, kHedgeBit = 4, kIntensifierBit = 8, kQuantifierBit = 16 };

// One probe per word says which lexicons may match there.
uint32_t first_of(std::string_view lower) {
  static const WordTable table = [] {
    WordTable t;
    // The items are static, so their first words can be kept as views.
    auto add = [&t](std::string_view item, uint32_t bit) { t.add(words_of(item).front(), bit); };
    for (auto item : kNegations) add(item, kNegationBit);
    for (const auto& m : kModals) add(m.form, kModalBit);
    for (auto item : kHedges) add(item, kHedgeBit);
    for (auto item : kIntensifiers) add(item, kIntensifierBit);
    for (auto item : kQuantifiers) add(item, kQuantifierBit);
    return t;
  }();
  return table.find(lower);
}

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
    w.first_of = first_of(w.lower);
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

Lexicon::Lexicon(const std::vector<std::pair<std::string_view, std::string_view>>& items, uint32_t bit) : bit_(bit) {
  for (const auto& [form, canonical] : items) add(form, canonical);
  for (auto& [first, entries] : by_first_) {
    std::stable_sort(entries.begin(), entries.end(),
                     [](const Entry& a, const Entry& b) { return a.words.size() > b.words.size(); });
  }
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
    auto it = by_first_.find(words[i].lower);
    bool matched = false;
    if (it != by_first_.end()) {
      for (const auto& entry : it->second) {
        if (i + entry.words.size() > words.size()) continue;
        bool all = true;
        for (size_t k = 1; k < entry.words.size() && all; ++k) all = words[i + k].lower == entry.words[k];
        // "May 2015" is a month, not a modal.
        if (all && words[i].original == "May") all = false;
        if (all) {
          out.push_back({entry.canonical, i, i + entry.words.size()});
          i += entry.words.size();
          matched = true;
          break;
        }
      }
    }
    if (!matched) ++i;
  }
  return out;
}

void Lexicon::add(std::string_view form, std::string_view canonical) {
  std::vector<std::string> words;
  for (auto w : words_of(form)) words.emplace_back(w);
  by_first_[words.front()].push_back({std::move(words), canonical});
}

namespace {

template <size_t N>
std::vector<std::pair<std::string_view, std::string_view>> own_forms(const std::array<std::string_view, N>& items) {
  std::vector<std::pair<std::string_view, std::string_view>> out;
  for (auto item : items) out.emplace_back(item, item);
  return out;
}

}  // namespace

const Lexicon& negations() {
  static const Lexicon lexicon(own_forms(kNegations), kNegationBit);
  return lexicon;
}
const Lexicon& modals() {
  static const Lexicon lexicon = [] {
    std::vector<std::pair<std::string_view, std::string_view>> forms;
    for (const auto& m : kModals) forms.emplace_back(m.form, m.modal);
    return Lexicon(forms, kModalBit);
  }();
  return lexicon;
}
const Lexicon& hedges() {
  static const Lexicon lexicon(own_forms(kHedges), kHedgeBit);
  return lexicon;
}
const Lexicon& intensifiers() {
  static const Lexicon lexicon(own_forms(kIntensifiers), kIntensifierBit);
  return lexicon;
}
const Lexicon& quantifiers() {
  static const Lexicon lexicon(own_forms(kQuantifiers), kQuantifierBit);
  return lexicon;
}

}  // namespace strata::classify_detail
