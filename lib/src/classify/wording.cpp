// Wording shifts: key phrases that appeared or vanished, listed with the
// replacements (wording_replacements.cpp) under one cap.
//
// Phrases are n-grams of 1 to kMaxContentWords content words that start and
// end on a content word (stop words may sit inside: "partnership for
// peace"). Only phrases of changed claims are candidates; they are then
// counted over both whole documents with 64-bit hashes, so memory grows with
// the change, not with the documents.
#include <fmt/core.h>
#include <algorithm>
#include <climits>
#include <cstdint>
#include <cstdlib>

#include "classify/classify_internal.hpp"
#include "classify/wording_replacements.hpp"
#include "segment/sentence_index.hpp"
#include "text/lexicon.hpp"
#include "text/words.hpp"

namespace strata::classify_detail {
namespace {

// Longest phrase, in content words: a shift in wording is a short phrase.
constexpr size_t kMaxContentWords = 4;
// Most stop words inside one phrase ("in the strongest possible terms" keeps
// "strongest possible terms"; "Declaration to Complement the Charter" needs 2).
constexpr size_t kMaxInnerStopWords = 2;
// Appeared/vanished phrases put in order per listed entry before the rest of
// the ranking is sorted. Speed only, never output: a walk past the window
// sorts the rest. 8 leaves room for phrases subsumed by listed ones (a
// listed 4-word phrase subsumes up to 9 shorter ones, rarely all with its
// counts) while sorting a few hundred of an unrelated pair's 700,000.
constexpr size_t kRankWindowPerEntry = 8;

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
  const SharedText* example = nullptr;

  std::string_view view() const { return {text, size}; }
  // In one version and not the other (so far).
  bool one_sided() const { return (old_count == 0) != (new_count == 0); }
};

// Candidates by hash. On an unrelated pair every phrase of both documents
// is a candidate (about 700,000 for 1 MB each), so this is what sets
// classify's peak memory: open addressing over 4-byte slots, entries in
// chunks so that growing never copies them (a node per phrase in a
// std::unordered_map cost 90 bytes and most of the stage's time in malloc;
// a std::deque's 512-byte nodes, a malloc per 12 entries).
class CandidateTable {
 public:
  CandidateTable() { resize(kMinSlots); }

  // The entry for `hash`, added (zeroed but for `hash`) when absent.
  std::pair<Candidate*, bool> insert(uint64_t hash) {
    if ((size_ + 1) * kMaxLoad > slots_.size()) grow();
    size_t i = slot_of(hash);
    while (slots_[i] != 0) {
      auto& e = entry(slots_[i] - 1);
      if (e.hash == hash) return {&e, false};
      i = (i + 1) & (slots_.size() - 1);
    }
    if (size_ % kChunk == 0) chunks_.emplace_back().reserve(kChunk);
    auto& e = chunks_.back().emplace_back();
    ++size_;
    e.hash = hash;
    slots_[i] = static_cast<uint32_t>(size_);
    return {&e, true};
  }

  Candidate* find(uint64_t hash) {
    for (size_t i = slot_of(hash); slots_[i] != 0; i = (i + 1) & (slots_.size() - 1)) {
      auto& e = entry(slots_[i] - 1);
      if (e.hash == hash) return &e;
    }
    return nullptr;
  }

  size_t size() const { return size_; }
  Candidate& entry(size_t k) { return chunks_[k / kChunk][k % kChunk]; }

 private:
  // Slots per entry at most: probes stay short at load 1/2.
  static constexpr size_t kMaxLoad = 2;
  static constexpr size_t kMinSlots = 1024;
  static constexpr size_t kChunk = 1024;  // 40 KB: under malloc's mmap threshold

  // Fibonacci hashing: the top bits of the product, so that every bit of
  // `hash` decides the slot.
  size_t slot_of(uint64_t hash) const { return static_cast<size_t>((hash * 0x9e3779b97f4a7c15ULL) >> shift_); }

  void grow() { resize(slots_.size() * 2); }

