// Claims of a Document, prepared for alignment. Internal to align and diff.
#pragma once

#include <cstdint>
#include <map>
#include <string_view>
#include <utility>
#include <vector>

#include "strata/document.hpp"
#include "sys/hash_index.hpp"

namespace strata::align {

// A text's words (lower-cased, no punctuation) as sorted 64-bit hashes. Hashes
// instead of ids from a shared vocabulary: no table to build or look up, and
// two words colliding would only nudge a similarity score.
using Bag = std::vector<uint64_t>;

// The words of a claim left without an exact match, the only claims the
// passes after exact pairing read.
struct ClaimWords {
  Bag bag;
  // Bags of the sentences of a claim that holds several (a list item, a
  // quote); empty for a one-sentence claim.
  std::vector<Bag> parts;
};

// A claim as alignment reads it: 16 bytes, a side holding one per claim of
// its document. Its words are kept apart (Side::words), for the few claims
// left without an exact match: a bag in each claim made every claim 80
// bytes, and two documents of a million lines held 160 MB of claims. Its
// block is found when asked (Side::block_of), for the few claims reported.
struct Claim {
  uint64_t key = 0;  // hash of the comparison form
  int section = -1;
  uint32_t sentence = 0;  // index into its section's sentences: Side::sentence()
};

struct Side {
  const Document* doc = nullptr;
  std::vector<Claim> claims;  // document order
  // Claim indices by (key, index): sorted once per version, where exact
  // pairing sorted them for each pair it was in, four times.
  std::vector<uint32_t> by_key;
  // Claims whose comparison form (or text, when that is empty) may define an
  // acronym (may_define_acronym): a few, found while every claim's text is
  // at hand, so that a version's summary (defined_acronyms) and a pair's
  // equivalences (diff::collect_acronyms) read these instead of every claim.
  std::vector<uint32_t> may_define;
  std::vector<size_t> own_chars;  // comparison-form bytes of each section's claims
  std::vector<Bag> title_bags;
  // Section pairing looks titles (ASCII case ignored) and title words up in
  // these, made once a version: maps made for each pair were a quarter of
  // the section pairing. title_keys: per section, the word_hash of its
  // title_norm in ASCII lowercase. by_title: (title key, section) of the
  // sections past the root, sorted. title_words: (word, section) for each
  // word of their title bags, sorted.
  std::vector<uint64_t> title_keys;
  std::vector<std::pair<uint64_t, int>> by_title;
  std::vector<std::pair<uint64_t, int>> title_words;
  std::vector<ClaimWords> words;  // of the claims that have them, in the order filled
  // Per claim, its index into `words` or -1 (claims paired exactly are never
  // filled); empty until the words are filled, and then only under
  // kMaxInexactClaims.
  std::vector<int> words_at;

  const Sentence& sentence(size_t c) const {
    const Claim& claim = claims[c];
    return doc->sections[static_cast<size_t>(claim.section)].sentences[claim.sentence];
  }
  // Index of claim `c`'s block in its section (a binary search).
  int block_of(int c) const;
  // The words of claim `c` (an index into `claims`); empty when not filled.
  const Bag& bag(int c) const { return words_of(c).bag; }
  const Bag& bag(size_t c) const { return bag(static_cast<int>(c)); }
  const std::vector<Bag>& parts(int c) const { return words_of(c).parts; }

 private:
  const ClaimWords& words_of(int c) const;
};

Side prepare(const Document& doc);

// The bag of a comparison-form text: its words, ASCII case folded, hashed,
// sorted; punctuation left out.
Bag bag_of(std::string_view norm);

// Dice coefficient of two sorted bags: 2|A∩B| / (|A| + |B|), 0..1.
double dice(const Bag& a, const Bag& b);
// dice(a, b) when it is at least `floor`, else some score below `floor`:
// the count stops once the words left cannot bring it there, which most
// candidates of unrelated texts show early.
double dice_at_least(const Bag& a, const Bag& b, double floor);
// |A∩B| / |A|: how much of A is found in B.
double containment(const Bag& a, const Bag& b);
// Whether containment(a, b) is at least `floor`, counted as dice_at_least.
bool contained_at_least(const Bag& a, const Bag& b, double floor);
Bag merge_bags(const Bag& a, const Bag& b);

// An inverted index of bags by word, to find the few bags most like a given
// one without comparing them all. Ids are the caller's, small and dense from 0.
class WordIndex {
 public:
  void add(int id, const Bag& bag);
  // Takes a bag out of the index (`bag` as it was added): it is no longer
  // found and no longer counts toward its words' postings, so that a word
  // does not become too common to probe because of bags that left. Postings
  // are compacted once more than half of them are gone: amortized constant
  // time per word of the bag.
  void remove(int id, const Bag& bag);
  // Ids of bags sharing the rarest words of `bag`, most shared first (ties by
  // id), at most a fixed number; words in more than kMaxPostings bags are
  // not probed.
  std::vector<int> candidates(const Bag& bag);

  // Words held by more bags than this ("the", "NATO") are too common to tell
  // bags apart and are skipped by a probe.
  static constexpr size_t kMaxPostings = 64;

