// Wording shifts: replacements aggregated over the word diffs of all
// modified claims, and key phrases that appeared or vanished.
//
// Phrases are n-grams of 1 to kMaxContentWords content words that start and
// end on a content word (stop words may sit inside: "partnership for
// peace"). Only phrases of changed claims are candidates; they are then
// counted over both whole documents with 64-bit hashes, so memory grows with
// the change, not with the documents.
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <deque>
#include <fmt/core.h>
#include <functional>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "classify/classify_internal.hpp"
#include "classify/text.hpp"

namespace strata::classify_detail {
namespace {

// Longest phrase, in content words (the "1-4 content words").
constexpr size_t kMaxContentWords = 4;
// Most stop words inside one phrase ("in the strongest possible terms" keeps
// "strongest possible terms"; "Declaration to Complement the Charter" needs 2).
constexpr size_t kMaxInnerStopWords = 2;
// A hunk longer than this on either side is a rewrite, not a replacement of
// one phrase by another (6 words covers every phrase swap in the seeds).
constexpr size_t kMaxReplacementWords = 6;
// Example claims kept per shift.
constexpr size_t kMaxExamples = 3;
// Appeared/vanished phrases put in order per listed entry before the rest of
// the ranking is sorted. Speed only, never output: a walk past the window
// sorts the rest. 8 leaves room for phrases subsumed by listed ones (a
// listed 4-word phrase subsumes up to 9 shorter ones, rarely all with its
// counts) while sorting a few hundred of an unrelated pair's 700,000.
constexpr size_t kRankWindowPerEntry = 8;

struct Hunk {
  std::string removed;
  std::string inserted;
};

std::vector<Hunk> hunks_of(const std::vector<WordOp>& diff) {
  std::vector<Hunk> out;
  bool open = false;
  for (const auto& op : diff) {
    if (op.op == WordOp::Op::kEqual) {
      if (!words_of(op.text).empty()) open = false;
      continue;
    }
    if (!open) out.emplace_back();
    open = true;
    (op.op == WordOp::Op::kDelete ? out.back().removed : out.back().inserted) += " " + op.text;
  }
  return out;
}

// A hunk side as written, trimmed of spaces and of punctuation at either
// end, with runs of white space folded; empty when it has no word or more
// than kMaxReplacementWords. `key` gets its folded words, for counting.
std::string phrase_of(std::string_view text, std::string& key) {
  auto tokens = tokenize(text);
  auto words = words_of(text);
  key.clear();
  if (words.empty() || words.size() > kMaxReplacementWords) return {};
  key = fold_case(join(words, 0, words.size()));
  size_t first = 0;
  while (!tokens[first].word) ++first;
  size_t last = tokens.size() - 1;
  while (!tokens[last].word) --last;
  std::string out;
  for (char c : text.substr(tokens[first].begin, tokens[last].end - tokens[first].begin)) {
    bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (space && !out.empty() && out.back() == ' ') continue;
    out.push_back(space ? ' ' : c);
  }
  return out;
}

struct Replacement {
  std::string from;
  std::string to;
  std::set<size_t> claims;
  std::vector<std::string> examples;
};

std::vector<WordingShift> replacements(const std::vector<ClaimChange>& claims) {
  std::map<std::pair<std::string, std::string>, Replacement> found;
  for (size_t c = 0; c < claims.size(); ++c) {
    const auto& claim = claims[c];
    if (claim.diff.empty() || claim.new_sides.empty()) continue;
    for (const auto& hunk : hunks_of(claim.diff)) {
      std::pair<std::string, std::string> key;
      auto from = phrase_of(hunk.removed, key.first);
      auto to = phrase_of(hunk.inserted, key.second);
      if (from.empty() || to.empty() || key.first == key.second) continue;
      auto& r = found[key];
      if (r.from.empty()) {
        r.from = from;
        r.to = to;
      }
      if (r.claims.insert(c).second && r.examples.size() < kMaxExamples) {
        r.examples.push_back(claim.new_sides.front().text);
      }
    }
  }
  std::vector<WordingShift> out;
  for (auto& [key, r] : found) {
    WordingShift shift;
    shift.from = r.from;
    shift.to = r.to;
    shift.count = static_cast<int>(r.claims.size());
    shift.examples = std::move(r.examples);
    out.push_back(std::move(shift));
  }
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.count > b.count; });
  return out;
}