  // At least `slots` slots (a power of two), every entry placed again.
  void resize(size_t slots) {
    size_t size = kMinSlots;
    while (size < slots) size *= 2;
    shift_ = 64;
    for (size_t s = size; s > 1; s >>= 1) --shift_;
    slots_.assign(size, 0);
    for (size_t k = 0; k < size_; ++k) {
      size_t i = slot_of(entry(k).hash);
      while (slots_[i] != 0) i = (i + 1) & (size - 1);
      slots_[i] = static_cast<uint32_t>(k + 1);
    }
  }

  std::vector<uint32_t> slots_;  // index + 1 into the entries; 0 = empty
  // At most kChunk entries each, reserved: entries never move, and only
  // those made are written.
  std::vector<std::vector<Candidate>> chunks_;
  size_t size_ = 0;
  int shift_ = 64;
};

// Running hashes of phrases (see phrases()), as a bitmap: a phrase whose
// state is not there cannot be, or grow into, one of the phrases the set
// was made from, and most words of a sentence are turned away at once. A
// false positive only costs a step or a table lookup more.
class States {
 public:
  explicit States(size_t count) {
    size_t bits = 4096;
    while (bits < count * 16) bits *= 2;
    bits_.assign(bits / 64, 0);
  }
  bool may_hold(uint64_t h) const {
    size_t b = bit_of(h);
    return (bits_[b / 64] >> (b % 64)) & 1;
  }
  void set(uint64_t h) {
    size_t b = bit_of(h);
    bits_[b / 64] |= uint64_t{1} << (b % 64);
  }

 private:
  size_t bit_of(uint64_t h) const { return static_cast<size_t>(h) & (bits_.size() * 64 - 1); }
  std::vector<uint64_t> bits_;
};

uint64_t mix(uint64_t h, uint64_t v) {
  h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
  return h;
}

// Calls `emit(hash, first_word_hash, last_word_hash, span, content_words)`
// for every phrase of `sentence` whose running hash passes `extend(h, first)`
// after each of its words (`first`: after its first word); `span` is the
// phrase in the sentence's text. Punctuation other than inside words ends a phrase; stop
// words and numbers are not content words.
template <typename Extend, typename Emit>
void phrases(const Reading& sentence, Extend&& extend, Emit&& emit) {
  const auto& tokens = sentence.tokens;
  const auto& words = sentence.words;
  auto stop = [&](size_t k) { return (words[k].flags & (kStop | kNumber)) != 0; };
  // Han characters and kana are words one character each: without a
  // dictionary to say where their words end, their n-grams cut words in two
  // ("のないデ"), so they end a phrase as punctuation does (their
  // replacements, read from the word diffs, are still listed). So does a
  // web address: its parts are a link's, not the sentence's wording.
  auto phrase_word = [&](size_t k) { return tokens[k].word && (words[k].flags & (kUnspaced | kInAddress)) == 0; };
  size_t run_end = 0;  // end of the run of words the phrase at `i` may extend over
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (!phrase_word(i) || stop(i)) continue;
    uint64_t h = mix(0, words[i].hash);
    if (!extend(h, true)) continue;
    if (run_end <= i) {
      for (run_end = i; run_end < tokens.size() && phrase_word(run_end);) ++run_end;
    }
    size_t content = 0;
    size_t inner = 0;
    for (size_t j = i; j < run_end; ++j) {
      if (j > i) {
        h = mix(h, words[j].hash);
        if (!extend(h, false)) break;
      }
      if (stop(j)) {
        if (++inner > kMaxInnerStopWords) break;
        continue;
      }
      if (++content > kMaxContentWords) break;
      auto begin = tokens[i].begin;
      emit(mix(h, content), words[i].hash, words[j].hash, sentence.text.substr(begin, tokens[j].end - begin), content);
    }
  }
}

// The running hashes phrases() passes through for `phrase`, read alone.
template <typename Visit>
void states_of(std::string_view phrase, Readings& scratch, Visit&& visit) {
  const Reading r = read_alone(phrase, scratch);
  uint64_t h = 0;
  for (size_t k = 0; k < r.size(); ++k) {
    if (!r.tokens[k].word) continue;
    h = mix(h, r.words[k].hash);
    visit(h);
  }
}

