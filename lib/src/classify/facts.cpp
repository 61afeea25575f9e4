// Facts on modified claims: negation, modality, hedges, intensifiers and
// quantifiers.
//
// A fact needs two things: the claim as a whole has more of a lexicon item
// on one side (so a word diff that cuts a phrase oddly never invents one),
// and that item was itself edited, inside one aligned replacement of the
// word diff (a hunk of at most kMaxFactWords on each side). An item in a
// rewrite, or one the diff shows as equal, is no fact: that was a fragment
// of an unrelated pairing ("modality changed: 'summary and the summary will
// be' -> 'and'").
#include <fmt/core.h>
#include <algorithm>
#include <array>
#include <map>
#include <set>

#include "strata/classify.hpp"
#include "text/lexicon.hpp"
#include "text/words.hpp"

namespace strata {
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

// Longest hunk side of an aligned replacement; a longer one is a rewrite
// (8 words fit a clause in the bundled snapshots' edits).
constexpr size_t kMaxFactWords = 8;

// The lexicons below, as bits of Word::first_of.
enum LexiconBit : uint32_t { kNegationBit = 1, kModalBit = 2, kHedgeBit = 4, kIntensifierBit = 8, kQuantifierBit = 16 };

struct Word {
  std::string_view original;  // into the claim text or the diff, which outlive the facts' making
  std::string_view lower;     // into Side::folded
  int hunk = -1;              // -1: equal in the diff
  uint32_t first_of = 0;      // LexiconBit of the lexicons with an item starting with this word
  uint32_t fold_begin = 0;    // `lower` in Side::folded, until finish() sets it
  uint32_t fold_end = 0;
};

struct Side {
  std::vector<Word> words;
  std::string folded;  // the words folded, one after another
};

struct Hunks {
  Side old_side;
  Side new_side;
};

// Appends the words of `text` to `side`; returns how many.
size_t append_words(std::string_view text, int hunk, Side& side) {
  thread_local std::vector<classify_detail::Token> tokens;
  classify_detail::tokenize_into(text, tokens);
  size_t added = 0;
  for (const auto& token : tokens) {
    if (!token.word) continue;
    auto word = classify_detail::token_text(text, token);
    Word w{word, {}, hunk};
    w.fold_begin = static_cast<uint32_t>(side.folded.size());
    classify_detail::fold_case_append(word, side.folded);
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

uint32_t first_of(std::string_view lower);

// Points each word at its folded form, now that Side::folded no longer grows.
void finish(Side& side) {
  for (auto& w : side.words) {
    w.lower = std::string_view(side.folded).substr(w.fold_begin, w.fold_end - w.fold_begin);
    w.first_of = first_of(w.lower);
  }
}

// Splits the diff into words tagged with their hunk. Without a diff, the
// common prefix and suffix are equal and the middle is one hunk.
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

// A lexicon indexed by first word, longest items first.
class Lexicon {
 public:
  template <size_t N>
  Lexicon(const std::array<std::string_view, N>& items, uint32_t bit) : bit_(bit) {
    for (auto item : items) add(item, item);
    sort();
  }
  Lexicon(const std::array<Modal, kModals.size()>& modals, uint32_t bit) : bit_(bit) {
    for (const auto& m : modals) add(m.form, m.modal);
    sort();
  }

  struct Occurrence {
    std::string_view item;  // canonical item (the modal for modal forms)
    size_t begin = 0;       // word index
    size_t end = 0;
  };

  std::vector<Occurrence> find(const Side& side) const {
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

 private:
  struct Entry {
    std::vector<std::string> words;
    std::string_view canonical;
  };
  void add(std::string_view form, std::string_view canonical) {
    std::vector<std::string> words;
    for (auto w : classify_detail::words_of(form)) words.emplace_back(w);
    by_first_[words.front()].push_back({std::move(words), canonical});
  }
  void sort() {
    for (auto& [first, entries] : by_first_) {
      std::stable_sort(entries.begin(), entries.end(),
                       [](const Entry& a, const Entry& b) { return a.words.size() > b.words.size(); });
    }
  }
  uint32_t bit_;
  std::map<std::string, std::vector<Entry>, std::less<>> by_first_;
};

const Lexicon& negations() {
  static const Lexicon lexicon(kNegations, kNegationBit);
  return lexicon;
}
const Lexicon& modals() {
  static const Lexicon lexicon(kModals, kModalBit);
  return lexicon;
}
const Lexicon& hedges() {
  static const Lexicon lexicon(kHedges, kHedgeBit);
  return lexicon;
}
const Lexicon& intensifiers() {
  static const Lexicon lexicon(kIntensifiers, kIntensifierBit);
  return lexicon;
}
const Lexicon& quantifiers() {
  static const Lexicon lexicon(kQuantifiers, kQuantifierBit);
  return lexicon;
}

// One probe per word says which lexicons may match there.
uint32_t first_of(std::string_view lower) {
  static const classify_detail::WordTable table = [] {
    classify_detail::WordTable t;
    // The items are static, so their first words can be kept as views.
    auto add = [&t](std::string_view item, uint32_t bit) { t.add(classify_detail::words_of(item).front(), bit); };
    for (auto item : kNegations) add(item, kNegationBit);
    for (const auto& m : kModals) add(m.form, kModalBit);
    for (auto item : kHedges) add(item, kHedgeBit);
    for (auto item : kIntensifiers) add(item, kIntensifierBit);
    for (auto item : kQuantifiers) add(item, kQuantifierBit);
    return t;
  }();
  return table.find(lower);
}

using Occurrences = std::vector<Lexicon::Occurrence>;

// Occurrences of `a` whose item has more copies in `a` than in `b`; the
// extra copies are taken from inside hunks first.
Occurrences surplus(const Occurrences& a, const Side& side_a, const Occurrences& b) {
  std::map<std::string_view, int> balance;
  for (const auto& o : a) ++balance[o.item];
  for (const auto& o : b) --balance[o.item];
  Occurrences out;
  for (int pass = 0; pass < 2; ++pass) {
    for (const auto& o : a) {
      bool in_hunk = side_a.words[o.begin].hunk >= 0;
      if ((pass == 0) != in_hunk) continue;
      if (auto& left = balance[o.item]; left > 0) {
        --left;
        out.push_back(o);
      }
    }
  }
  std::sort(out.begin(), out.end(), [](const auto& x, const auto& y) { return x.begin < y.begin; });
  return out;
}

bool is_negator(std::string_view lower) { return lower == "not" || lower == "never" || lower == "no"; }

// A hunk side this short is a swap of words ("will" -> "does"), quoted whole
// in a fact; a longer one is a rewrite of which only the item is quoted.
constexpr size_t kMaxSwapWords = 2;

// Words of `hunk` on `side`: first index and count (0 when none).
std::pair<size_t, size_t> hunk_span(const Side& side, int hunk) {
  size_t first = side.words.size();
  size_t count = 0;
  for (size_t i = 0; i < side.words.size(); ++i) {
    if (side.words[i].hunk != hunk) continue;
    first = std::min(first, i);
    ++count;
  }
  return {first, count};
}

// The occurrence lies wholly inside one hunk of `side`, and that hunk is
// an aligned replacement: at most kMaxFactWords on each side. Anything else
// (an item in equal words, across a hunk's edge, or inside a rewrite) is a
// fragment of an unrelated pairing, not an edit of that word.
bool aligned(const Lexicon::Occurrence& o, const Side& side, const Side& other) {
  const int hunk = side.words[o.begin].hunk;
  if (hunk < 0) return false;
  for (size_t i = o.begin; i < o.end; ++i) {
    if (side.words[i].hunk != hunk) return false;
  }
  return hunk_span(side, hunk).second <= kMaxFactWords && hunk_span(other, hunk).second <= kMaxFactWords;
}

std::string words_text(const Side& side, size_t begin, size_t end) {
  std::string out;
  for (size_t i = begin; i < end; ++i) {
    if (!out.empty()) out.push_back(' ');
    out += side.words[i].original;
  }
  return out;
}

// A swapped hunk's words on `side`, followed by a negation that trails it
// and the word that negation governs ("will" + "not recognise").
std::string swap_text(const Side& side, int hunk) {
  auto [first, count] = hunk_span(side, hunk);
  size_t end = first + count;
  const auto& words = side.words;
  if (end < words.size() && words[end].hunk < 0 && is_negator(words[end].lower)) {
    ++end;
    if (end < words.size() && words[end].hunk < 0 && (words[end].first_of == 0) &&
        (classify_detail::lexicon_flags(words[end].lower) & classify_detail::kStop) == 0) {
      ++end;
    }
  }
  return words_text(side, first, end);
}

// The two texts of a fact on occurrence `o` of `side`: the whole swap
// when the hunk is one of the item for other words ("will not recognise" ->
// "does not recognise"), else the item alone on its side and nothing on the
// other. A swap whose side holds more than the item is one only when the
// other side holds an item of the same lexicon (`other_items`): in "Council
// only" -> "Board" a name was swapped and "only" merely dropped.
std::pair<std::string, std::string> fact_texts(const Lexicon::Occurrence& o, const Side& side, const Side& other,
                                               bool other_items) {
  const int hunk = side.words[o.begin].hunk;
  const size_t mine = hunk_span(side, hunk).second;
  const size_t theirs = hunk_span(other, hunk).second;
  const bool item_fills_side = mine == o.end - o.begin;
  if (theirs > 0 && mine <= kMaxSwapWords && theirs <= kMaxSwapWords && (item_fills_side || other_items)) {
    return {swap_text(side, hunk), swap_text(other, hunk)};
  }
  return {words_text(side, o.begin, o.end), {}};
}

// Some occurrence of `items` lies in hunk `hunk` of `side`.
bool hunk_holds(const std::vector<Lexicon::Occurrence>& items, const Side& side, int hunk) {
  return std::any_of(items.begin(), items.end(), [&](const auto& o) { return side.words[o.begin].hunk == hunk; });
}

class FactBuilder {
 public:
  explicit FactBuilder(const Hunks& hunks) : hunks_(hunks) {}

  void add(FactKind kind, std::string old_text, std::string new_text, std::string note) {
    for (const auto& f : facts_) {
      if (f.kind == kind && f.old_text == old_text && f.new_text == new_text) return;
    }
    facts_.push_back({kind, std::move(old_text), std::move(new_text), std::move(note)});
  }

  // One fact per aligned surplus occurrence on either side; `removed` and
  // `added` name the direction in the note ("hedge removed: 'some'").
  void each(const Lexicon& lexicon, FactKind kind, std::string_view label) {
    const Side& olds = hunks_.old_side;
    const Side& news = hunks_.new_side;
    auto old_occ = lexicon.find(olds);
    auto new_occ = lexicon.find(news);
    for (const auto& o : surplus(old_occ, olds, new_occ)) {
      if (!aligned(o, olds, news)) continue;
      auto [old_text, new_text] = fact_texts(o, olds, news, hunk_holds(new_occ, news, olds.words[o.begin].hunk));
      add(kind, std::move(old_text), std::move(new_text), fmt::format("{} removed: '{}'", label, o.item));
    }
    for (const auto& o : surplus(new_occ, news, old_occ)) {
      if (!aligned(o, news, olds)) continue;
      auto [new_text, old_text] = fact_texts(o, news, olds, hunk_holds(old_occ, olds, news.words[o.begin].hunk));
      add(kind, std::move(old_text), std::move(new_text), fmt::format("{} added: '{}'", label, o.item));
    }
  }

  // Items that changed into others (modality, quantifiers): one fact per
  // aligned surplus item, "changed" when its hunk is a swap of a few words,
  // else "removed" or "added".
  void paired(const Lexicon& lexicon, FactKind kind) {
    const char* name = to_string(kind);
    const Side& olds = hunks_.old_side;
    const Side& news = hunks_.new_side;
    auto old_occ = lexicon.find(olds);
    auto new_occ = lexicon.find(news);
    std::set<int> told;  // hunks already told as a swap
    auto one = [&](const Lexicon::Occurrence& o, const Side& side, const Side& other, bool removed) {
      if (!aligned(o, side, other)) return;
      const int hunk = side.words[o.begin].hunk;
      auto [mine, theirs] = fact_texts(o, side, other, hunk_holds(removed ? new_occ : old_occ, other, hunk));
      if (!theirs.empty()) {
        if (!told.insert(hunk).second) return;
        auto note = removed ? fmt::format("{} changed: '{}' -> '{}'", name, mine, theirs)
                            : fmt::format("{} changed: '{}' -> '{}'", name, theirs, mine);
        if (removed)
          add(kind, std::move(mine), std::move(theirs), std::move(note));
        else
          add(kind, std::move(theirs), std::move(mine), std::move(note));
        return;
      }
      auto note = fmt::format("{} '{}' {}", name, o.item, removed ? "removed" : "added");
      if (removed)
        add(kind, std::move(mine), {}, std::move(note));
      else
        add(kind, {}, std::move(mine), std::move(note));
    };
    for (const auto& o : surplus(old_occ, olds, new_occ)) one(o, olds, news, true);
    for (const auto& o : surplus(new_occ, news, old_occ)) one(o, news, olds, false);
  }

  std::vector<Fact> take() { return std::move(facts_); }

 private:
  const Hunks& hunks_;
  std::vector<Fact> facts_;
};

}  // namespace

std::vector<Fact> claim_facts(std::string_view old_text, std::string_view new_text, const std::vector<WordOp>& diff) {
  auto hunks = build_hunks(old_text, new_text, diff);
  FactBuilder builder(hunks);
  builder.each(negations(), FactKind::kNegation, "negation");
  builder.paired(modals(), FactKind::kModality);
  builder.each(hedges(), FactKind::kHedge, "hedge");
  builder.each(intensifiers(), FactKind::kIntensifier, "intensifier");
  builder.paired(quantifiers(), FactKind::kQuantifier);
  return builder.take();
}

}  // namespace strata
