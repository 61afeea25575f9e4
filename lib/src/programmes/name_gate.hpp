// Internal: the precision gate for programme names. A run of capitalized
// words with a head word is only a candidate; these rules turn away what
// reads as a name but is not one: web-chrome concatenations, a verb or a
// participle phrase at the edge of a run, a tail that qualifies a lowercase
// noun. The rules and their word list are documented in docs/programmes.md
// ("The precision gate"); the user's programme file adds names the gate
// never sees (configured names are matched before it).
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "segment/sentence_index.hpp"

namespace strata::classify_detail {

// Applies the rules that look at the whole run (token indices into `r`, in
// order) before its head is found; may drop words from either end. False
// when the run cannot be a name at all.
bool gate_run(const Reading& r, std::vector<size_t>& run);

// True when the words after the head, `run[head + 1 ..]`, qualify the
// lowercase noun that follows the run ("Commission for NATO-Ukraine
// cooperation"): the name then ends at its head.
// Connectors that may continue a name after its head word ("Platform on
// Countering Hybrid Warfare"); "and" and "with" there start something else.
bool is_tail_connector(std::string_view lower);

// "NATO-Ukraine", "EU-Ukraine": words joined by a hyphen, one a place.
bool place_pair(std::string_view word);

bool tail_qualifies_noun(const Reading& r, const std::vector<size_t>& run, size_t head);

}  // namespace strata::classify_detail