// Phrases that appeared or vanished: candidates found in exactly one of the
// two documents of `index`, unranked. Pointers into `table`.
std::vector<const Candidate*> appeared_vanished(const SentenceIndex& index, const std::vector<ClaimChange>& claims,
                                                CandidateTable& table) {
  Readings scratch;
  std::vector<uint64_t> first_words;  // one per candidate
  auto any = [](uint64_t, bool) { return true; };
  auto add = [&](uint64_t h, uint64_t first, std::string_view span, size_t content) {
    auto [c, added] = table.insert(h);
    if (added) {
      first_words.push_back(first);
      c->text = span.data();
      c->size = static_cast<uint32_t>(span.size());
      c->content = static_cast<uint32_t>(content);
    }
  };
  // A phrase on both sides of one claim is in both versions: only the
  // phrases one side of a claim has and the other has not can be news.
  struct Seen {
    uint64_t hash;
    uint64_t first;  // hashes of the folded first and last words
    uint64_t last;
    std::string_view span;
    size_t content;
    bool operator<(const Seen& o) const { return hash < o.hash; }
  };
  // Words of the claim by folded hash: how many more times the old side has
  // each than the new side. A phrase is news only when the words at both its
  // ends were edited (more of them on its side): "keeping your User Account
  // secure" around a swapped "User" is a fragment, "collective defence"
  // inserted whole is not. Sorted vectors, reused from claim to claim:
  // cheaper than hash sets for the few hundred phrases of one claim.
  std::vector<Seen> old_side;
  std::vector<Seen> new_side;
  std::vector<std::pair<uint64_t, int>> balance;
  auto collect = [&](const std::vector<ClaimSide>& sides, std::vector<Seen>& into, int sign) {
    into.clear();
    for (const auto& side : sides) {
      const Reading reading = reading_of(index, key_of(side), scratch);
      phrases(reading, any, [&](uint64_t h, uint64_t first, uint64_t last, std::string_view span, size_t content) {
        into.push_back({h, first, last, span, content});
      });
      for (size_t k = 0; k < reading.size(); ++k) {
        if (reading.tokens[k].word) balance.emplace_back(reading.words[k].hash, sign);
      }
    }
    std::sort(into.begin(), into.end());
  };
  // Sums the signs of each word into one entry.
  auto settle_balance = [&balance] {
    std::sort(balance.begin(), balance.end());
    size_t out = 0;
    for (size_t k = 0; k < balance.size(); ++k) {
      if (out > 0 && balance[out - 1].first == balance[k].first) {
        balance[out - 1].second += balance[k].second;
      } else {
        balance[out++] = balance[k];
      }
    }
    balance.resize(out);
  };
  auto edited = [&balance](uint64_t word, int sign) {
    auto it = std::lower_bound(balance.begin(), balance.end(), std::pair<uint64_t, int>{word, INT_MIN});
    return it != balance.end() && it->first == word && it->second * sign > 0;
  };
  auto keep = [&](const std::vector<Seen>& from, const std::vector<Seen>& other, int sign) {
    auto o = other.begin();
    for (const auto& seen : from) {
      while (o != other.end() && o->hash < seen.hash) ++o;
      if (o != other.end() && o->hash == seen.hash) continue;
      if (edited(seen.first, sign) && edited(seen.last, sign)) add(seen.hash, seen.first, seen.span, seen.content);
    }
  };
  // Only text that stayed in some form is read: the words of a wholly
  // removed or added claim are that claim's news, not a shift in wording.
  for (const auto& claim : claims) {
    if (claim.status == ChangeStatus::kUnchanged || claim.status == ChangeStatus::kEquivalent) continue;
    if (claim.old_sides.empty() || claim.new_sides.empty()) continue;
    // A claim moved as it was has the same phrases on both sides.
    if (std::equal(claim.old_sides.begin(), claim.old_sides.end(), claim.new_sides.begin(), claim.new_sides.end(),
                   [](const ClaimSide& a, const ClaimSide& b) { return key_of(a) == key_of(b); })) {
      continue;
    }
    balance.clear();
    collect(claim.old_sides, old_side, 1);
    collect(claim.new_sides, new_side, -1);
    settle_balance();
    keep(old_side, new_side, 1);
    keep(new_side, old_side, -1);
  }
  std::vector<const Candidate*> changed;
  if (table.size() == 0) return changed;
  // Each distinct sentence is read once, its phrases counted as many times
  // as the sentence occurs in each version. Distinct sentences go in order
  // of first appearance, the old version's then those only the new one has:
  // a phrase that appeared or vanished is in sentences of one version only,
  // so the first sentence read with it is its first in that version, the
  // example to show.
  //
  // That also makes two passes enough. The sentences of one version only
  // (few, in a revision) are counted in full. A sentence in both versions
  // can only tell that a phrase is in both, so it is read for the phrases
  // the first pass left on one side, through the states of those alone.
  auto shared = [&index](uint32_t id) { return index.count(0, id) > 0 && index.count(1, id) > 0; };
  States first_states(first_words.size());
  for (uint64_t w : first_words) first_states.set(mix(0, w));
  auto starts = [&](uint64_t h, bool first) { return !first || first_states.may_hold(h); };
  for (uint32_t id = 0; id < index.size(); ++id) {
    if (shared(id)) continue;
    phrases(index.reading(id), starts, [&](uint64_t h, uint64_t, uint64_t, std::string_view, size_t) {
      if (auto* c = table.find(h)) {
        if (c->example == nullptr) c->example = &index.first_text(id);
        c->old_count += index.count(0, id);
        c->new_count += index.count(1, id);
      }
    });
  }
  std::vector<const Candidate*> one_sided;
  for (size_t k = 0; k < table.size(); ++k) {
    if (table.entry(k).one_sided()) one_sided.push_back(&table.entry(k));
  }
  if (one_sided.empty()) return changed;
  States states(one_sided.size() * (kMaxContentWords + kMaxInnerStopWords));
  for (const auto* c : one_sided) states_of(c->view(), scratch, [&states](uint64_t h) { states.set(h); });
  auto extend = [&states](uint64_t h, bool) { return states.may_hold(h); };
  // A sentence without the first word of any of them is passed over: this
  // pass reads every sentence the two versions share, and reading their
  // words was most of the wording shifts of a history's timeline.
  WordSignature first_of_one_sided;
  for (size_t k = 0; k < table.size(); ++k) {
    if (table.entry(k).one_sided()) first_of_one_sided.add(first_words[k]);
  }
  for (uint32_t id = 0; id < index.size(); ++id) {
    if (!shared(id)) continue;
    const Reading reading = index.reading(id);
    if (!reading.signature->shares_any(first_of_one_sided)) continue;
    phrases(reading, extend, [&](uint64_t h, uint64_t, uint64_t, std::string_view, size_t) {
      if (auto* c = table.find(h); c != nullptr && c->one_sided()) {
        c->old_count += index.count(0, id);
        c->new_count += index.count(1, id);
      }
    });
  }
  for (const auto* c : one_sided) {
    if (c->one_sided()) changed.push_back(c);
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

std::vector<WordingShift> wording_shifts(const SentenceIndex& index, const std::vector<ClaimChange>& claims,
                                         int max_entries, std::vector<std::string>& warnings) {
  auto limit = static_cast<size_t>(std::max(0, max_entries));
  auto swaps = wording_replacements(claims);
  CandidateTable table;
  auto changed = appeared_vanished(index, claims, table);
  // A phrase inside a side of a replacement, that changed no more often
  // than the replacement was made, is not listed again as appeared or
  // vanished ("User" -> "Personal" says that "Personal" appeared).
  std::vector<std::pair<std::string, int>> swapped;  // folded side in spaces, claims
  for (const auto& r : swaps) {
    swapped.emplace_back(" " + fold_case(*r.from) + " ", r.count);
    swapped.emplace_back(" " + fold_case(*r.to) + " ", r.count);
  }
  auto covered = [&swapped](const std::string& folded, const Candidate* p) {
    const auto change = std::max(p->old_count, p->new_count);  // one of the two is 0
    return std::any_of(swapped.begin(), swapped.end(), [&](const auto& side) {
      return change <= static_cast<uint32_t>(side.second) && side.first.find(folded) != std::string::npos;
    });
  };
  // Only the head of the ranking is read (all of it only when most phrases
  // are subsumed), so it is sorted in part: the rest of the order is
  // settled only if the loop below reaches it.
  size_t sorted = std::min(changed.size(), limit * kRankWindowPerEntry + kRankWindowPerEntry);
  std::partial_sort(changed.begin(), changed.begin() + static_cast<std::ptrdiff_t>(sorted), changed.end(),
                    ranks_before);
  // A phrase inside a longer listed phrase with the same counts adds nothing
  // ("assistance package" under "comprehensive assistance package"). Each
  // side is ranked on its own, up to the whole cap.
  std::vector<const Candidate*> kept[2];  // vanished, appeared
  std::vector<std::string> kept_folded[2];
  bool more_phrases = false;
  for (size_t i = 0; i < changed.size(); ++i) {
    if (i == sorted) {
      std::sort(changed.begin() + static_cast<std::ptrdiff_t>(i), changed.end(), ranks_before);
      sorted = changed.size();
    }
    const auto* p = changed[i];
    const size_t side = p->old_count > 0 ? 0 : 1;
    if (kept[side].size() == limit) {
      more_phrases = true;
      if (kept[1 - side].size() == limit) break;
      continue;
    }
    auto folded = " " + fold_case(p->view()) + " ";
    if (covered(folded, p)) continue;
    bool subsumed = false;
    for (size_t k = 0; k < kept[side].size() && !subsumed; ++k) {
      subsumed = kept[side][k]->old_count == p->old_count && kept[side][k]->new_count == p->new_count &&
                 contains_phrase(kept_folded[side][k], folded);
    }
    if (subsumed) continue;
    kept[side].push_back(p);
    kept_folded[side].push_back(std::move(folded));
  }
  auto phrase = [](const Candidate* p) {
    WordingShift shift;
    (p->old_count > 0 ? shift.from : shift.to) = std::string(p->view());
    shift.old_count = static_cast<int>(p->old_count);
    shift.new_count = static_cast<int>(p->new_count);
    shift.count = std::abs(shift.new_count - shift.old_count);
    shift.examples.push_back(p->example->str());
    return shift;
  };
  // Replacements, vanished and appeared phrases share the cap: taken in
  // turn, each in its own rank order, so that no one kind fills the list
  // (on 2023 -> 2024 the vanished phrases alone would fill it).
  std::vector<WordingShift> lists[3];
  lists[0] = std::move(swaps);
  for (size_t side = 0; side < 2; ++side) {
    for (const auto* p : kept[side]) lists[side + 1].push_back(phrase(p));
  }
  std::vector<WordingShift> taken[3];
  size_t total = 0;
  for (size_t round = 0; total < limit; ++round) {
    bool any = false;
    for (size_t l = 0; l < 3 && total < limit; ++l) {
      if (round >= lists[l].size()) continue;
      taken[l].push_back(std::move(lists[l][round]));
      any = true;
      ++total;
    }
    if (!any) break;
  }
  if (taken[0].size() < lists[0].size()) {
    warnings.push_back(fmt::format("wording: {} replacements found, the {} most frequent are listed", lists[0].size(),
                                   taken[0].size()));
  }
  if (more_phrases || taken[1].size() < lists[1].size() || taken[2].size() < lists[2].size()) {
    warnings.push_back(
        fmt::format("wording: more phrases appeared or vanished than the {} listed with the replacements; "
                    "those that changed most are listed",
                    limit));
  }
  // Replacements first, then vanished, then appeared, as before.
  std::vector<WordingShift> out;
  for (auto& list : taken) {
    for (auto& shift : list) out.push_back(std::move(shift));
  }
  return out;
}

}  // namespace strata::classify_detail
