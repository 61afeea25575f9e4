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
//
// The claim's words by hunk and the lexicons are read in fact_words.cpp.
#include <fmt/core.h>
#include <algorithm>
#include <map>
#include <set>

#include "classify/fact_words.hpp"
#include "strata/classify.hpp"
#include "text/lexicon.hpp"
#include "text/words.hpp"

namespace strata {
namespace {

// Longest hunk side of an aligned replacement; a longer one is a rewrite
// (8 words fit a clause in the bundled snapshots' edits).
constexpr size_t kMaxFactWords = 8;

using classify_detail::build_hunks;
using classify_detail::Hunks;
using classify_detail::Lexicon;
using classify_detail::Side;

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

// A negation that shares its verb with the next one, joined to it by a
// conjunction: the first "not" of "do not and will not recognise". The two
// negate one verb, so the claim still negates it when either goes: "do not
// and will not recognise" -> "strongly condemn and will not recognise" is
// no negation removed. kEllipsisReach: words between the conjunction and
// the next negation ("and will never", "or could ever not").
constexpr size_t kEllipsisReach = 2;

bool elliptical(const Lexicon::Occurrence& o, const Side& side, const Occurrences& all) {
  const auto& words = side.words;
  if (o.end >= words.size()) return false;
  const std::string_view next = words[o.end].lower;
  if (next != "and" && next != "or" && next != "nor") return false;
  return std::any_of(all.begin(), all.end(), [&](const auto& later) {
    return later.begin > o.end && later.begin <= o.end + 1 + kEllipsisReach;
  });
}

// The negations of `side` that negate a verb of their own.
Occurrences own_negations(const Side& side) {
  Occurrences all = classify_detail::negations().find(side);
  Occurrences out;
  for (const auto& o : all) {
    if (!elliptical(o, side, all)) out.push_back(o);
  }
  return out;
}

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
    each(lexicon.find(hunks_.old_side), lexicon.find(hunks_.new_side), kind, label);
  }
  // The same over occurrences the caller found on each side.
  void each(const Occurrences& old_occ, const Occurrences& new_occ, FactKind kind, std::string_view label) {
    const Side& olds = hunks_.old_side;
    const Side& news = hunks_.new_side;
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
  builder.each(own_negations(hunks.old_side), own_negations(hunks.new_side), FactKind::kNegation, "negation");
  builder.paired(classify_detail::modals(), FactKind::kModality);
  builder.each(classify_detail::hedges(), FactKind::kHedge, "hedge");
  builder.each(classify_detail::intensifiers(), FactKind::kIntensifier, "intensifier");
  builder.paired(classify_detail::quantifiers(), FactKind::kQuantifier);
  return builder.take();
}

}  // namespace strata
