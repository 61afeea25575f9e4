// The words of a modified claim, each tagged with the hunk of the word diff
// it lies in, and the closed-class lexicons that facts are read from
// (negation, modality, hedges, intensifiers, quantifiers). Internal to
// classify: facts.cpp says which occurrences are facts.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "strata/change.hpp"

namespace strata::classify_detail {

struct Word {
  std::string_view original;  // into the claim text or the diff, which outlive the facts' making
  std::string_view lower;     // into Side::folded
  int hunk = -1;              // -1: equal in the diff
  uint32_t first_of = 0;      // bits of the lexicons with an item starting with this word
  uint32_t fold_begin = 0;    // `lower` in Side::folded, while the side grows
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

// Splits the diff into words tagged with their hunk. Without a diff, the
// common prefix and suffix are equal and the middle is one hunk.
Hunks build_hunks(std::string_view old_text, std::string_view new_text, const std::vector<WordOp>& diff);

// A closed-class lexicon: its items sorted by first word, longest first,
// laid out by the compiler (fact_words.cpp), so that a run builds and frees
// nothing for it.
class Lexicon {
 public:
  // Words in the longest item ("in the strongest possible terms").
  static constexpr size_t kMaxItemWords = 5;

  struct Entry {
    std::string_view form;                                // lowercase words separated by single spaces
    std::string_view canonical;                           // what the form reads as: a modal's contracted form the modal
                                                          // ("won't" -> "will"), a contracted negation "not";
                                                          // other items themselves
    std::array<std::string_view, kMaxItemWords> words{};  // the words of `form`, then empty
    size_t size = 0;                                      // how many words
  };

  // `entries`: sorted by first word, then longest first.
  constexpr Lexicon(std::span<const Entry> entries, uint32_t bit) : entries_(entries), bit_(bit) {}

  struct Occurrence {
    std::string_view item;  // canonical item (Entry::canonical)
    size_t begin = 0;       // word index
    size_t end = 0;
  };

  // Items of `side` in reading order, the longest item at each word.
  std::vector<Occurrence> find(const Side& side) const;

  std::span<const Entry> entries() const { return entries_; }

 private:
  std::span<const Entry> entries_;
  uint32_t bit_;
};

// The five closed-class lexicons facts are read from.
const Lexicon& negations();
const Lexicon& modals();
const Lexicon& hedges();
const Lexicon& intensifiers();
const Lexicon& quantifiers();

}  // namespace strata::classify_detail
