// The words of a modified claim, each tagged with the hunk of the word diff
// it lies in, and the closed-class lexicons that facts are read from
// (negation, modality, hedges, intensifiers, quantifiers). Internal to
// classify: facts.cpp says which occurrences are facts.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
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

// A lexicon indexed by first word, longest items first.
class Lexicon {
 public:
  // Each item as (form, canonical item): a modal's contracted form reads as
  // the modal ("won't" -> "will"); other items are their own canonical form.
  Lexicon(const std::vector<std::pair<std::string_view, std::string_view>>& items, uint32_t bit);

  struct Occurrence {
    std::string_view item;  // canonical item (the modal for modal forms)
    size_t begin = 0;       // word index
    size_t end = 0;
  };

  // Items of `side` in reading order, the longest item at each word.
  std::vector<Occurrence> find(const Side& side) const;

 private:
  struct Entry {
    std::vector<std::string> words;
    std::string_view canonical;
  };
  void add(std::string_view form, std::string_view canonical);
  uint32_t bit_;
  std::map<std::string, std::vector<Entry>, std::less<>> by_first_;
};

// The five closed-class lexicons facts are read from.
const Lexicon& negations();
const Lexicon& modals();
const Lexicon& hedges();
const Lexicon& intensifiers();
const Lexicon& quantifiers();

}  // namespace strata::classify_detail
