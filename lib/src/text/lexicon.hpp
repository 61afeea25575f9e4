// Word lists that decide what a programme name is, and the stop words. Every
// list is lowercase. All of them live in one table keyed by the folded word,
// so that a word is looked up once (its flags kept with the reading of its
// sentence, classify/sentence_index.hpp) instead of once per list and rule.
#pragma once

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <span>
#include <string_view>

#include "text/hash.hpp"

namespace strata::classify_detail {

using util::word_hash;

// What the lexicons say of a folded word, and (set by the sentence reading)
// how the word is written. Sixteen bits at most: a sentence reading keeps
// them in two bytes a word (WordInfo).
enum WordFlag : uint32_t {
  kStop = 1u << 0,           // is_stop_word
  kHead = 1u << 1,           // is_head_word
  kPrefixHead = 1u << 2,     // is_prefix_head
  kLowercaseHead = 1u << 3,  // is_lowercase_head
  kGenericTail = 1u << 4,    // is_generic_tail
  kConnector = 1u << 5,      // is_connector
  kPlace = 1u << 6,          // is_place
  kMonth = 1u << 7,          // is_month
  kPersonTitle = 1u << 8,    // is_person_title
  kDeterminer = 1u << 9,     // is_determiner
  kNumberWord = 1u << 10,    // spelled_number() > 0
  // Written forms, from the sentence reading.
  kCapitalized = 1u << 11,  // is_capitalized
  kLowercase = 1u << 12,    // is_lowercase_word
  kNumber = 1u << 13,       // is_number
  kUnspaced = 1u << 14,     // one Han character or kana (a word alone, text/words.hpp)
  kInAddress = 1u << 15,    // part of a web address (text/addresses.hpp): no word or figure of the sentence
};

// A word of a WordTable and what the lists say of it.
struct WordSlot {
  std::string_view word;  // empty: a free slot
  uint64_t hash = 0;      // word_hash(word)
  uint32_t flags = 0;
};

// Folded words -> flags, for the fixed word lists of the classify units:
// open addressing over the words' word_hash, so that a word whose hash is
// known costs one probe. A view of slots that the compiler lays out
// (WordTableBuilder), so that a run spends nothing on building the lists
// and nothing on freeing them.
class WordTable {
 public:
  // `slots`: a power of two of them, at least one free (WordTableBuilder).
  constexpr explicit WordTable(std::span<const WordSlot> slots) : slots_(slots) {}
  // Inline: the sentence readings look up every word of two documents.
  uint32_t find(std::string_view word, uint64_t hash) const {
    size_t mask = slots_.size() - 1;
    for (size_t i = hash & mask; !slots_[i].word.empty(); i = (i + 1) & mask) {
      // Equal 64-bit hashes and lengths are taken for equal words: half the
      // words of a document are lexicon words, and a false match (odds
      // about 1e-12 for a document's vocabulary) would only give a word a
      // list's flags.
      if (slots_[i].hash == hash && slots_[i].word.size() == word.size()) return slots_[i].flags;
    }
    return 0;
  }
  uint32_t find(std::string_view word) const { return find(word, word_hash(word)); }

 private:
  std::span<const WordSlot> slots_;
};

// Lays out the slots of a WordTable at compile time (in a constexpr
// initializer): `kSlots` a power of two, at least four per word, so that
// probes stay short.
template <size_t kSlots>
class WordTableBuilder {
  static_assert(std::has_single_bit(kSlots));

 public:
  // `word` must outlive the table (the lists are static); a word added
  // again gains the flags.
  constexpr void add(std::string_view word, uint32_t flags) {
    const uint64_t hash = word_hash(word);
    const size_t mask = kSlots - 1;
    size_t i = hash & mask;
    while (!slots_[i].word.empty() && slots_[i].word != word) i = (i + 1) & mask;
    if (slots_[i].word.empty()) {
      // Not a constant expression: a table given too few slots fails the build.
      if ((++size_) * 4 > kSlots) std::abort();
      slots_[i].word = word;
      slots_[i].hash = hash;
    }
    slots_[i].flags |= flags;
  }
  constexpr const std::array<WordSlot, kSlots>& slots() const { return slots_; }

 private:
  std::array<WordSlot, kSlots> slots_{};
  size_t size_ = 0;
};

// Every word list in one table (lexicon_flags).
const WordTable& lexicon();

// The lexicon flags of `lower` (already folded); `hash` is word_hash(lower).
uint32_t lexicon_flags(std::string_view lower, uint64_t hash);
uint32_t lexicon_flags(std::string_view lower);

// Function words ignored by phrase statistics and stripped from name edges:
// the closed-class words of English (articles, pronouns, prepositions,
// conjunctions, auxiliaries) plus a few sentence openers seen capitalized in
// the bundled snapshots ("Since", "Following", "Today").
inline bool is_stop_word(std::string_view lower) { return (lexicon_flags(lower) & kStop) != 0; }

// Head words of programme names ("... Programme", "... Council"): the
// common ones, widened with the bodies and instruments the bundled snapshots name.
inline bool is_head_word(std::string_view lower) { return (lexicon_flags(lower) & kHead) != 0; }

// Head words that lead the name ("Operation Active Endeavour").
inline bool is_prefix_head(std::string_view lower) { return (lexicon_flags(lower) & kPrefixHead) != 0; }

// Head words that may follow a capitalized name in lowercase ("the
// Partnership for Peace programme", "Resolute Support mission") or lead it
// ("operation Ocean Shield"); and the generic ones dropped from matching
// keys, so that "Air Situation Data Exchange programme" and "... Programme"
// are one programme.
inline bool is_lowercase_head(std::string_view lower) { return (lexicon_flags(lower) & kLowercaseHead) != 0; }
inline bool is_generic_tail(std::string_view lower) { return (lexicon_flags(lower) & kGenericTail) != 0; }

// Lowercase words that may join the capitalized words of a name
// ("Partnership for Peace", "Charter on a Distinctive Partnership").
inline bool is_connector(std::string_view lower) { return (lexicon_flags(lower) & kConnector) != 0; }

// Countries, regions and cities of the bundled snapshots and their neighbourhood, and
// month names: never a name on their own, and trimmed from "X for Ukraine".
inline bool is_place(std::string_view lower) { return (lexicon_flags(lower) & kPlace) != 0; }
inline bool is_month(std::string_view lower) { return (lexicon_flags(lower) & kMonth) != 0; }

// Titles of people ("President", "Secretary General"): a name may not start
// with one.
inline bool is_person_title(std::string_view lower) { return (lexicon_flags(lower) & kPersonTitle) != 0; }

// Spelled-out counts, "two" to "twenty": the value, else 0. "one" is left
// out: in the bundled snapshots it is almost always a pronoun or "one of the".
int spelled_number(std::string_view lower);

// Determiners that introduce a short back-reference ("the Commission").
inline bool is_determiner(std::string_view lower) { return (lexicon_flags(lower) & kDeterminer) != 0; }

}  // namespace strata::classify_detail