// A phrase one side of a changed claim has and the other has not, with its
// occurrences in each whole document.
struct Candidate {
  uint64_t hash = 0;
  const char* text = nullptr;  // first occurrence, in a claim side of the ChangeSet
  uint32_t size = 0;           // bytes of `text`
  uint32_t content = 0;        // content words
  uint32_t old_count = 0;
  uint32_t new_count = 0;
  // The first sentence with the phrase, in document order; set by the count.
  const std::string* example = nullptr;

  std::string_view view() const { return {text, size}; }
};

// Candidates by hash. On an unrelated pair every phrase of both documents
// is a candidate (about 700,000 for 1 MB each), so this is what sets
// classify's peak memory: open addressing over 4-byte slots, entries in a
// deque so that growing never copies them (a node per phrase in a
// std::unordered_map cost 90 bytes and most of the stage's time in malloc).
class CandidateTable {
 public:
  // The entry for `hash`, added (zeroed but for `hash`) when absent.
  std::pair<Candidate*, bool> insert(uint64_t hash) {
    if ((entries_.size() + 1) * kMaxLoad > slots_.size()) grow();
    size_t i = slot_of(hash);
    while (slots_[i] != 0) {
      auto& e = entries_[slots_[i] - 1];
      if (e.hash == hash) return {&e, false};
      i = (i + 1) & (slots_.size() - 1);
    }
    entries_.emplace_back().hash = hash;
    slots_[i] = static_cast<uint32_t>(entries_.size());
    return {&entries_.back(), true};
  }

  Candidate* find(uint64_t hash) {
    if (slots_.empty()) return nullptr;
    for (size_t i = slot_of(hash); slots_[i] != 0; i = (i + 1) & (slots_.size() - 1)) {
      auto& e = entries_[slots_[i] - 1];
      if (e.hash == hash) return &e;
    }
    return nullptr;
  }

  std::deque<Candidate>& entries() { return entries_; }

 private:
  // Slots per entry at most: probes stay short at load 1/2.
  static constexpr size_t kMaxLoad = 2;
  static constexpr size_t kMinSlots = 1024;

  // Fibonacci hashing: the top bits of the product, so that every bit of
  // `hash` decides the slot.
  size_t slot_of(uint64_t hash) const { return static_cast<size_t>((hash * 0x9e3779b97f4a7c15ULL) >> shift_); }

  void grow() {
    size_t size = std::max(kMinSlots, slots_.size() * 2);
    shift_ = 64;
    for (size_t s = size; s > 1; s >>= 1) --shift_;
    slots_.assign(size, 0);
    for (size_t k = 0; k < entries_.size(); ++k) {
      size_t i = slot_of(entries_[k].hash);
      while (slots_[i] != 0) i = (i + 1) & (size - 1);
      slots_[i] = static_cast<uint32_t>(k + 1);
    }
  }

  std::vector<uint32_t> slots_;  // index + 1 into entries_; 0 = empty
  std::deque<Candidate> entries_;
  int shift_ = 64;
};

uint64_t mix(uint64_t h, uint64_t v) {
  h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
  return h;
}

// Calls `emit(hash, first_word_hash, span, content_words)` for every phrase
// of `text` whose first word's hash passes `starts`; `span` is the phrase in
// `text`. Punctuation other than inside words ends a phrase.
template <typename Starts, typename Emit>
void phrases(std::string_view text, Starts&& starts, Emit&& emit) {
  // Buffers reused across calls (per thread, so classify stays reentrant).
  thread_local std::vector<Token> tokens;
  thread_local std::string lower;
  thread_local std::vector<std::string_view> words;
  thread_local std::vector<uint64_t> hashes;
  thread_local std::vector<bool> stop;
  tokenize_into(text, tokens);
  words.clear();
  hashes.clear();
  stop.clear();
  auto flush = [&] {
    for (size_t i = 0; i < words.size(); ++i) {
      if (stop[i] || !starts(hashes[i])) continue;
      uint64_t h = 0;
      size_t content = 0;
      size_t inner = 0;
      for (size_t j = i; j < words.size(); ++j) {
        h = mix(h, hashes[j]);
        if (stop[j]) {
          if (++inner > kMaxInnerStopWords) break;
          continue;
        }
        if (++content > kMaxContentWords) break;
        auto begin = static_cast<size_t>(words[i].data() - text.data());
        auto end = static_cast<size_t>(words[j].data() - text.data()) + words[j].size();
        emit(mix(h, content), hashes[i], text.substr(begin, end - begin), content);
      }
    }
    words.clear();
    hashes.clear();
    stop.clear();
  };
  for (const auto& token : tokens) {
    if (!token.word) {
      flush();
      continue;
    }
    auto word = token_text(text, token);
    fold_case_into(word, lower);
    words.push_back(word);
    hashes.push_back(std::hash<std::string>{}(lower));
    stop.push_back(is_stop_word(lower) || is_number(lower));
  }
  flush();
}