 private:
  struct Posting {
    std::vector<int> ids;  // may hold removed ids until compacted
    size_t live = 0;       // ids not removed
  };
  // A word of a probe: how many bags hold it, and which.
  struct Probe {
    size_t df;
    uint64_t word;
    const std::vector<int>* ids;
    bool operator<(const Probe& o) const { return df != o.df ? df < o.df : word < o.word; }
  };
  util::HashIndex words_;  // word -> its place in postings_
  std::vector<Posting> postings_;
  std::vector<int> shared_;    // hits per id during one probe; all zero between probes
  std::vector<char> removed_;  // per id
  // candidates()'s working lists, kept from probe to probe: grown afresh
  // for each, they were most of its allocations.
  std::vector<Probe> probes_;
  std::vector<int> touched_;
  std::vector<std::pair<int, int>> ranked_;
};

// How each claim was paired, before statuses relative to sections are known.
// kSentence: a near pair found through one sentence of a multi-sentence
// claim (a list item whose one sentence was reworded); kShape: a short
// structured line whose dates or numbers changed ("Effective July 26,
// 2022" -> "Effective January 1, 2023") or that states the same amounts.
enum class PairKind : uint8_t { kNone, kExact, kNear, kSplitPart, kMergePart, kSentence, kShape };

struct ClaimPairs {
  std::vector<int> old_to_new;  // -1: unpaired; for a split, the first part
  std::vector<int> new_to_old;  // -1: unpaired; for a merge, the first part
  std::vector<PairKind> old_kind;
  std::vector<PairKind> new_kind;
  std::vector<double> old_score;
  // The parts after the first of splits (old claim -> the other new claims)
  // and merges (new claim -> the other old claims), in document order; empty
  // for a claim that is no split or merge.
  // Kept by claim index for the few claims that have them: a list per claim
  // was 48 MB for two documents of a million lines.
  std::map<int, std::vector<int>> split_rest;
  std::map<int, std::vector<int>> merge_rest;

  // The parts after the first of the split of old claim `i` / of the merge
  // into new claim `j`; empty for none.
  const std::vector<int>& split_rest_of(int i) const;
  const std::vector<int>& merge_rest_of(int j) const;
  // Set when the claims left without an exact match were over
  // kMaxInexactClaims: none of them was looked at further.
  bool inexact_over_cap = false;
};

// Work cap: when more claims than this are left without an exact match on
// either side, no splits, merges or near-duplicates are looked for and those
// claims stay added and removed (wikidiff2's bailout for moved paragraphs
// does the same). A revision leaves a few thousand (the realistic 30 MB
// pair: about 20,000; an unrelated 1 MB pair: 7,000); 1,000,000 lines that
// all differ took 12 s in the word index and its probes alone. The pipeline
// reports it in `warnings`.
inline constexpr size_t kMaxInexactClaims = 100'000;

// Work cap: a claim whose comparison form is longer than this (about 10,000
// words; real sentences stay under 2 KiB) is paired only when identical. Its
// word bag would cost more than the rest of a document: one 10 MiB line took
// 16 s in the word index alone. The pipeline reports it in `warnings`.
inline constexpr size_t kMaxPairedClaimBytes = 64 * 1024;

// Pairs claims: exact matches (comparison form) inside title-anchored sections
// first, then across the document; then splits of one claim into adjacent parts and
// merges; then near-duplicates through an inverted index. Fills the bags of
// the claims left without an exact match, the only ones the later steps
// read. Bounded: each claim looks at a fixed number of candidates.
ClaimPairs pair_claims(Side& old_side, Side& new_side, const std::vector<int>& anchor_old_to_new);

// The first pass of pair_claims (align/exact.cpp): claims with the same
// comparison form, inside title-anchored sections first, then anywhere.
void pair_exact(const Side& old_side, const Side& new_side, ClaimPairs& p, const std::vector<int>& anchor_old_to_new);

// Records the pair (i, j) of the given kind and score in `p`.
void link(ClaimPairs& p, int old_claim, int new_claim, PairKind kind, double score);

// Later passes of pair_claims over the claims still unpaired, each in its
// own file. pair_sentences (align/sentences.cpp): claims of several
// sentences pair through their best matching sentences. pair_shapes
// (align/shapes.cpp): short lines that differ only in their dates and
// numbers; pair_figures (align/shapes.cpp): sentences that state the same
// amounts; pair_gaps, below.
class Rarity;
// What a near pair must reach: word similarity (Dice) and rare-word
// similarity (Rarity::weighted_dice), both 0..1.
struct PairGate {
  double min_dice;
  double min_rare;
  const Rarity* rarity;
};
void pair_sentences(Side& old_side, Side& new_side, ClaimPairs& p, const PairGate& gate);
void pair_shapes(const Side& old_side, const Side& new_side, ClaimPairs& p);
void pair_figures(const Side& old_side, const Side& new_side, ClaimPairs& p);
// pair_gaps (align/gaps.cpp): a claim left alone between two pairs, in
// sections paired by `anchor` (old section -> new section, -1), and the
// claim in its place, when the shorter is mostly made of the longer's words.
void pair_gaps(const Side& old_side, const Side& new_side, ClaimPairs& p, const std::vector<int>& anchor);
// The claim next to `claim` (`step` -1 or 1) in its section, or -1.
int neighbour(const Side& side, int claim, int step);

}  // namespace strata::align
