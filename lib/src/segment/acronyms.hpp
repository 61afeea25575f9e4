// Internal: "Full Name (ACR)" definitions in a sentence, and the matching key
// of a name.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "segment/sentence_index.hpp"

namespace strata::classify_detail {

// A "Full Name (ACR)" definition in a sentence.
struct Definition {
  std::string acronym;
  std::string name;       // the full name, plus a head word written after ")" ("(BI) Initiative")
  std::string expansion;  // the full name alone: the words the acronym stands for
  size_t first = 0;       // token range of the whole definition, [first, last]
  size_t last = 0;
  bool programme = false;  // the name has a head word
  // The full name is a name: capitalized words joined by connectors. Not so
  // for "small arms and light weapons (SALW)", which programmes pass over
  // and equivalences use.
  bool capitalized = false;
};

// False when `text` cannot hold a definition: none of its "(" is followed,
// past spaces, by a capital letter. Cheaper than reading the sentence.
bool may_define_acronym(std::string_view text);

// The "Full Name (ACR)" definitions of a sentence, whether or not the full
// name is capitalized: compare() reads them for acronym equivalences,
// programme extraction keeps the capitalized ones.
std::vector<Definition> find_definitions(const Reading& sentence);

// Acronym -> its expansion (folded words), for matching keys.
using AcronymTable = std::map<std::string, std::string, std::less<>>;

// The matching key of a name: folded words, acronyms expanded, possessives
// and a trailing generic head ("programme", "process") dropped.
std::string name_key(std::string_view name, const AcronymTable& acronyms);

}  // namespace strata::classify_detail