template <typename F>
void each_sentence(const Document& doc, F&& f) {
  for (const auto& section : doc.sections) {
    for (const auto& block : section.blocks) {
      for (const auto& sentence : block.sentences) f(sentence);
    }
  }
}

std::string_view norm_of(const ClaimSide& side) { return side.norm.empty() ? side.text : side.norm; }
std::string_view norm_of(const Sentence& s) { return s.norm.empty() ? s.text : s.norm; }

// Phrases that appeared or vanished: candidates found in exactly one of the
// two documents, unranked. Pointers into `table`.
std::vector<const Candidate*> appeared_vanished(const Document& old_doc, const Document& new_doc,
                                                const std::vector<ClaimChange>& claims, CandidateTable& table) {
  std::unordered_set<uint64_t> first_words;
  auto any = [](uint64_t) { return true; };
  auto add = [&](uint64_t h, uint64_t first, std::string_view span, size_t content) {
    first_words.insert(first);
    auto [c, added] = table.insert(h);
    if (added) {
      c->text = span.data();
      c->size = static_cast<uint32_t>(span.size());
      c->content = static_cast<uint32_t>(content);
    }
  };
  auto candidate = [&](std::string_view text) { phrases(text, any, add); };
  // A phrase on both sides of one claim is in both versions: only the
  // phrases one side of a claim has and the other has not can be news.
  struct Seen {
    uint64_t hash;
    uint64_t first;
    std::string_view span;
    size_t content;
    bool operator<(const Seen& o) const { return hash < o.hash; }
  };
  // Sorted vectors, reused from claim to claim: cheaper than hash sets for
  // the few hundred phrases of one claim.
  std::vector<Seen> old_side;
  std::vector<Seen> new_side;
  auto collect = [&](const std::vector<ClaimSide>& sides, std::vector<Seen>& into) {
    into.clear();
    for (const auto& side : sides) {
      phrases(norm_of(side), any, [&](uint64_t h, uint64_t first, std::string_view span, size_t content) {
        into.push_back({h, first, span, content});
      });
    }
    std::sort(into.begin(), into.end());
  };
  auto keep = [&](const std::vector<Seen>& from, const std::vector<Seen>& other) {
    auto o = other.begin();
    for (const auto& seen : from) {
      while (o != other.end() && o->hash < seen.hash) ++o;
      if (o != other.end() && o->hash == seen.hash) continue;
      add(seen.hash, seen.first, seen.span, seen.content);
    }
  };
  for (const auto& claim : claims) {
    if (claim.status == ChangeStatus::kUnchanged || claim.status == ChangeStatus::kEquivalent) continue;
    if (claim.old_sides.empty() || claim.new_sides.empty()) {
      for (const auto& side : claim.old_sides) candidate(norm_of(side));
      for (const auto& side : claim.new_sides) candidate(norm_of(side));
      continue;
    }
    collect(claim.old_sides, old_side);
    collect(claim.new_sides, new_side);
    keep(old_side, new_side);
    keep(new_side, old_side);
  }
  std::vector<const Candidate*> changed;
  if (table.entries().empty()) return changed;
  // Each distinct sentence is read once, its phrases counted as many times
  // as the sentence occurs in each version (most sentences of a revision
  // are in both). Distinct sentences go in order of first appearance, the
  // old version's then those only the new one has: a phrase that appeared
  // or vanished is in sentences of one version only, so the first sentence
  // read with it is its first in that version, the example to show.
  struct Distinct {
    std::string_view norm;
    const std::string* text;  // of its first occurrence
    uint32_t old_count = 0;
    uint32_t new_count = 0;
  };
  std::vector<Distinct> distinct;
  std::unordered_map<std::string_view, size_t> index;  // norm -> position in distinct
  auto tally = [&](const Document& doc, bool is_old) {
    each_sentence(doc, [&](const Sentence& s) {
      auto [it, added] = index.try_emplace(norm_of(s), distinct.size());
      if (added) distinct.push_back({norm_of(s), &s.text});
      ++(is_old ? distinct[it->second].old_count : distinct[it->second].new_count);
    });
  };
  tally(old_doc, true);
  tally(new_doc, false);
  index = {};
  auto starts = [&](uint64_t h) { return first_words.count(h) > 0; };
  for (const auto& d : distinct) {
    phrases(d.norm, starts, [&](uint64_t h, uint64_t, std::string_view, size_t) {
      if (auto* c = table.find(h)) {
        if (c->example == nullptr) c->example = d.text;
        c->old_count += d.old_count;
        c->new_count += d.new_count;
      }
    });
  }
  for (const auto& c : table.entries()) {
    if ((c.old_count == 0) != (c.new_count == 0)) changed.push_back(&c);
  }
  return changed;
}

// Ranking of appeared/vanished phrases: largest change first, then longer
// phrases, then by text (a total order: equal texts are one phrase).
bool ranks_before(const Candidate* a, const Candidate* b) {
  auto da = std::max(a->old_count, a->new_count);  // one of the two is 0
  auto db = std::max(b->old_count, b->new_count);
  if (da != db) return da > db;
  if (a->content != b->content) return a->content > b->content;
  return a->view() < b->view();
}

// True when `longer` contains `shorter` as whole words; both are folded and
// wrapped in spaces.
bool contains_phrase(const std::string& longer, const std::string& shorter) {
  return longer.size() > shorter.size() && longer.find(shorter) != std::string::npos;
}

}  // namespace

std::vector<WordingShift> wording_shifts(const Document& old_doc, const Document& new_doc,
                                         const std::vector<ClaimChange>& claims, int max_entries,
                                         std::vector<std::string>& warnings) {
  auto limit = static_cast<size_t>(std::max(0, max_entries));
  auto swaps = replacements(claims);
  CandidateTable table;
  auto changed = appeared_vanished(old_doc, new_doc, claims, table);
  std::vector<WordingShift> out;
  for (size_t i = 0; i < swaps.size() && i < limit; ++i) out.push_back(std::move(swaps[i]));
  if (swaps.size() > limit) {
    warnings.push_back(fmt::format("wording: {} replacements found, the {} most frequent are listed", swaps.size(), limit));
  }
  // Only the head of the ranking is read (all of it only when most phrases
  // are subsumed), so it is sorted in part: the rest of the order is
  // settled only if the loop below reaches it.
  size_t sorted = std::min(changed.size(), limit * kRankWindowPerEntry + kRankWindowPerEntry);
  std::partial_sort(changed.begin(), changed.begin() + static_cast<std::ptrdiff_t>(sorted), changed.end(),
                    ranks_before);
  // A phrase inside a longer listed phrase with the same counts adds nothing
  // ("assistance package" under "comprehensive assistance package").
  std::vector<const Candidate*> kept;
  std::vector<std::string> kept_folded;
  for (size_t i = 0; i < changed.size(); ++i) {
    if (i == sorted) {
      std::sort(changed.begin() + static_cast<std::ptrdiff_t>(i), changed.end(), ranks_before);
      sorted = changed.size();
    }
    const auto* p = changed[i];
    auto folded = " " + fold_case(p->view()) + " ";
    bool subsumed = false;
    for (size_t k = 0; k < kept.size() && !subsumed; ++k) {
      subsumed = kept[k]->old_count == p->old_count && kept[k]->new_count == p->new_count &&
                 contains_phrase(kept_folded[k], folded);
    }
    if (subsumed) continue;
    if (kept.size() == limit) {
      warnings.push_back(fmt::format("wording: more than {} phrases appeared or vanished, the {} that changed most "
                                     "are listed",
                                     limit, limit));
      break;
    }
    kept.push_back(p);
    kept_folded.push_back(std::move(folded));
  }
  for (const auto* p : kept) {
    WordingShift shift;
    (p->old_count > 0 ? shift.from : shift.to) = std::string(p->view());
    shift.old_count = static_cast<int>(p->old_count);
    shift.new_count = static_cast<int>(p->new_count);
    shift.count = std::abs(shift.new_count - shift.old_count);
    shift.examples.push_back(*p->example);
    out.push_back(std::move(shift));
  }
  return out;
}

}  // namespace strata::classify_detail
